"""Verifier commands: verify, accept, reject, archive export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from registry.paths import data_option, db_option, json_option
from registry.render import echo_json


@click.command()
@click.option("--source", "wanted", multiple=True, help="Only this source id (repeatable).")
@click.option("--offline", is_flag=True, help="Read the newest copies in data/archive/ instead of the live sites.")
@click.option(
    "--mirror",
    "mirrors",
    multiple=True,
    metavar="FROM=TO",
    help="Fetch origin FROM from base URL TO (repeatable), e.g. https://egov.kz=http://127.0.0.1:8765/egov.kz",
)
@click.option(
    "--min-interval",
    type=float,
    default=None,
    help="Seconds between requests to one host (default 2; 0 with --mirror).",
)
@click.option("--timeout", type=float, default=None, help="Read timeout per request in seconds (default 30).")
@click.option("--retries", type=int, default=None, help="Attempts per request on timeouts and 5xx (default 3).")
@click.option("--max-body", type=int, default=None, help="Largest body accepted, in bytes (default 20 MB).")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a Markdown report with each change side by side.",
)
@click.option("--all", "verbose", is_flag=True, help="List confirmed findings in the table too.")
@db_option
@data_option
@json_option
def verify(
    wanted: tuple[str, ...],
    offline: bool,
    mirrors: tuple[str, ...],
    min_interval: float | None,
    timeout: float | None,
    retries: int | None,
    max_body: int | None,
    report_path: Path | None,
    verbose: bool,
    db_path: Path,
    data_dir: Path,
    as_json: bool,
) -> None:
    """Re-verify official sources and report, field by field, what they say now.

    Exit code 0: everything confirmed; 1: changes await review; 2: sources failed.

    \b
    Example:
      kzdocs verify --offline
      kzdocs verify --offline --source egov-article-residence-permit --json
      kzdocs verify --source egov-article-visa --mirror https://egov.kz=http://127.0.0.1:8765/egov.kz \\
          --report out/run.md
    """
    from verifier.report import markdown, print_summary
    from verifier.run import verify as run_verify

    if offline and mirrors:
        raise click.UsageError("--offline and --mirror exclude each other")
    overrides: dict[str, object] = {}
    if timeout is not None:
        overrides |= {"read_timeout": timeout, "connect_timeout": min(timeout, 10.0)}
    if retries is not None:
        overrides |= {"max_attempts": max(1, retries), "backoff_base": 0.2}
    if max_body is not None:
        overrides["max_body_bytes"] = max_body
    run, _ = run_verify(
        db_path,
        data_dir,
        data_dir / "sources.yaml",
        data_dir / "archive",
        wanted,
        offline,
        mirrors,
        min_interval,
        policy_overrides=overrides,
    )
    if report_path:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(markdown(run), encoding="utf-8")
    if as_json:
        echo_json(
            {
                "run_id": run.run_id,
                "mode": run.mode,
                "started_at": run.started_at.isoformat(),
                "findings": [f.model_dump(mode="json", exclude={"run_id"}) for f in run.findings],
                "summary": run.summary,
                "coverage": run.coverage.model_dump() if run.coverage else None,
                "exit_code": run.exit_code,
            }
        )
    else:
        print_summary(run, verbose)
        if report_path:
            click.echo(f"Report: {report_path}")
    sys.exit(run.exit_code)


@click.command()
@click.argument("run_id")
@click.option("--finding", "ids", multiple=True, help="Finding id (repeatable; default: all awaiting review).")
@click.option("--reason", required=True, help="Why the change is accepted (kept with the new version).")
@click.option(
    "--value",
    "value_text",
    default=None,
    help="The value to accept for an ambiguous finding (one of the values it lists), e.g. 20.",
)
@db_option
@data_option
@json_option
def accept(
    run_id: str, ids: tuple[str, ...], reason: str, value_text: str | None, db_path: Path, data_dir: Path, as_json: bool
) -> None:
    """Accept findings of a run as new profile versions (one transaction for all of them).

    RUN_ID is the id `kzdocs verify` printed; the finding ids are in its table and report. An ambiguous
    finding (two values where the field was) is accepted only with --value naming one of them, for example
    `--value 20`.

    \b
    Example:
      kzdocs accept RUN_ID --finding F005 --reason "the visa page now asks for 4 x 6 cm"
    """
    from verifier.review import accept as do_accept
    from verifier.review import parse_value
    from verifier.run import load_sources

    sources = {s.id: s for s in load_sources(data_dir / "sources.yaml")}
    value = parse_value(value_text) if value_text is not None else None
    made = do_accept(db_path, data_dir, run_id, ids, reason, sources, value=value)
    if as_json:
        echo_json({"run_id": run_id, "versions": made})
        return
    if not made:
        click.echo(f"Nothing to do: {', '.join(ids)} of {run_id} already accepted.")
    for m in made:
        click.echo(f"{m['profile']}: version {m['version']} recorded ({', '.join(m['findings'])})")


@click.command()
@click.argument("run_id")
@click.option("--finding", "ids", multiple=True, help="Finding id (repeatable; default: all awaiting review).")
@click.option("--reason", required=True, help="Why the finding is rejected.")
@db_option
@data_option
@json_option
def reject(run_id: str, ids: tuple[str, ...], reason: str, db_path: Path, data_dir: Path, as_json: bool) -> None:
    """Reject findings: they are not raised again while the source states the same value in the same words.

    \b
    Example:
      kzdocs reject RUN_ID --finding F007 --reason "typo on the page, the term is unchanged"
    """
    from verifier.review import reject as do_reject

    rejected = do_reject(db_path, data_dir, run_id, ids, reason)
    if as_json:
        echo_json({"run_id": run_id, "rejected": rejected})
        return
    click.echo(f"Rejected {', '.join(rejected)}; they stay quiet while their source states the same thing.")


@click.group()
def archive() -> None:
    """Work with the archive of fetched sources (data/archive/).

    \b
    Example:
      kzdocs archive export out/mirror
    """


@archive.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@data_option
@json_option
def export(directory: Path, data_dir: Path, as_json: bool) -> None:
    """Write the newest archived copy of every source as plain files plus DIR/index.json.

    Serve DIR with any static server and point --mirror at it to stand in for the official sites.

    \b
    Example:
      kzdocs archive export out/mirror && python -m http.server -d out/mirror --bind 127.0.0.1 8765
    """
    from scrapers.archive import Archive

    index = Archive(data_dir / "archive").export(directory)
    if as_json:
        echo_json(index.model_dump(mode="json"))
        return
    click.echo(f"Exported {len(index.sources)} source(s) to {directory} (index.json lists them).")
