"""Scrapers: URL or file in, archived snapshot and observations out. Knows nothing of the registry.

The API the verifier uses (see docs/extraction-rules.md, "Using the scrapers from code"):

- ``scrapers.fetch.Fetcher`` / ``FetchPolicy`` / ``fetch_source(fetcher, archive, url, source_id=...)``:
  a polite conditional GET whose outcome is archived as a ``Snapshot``;
- ``scrapers.archive.Archive(root).newest(url=..., source_id=...)``: the newest archived copy, offline;
- ``scrapers.extract.extract_snapshot(archive, snapshot, kind=..., block=...)``: its ``Observation`` list.

Modules import their heavy dependencies (httpx, bs4, pdfplumber) themselves; importing this package does not.
"""
