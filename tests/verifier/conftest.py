"""Fixtures for verifier tests: a registry built from fixture profiles, sources, pages and a local site."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from registry.build import build_registry
from tests.verifier.site import Route, Site, start

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PASSPORT_PAGE = """<!doctype html><html><head><title>Obtaining a passport</title></head><body>
<header><nav>Home / Life situations</nav></header>
<main><article class="situation">
<h1>Obtaining a passport of a citizen</h1>
<p>Who may apply: any citizen, whatever the age.</p>
<h2>Cost</h2><p>The state duty for issuing the passport is 8 MCI.</p>
<h2>Term</h2><p>The passport is issued within 15 working days.</p>
{extra}
</article></main><footer>Public services portal</footer></body></html>"""

VISA_PAGE = """<!doctype html><html><head><title>Visa</title></head><body><main><article>
<h1>Obtaining a visa</h1>
<ul><li>a passport valid for at least three months after the visa ends;</li>
<li>one photo of 3.5x4.5 cm;</li></ul>
</article></main></body></html>"""

SOURCES = """sources:
  - id: gov-passport
    url: https://www.gov.kz/situations/21/intro?lang=en
    kind: html
    language: en
    authority: official
    title: Obtaining a passport (test page)
    evidences:
      - {profile: kz-passport, field: fee, observe: fee}
      - {profile: kz-passport, field: processing_time, observe: duration}
      - {profile: kz-passport, field: min_age, observe: age}
  - id: egov-visa
    url: https://egov.kz/cms/en/articles/rk_visa_obtaining
    kind: html
    language: en
    authority: official
    title: Obtaining a visa (test page)
    evidences:
      - {profile: kz-visa-photo, field: print.width_mm, observe: photo.size, part: width}
  - id: gov-passport-pdf
    url: https://www.gov.kz/uploads/passport-rules.pdf
    kind: pdf
    language: en
    authority: official
    title: Passport requirements (test PDF)
    evidences:
      - {profile: kz-passport, field: fee, observe: fee}
"""


def passport_pdf(fee: str = "8 MCI") -> bytes:
    """A real PDF with a requirements table, made with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    buffer = io.BytesIO()
    table = Table(
        [
            ["Requirement", "Value"],
            ["State duty", f"The state duty is {fee}."],
            ["Term", "Issued within 15 working days."],
        ]
    )
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    return buffer.getvalue()


def default_routes() -> dict[str, Route]:
    return {
        "/gov/situations/21/intro?lang=en": Route(PASSPORT_PAGE.format(extra="").encode()),
        "/egov/cms/en/articles/rk_visa_obtaining": Route(VISA_PAGE.encode()),
        "/gov/uploads/passport-rules.pdf": Route(passport_pdf(), content_type="application/pdf"),
    }


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site(routes=default_routes())
    server = start(s)
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """(db, data_dir) with the fixture profiles built and a sources.yaml for the local site."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "registry" / "profiles", data / "profiles")
    (data / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    db = tmp_path / "registry.db"
    build_registry(db, data)
    return db, data


def mirrors(site: Site) -> tuple[str, ...]:
    return (f"https://www.gov.kz={site.base('/gov')}", f"https://egov.kz={site.base('/egov')}")
