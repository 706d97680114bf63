"""A second alteration campaign, written by hand to be unlike bench/campaign.py's generated one.

bench/campaign.py derives its alterations from the verifier's own findings (bump the number a finding
quotes, drop the last item of a list it read, a fixed list of rewordings), so it mostly asks questions the
verifier already knows how to answer. Each alteration here was written after reading the archived page, in
the ways an official site really changes: a number inside a table cell or a Kazakh/Russian sentence, a fee
moved from MCI/АЕК to tenge or to a percent, working days turned into calendar days, an item removed from the
middle of a document list, two items merged, a negation inside an item, a photo size rewritten with "×",
qualifiers swapped, a value stated twice with only one place changed, spelled-out numbers, non-breaking and
thin spaces inside numbers, tables turned into lists, menus, dates and footers, and edits to things nobody
monitors. Every alteration states what an editor must see:

- a value alteration names every (profile, field) that must be flagged `changed` with the new value;
  everything else must stay quiet;
- a quiet alteration (reworded, cosmetic, restructured, or a change to an unmonitored statement) must leave
  every field quiet.

The harness (mirror on 127.0.0.1, a fresh copy of data/ per run, judging) is bench/campaign.py's.

    python -m bench campaign_unseen             # every alteration (a few minutes)
    python -m bench campaign_unseen --verbose   # one line per run with what the verifier said
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.campaign import (  # noqa: E402
    Alteration,
    judge,
    not_quiet,
    passes,
    print_run,
    staged,
    summary_line,
    tally,
)
from registry.api import Registry  # noqa: E402
from scrapers.archive import Archive  # noqa: E402
from verifier.models import Finding, FindingKind  # noqa: E402
from verifier.run import load_sources  # noqa: E402

QUIET_KINDS = ("reword", "cosmetic", "restructure", "unmonitored")
NBSP, THIN = "\u00a0", "\u2009"

ListEdit = Callable[[list[str]], list[str]]
Expect = dict[tuple[str, str], Any]  # (profile, field) -> (value, unit), ("list", list edit) or GONE
GONE = ("missing", None)  # the page no longer states the field: `missing`, never a value read elsewhere


@dataclass
class Written:
    """One hand-written alteration: text replacements on one source's archived body and the expected verdict."""

    source: str
    name: str
    kind: str
    edits: list[tuple[str, str]]
    expect: Expect = field(default_factory=dict)
    batch: int = 1  # 1: the first run's set; 2-4: written after the previous batch's fixes, each run once as written


# --- list edits (applied to the list the unaltered page states) ----------------------------------------------


def drop(fragment: str) -> ListEdit:
    def edit(items: list[str]) -> list[str]:
        hits = [i for i in items if fragment.lower() in i.lower()]
        assert len(hits) == 1, (fragment, items)
        return [i for i in items if i is not hits[0]]

    return edit


def append(text: str) -> ListEdit:
    return lambda items: [*items, text]


def merge(first: str, second: str, text: str) -> ListEdit:
    def edit(items: list[str]) -> list[str]:
        out: list[str] = []
        for i in items:
            if first.lower() in i.lower():
                out.append(text)
            elif second.lower() not in i.lower():
                out.append(i)
        return out

    return edit


def inside(old: str, new: str) -> ListEdit:
    def edit(items: list[str]) -> list[str]:
        assert any(old in i for i in items), (old, items)
        return [i.replace(old, new) for i in items]

    return edit


def docs(profile: str, edit: ListEdit) -> Expect:
    return {(profile, "documents"): ("list", edit)}


def size(profile_fields: list[tuple[str, str]], w: float, h: float) -> Expect:
    """A photo size change: the `photos.size` fields and the print width/height of the photo profiles."""
    out: Expect = {}
    for profile, fld in profile_fields:
        if fld == "photos.size":
            out[(profile, fld)] = (f"{w:g}x{h:g}", "mm")
        elif fld == "print.width_mm":
            out[(profile, fld)] = (w, "mm")
        elif fld == "print.height_mm":
            out[(profile, fld)] = (h, "mm")
    return out


def photo_fields(*profiles: str) -> list[tuple[str, str]]:
    out = []
    for p in profiles:
        if p.endswith("-photo"):
            out += [(p, "print.width_mm"), (p, "print.height_mm")]
        else:
            out.append((p, "photos.size"))
    return out


# --- the alterations ------------------------------------------------------------------------------------------


def alterations() -> list[Written]:
    from bench.campaign_unseen_batch3 import third_batch
    from bench.campaign_unseen_batch4 import fourth_batch
    from bench.campaign_unseen_batch5 import fifth_batch

    return first_batch() + second_batch() + third_batch() + fourth_batch() + fifth_batch()


def first_batch() -> list[Written]:  # noqa: PLR0915 - one long, flat list is easiest to read and extend
    a: list[Written] = []

    def add(source: str, name: str, kind: str, edits: list[tuple[str, str]], expect: Expect | None = None) -> None:
        a.append(Written(source, name, kind, edits, expect or {}))

    # mobile eGov pass003: fees in MCI and tenge, one duration shared by two profiles
    s = "mobile-egov-pass003-mvd"
    add(
        s,
        "passport duty 8 -> 9 MCI",
        "number",
        [("at the rate of 8 MCI", "at the rate of 9 MCI")],
        {("kz-passport", "fee"): (9, "MCI")},
    )
    add(
        s,
        "passport duty from MCI to tenge",
        "unit",
        [("at the rate of 8 MCI", "at the rate of 30 000 tenge")],
        {("kz-passport", "fee"): (30000, "KZT")},
    )
    add(
        s,
        "ID card duty 0,2 -> 0,3 MCI (one statement, two fields)",
        "number",
        [("at the rate of 0,2 MCI", "at the rate of 0,3 MCI")],
        {("kz-id-card", "fee"): (0.3, "MCI"), ("kz-id-card", "fee.replacement_on_expiry"): (0.3, "MCI")},
    )
    add(
        s,
        "fine 7 -> 10 MCI",
        "number",
        [("time limit – 7 MCI", "time limit – 10 MCI")],
        {("kz-id-card", "fine.overdue_document"): (10, "MCI")},
    )
    add(
        s,
        "1st urgency fee with a no-break space",
        "number",
        [("4 983 tenge", f"5{NBSP}210 tenge")],
        {("kz-id-card", "fee.urgent_1_day"): (5210, "KZT")},
    )
    add(
        s,
        "2nd urgency fee with a thin space",
        "number",
        [("2 752 tenge", f"2{THIN}900 tenge")],
        {("kz-id-card", "fee.urgent_3_days"): (2900, "KZT")},
    )
    add(
        s,
        "3rd urgency fee gains tiyn",
        "number",
        [("1 116 tenge", "1 116,50 tenge")],
        {("kz-id-card", "fee.urgent_7_days"): (1116.5, "KZT")},
    )
    add(
        s,
        "term working -> calendar days",
        "unit",
        [("no more than 15 working days", "no more than 15 calendar days")],
        {
            ("kz-id-card", "processing_time"): (15, "calendar days"),
            ("kz-passport", "processing_time"): (15, "calendar days"),
        },
    )
    add(
        s,
        "term 15 -> 20 working days",
        "number",
        [("no more than 15 working days", "no more than 20 working days")],
        {
            ("kz-id-card", "processing_time"): (20, "working days"),
            ("kz-passport", "processing_time"): (20, "working days"),
        },
    )
    add(
        s,
        "urgency period (not monitored) 1 -> 2 working days",
        "unmonitored",
        [("up to 1 working day - 4 983", "up to 2 working days - 4 983")],
    )
    add(
        s,
        "who-can-apply sentence reworded",
        "unmonitored",
        [
            (
                "Citizens of the Republic of Kazakhstan applying for a passport or an identity card.",
                "Citizens of Kazakhstan aged 16 and over, and parents of younger children.",
            )
        ],
    )
    add(
        s,
        "urgency list turned into a table",
        "restructure",
        [
            (
                "<ul>\n      <li>1st category of urgency – up to 1 working day - 4 983 tenge</li>\n"
                "      <li>2nd category of urgency – up to 3 working days - 2 752 tenge</li>\n    </ul>",
                "<table><tr><td>1st category of urgency – up to 1 working day</td><td>4 983 tenge</td></tr>"
                "<tr><td>2nd category of urgency – up to 3 working days</td><td>2 752 tenge</td></tr></table>",
            )
        ],
    )
    add(
        s,
        "duty reworded with the unit spelled out",
        "reword",
        [("at the rate of 8 MCI.", "amounting to 8 monthly calculation indices (MCI).")],
    )
    add(s, "term spelled out", "reword", [("no more than 15 working days", "not more than fifteen (15) working days")])
    add(
        s,
        "no-break space before MCI, new hotline and footer date",
        "cosmetic",
        [
            ("0,2 MCI", f"0,2{NBSP}MCI"),
            ("Contact centre: 1414", "Contact centre: 1414 (free of charge) · updated 03.02.2026"),
        ],
    )

    # mobile eGov 009pass: 'Free', calendar days, minors
    s = "mobile-egov-009pass-mvd"
    add(
        s,
        "free -> 2 MCI",
        "unit",
        [("</strong> Free</p>", "</strong> 2 MCI</p>")],
        {("kz-permanent-residence-permit", "fee"): (2, "MCI")},
    )
    add(
        s,
        "free -> 1 500 tenge",
        "unit",
        [("</strong> Free</p>", "</strong> 1 500 tenge</p>")],
        {("kz-permanent-residence-permit", "fee"): (1500, "KZT")},
    )
    add(
        s,
        "term 60 -> 45 calendar days",
        "number",
        [("– 60 calendar days", "– 45 calendar days")],
        {("kz-permanent-residence-permit", "processing_time"): (45, "calendar days")},
    )
    add(
        s,
        "term calendar -> working days",
        "unit",
        [("– 60 calendar days", "– 60 working days")],
        {("kz-permanent-residence-permit", "processing_time"): (60, "working days")},
    )
    add(
        s,
        "minors' term 10 -> 15 calendar days",
        "number",
        [("– 10 calendar days", "– 15 calendar days")],
        {("kz-permanent-residence-permit", "processing_time.minors"): (15, "calendar days")},
    )
    add(
        s,
        "the two terms swap places",
        "restructure",
        [
            ("<li>from the date of delivery of the package of necessary documents – 60 calendar days;</li>", "@@A@@"),
            (
                "<li>when applying for a service recipient who has not reached the age of eighteen, or who has "
                "issued a "
                "withdrawal or loss of citizenship ... – 10 calendar days</li>",
                "<li>from the date of delivery of the package of necessary documents – 60 calendar days;</li>",
            ),
            (
                "@@A@@",
                "<li>when applying for a service recipient who has not reached the age of eighteen, or who has "
                "issued a withdrawal or loss of citizenship ... – 10 calendar days</li>",
            ),
        ],
    )
    add(s, "'Free' -> 'free of charge'", "reword", [("</strong> Free</p>", ":</strong> free of charge</p>")])
    add(
        s,
        "quarantine notice removed",
        "cosmetic",
        [
            (
                '  <div class="alert alert-info">Quarantine notice: check the reception hours of the migration service '
                "before visiting.</div>\n",
                "",
            )
        ],
    )

    # eGov article on residence permits: two profiles' photos, shared terms, percent duties
    s = "egov-article-residence-permit"
    prp = "kz-permanent-residence-permit"
    rp = "kz-residence-permit"
    add(
        s,
        "permanent residence: one photo -> two photos",
        "number",
        [("8. One photo (35x45 mm)", "8. Two photos (35x45 mm)")],
        {(prp, "photos.count"): (2, "photos"), (prp + "-photo", "print.copies"): (2, "photos")},
    )
    add(
        s,
        "permanent residence photo 35x45 -> 30×40 (the other profile's size untouched)",
        "size",
        [("One photo (35x45 mm)", "One photo (30×40 mm)")],
        size(photo_fields(prp, prp + "-photo"), 30, 40),
    )
    add(
        s,
        "residence permit: two -> three photographs",
        "number",
        [("two photograph of the size", "three photograph of the size")],
        {(rp, "photos.count"): (3, "photos"), (rp + "-photo", "print.copies"): (3, "photos")},
    )
    add(
        s,
        "residence permit photo 3.5 x 4.5 cm -> 3 × 4 cm",
        "size",
        [("3.5 x 4.5 centimeters", "3 × 4 centimeters")],
        size(photo_fields(rp, rp + "-photo"), 30, 40),
    )
    add(
        s,
        "validity 10 -> 5 years",
        "number",
        [("for a period of 10 years", "for a period of 5 years")],
        {(rp, "validity"): (5, "years")},
    )
    add(
        s,
        "term 17 -> 20 calendar days (two profiles)",
        "number",
        [(": 17 calendar days.", ": 20 calendar days.")],
        {
            (rp, "processing_time"): (20, "calendar days"),
            ("kz-stateless-person-certificate", "processing_time"): (20, "calendar days"),
        },
    )
    add(
        s,
        "term calendar -> working days",
        "unit",
        [(": 17 calendar days.", ": 17 working days.")],
        {
            (rp, "processing_time"): (17, "working days"),
            ("kz-stateless-person-certificate", "processing_time"): (17, "working days"),
        },
    )
    add(
        s,
        "fast-track 7 -> 5 working days",
        "number",
        [("fast-track basis up to 7 working", "fast-track basis up to 5 working")],
        {
            (rp, "processing_time.expedited"): (5, "working days"),
            ("kz-stateless-person-certificate", "processing_time.expedited"): (5, "working days"),
        },
    )
    add(
        s,
        "duty 20% -> 25% of the MCI",
        "number",
        [("20% of the monthly", "25% of the monthly")],
        {(rp, "fee"): (0.25, "MCI")},
    )
    add(
        s,
        "stateless duty from a percent to MCI",
        "unit",
        [("is 400% of the monthly calculation index", "is 5 MCI")],
        {("kz-stateless-person-certificate", "fee"): (5, "MCI")},
    )
    add(
        s,
        "minimum age sixteen -> eighteen (spelled out)",
        "number",
        [("from the age of sixteen", "from the age of eighteen")],
        {(rp, "min_age"): (18, "years")},
    )
    add(
        s,
        "documents' age 180 -> 90 calendar days",
        "number",
        [("is not more than 180 calendar days", "is not more than 90 calendar days")],
        {(prp, "documents.max_age"): (90, "calendar days")},
    )
    add(
        s,
        "residence rule 183 -> 180 days (not monitored)",
        "unmonitored",
        [("fewer than 183 calendar", "fewer than 180 calendar")],
    )
    add(
        s,
        "renewal deadline 1 -> 2 months (not monitored)",
        "unmonitored",
        [("no later than 1 month prior", "no later than 2 months prior")],
    )
    add(
        s,
        "middle item removed from the unmonitored permanent-residence list",
        "unmonitored",
        [("    <li>3. A document confirming the applicant's solvency.</li>\n", "")],
    )
    add(
        s,
        "validity sentence moved above the document list",
        "restructure",
        [
            (
                "  <p>As a rule a residence permit is issued for a period of 10 years, i.e. for a validity term of "
                "a foreigner`s passport.</p>\n",
                "",
            ),
            (
                "  <p>To receive it, the foreigner hands in:</p>",
                "  <p>As a rule a residence permit is issued for a period of 10 years, i.e. for a validity term of "
                "a foreigner`s passport.</p>\n"
                "  <p>To receive it, the foreigner hands in:</p>",
            ),
        ],
    )
    add(s, "numbered list markers '1.' -> '1)'", "cosmetic", [(f"<li>{n}. ", f"<li>{n}) ") for n in range(1, 12)])
    add(
        s,
        "'two photograph' -> '2 (two) photographs'",
        "reword",
        [("two photograph of the size", "2 (two) photographs of the size")],
    )
    add(
        s,
        "menu item added and breadcrumbs changed",
        "cosmetic",
        [
            (
                '<li><a href="/cms/en/information">Information</a></li>',
                '<li><a href="/cms/en/information">Information</a></li><li><a href="/cms/en/news">News</a></li>',
            ),
            ("<span>How to get residence permit in Kazakhstan (eGov article)</span>", "<span>Residence permit</span>"),
        ],
    )

    # eGov article on visas: one size in a document item, two '5 working days'
    s = "egov-article-visa"
    bv = "kz-business-visa-single-entry"
    add(
        s,
        "photo 3.5 x 4.5 -> 4 x 6 cm inside a document item",
        "size",
        [("measuring 3.5 x 4.5 cm", "measuring 4 x 6 cm")],
        {**size(photo_fields(bv, "kz-visa", "kz-visa-photo"), 40, 60), **docs(bv, inside("3.5 x 4.5", "4 x 6"))},
    )
    add(
        s,
        "visa term 5 -> 10 working days (the invitation's 5 kept)",
        "number",
        [("do not exceed 5 working days", "do not exceed 10 working days")],
        {(bv, "processing_time"): (10, "working days"), ("kz-visa", "processing_time"): (10, "working days")},
    )
    add(
        s,
        "visa term working -> calendar days",
        "unit",
        [("do not exceed 5 working days", "do not exceed 5 calendar days")],
        {(bv, "processing_time"): (5, "calendar days"), ("kz-visa", "processing_time"): (5, "calendar days")},
    )
    add(
        s,
        "electronic invitation 3 -> 2 working days",
        "number",
        [("not more than 3 working days", "not more than 2 working days")],
        {("kz-visa", "processing_time.invitation_electronic"): (2, "working days")},
    )
    add(
        s,
        "paper invitation 5 -> 7 working days (the visa's 5 kept)",
        "number",
        [("not more than 5 working days - in paper", "not more than 7 working days - in paper")],
        {("kz-visa", "processing_time.invitation_paper"): (7, "working days")},
    )
    add(
        s,
        "colour or black and white -> colour only",
        "colour",
        [("with a colour or black and white photograph", "with a colour photograph")],
        {("kz-visa-photo", "colour.mode"): ("colour", None), **docs(bv, inside("colour or black and white", "colour"))},
    )
    add(
        s,
        "document added at the end",
        "list-add",
        [
            (
                "the requested visa.</li>",
                "the requested visa;</li>\n    <li>a receipt for payment of the consular fee.</li>",
            )
        ],
        docs(bv, append("a receipt for payment of the consular fee")),
    )
    add(
        s,
        "passport item removed",
        "list-remove",
        [("\n    <li>a passport that remains valid long enough for the requested visa.</li>", "")],
        docs(bv, drop("a passport that remains valid")),
    )
    add(
        s,
        "portal term 30 -> 40 minutes (not monitored)",
        "unmonitored",
        [("30 (thirty) minutes", "40 (forty) minutes")],
    )
    add(
        s,
        "visa term sentence reworded, spelled out",
        "reword",
        [
            (
                "The time limits for issuing visas do not exceed 5 working days .",
                "Visas are issued within no more than five working days.",
            )
        ],
    )
    add(s, "update date changed", "cosmetic", [("Last update: 31.01.2025", "Last update: 15.06.2026")])

    # eGov article on entry and exit: a table of duties, a value stated twice
    s = "egov-article-entry-exit"
    add(
        s,
        "invitation duty cell 0.5 -> 1 MCI",
        "number",
        [("<td>0.5 MCI</td>", "<td>1 MCI</td>")],
        {(bv, "fee.invitation"): (1, "MCI"), ("kz-visa", "fee.invitation"): (1, "MCI")},
    )
    add(
        s,
        "multiple-entry cell 30 -> 35 MCI (the B8 cell's 30 kept)",
        "number",
        [("<td>30 MCI</td>", "<td>35 MCI</td>")],
        {("kz-visa", "fee.multiple_entry"): (35, "MCI")},
    )
    add(
        s,
        "B8 single-entry 7 -> 8 MCI",
        "number",
        [("<td>7 MCI (single-entry", "<td>8 MCI (single-entry")],
        {("kz-visa", "fee.b8_single_entry"): (8, "MCI")},
    )
    add(
        s,
        "B8 multiple-entry 30 -> 40 MCI",
        "number",
        [("30 MCI (multiple-entry visa)", "40 MCI (multiple-entry visa)")],
        {("kz-visa", "fee.b8_multiple_entry"): (40, "MCI")},
    )
    add(
        s,
        "B8 cell's two rates in the other order",
        "reword",
        [
            (
                "7 MCI (single-entry visa) 30 MCI (multiple-entry visa)",
                "30 MCI (multiple-entry visa), 7 MCI (single-entry visa)",
            )
        ],
    )
    add(
        s,
        "MCI 3 932 -> 4 325 tenge",
        "number",
        [("KZT 3 932", "KZT 4 325")],
        {("kz-monthly-calculation-index", "mci.2025"): (4325, "KZT")},
    )
    add(s, "MCI written 'KZT 3 932' -> '3 932 tenge'", "reword", [("is KZT 3 932 .", "is 3 932 tenge.")])
    add(
        s,
        "TRC up to 1 -> 3 years",
        "number",
        [("up to 1 year for", "up to 3 years for")],
        {("kz-temporary-residence-permit", "validity"): (3, "years")},
    )
    add(
        s,
        "TRC age 16 -> 18",
        "number",
        [("children under 16 years", "children under 18 years")],
        {("kz-temporary-residence-permit", "min_age"): (18, "years")},
    )
    add(
        s,
        "visa-free stay 90 -> 60 days (not monitored)",
        "unmonitored",
        [("exceed 90 calendar days", "exceed 60 calendar days")],
    )
    add(s, "consular fee $ 80 -> $ 90 (not monitored)", "unmonitored", [("$ 80", "$ 90")])
    add(
        s,
        "duty table turned into a list",
        "restructure",
        [
            (
                '<table class="table">\n    <thead><tr><th>Action</th><th>Rate</th></tr></thead>\n    <tbody>\n'
                "      <tr><td>Registration of a letter of invitation for a visa</td><td>0.5 MCI</td></tr>\n"
                "      <tr><td>Issuance of a multiple-entry visa on the territory of the Republic of "
                "Kazakhstan</td><td>30 MCI</td></tr>\n"
                "      <tr><td>Issuance of a B8 visa for the purpose of obtaining a residence permit</td><td>7 MCI "
                "(single-entry visa) 30 MCI (multiple-entry visa)</td></tr>\n"
                "    </tbody>\n  </table>",
                '<ul class="duties">\n'
                "    <li>Registration of a letter of invitation for a visa: 0.5 MCI</li>\n"
                "    <li>Issuance of a multiple-entry visa on the territory of the Republic of Kazakhstan: 30 "
                "MCI</li>\n"
                "    <li>Issuance of a B8 visa for the purpose of obtaining a residence permit: 7 MCI (single-entry "
                "visa) 30 MCI (multiple-entry visa)</li>\n"
                "  </ul>",
            )
        ],
    )
    add(
        s,
        "table cells wrapped in div soup",
        "cosmetic",
        [("<td>0.5 MCI</td>", '<td><div class="cell"><span>0.5</span> <span>MCI</span></div></td>')],
    )

    # gov.kz service 4631: a document list and a one-year term
    s = "govkz-service-4631"
    trp = "kz-temporary-residence-permit"
    add(
        s,
        "health insurance item removed from the middle",
        "list-remove",
        [
            (
                "      <li>A copy of health insurance (the original is provided for verification) (except for "
                "citizens of the "
                "countries of the Eurasian Economic Union).</li>\n",
                "",
            )
        ],
        docs(trp, drop("health insurance")),
    )
    add(
        s,
        "two items merged into one",
        "list-merge",
        [
            (
                "Notarized consent of the housing owner, if the applicant does not own the housing.</li>\n      "
                "<li>A certificate of fingerprinting.",
                "Notarized consent of the housing owner, if the applicant does not own the housing, and a "
                "certificate of fingerprinting.",
            )
        ],
        docs(
            trp,
            merge(
                "Notarized consent",
                "certificate of fingerprinting",
                "Notarized consent of the housing owner, if the applicant does not own the housing, and a "
                "certificate of fingerprinting",
            ),
        ),
    )
    add(
        s,
        "'except for' -> 'including' inside an item",
        "list-negation",
        [("(except for citizens of the countries", "(including citizens of the countries")],
        docs(trp, inside("(except for citizens of the countries", "(including citizens of the countries")),
    )
    add(
        s,
        "document added at the end",
        "list-add",
        [
            (
                "A certificate of fingerprinting.</li>",
                "A certificate of fingerprinting.</li>\n      <li>A receipt for payment of the state duty.</li>",
            )
        ],
        docs(trp, append("A receipt for payment of the state duty")),
    )
    add(
        s,
        "permit for one -> two years",
        "number",
        [("permit for one year", "permit for two years")],
        {(trp, "validity"): (2, "years")},
    )
    add(s, "'one year' -> '1 year'", "reword", [("permit for one year", "permit for 1 year")])
    add(
        s,
        "document list from <ul> to <ol>",
        "cosmetic",
        [
            (
                '<h2>Documents required for submission to "Government for Citizens" Public Corporation"</h2>\n    <ul>',
                '<h2>Documents required for submission to "Government for Citizens" Public Corporation"</h2>\n    <ol>',
            ),
            ("A certificate of fingerprinting.</li>\n    </ul>", "A certificate of fingerprinting.</li>\n    </ol>"),
        ],
    )
    add(
        s,
        "fingerprinting date 2024 -> 2025 (not monitored)",
        "unmonitored",
        [("From January 1, 2024", "From January 1, 2025")],
    )
    add(
        s,
        "online steps reworded (not a document list)",
        "unmonitored",
        [
            (
                "<li>Log in to the portal and fill in the request.</li>",
                "<li>Log in to the portal.</li>\n      <li>Fill in the request and attach a scanned passport.</li>",
            )
        ],
    )

    # gov.kz life situation 21: passport
    s = "govkz-situation-21"
    add(
        s,
        "duty 8 -> 10 MCI",
        "number",
        [("certificate is 8 MCI", "certificate is 10 MCI")],
        {("kz-passport", "fee"): (10, "MCI")},
    )
    add(
        s,
        "term 15 -> 10 working days",
        "number",
        [("period is 15 working", "period is 10 working")],
        {("kz-passport", "processing_time"): (10, "working days")},
    )
    add(
        s,
        "'irrespective of age' -> 'from the age of 16'",
        "number",
        [("issued optionally irrespective of age", "issued optionally from the age of 16")],
        {("kz-passport", "min_age"): (16, "years")},
    )
    add(s, "'8 MCI' spelled out", "reword", [("certificate is 8 MCI", "certificate is eight MCI")])
    add(
        s,
        "urgent term added in another paragraph (not monitored)",
        "unmonitored",
        [
            (
                "(PSC).</p>",
                "(PSC).</p>\n  <p>Urgent issuance within 5 working days is available in regional centres.</p>",
            )
        ],
    )

    # gov.kz life situation 96-285 (Kazakh)
    s = "govkz-situation-96-285"
    add(s, "duty 0,2 -> 0,5 АЕК", "number", [("0,2 АЕК", "0,5 АЕК")], {("kz-id-card", "fee"): (0.5, "MCI")})
    add(s, "duty from АЕК to tenge", "unit", [("0,2 АЕК", "786 теңге")], {("kz-id-card", "fee"): (786, "KZT")})
    add(
        s,
        "term 15 -> 10 жұмыс күні",
        "number",
        [("15 жұмыс күні", "10 жұмыс күні")],
        {("kz-id-card", "processing_time"): (10, "working days")},
    )
    add(
        s,
        "term working -> calendar days (күнтізбелік)",
        "unit",
        [("15 жұмыс күні", "15 күнтізбелік күн")],
        {("kz-id-card", "processing_time"): (15, "calendar days")},
    )
    add(
        s,
        "1st urgency 3011,12 -> 3200 теңге",
        "number",
        [("3011,12 теңге", "3200 теңге")],
        {("kz-id-card", "fee.urgent_1_day"): (3200, "KZT")},
    )
    add(
        s,
        "3rd urgency 605,31 -> 700 теңге",
        "number",
        [("605,31 теңге", "700 теңге")],
        {("kz-id-card", "fee.urgent_7_days"): (700, "KZT")},
    )
    add(s, "АЕК written out", "reword", [("0,2 АЕК", "0,2 айлық есептік көрсеткіш")])
    add(
        s,
        "two urgency lists merged into one",
        "restructure",
        [("</li>\n  </ul>\n  <ul>\n    <li>Облыстардың", "</li>\n    <li>Облыстардың")],
    )

    # gov.kz life situation 149: residence permit list, usual and expedited terms in one sentence
    s = "govkz-situation-149"
    photo_profiles = (
        "kz-residence-permit",
        "kz-residence-permit-photo",
        "kz-driver-licence-photo",
        "kz-id-card-photo",
        "kz-stateless-person-certificate-photo",
        "kz-stateless-person-certificate",
    )
    add(
        s,
        "passport item removed",
        "list-remove",
        [("\n    <li>a valid foreign passport.</li>", "")],
        docs(rp, drop("a valid foreign passport")),
    )
    add(
        s,
        "2 -> 3 photos",
        "number",
        [("<li>2 photos", "<li>3 photos")],
        {
            (rp, "photos.count"): (3, "photos"),
            (rp + "-photo", "print.copies"): (3, "photos"),
            **docs(rp, inside("2 photos", "3 photos")),
        },
    )
    add(
        s,
        "photo size 3.5 x 4.5 -> 3 x 4 centimeters",
        "size",
        [("3.5 x 4.5 centimeters", "3 x 4 centimeters")],
        {**size(photo_fields(*photo_profiles), 30, 40), **docs(rp, inside("3.5 x 4.5", "3 x 4"))},
    )
    add(
        s,
        "usual and expedited swapped",
        "qualifier",
        [
            (
                "up to 7  working days in an expedited manner and up to 17 working days in the usual way",
                "up to 7 working days in the usual way and up to 17 working days in an expedited manner",
            )
        ],
        {(rp, "processing_time"): (7, "working days"), (rp, "processing_time.expedited"): (17, "working days")},
    )
    add(
        s,
        "usual 17 -> 20 working days",
        "number",
        [("up to 17 working days", "up to 20 working days")],
        {(rp, "processing_time"): (20, "working days")},
    )
    add(
        s,
        "expedited 7 -> 5 working days",
        "number",
        [("up to 7  working days", "up to 5 working days")],
        {(rp, "processing_time.expedited"): (5, "working days")},
    )
    add(s, "age 16 -> 18", "number", [("from the age of 16.", "from the age of 18.")], {(rp, "min_age"): (18, "years")})
    add(
        s,
        "term sentence turned around",
        "reword",
        [
            (
                "The residence permit is made up to 7  working days in an expedited manner and up to 17 working "
                "days in the usual way.",
                "In the usual way the residence permit is made within 17 working days; in an expedited manner, "
                "within 7 working days.",
            )
        ],
    )

    # embassies
    s = "govkz-mfa-hague-visa"
    add(
        s,
        "photo 3.5 x 4.5 -> 4 x 6 centimeters",
        "size",
        [("3.5 x 4.5 centimeters", "4 x 6 centimeters")],
        size(photo_fields("kz-visa", "kz-visa-photo"), 40, 60),
    )
    add(
        s,
        "'color' -> 'colour', 'black-and-white'",
        "reword",
        [("A color or black and white photograph", "A colour or black-and-white photograph")],
    )
    add(s, "page date changed", "cosmetic", [("· 2 April 2025", "· 9 May 2026")])
    add(
        s,
        "passport validity 3 -> 6 months (not monitored)",
        "unmonitored",
        [("not earlier than 3 months", "not earlier than 6 months")],
    )

    s = "govkz-mfa-newyork-c10"
    add(
        s,
        "one -> two photographs",
        "number",
        [("One photograph (size", "Two photographs (size")],
        {("kz-visa", "photos.count"): (2, "photos"), ("kz-visa-photo", "print.copies"): (2, "photos")},
    )
    add(
        s,
        "3.5 x 4.5 cm -> 5 x 5 cm",
        "size",
        [("3.5 x 4.5 cm", "5 x 5 cm")],
        size(photo_fields("kz-visa", "kz-visa-photo"), 50, 50),
    )
    add(s, "3.5 x 4.5 cm written 35 × 45 mm", "reword", [("3.5 x 4.5 cm", "35 × 45 mm")])
    add(
        s,
        "document list turned into a table",
        "restructure",
        [
            (
                "<ul>\n    <li>A completed visa application form.</li>\n    <li>The applicant's passport.</li>\n"
                "    <li>One photograph (size 3.5 x 4.5 cm).</li>\n  </ul>",
                "<table><tr><td>1</td><td>A completed visa application form.</td></tr><tr><td>2</td><td>The "
                "applicant's "
                "passport.</td></tr><tr><td>3</td><td>One photograph (size 3.5 x 4.5 cm).</td></tr></table>",
            )
        ],
    )

    s = "govkz-mfa-ottawa-visa"
    add(
        s,
        "term 5 -> 10 рабочих дней",
        "number",
        [("5 рабочих дней", "10 рабочих дней")],
        {("kz-visa", "processing_time"): (10, "working days")},
    )
    add(
        s,
        "term рабочих -> календарных дней",
        "unit",
        [("5 рабочих дней", "5 календарных дней")],
        {("kz-visa", "processing_time"): (5, "calendar days")},
    )
    add(s, "'5' spelled out (пять)", "reword", [("5 рабочих дней", "пять рабочих дней")])
    add(
        s,
        "no-break space and an added consular phone",
        "cosmetic",
        [
            ("– 5 рабочих", f"–{NBSP}5{NBSP}рабочих"),
            (
                "Посольство Республики Казахстан в Канаде",
                "Посольство Республики Казахстан в Канаде · тел. +1 613 695 8055",
            ),
        ],
    )

    s = "shymkent-invest-residence"
    add(
        s,
        "term 60 (sixty) -> 90 (ninety) calendar days",
        "number",
        [("60 (sixty)", "90 (ninety)")],
        {(prp, "processing_time"): (90, "calendar days")},
    )
    add(s, "duty 10 -> 15 percent", "number", [("is 10 percent", "is 15 percent")], {(prp, "fee"): (0.15, "MCI")})
    add(
        s,
        "duty from a percent to one MCI",
        "unit",
        [("is 10 percent of the monthly calculation indicator", "is 1 monthly calculation indicator")],
        {(prp, "fee"): (1, "MCI")},
    )
    add(s, "'10 percent' -> '10%'", "reword", [("is 10 percent", "is 10%")])

    s = "mfa-kuala-lumpur-visa"
    add(
        s,
        "one -> two colour photos",
        "number",
        [("One color photo", "Two color photos")],
        {
            (bv, "photos.count"): (2, "photos"),
            ("kz-visa", "photos.count"): (2, "photos"),
            ("kz-visa-photo", "print.copies"): (2, "photos"),
        },
    )
    add(
        s,
        "white -> blue background",
        "colour",
        [("on the white background", "on a blue background")],
        {("kz-visa-photo", "background.colours"): (["blue"], None)},
    )
    add(
        s,
        "term 5 -> 7 working days",
        "number",
        [("time is 5 working", "time is 7 working")],
        {("kz-visa", "processing_time"): (7, "working days")},
    )
    add(s, "page date changed", "cosmetic", [("14.04.2017", "01.09.2026")])
    add(s, "Cyrillic 'х' -> '×' in the size", "reword", [("3.5 х 4.5 cm", "3.5×4.5 cm")])

    s = "mfa-tokyo-passport"
    add(
        s,
        "four -> six photos",
        "number",
        [("Four color photos", "Six color photos")],
        {("kz-passport-photo", "print.copies"): (6, "photos"), ("kz-passport", "photos.count.abroad"): (6, "photos")},
    )
    add(
        s,
        "face share 75% -> 80%",
        "number",
        [("about 75% of", "about 80% of")],
        {("kz-passport-photo", "face.area_ratio"): ({"min": 80.0, "max": 80.0}, "%")},
    )
    add(
        s,
        "face share 75% -> 70 to 80%",
        "number",
        [("about 75% of", "70 to 80% of")],
        {("kz-passport-photo", "face.area_ratio"): ({"min": 70.0, "max": 80.0}, "%")},
    )
    add(
        s,
        "expression and mouth in the other order",
        "reword",
        [("a neutral expression and a closed mouth", "a closed mouth and a neutral expression")],
    )
    add(
        s,
        "photo paper sentence reworded (not monitored)",
        "unmonitored",
        [("printed on thick photographic paper", "printed on matte photographic paper")],
    )

    # Added after the first run, for the class it found (a field whose statement is gone took another field's
    # statement of the same kind on the page): the statement removed outright.
    add(
        "adilet-law-73-v",
        "passport paragraph repealed (the certificate's 'five years' stays)",
        "list-remove",
        [
            (
                "<p>2. The passport of a citizen of the Republic of Kazakhstan is issued for a period of ten "
                "years.</p>",
                "<p>2. [Excluded by the Law of 1 July 2026.]</p>",
            )
        ],
        {("kz-passport", "validity"): GONE},
    )
    add(
        "egov-article-residence-permit",
        "residence permit's photo item removed (item 8's 'One photo' stays)",
        "list-remove",
        [("\n    <li>two photograph of the size of 3.5 x 4.5 centimeters.</li>", "")],
        {
            (rp, "photos.count"): GONE,
            (rp, "photos.size"): GONE,
            (rp + "-photo", "print.copies"): GONE,
            (rp + "-photo", "print.width_mm"): GONE,
            (rp + "-photo", "print.height_mm"): GONE,
        },
    )

    s = "mfa-yerevan-documentation"
    add(
        s,
        "passport ten -> five years",
        "number",
        [("for a period of ten years", "for a period of five years")],
        {("kz-passport", "validity"): (5, "years")},
    )
    s = "adilet-law-73-v"
    add(
        s,
        "stateless certificate five -> ten years",
        "number",
        [("validity for five years", "validity for ten years")],
        {("kz-stateless-person-certificate", "validity"): (10, "years")},
    )
    add(
        s,
        "stateless certificate age sixteen -> eighteen",
        "number",
        [("the age of sixteen", "the age of eighteen")],
        {("kz-stateless-person-certificate", "min_age"): (18, "years")},
    )
    add(
        s,
        "'ten years' -> '10 (ten) years'",
        "reword",
        [("for a period of ten years", "for a period of 10 (ten) years")],
    )
    add(
        s,
        "status line: amendment date added",
        "cosmetic",
        [("No. 73-V of 29 January 2013</p>", "No. 73-V of 29 January 2013 (as amended on 1 July 2026)</p>")],
    )

    s = "open-almaty-identity-document"
    add(
        s, "ID card from 16 -> 14 лет", "number", [("с 16 лет", "с 14 лет")], {("kz-id-card", "min_age"): (14, "years")}
    )
    add(
        s,
        "validity 10 -> 15 лет (two profiles)",
        "number",
        [("- 10 лет", "- 15 лет")],
        {("kz-id-card", "validity"): (15, "years"), ("kz-passport", "validity"): (15, "years")},
    )
    add(s, "'10 лет' -> 'десять лет'", "reword", [("- 10 лет", "- десять лет")])

    s = "egov-online-2f30-mzsr"
    add(
        s,
        "personal history removed from the middle",
        "list-remove",
        [("    <li>Personal history (in any form).</li>\n", "")],
        docs("kz-kandas-status", drop("Personal history")),
    )
    add(
        s,
        "steps list edited (not a document list)",
        "unmonitored",
        [
            (
                '<li>Sign in on the Portal and click "Order Service Online" button.</li>',
                '<li>Sign in on the Portal.</li>\n    <li>Click "Order Service Online" button.</li>',
            )
        ],
    )

    s = "mfa-london-family-reunification"
    frv = "kz-family-reunification-visa"
    add(
        s,
        "item 5 removed and the rest renumbered",
        "list-remove",
        [
            ("    <li>5) Disclosure and Barring Service (CRB) checks of the applicant.</li>\n", ""),
            ("<li>6) Notarized", "<li>5) Notarized"),
            ("<li>7) Fillable", "<li>6) Fillable"),
            ("<li>8) Passport", "<li>7) Passport"),
            ("<li>9) Medical", "<li>8) Medical"),
            ("<li>10) A document", "<li>9) A document"),
        ],
        docs(frv, drop("Disclosure and Barring")),
    )
    add(
        s,
        "photo 3.5cm x 4.5cm -> 4cm x 5cm inside item 7",
        "size",
        [("3.5cm x 4.5cm", "4cm x 5cm")],
        {**size(photo_fields(frv), 40, 50), **docs(frv, inside("3.5cm x 4.5cm", "4cm x 5cm"))},
    )
    add(
        s,
        "document added with another marker",
        "list-add",
        [
            (
                "host person, issued by authorized bodies of the Republic of Kazakhstan or of a foreign state.</li>",
                "host person, issued by authorized bodies of the Republic of Kazakhstan or of a foreign state.</li>\n"
                "    <li>• Two recent photographs of the applicant.</li>",
            )
        ],
        docs(frv, append("Two recent photographs of the applicant")),
    )
    add(s, "visa fee 75 -> 80 GBP (not monitored)", "unmonitored", [("75GBP", "80GBP")])
    add(s, "markers '1)' -> '1.'", "cosmetic", [(f"<li>{n}) ", f"<li>{n}. ") for n in range(1, 11)])

    # sources with no evidence: nothing they say is monitored
    add(
        "egov-service-009pass-mvd",
        "numbers changed on an unmonitored page",
        "unmonitored",
        *_digit_bump("egov-service-009pass-mvd"),
    )
    add(
        "govkz-service-3131",
        "photo size added to an unmonitored page",
        "unmonitored",
        [("(requirements to the photo)", "(a 3 x 4 cm photo, requirements to the photo)")],
    )
    add(
        "egov-article-citizenship",
        "numbers changed on an unmonitored page",
        "unmonitored",
        *_digit_bump("egov-article-citizenship"),
    )
    return a


def second_batch() -> list[Written]:  # noqa: PLR0915 - one long, flat list is easiest to read and extend
    """Written after the first batch's fixes, in styles the first batch lacks; its first run is reported apart."""
    a: list[Written] = []

    def add(source: str, name: str, kind: str, edits: list[tuple[str, str]], expect: Expect | None = None) -> None:
        a.append(Written(source, name, kind, edits, expect or {}, batch=2))

    rp, prp, bv = "kz-residence-permit", "kz-permanent-residence-permit", "kz-business-visa-single-entry"
    s = "govkz-mfa-ottawa-visa"
    add(s, "urgent term added beside the usual one", "unmonitored",
        [("– 5 рабочих дней.", "– 5 рабочих дней, в срочном порядке – 2 рабочих дня.")])
    add(s, "'5 рабочих дней' -> 'в течение пяти рабочих дней'", "reword",
        [("Срок оформления визы – 5 рабочих дней.", "Виза оформляется в течение пяти рабочих дней.")])
    s = "open-almaty-identity-document"
    add(s, "'с 16 лет' -> 'с шестнадцати лет'", "reword", [("с 16 лет", "с шестнадцати лет")])
    add(s, "shared validity split in two sentences, only the ID card's changed", "number",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Срок действия паспорта - 10 лет. Срок действия удостоверения личности - 5 лет.")],
        {("kz-id-card", "validity"): (5, "years")})
    s = "govkz-situation-96-285"
    add(s, "urgency items joined by <br> in one paragraph", "restructure",
        [("<ul>\n    <li>1-санатты жеделдік - 3011,12 теңге</li>\n    <li>2-санатты жеделдік - 1581,14 теңге</li>\n"
          "  </ul>", "<p>1-санатты жеделдік - 3011,12 теңге<br>2-санатты жеделдік - 1581,14 теңге</p>")])
    add(s, "'15 жұмыс күні' -> 'он бес жұмыс күні'", "reword", [("– 15 жұмыс күні", "– он бес жұмыс күні")])
    s = "mobile-egov-pass003-mvd"
    add(s, "ID card duty given in tenge with the MCI in brackets", "reword",
        [("at the rate of 0,2 MCI.", "at the rate of 786 tenge (0,2 MCI).")])
    add(s, "passport and ID card duty sentences in the other order", "restructure",
        [("    <p>State duty for issuance of the passport of the citizen of the RК at the rate of 8 MCI.</p>\n", ""),
         ("    <p>Fine for the exceeding", "    <p>State duty for issuance of the passport of the citizen of the RК at "
          "the rate of 8 MCI.</p>\n    <p>Fine for the exceeding")])
    add(s, "fine moved to the terms section", "restructure",
        [("    <p>Fine for the exceeding of the time limit – 7 MCI.</p>\n", ""),
         ("no more than 15 working days</p>",
          "no more than 15 working days</p>\n    <p>Fine for the exceeding of the time limit – 7 MCI.</p>")])
    s = "egov-article-entry-exit"
    add(s, "legal-basis column added to the duty table", "cosmetic",
        [("<th>Rate</th>", "<th>Rate</th><th>Basis</th>"),
         ("<td>0.5 MCI</td>", "<td>0.5 MCI</td><td>Tax Code, art. 615, item 1</td>"),
         ("<td>30 MCI</td>", "<td>30 MCI</td><td>Tax Code, art. 615, item 4</td>")])
    add(s, "duty table rows in another order", "restructure",
        [("      <tr><td>Registration of a letter of invitation for a visa</td><td>0.5 MCI</td></tr>\n", ""),
         ("    </tbody>", "      <tr><td>Registration of a letter of invitation for a visa</td><td>0.5 MCI</td></tr>\n"
          "    </tbody>")])
    add(s, "'0.5 MCI' -> '0,5 MCI'", "reword", [("<td>0.5 MCI</td>", "<td>0,5 MCI</td>")])
    add(s, "invitation duty from MCI to tenge", "unit", [("<td>0.5 MCI</td>", "<td>1 966 tenge</td>")],
        {(bv, "fee.invitation"): (1966, "KZT"), ("kz-visa", "fee.invitation"): (1966, "KZT")})
    s = "egov-article-visa"
    add(s, "urgent visa term added in brackets", "unmonitored",
        [("do not exceed 5 working days .", "do not exceed 5 working days (urgent issue: 2 working days).")])
    add(s, "size written 35 × 45 mm with no-break spaces", "reword",
        [("measuring 3.5 x 4.5 cm", f"measuring 35{NBSP}×{NBSP}45{NBSP}mm")])
    s = "egov-article-residence-permit"
    add(s, "'17 calendar days' spelled out", "reword", [(": 17 calendar days.", ": seventeen calendar days.")])
    add(s, "'20% of the MCI' -> '0.2 MCI'", "reword", [("20% of the monthly calculation index", "0.2 MCI")])
    add(s, "'400% of the MCI' -> '4 MCI'", "reword", [("is 400% of the monthly calculation index", "is 4 MCI")])
    add(s, "permanent residence duty added to its list item (not monitored)", "unmonitored",
        [("9. A receipt for payment of the state duty.", "9. A receipt for payment of the state duty of 3 MCI.")])
    s = "govkz-mfa-hague-visa"
    add(s, "'3.5 x 4.5 centimeters' -> '35 x 45 millimeters'", "reword",
        [("3.5 x 4.5 centimeters", "35 x 45 millimeters")])
    s = "mfa-tokyo-passport"
    add(s, "'Four color photos' -> '4 colour photographs'", "reword", [("Four color photos", "4 colour photographs")])
    add(s, "'75%' with a no-break space", "cosmetic", [("about 75% of", f"about 75{NBSP}% of")])
    s = "mfa-kuala-lumpur-visa"
    add(s, "'5 working days' -> 'five (5) working days'", "reword", [("time is 5 working", "time is five (5) working")])
    s = "govkz-service-4631"
    trp = "kz-temporary-residence-permit"
    add(s, "fingerprinting item moved to the top", "restructure",
        [("      <li>A certificate of fingerprinting.</li>\n", ""),
         ("      <li>An application questionnaire", "      <li>A certificate of fingerprinting.</li>\n"
          "      <li>An application questionnaire")])

    def split_identity(items: list[str]) -> list[str]:
        out: list[str] = []
        for i in items:
            if i.startswith("A copy of the identity document"):
                out += ["A copy of the identity document of a foreigner or stateless person from a state with a "
                        "ratified visa-free agreement", "The original of the identity document for verification"]
            else:
                out.append(i)
        return out

    add(s, "one item split in two", "list-add",
        [("ratified visa-free agreement (the original is provided for verification).</li>",
          "ratified visa-free agreement.</li>\n"
          "      <li>The original of the identity document for verification.</li>")],
        docs(trp, split_identity))
    s = "mfa-london-family-reunification"
    add(s, "markers '1)' -> '•'", "cosmetic", [(f"<li>{n}) ", "<li>• ") for n in range(1, 11)])
    s = "egov-online-2f30-mzsr"

    def insert_photos(items: list[str]) -> list[str]:
        return [*items[:2], "Two photographs 3.5 x 4.5 cm", *items[2:]]

    add(s, "document inserted in the middle", "list-add",
        [("    <li>Personal history (in any form).</li>\n",
          "    <li>Personal history (in any form).</li>\n    <li>Two photographs 3.5 x 4.5 cm.</li>\n")],
        docs("kz-kandas-status", insert_photos))
    s = "govkz-situation-21"
    add(s, "duty given with its tenge amount", "reword", [("is 8 MCI.", "is 8 MCI (31 456 tenge).")])
    add(s, "urgent term added in brackets", "unmonitored",
        [("is 15 working days.", "is 15 working days (urgent issue: 3 working days).")])
    s = "shymkent-invest-residence"
    add(s, "'60 (sixty)' -> 'sixty (60)'", "reword", [("60 (sixty)", "sixty (60)")])
    s = "mobile-egov-009pass-mvd"
    add(s, "replacement duty added after 'Free' (not monitored)", "unmonitored",
        [("</strong> Free</p>", "</strong> Free</p>\n    <p>Replacement of a lost permit: 2 MCI.</p>")])
    s = "govkz-mfa-newyork-c10"
    add(s, "size with decimal commas and ×", "reword", [("3.5 x 4.5 cm", "3,5 × 4,5 cm")])
    s = "mfa-yerevan-documentation"
    add(s, "'ten years' -> '10 years'", "reword", [("for a period of ten years", "for a period of 10 years")])
    s = "adilet-law-73-v"
    add(s, "children's passport paragraph added (another variant, not monitored)", "unmonitored",
        [("issued for a period of ten years.</p>", "issued for a period of ten years.</p>\n<p>3. A passport issued "
          "to a child under the age of sixteen is valid for five years.</p>")])
    s = "govkz-situation-149"
    add(s, "age written 'from 16 years old'", "reword", [("from the age of 16.", "from 16 years old.")])
    add(s, "expedited 7 -> 10 working days and usual 17 -> 20 in one edit", "number",
        [("up to 7  working days", "up to 10 working days"), ("up to 17 working days", "up to 20 working days")],
        {(rp, "processing_time"): (20, "working days"), (rp, "processing_time.expedited"): (10, "working days")})
    s = "mobile-egov-009pass-mvd"
    add(s, "minors' clause: '10 calendar days' -> 'ten working days'", "unit",
        [("– 10 calendar days", "– ten working days")],
        {(prp, "processing_time.minors"): (10, "working days")})
    return a


def _digit_bump(source: str) -> tuple[list[tuple[str, str]]]:
    """Replacements that raise the first three standalone numbers in an unmonitored page's main text by one."""
    import re

    body = _archived_body(source)
    start = body.find("<main")
    start = start if start >= 0 else body.find("<body")
    edits: list[tuple[str, str]] = []
    for m in re.finditer(r"(?<=[\s(>])(\d{1,3})(?=[\s)<,.;])", body[start:]):
        context = body[start + m.start() - 12 : start + m.end() + 12]
        if body.count(context) == 1 and not any(context in e[0] or e[0] in context for e in edits):
            new = context[:12] + str(int(m.group(1)) + 1) + context[12 + len(m.group(1)) :]
            edits.append((context, new))
        if len(edits) == 3:
            break
    return (edits,)


_BODIES: dict[str, str] = {}


def _archived_body(source: str) -> str:
    if not _BODIES:  # read once: the alterations are written against the archive's newest copies
        archive = Archive(ROOT / "data" / "archive")
        for s in load_sources(ROOT / "data" / "sources.yaml"):
            snap = archive.newest(url=s.url)
            if snap is not None and "html" in (snap.content_type or ""):
                _BODIES[s.id] = archive.body(snap).decode("utf-8")
    return _BODIES[source]


# --- running --------------------------------------------------------------------------------------------------


def _apply(written: Written, body: str) -> str:
    for old, new in written.edits:
        if body.count(old) != 1:
            raise ValueError(
                f"{written.source}: {written.name}: {old[:60]!r} occurs {body.count(old)} times in the archived page"
            )
        body = body.replace(old, new)
    return body


def _expected(written: Written, baseline: list[Finding]) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {}
    for key, (value, unit) in written.expect.items():
        if (value, unit) == GONE:
            continue  # judged by _judge_gone
        if value == "list":
            stated = [f for f in baseline if f.source == written.source and (f.profile, f.field) == key]
            if not stated or not isinstance(stated[0].observed_value, list):
                raise ValueError(f"{written.source}: {written.name}: the unaltered page states no list for {key}")
            out[key] = (unit(list(stated[0].observed_value)), None)
        else:
            out[key] = (value, unit)
    return out


def _judge_gone(written: Written, findings: list[Finding], outcome: Any, cited: Callable[..., bool]) -> None:
    """A field whose statement was removed must be `missing` for the altered source when the registry cites that
    source for it, and silent otherwise; never a value read from another statement."""
    for key, expected in written.expect.items():
        if expected != GONE:
            continue
        outcome.expected += 1
        said = [f for f in findings if f.source == written.source and (f.profile, f.field) == key]
        if (said and all(f.kind is FindingKind.MISSING for f in said)) or (not said and not cited(written, key)):
            outcome.flagged_right += 1
            outcome.false_alarms = [x for x in outcome.false_alarms if not x.startswith(f"{written.source} {key}:")]
        else:
            outcome.missed.append(
                f"{key}: " + (", ".join(f"{f.kind.value} {f.observed_value}" for f in said) or "no finding")
            )


def campaign(verbose: bool = False, only: tuple[str, ...] = (), batch: int | None = None) -> dict[str, Any]:
    """Run every alteration (or those whose name contains one of ``only``, or one batch) and sum up what the
    verifier said."""
    written = [w for w in alterations() if (not only or any(o in f"{w.source}: {w.name}" for o in only))
               and (batch is None or w.batch == batch)]
    with staged("kzdocs-unseen-") as stage:
        sources = {s.id: s for s in stage.sources}
        with Registry.open(stage.template / "registry.db") as reg:
            fields = {(slug, f.key): f for slug in reg.slugs() for f in reg.current(slug).fields}

        def cited(w: Written, key: tuple[str, str]) -> bool:
            f, url = fields.get(key), sources[w.source].url
            return f is not None and (
                url in {r.url for r in f.sources} or any(url in {r.url for r in a.sources} for a in f.alternatives)
            )

        baseline = stage.run("baseline")
        outcomes = []
        for n, w in enumerate(written):
            url = sources[w.source].url
            body = _apply(w, stage.routes[url][0].decode("utf-8"))
            alteration = Alteration(
                f"{w.source}: {w.name}", w.kind, w.source, url, body.encode(), _expected(w, baseline)
            )
            findings = stage.run(f"run{n}", alteration)
            o = judge(alteration, findings)
            _judge_gone(w, findings, o, cited)
            # an expected field that raised nothing at all is a miss too (judge only sees findings it got)
            said = {(f.profile, f.field) for f in findings if f.source == w.source}
            o.missed += [f"{k}: no finding" for k in alteration.expected if k not in said]
            outcomes.append(o)
            if verbose:
                print_run(o)
    return tally(outcomes, not_quiet(baseline), lambda a: a.kind not in QUIET_KINDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench campaign_unseen", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--verbose", action="store_true", help="print each run")
    parser.add_argument("--batch", type=int, choices=(1, 2, 3, 4, 5), default=None, help="run one batch only")
    args = parser.parse_args(argv)
    result = campaign(args.verbose, batch=args.batch)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    ok = passes(result)
    print(summary_line("unseen campaign", result, "quiet runs"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
