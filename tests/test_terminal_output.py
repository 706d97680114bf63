"""Terminal output people can read: tables fit the width, show prints quotes, repeated errors collapse."""

from __future__ import annotations

import json
import re
import socket
from collections import Counter
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner

from kzdocs import cli
from registry.table import Table, fit_widths, shorten, terminal_width
from tests.docs_examples import (
    Workspace,
    add_second_version,
    alter_visa_page,
    copy_project_data,
    no_internet,  # noqa: F401 - autouse: connections go to 127.0.0.1 or nowhere
    serve_folder,
)

WIDTHS = (100, 60)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    from registry.build import build_registry
    from scrapers.archive import Archive

    ws = Workspace(tmp_path_factory.mktemp("terminal") / "project")
    copy_project_data(ws.data)
    build_registry(ws.db, ws.data)
    add_second_version(ws)
    Archive(ws.data / "archive").export(ws.root / "mirror")
    alter_visa_page(ws.root / "mirror")
    return ws


def run(ws: Workspace, columns: int, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=ws.env(columns), catch_exceptions=False)
    return result.exit_code, result.output


def assert_fits(output: str, columns: int) -> None:
    wide = [line for line in output.splitlines() if len(line) > columns]
    assert not wide, f"{len(wide)} line(s) wider than {columns}:\n" + "\n".join(wide)


def slugs(ws: Workspace) -> list[str]:
    return sorted(p.stem for p in (ws.data / "profiles").glob("*.yaml"))


@pytest.mark.parametrize("columns", WIDTHS)
def test_registry_tables_fit_the_width(ws: Workspace, columns: int) -> None:
    outputs = [run(ws, columns, "profiles"), run(ws, columns, "diff", "kz-visa-photo", "1", "2"),
               run(ws, columns, "build"), run(ws, columns, "fields")]
    for slug in slugs(ws):
        outputs += [run(ws, columns, "show", slug), run(ws, columns, "history", slug)]
    for code, output in outputs:
        assert code == 0, output
        assert_fits(output, columns)


def test_profiles_at_100_columns_is_a_table_with_whole_slugs(ws: Workspace) -> None:
    code, output = run(ws, 100, "profiles")
    header, rule, *rows = output.splitlines()
    assert header.split()[:3] == ["slug", "kind", "title"]
    for slug in slugs(ws):
        assert any(row.startswith(slug + " ") for row in rows), f"{slug} is cut or missing:\n{output}"


def test_a_narrow_terminal_gets_one_block_per_row_with_nothing_cut(ws: Workspace) -> None:
    code, output = run(ws, 60, "profiles")
    assert re.findall(r"(?m)^slug:\s+(\S+)$", output) == [
        json.loads(run(ws, 100, "profiles", "--json")[1])[i]["slug"] for i in range(len(slugs(ws)))
    ]
    assert "…" not in output


@pytest.mark.parametrize("columns", WIDTHS)
def test_show_prints_the_quote_of_every_sourced_field(ws: Workspace, columns: int) -> None:
    for slug in ("kz-visa-photo", "kz-passport", "kz-permanent-residence-permit"):
        code, output = run(ws, columns, "show", slug)
        flat = " ".join(output.split())
        doc = yaml.safe_load((ws.data / "profiles" / f"{slug}.yaml").read_text(encoding="utf-8"))
        for field in doc["fields"]:
            if field.get("sources"):
                quote = " ".join(field["sources"][0]["quote"].split())
                assert f"“{quote}”" in flat, f"{slug} {field['key']}: quote missing at {columns} columns"
            if field["status"] == "inferred":
                assert "inferred: " + " ".join(field["reason"].split())[:40] in flat, field["key"]


@pytest.mark.parametrize("columns", WIDTHS)
def test_verify_report_with_changes_fits_the_width(ws: Workspace, columns: int) -> None:
    server = serve_folder(ws.root / "mirror")
    try:
        mirror = f"https://egov.kz=http://127.0.0.1:{server.server_address[1]}/egov.kz"
        code, output = run(ws, columns, "verify", "--source", "egov-article-visa", "--mirror", mirror)
    finally:
        server.shutdown()
        server.server_close()
    assert code == 1, output
    assert_fits(output, columns)
    assert "40 mm" in output and "kz-visa-photo" in output


@pytest.mark.parametrize("columns", WIDTHS)
def test_verify_all_confirmed_with_all_rows_fits_the_width(ws: Workspace, columns: int) -> None:
    code, output = run(ws, columns, "verify", "--offline", "--all")
    assert code in (0, 1), output
    assert_fits(output, columns)
    assert output.count("confirmed") >= 10


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def every_host_unreachable(ws: Workspace) -> list[str]:
    """--mirror arguments sending every source host to a closed port: a run with no network at all."""
    sources = yaml.safe_load((ws.data / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    port = closed_port()
    hosts = sorted({urlsplit(s["url"]).hostname for s in sources})
    return [arg for host in hosts for arg in ("--mirror", f"{host}=http://127.0.0.1:{port}")]


@pytest.mark.parametrize("columns", WIDTHS)
def test_identical_source_errors_collapse_into_one_counted_row(ws: Workspace, columns: int) -> None:
    args = ["verify", *every_host_unreachable(ws), "--retries", "1", "--timeout", "2"]
    code, as_json = run(ws, columns, *args, "--json")
    errors = json.loads(as_json)["summary"]["source_error"]
    assert code == 2 and errors > 20
    code, output = run(ws, columns, *args)
    assert code == 2
    assert_fits(output, columns)
    assert len(re.findall(r"F\d{3}", output)) == 1, output
    assert f"source_error x{errors}" in output, output
    assert "Connection refused" in output or "connection failed" in output, output
    assert len(output.splitlines()) < 20, output


def test_different_failures_stay_on_rows_of_their_own(ws: Workspace) -> None:
    """Only identical failures collapse: a missing page and an unreachable host are two rows."""
    port = closed_port()
    missing = serve_folder(ws.root / "no-such-folder")
    try:
        args = ["verify", "--source", "egov-article-visa", "--source", "mobile-egov-pass003-mvd",
                "--mirror", f"https://egov.kz=http://127.0.0.1:{missing.server_address[1]}/egov.kz",
                "--mirror", f"https://m.egov.kz=http://127.0.0.1:{port}/m.egov.kz", "--retries", "1", "--timeout", "2"]
        code, output = run(ws, 100, *args)
        _, as_json = run(ws, 100, *args, "--json")
    finally:
        missing.shutdown()
        missing.server_close()
    assert code == 2
    per_source = Counter(f["source"] for f in json.loads(as_json)["findings"] if f["kind"] == "source_error")
    assert set(per_source) == {"egov-article-visa", "mobile-egov-pass003-mvd"}, per_source
    rows = re.findall(r"(?m)^F\d{3}.*$", output)
    assert len(rows) == 2, output
    for source, count in per_source.items():
        assert any(f"x{count}" in r and source in r for r in rows), (source, count, output)


# --- the table itself --------------------------------------------------------------------------------------


def test_columns_environment_sets_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "73")
    assert terminal_width() == 73


def test_a_long_url_keeps_its_host_and_its_page() -> None:
    url = "https://www.gov.kz/memleket/entities/mfa-newyork/press/article/details/86164?directionId=5977&lang=en"
    short = shorten(url, 40)
    assert len(short) == 40 and short.startswith("www.gov.kz/") and short.endswith("lang=en") and "…" in short


def test_wrapped_columns_give_way_before_shortened_ones() -> None:
    headers = ["key", "reason"]
    rows = [["print.width_mm", "a long reason " * 10]]
    assert fit_widths(headers, rows, 60, wrap=frozenset({"reason"})) == [14, 60 - 2 - 14]


def test_notes_under_a_row_wrap_to_the_width() -> None:
    table = Table(["field", "value"])
    table.add(["fee", "2 MCI"], notes=["“" + "quoted words " * 30 + "”"])
    lines = table.render(50)
    assert max(len(line) for line in lines) <= 50 and len(lines) > 4


def test_keep_columns_are_never_cut() -> None:
    table = Table(["slug", "title"], wrap=frozenset({"title"}), keep=frozenset({"slug"}))
    table.add(["kz-stateless-person-certificate-photo", "Certificate of a stateless person in Kazakhstan"])
    for width in (100, 60, 50):
        text = "\n".join(table.render(width))
        assert "kz-stateless-person-certificate-photo" in text, text
        assert all(len(line) <= width for line in text.splitlines()), text


def test_rows_of_a_table_fit_at_any_width() -> None:
    table = Table(["id", "profile", "field", "finding", "registry", "source says", "source"],
                  wrap=frozenset({"source says"}))
    table.add(["F001", "kz-permanent-residence-permit", "documents", "changed", "12 items", "x " * 80, "adilet"])
    for width in range(20, 140, 7):
        assert all(len(line) <= width for line in table.render(width)), width
