"""kzdocs verify / accept / reject against a real local server standing in for the official sites."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from kzdocs import cli
from registry.api import Registry
from tests.verifier.conftest import PASSPORT_PAGE, mirrors, passport_pdf
from tests.verifier.site import Route, Site

PASSPORT = "/gov/situations/21/intro?lang=en"


def verify(db: Path, data: Path, site: Site, *extra: str) -> tuple[int, dict]:
    args = ["verify", "--db", str(db), "--data", str(data), "--json", "--timeout", "1", "--retries", "2"]
    for m in mirrors(site):
        args += ["--mirror", m]
    result = CliRunner().invoke(cli, [*args, *extra])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result.exit_code, json.loads(result.stdout)


def kinds(run: dict) -> dict[tuple[str, str, str], str]:
    return {(f["profile"], f["field"], f["source"]): f["kind"] for f in run["findings"]}


def test_unchanged_sources_are_all_confirmed_and_move_verified_at(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    code, run = verify(db, data, site)
    assert code == 0, run
    assert run["summary"]["confirmed"] == 4
    assert set(kinds(run).values()) == {"confirmed"}
    fee = next(f for f in run["findings"] if f["field"] == "fee" and f["source"] == "gov-passport")
    assert fee["registry_value"] == 8 and fee["observed_value"] == 8
    assert "8 MCI" in fee["quote"]
    with Registry.open(db) as reg:
        profile = reg.current("kz-passport")
        assert profile.version == 1
        assert profile.field("fee").verified_at.isoformat() > "2026-11-01"
    assert (data / "verifications.jsonl").read_text().count('"verify"') == 3


def test_second_run_transfers_no_bodies(workspace: tuple[Path, Path], site: Site) -> None:
    """Every request of a second run against unchanged sources (robots.txt included) is answered 304."""
    db, data = workspace
    verify(db, data, site)
    served, asked = site.bodies_served, len(site.requests)
    events = (data / "verifications.jsonl").read_text()
    code, run = verify(db, data, site)
    assert (data / "verifications.jsonl").read_text() == events  # same day, same values: nothing new to record
    assert code == 0 and run["summary"]["confirmed"] == 4
    assert site.bodies_served == served
    assert site.not_modified == len(site.requests) - asked == 5  # three sources and two robots.txt


def test_changed_fee_is_reported_and_accepted_as_a_new_version(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").replace("8 MCI", "9 MCI").encode())
    code, run = verify(db, data, site)
    assert code == 1
    changed = [f for f in run["findings"] if f["kind"] in ("changed", "conflict")]
    assert [(f["field"], f["registry_value"], f["observed_value"]) for f in changed] == [("fee", 8, 9)]
    # The page changed its own statement: a change, not a conflict, although the PDF still says 8 MCI.
    assert changed[0]["kind"] == "changed"
    assert changed[0]["agreeing_sources"] == ["gov-passport-pdf"]
    assert changed[0]["previous"]["value"] == 8 and "8 MCI" in changed[0]["previous"]["quote"]
    result = CliRunner().invoke(
        cli,
        [
            "accept",
            run["run_id"],
            "--finding",
            changed[0]["id"],
            "--reason",
            "duty raised",
            "--db",
            str(db),
            "--data",
            str(data),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    with Registry.open(db) as reg:
        fee = reg.current("kz-passport").field("fee")
        assert reg.latest_version("kz-passport") == 2
        assert fee.value == 9 and "9 MCI" in fee.sources[0].quote
        # Each value keeps exactly the sources stating it now: the page for 9, the PDF (still 8) beside it.
        assert [s.url for s in fee.sources] == ["https://www.gov.kz/situations/21/intro?lang=en"]
        assert [(a.value, [s.url for s in a.sources]) for a in fee.alternatives] == [
            (8, ["https://www.gov.kz/uploads/passport-rules.pdf"])
        ]
        assert reg.version("kz-passport", 1).value("fee") == 8
        assert reg.history("kz-passport")[-1]["findings"] == [f"{run['run_id']}/{changed[0]['id']}"]
    assert (data / "versions" / "kz-passport" / "0002.yaml").is_file()
    assert "value: 9" in (data / "profiles" / "kz-passport.yaml").read_text()


def test_removed_paragraph_is_missing(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    page = PASSPORT_PAGE.format(extra="").replace(
        "<h2>Term</h2><p>The passport is issued within 15 working days.</p>", ""
    )
    site.routes[PASSPORT] = Route(page.encode())
    code, run = verify(db, data, site)
    assert code == 1
    assert kinds(run)[("kz-passport", "processing_time", "gov-passport")] == "missing"


def test_new_field_on_the_page_is_new(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="<p>Citizens may apply from the age of 16.</p>").encode())
    code, run = verify(db, data, site)
    assert code == 1
    new = next(f for f in run["findings"] if f["kind"] == "new")
    assert (new["field"], new["observed_value"]) == ("min_age", 16)


def test_server_error_and_timeout_are_source_errors_that_change_nothing(
    workspace: tuple[Path, Path], site: Site
) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(b"oops", status=500)
    site.routes["/egov/cms/en/articles/rk_visa_obtaining"] = Route(b"late", delay=3)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM profile_version").fetchone()[0]
    code, run = verify(db, data, site)
    assert code == 2
    errors = {f["source"]: f for f in run["findings"] if f["kind"] == "source_error"}
    assert set(errors) == {"gov-passport", "egov-visa"}
    assert all(f["observed_value"] is None for f in errors.values())
    assert sqlite3.connect(db).execute("SELECT count(*) FROM profile_version").fetchone()[0] == before


def test_redirect_off_the_allowlist_is_refused(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(b"", status=302, location="https://evil.example.com/fake")
    code, run = verify(db, data, site)
    assert code == 2
    assert kinds(run)[("kz-passport", "fee", "gov-passport")] == "source_error"


def test_oversized_body_and_truncated_pdf_are_source_errors(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes["/gov/uploads/passport-rules.pdf"] = Route(passport_pdf()[:400], content_type="application/pdf")
    code, run = verify(db, data, site)
    assert code == 2
    assert kinds(run)[("kz-passport", "fee", "gov-passport-pdf")] == "source_error"
    site.routes[PASSPORT] = Route(b"<p>" + b"x" * 3_000_000 + b"</p>")
    code, run = verify(db, data, site, "--max-body", "1000000")
    assert code == 2
    message = next(f["message"] for f in run["findings"] if f["source"] == "gov-passport")
    assert "larger than the 1000000-byte limit" in message


def test_rejection_holds_while_the_source_states_the_same_thing(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").replace("15 working", "16 working").encode())
    _, run = verify(db, data, site)
    finding = next(f for f in run["findings"] if f["kind"] == "changed")
    result = CliRunner().invoke(
        cli,
        ["reject", run["run_id"], "--finding", finding["id"], "--reason", "typo", "--db", str(db), "--data", str(data)],
    )
    assert result.exit_code == 0, result.output
    code, again = verify(db, data, site)
    assert code == 0 and again["summary"]["suppressed"] == 1
    # A new date stamp elsewhere on the page is not a new statement: the rejection holds.
    site.routes[PASSPORT] = Route(
        PASSPORT_PAGE.format(extra="<p>Updated 30.11.2026.</p>").replace("15 working", "16 working").encode()
    )
    code, third = verify(db, data, site)
    assert code == 0 and third["summary"]["suppressed"] == 1, third
    # Another value is a new statement: raised again, still as a change of this page.
    site.routes[PASSPORT] = Route(PASSPORT_PAGE.format(extra="").replace("15 working", "17 working").encode())
    code, fourth = verify(db, data, site)
    assert code == 1 and fourth["summary"]["changed"] == 1
    raised = next(f for f in fourth["findings"] if f["kind"] == "changed")
    assert raised["observed_value"] == 17 and raised["previous"]["value"] == 16


def test_offline_reads_the_archive_after_a_live_run(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    verify(db, data, site)
    result = CliRunner().invoke(cli, ["verify", "--offline", "--db", str(db), "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["confirmed"] == 4


def test_unknown_run_and_finding_are_clean_errors(workspace: tuple[Path, Path]) -> None:
    db, data = workspace
    result = CliRunner().invoke(cli, ["accept", "R-nope", "--reason", "x", "--db", str(db), "--data", str(data)])
    assert result.exit_code == 2 and "no verification run 'R-nope'" in result.stderr
