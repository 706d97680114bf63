"""What the verifier says on real changes, read as an editor would: the right kind, the right value, the
evidence kept, and nothing raised for a reworded or cosmetic edit."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kzdocs import cli
from registry.api import Registry
from tests.verifier.conftest import PASSPORT_PAGE, VISA_PAGE
from tests.verifier.site import Route, Site
from tests.verifier.test_verify import PASSPORT, kinds, verify

VISA = "/egov/cms/en/articles/rk_visa_obtaining"


def page(term: str = "The passport is issued within 15 working days.", extra: str = "") -> bytes:
    return PASSPORT_PAGE.format(extra=extra).replace("The passport is issued within 15 working days.", term).encode()


def accept(db: Path, data: Path, run_id: str, finding: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli,
        ["accept", run_id, "--finding", finding, "--reason", "checked on the page", "--db", str(db), "--data",
         str(data), *extra],
    )
    return result.exit_code, result.output + result.stderr


def finding(run: dict, field: str, source: str = "gov-passport") -> dict:
    return next(f for f in run["findings"] if f["field"] == field and f["source"] == source)


def test_the_usual_term_is_not_read_from_the_expedited_number(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    site.routes[PASSPORT] = Route(page("The passport is issued within 15 working days; expedited: 7 working days."))
    code, run = verify(db, data, site)
    assert code == 0, run  # 15 is still the usual term; the 7 belongs to the expedited variant
    site.routes[PASSPORT] = Route(page("The passport is issued within 20 working days; expedited: 7 working days."))
    code, run = verify(db, data, site)
    term = finding(run, "processing_time")
    assert (code, term["kind"], term["observed_value"]) == (1, "changed", 20)
    assert term["previous"]["value"] == 15 and "15 working days" in term["previous"]["quote"]


def test_two_unqualified_numbers_are_ambiguous_and_accept_needs_a_value(
    workspace: tuple[Path, Path], site: Site
) -> None:
    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(page("The passport is issued within 20 working days or 7 working days."))
    code, run = verify(db, data, site)
    term = finding(run, "processing_time")
    assert term["kind"] == "ambiguous"
    assert [c["value"] for c in term["candidates"]] == [20, 7]
    status, output = accept(db, data, run["run_id"], term["id"])
    assert status == 2 and "ambiguous" in output and "--value" in output
    with Registry.open(db) as reg:
        assert reg.current("kz-passport").field("processing_time").value == 15
    status, output = accept(db, data, run["run_id"], term["id"], "--value", "20")
    assert status == 0, output
    with Registry.open(db) as reg:
        assert reg.current("kz-passport").field("processing_time").value == 20


def test_a_reworded_sentence_with_the_same_value_confirms(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(page("Issuing takes fifteen working days from the day of application."))
    site.routes[VISA] = Route(VISA_PAGE.replace("one photo of 3.5x4.5 cm", "one colour photograph sized 3.5x4.5 cm")
                              .encode())
    code, run = verify(db, data, site)
    assert code == 0, [f for f in run["findings"] if f["kind"] != "confirmed"]


def test_a_one_value_accept_changes_only_a_few_lines_of_the_profile_file(
    workspace: tuple[Path, Path], site: Site
) -> None:
    db, data = workspace
    profile = data / "profiles" / "kz-passport.yaml"
    profile.write_text("# Passport: reviewed by the data editors.\n" + profile.read_text(), encoding="utf-8")
    verify(db, data, site)
    before = profile.read_text(encoding="utf-8")
    site.routes[PASSPORT] = Route(page("The passport is issued within 20 working days."))
    _, run = verify(db, data, site)
    status, output = accept(db, data, run["run_id"], finding(run, "processing_time")["id"])
    assert status == 0, output
    after = profile.read_text(encoding="utf-8")
    assert after.startswith("# Passport: reviewed by the data editors.\n")
    old, new = before.splitlines(), after.splitlines()
    import difflib

    changed = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-"
               and not line.startswith(("+++", "---"))]
    # change_reason, the value, verified_at, and the source reference (new quote and locator): nothing else
    assert len(changed) <= 14, changed
    assert any("value: 20" in line for line in changed)
    fee_entry = before[before.index("  - key: fee"):before.index("  - key: processing_time")]
    assert fee_entry in after  # the other field's entry is byte for byte the same


def test_editing_a_seeded_profile_for_one_value_touches_a_handful_of_lines() -> None:
    import datetime as dt
    import difflib

    import yaml

    from registry.models import ProfileDocument
    from verifier.profile_edit import edit_profile_text

    path = Path(__file__).resolve().parents[2] / "data" / "profiles" / "kz-id-card.yaml"
    original = path.read_text(encoding="utf-8")
    doc = ProfileDocument.model_validate(yaml.safe_load(original))
    fields = [f.model_copy(update={"value": 0.3, "verified_at": dt.date(2026, 12, 1)}) if f.key == "fee" else f
              for f in doc.fields]
    edited = edit_profile_text(original, doc, doc.model_copy(update={"fields": fields}), "duty raised")
    changed = [line for line in difflib.unified_diff(original.splitlines(), edited.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert sorted(changed) == sorted(
        ["+change_reason: duty raised", "-  value: 0.2", "+  value: 0.3", "-  verified_at: 2026-11-22",
         "+  verified_at: 2026-12-01"]
    )
    assert edited.startswith("# Identity card of a citizen of Kazakhstan\n")


def test_accepting_missing_records_the_removal_and_quiets_it(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(page(""))
    code, run = verify(db, data, site)
    missing = finding(run, "processing_time")
    assert missing["kind"] == "missing"
    status, output = accept(db, data, run["run_id"], missing["id"])
    assert status == 0, output
    code, again = verify(db, data, site)
    assert ("kz-passport", "processing_time", "gov-passport") not in kinds(again) or kinds(again)[
        ("kz-passport", "processing_time", "gov-passport")
    ] == "confirmed"
    assert code == 0, again


def test_a_changed_count_inside_a_document_item_is_not_a_confirmation() -> None:
    from verifier.compare import same_list

    assert same_list(["passport", "2 photos 3.5x4.5 cm"], ["passport", "2 photos 3.5x4.5 cm."])
    assert not same_list(["passport", "2 photos 3.5x4.5 cm"], ["passport", "3 photos 3.5x4.5 cm"])
    assert not same_list(["passport except for children"], ["passport including for children"])


def test_a_photo_size_inside_an_item_is_compared_as_a_size() -> None:
    from verifier.compare import same_list

    form = "Visa application form with a photograph measuring {}"
    for same in ("35 × 45 mm", "3,5 × 4,5 cm", "3.5cm x 4.5cm", "3,5х4,5"):
        assert same_list([form.format("3.5 x 4.5 cm"), "passport"], [form.format(same), "passport"]), same
    for other in ("4 x 6 cm", "3.5 x 5.5 cm", "30 x 40 mm"):
        assert not same_list([form.format("3.5 x 4.5 cm"), "passport"], [form.format(other), "passport"]), other


def test_an_item_that_no_longer_offers_a_choice_is_not_a_confirmation() -> None:
    from verifier.compare import same_list

    form = "Visa application form with a {} photograph measuring 3.5 x 4.5 cm"
    assert not same_list([form.format("colour or black and white"), "passport"], [form.format("colour"), "passport"])
    assert same_list([form.format("color or black and white"), "passport"],
                     [form.format("colour or black-and-white"), "passport"])


def test_a_reconstruction_served_by_a_mirror_never_moves_verified_at(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    marked = PASSPORT_PAGE.format(extra="").replace(
        "<head>", '<head><meta name="kzdocs:reconstruction" content="true">'
    )
    site.routes[PASSPORT] = Route(marked.encode())
    code, run = verify(db, data, site)
    assert code == 0
    events = [json.loads(line) for line in (data / "verifications.jsonl").read_text().splitlines()]
    assert {e["key"] for e in events if e["source_url"] == "https://www.gov.kz/situations/21/intro?lang=en"} == set()
    mirrored = [e for e in events if e["source_url"].startswith("https://egov.kz")]
    assert mirrored and all(e["via"].startswith(f"http://127.0.0.1:{site.port}/egov") for e in mirrored)


def test_rejection_survives_a_page_hash_change_but_not_a_new_value(workspace: tuple[Path, Path], site: Site) -> None:
    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(page().replace(b"8 MCI", b"9 MCI"))
    _, run = verify(db, data, site)
    fee = finding(run, "fee")
    result = CliRunner().invoke(
        cli, ["reject", run["run_id"], "--finding", fee["id"], "--reason", "typo", "--db", str(db), "--data", str(data)]
    )
    assert result.exit_code == 0
    site.routes[PASSPORT] = Route(page(extra="<p>Page updated 30.11.2026</p>").replace(b"8 MCI", b"9 MCI"))
    code, run = verify(db, data, site)
    assert code == 0 and run["summary"]["suppressed"] == 1


def test_two_sources_moving_to_the_same_value_are_said_to_agree(workspace: tuple[Path, Path], site: Site) -> None:
    from tests.verifier.conftest import passport_pdf

    db, data = workspace
    verify(db, data, site)
    site.routes[PASSPORT] = Route(page().replace(b"8 MCI", b"9 MCI"))
    site.routes["/gov/uploads/passport-rules.pdf"] = Route(passport_pdf("9 MCI"), content_type="application/pdf")
    code, run = verify(db, data, site)
    fees = [f for f in run["findings"] if f["field"] == "fee"]
    assert {(f["source"], f["kind"], f["observed_value"]) for f in fees} == {
        ("gov-passport", "changed", 9), ("gov-passport-pdf", "changed", 9)
    }
    assert all("every monitored source of this field now states the new value" in f["message"] for f in fees)
    assert all(f["agreeing_sources"] == [] for f in fees)
