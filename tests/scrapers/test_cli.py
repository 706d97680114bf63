"""`kzdocs extract` end to end through the real CLI root (error lines and exit codes included)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kzdocs import cli

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(cli, ["extract", *args])


def test_a_page_prints_a_table_with_quotes_and_locators() -> None:
    result = run(str(PAGES / "govkz_situation.html"))
    assert result.exit_code == 0, result.output
    assert "observations in" in result.stdout and "KEY" in result.stdout
    assert "“Ресімдеу мерзімі – 15 жұмыс күні.”" in result.stdout
    assert "at css:body > div > div > section > p" in result.stdout


def test_json_output_for_machines() -> None:
    result = run(str(PAGES / "egov_info_blocks.html"), "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["kind"] == "html"
    first = payload["observations"][0]
    assert {"key", "value", "unit", "quote", "locator", "rule"} <= set(first)
    assert (first["key"], first["value"], first["quote"]) == ("fee", 0, "Бесплатно")


def test_plain_text_and_the_kind_option(tmp_path: Path) -> None:
    notes = tmp_path / "notes.dat"
    notes.write_text("Visa processing time is 5 working days.\nOne color photo 3.5 х 4.5 cm.\n", encoding="utf-8")
    before = notes.read_bytes()
    result = run(str(notes), "--kind", "text", "--json")
    assert result.exit_code == 0, result.output
    found = [(o["key"], o["value"], o["locator"]) for o in json.loads(result.stdout)["observations"]]
    assert ("duration", 5, "line 1") in found and ("photo.size", "35x45", "line 2") in found
    assert notes.read_bytes() == before


def test_a_bad_pdf_is_one_error_line_and_exit_2(tmp_path: Path, sample_pdf: bytes) -> None:
    broken = tmp_path / "rules.pdf"
    broken.write_bytes(sample_pdf[:2000])
    result = run(str(broken))
    assert result.exit_code == 2
    assert result.stdout == ""
    expected = f"Error: {broken}: truncated or corrupt PDF (no %%EOF marker at the end)"
    assert result.stderr.strip().splitlines() == [expected]
    assert broken.read_bytes() == sample_pdf[:2000]


def test_a_missing_file_and_a_missing_block_are_clear_errors(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nowhere.html"))
    assert missing.exit_code == 2 and "nowhere.html: no such file" in missing.stderr
    no_block = run(str(PAGES / "egov_article.html"), "--block", "table.passport")
    assert no_block.exit_code == 2 and "no element matches the block selector 'table.passport'" in no_block.stderr
    assert "Traceback" not in missing.output + no_block.output


def test_a_url_is_fetched_through_a_mirror(server) -> None:
    server.page("/www.gov.kz/situations/96/285", (PAGES / "govkz_situation.html").read_bytes())
    server.page("/www.gov.kz/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    result = run("https://www.gov.kz/situations/96/285", "--mirror", server.mirror("www.gov.kz"), "--json")
    assert result.exit_code == 0, result.output
    assert {o["key"] for o in json.loads(result.stdout)["observations"]} >= {"fee", "duration", "digital.dpi"}
    assert server.requests_to("/www.gov.kz/situations/96/285")[0].headers["user-agent"].startswith("kzdocs/")


def test_a_url_off_the_allowlist_is_refused() -> None:
    result = run("https://example.com/page")
    assert result.exit_code == 2
    assert "blocked (off-allowlist)" in result.stderr
