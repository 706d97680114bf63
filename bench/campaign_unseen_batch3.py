"""The third batch of bench/campaign_unseen.py: written by hand after its first two batches passed, in styles
neither they nor bench/campaign.py have.

A value moved into a footnote or into another table cell, "up to" / "within" / "not later than" rewordings of the
same number, amounts with thousands separators and decimals ("KZT 5.250", "2 980,00 tenge", "605,31 ₸"), MCI
written as МРП or spelled out, dates and former values inside the sentence that states a value, a fee line for
another service added beside a monitored one, a documents item changed only by a number inside it, items
reworded with the same meaning, lists turned into numbered, bulleted or semicolon-separated text, Kazakh and
Russian sentences, renamed headings, an evidence sentence split across two paragraphs or joined with <br>, HTML
entities, soft hyphens and zero-width spaces inside words and numbers, a whole evidence paragraph removed, and
unrelated numeric sentences added next to an evidence. Each alteration was run once as written before any fix
(the first-run figures are in the README's Figures table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.campaign_unseen import Written

SHY, ZWSP = "&shy;", "\u200b"


def third_batch() -> list[Written]:  # noqa: PLR0915 - one long, flat list is easiest to read and extend
    from bench.campaign_unseen import GONE, Written, append, docs, drop, inside, photo_fields, size

    a: list[Written] = []

    def add(source: str, name: str, kind: str, edits: list[tuple[str, str]], expect: dict | None = None) -> None:
        a.append(Written(source, name, kind, edits, expect or {}, batch=3))

    idc, pas, rp, prp, sp = (
        "kz-id-card",
        "kz-passport",
        "kz-residence-permit",
        "kz-permanent-residence-permit",
        "kz-stateless-person-certificate",
    )

    # mobile eGov pass003: fees in MCI and tenge, a shared term, a fine, urgent categories in two lists
    s = "mobile-egov-pass003-mvd"
    add(s, "urgent 1 day: '4 983 tenge' -> 'KZT 5.250' (dot as thousands separator)", "number",
        [("up to 1 working day - 4 983 tenge", "up to 1 working day - KZT 5.250")],
        {(idc, "fee.urgent_1_day"): (5250, "KZT")})
    add(s, "urgent 3 days: '2 752 tenge' -> '2 980,00 tenge'", "number",
        [("up to 3 working days - 2 752 tenge", "up to 3 working days - 2 980,00 tenge")],
        {(idc, "fee.urgent_3_days"): (2980, "KZT")})
    add(s, "urgent 7 days: '1 116' -> '1&nbsp;240' (entity as thousands separator)", "number",
        [("up to 7 working days - 1 116 tenge", "up to 7 working days - 1&nbsp;240 tenge")],
        {(idc, "fee.urgent_7_days"): (1240, "KZT")})
    add(s, "urgent 1 day written '4&#160;983.00 tenge'", "cosmetic",
        [("up to 1 working day - 4 983 tenge", "up to 1 working day - 4&#160;983.00 tenge")])
    add(s, "urgent 7 days with a zero-width space inside the number", "cosmetic",
        [("up to 7 working days - 1 116 tenge", f"up to 7 working days - 1{ZWSP}116 tenge")])
    add(s, "passport duty 8 MCI -> '9 monthly calculation indices'", "number",
        [("at the rate of 8 MCI.", "at the rate of 9 monthly calculation indices.")],
        {(pas, "fee"): (9, "MCI")})
    add(s, "passport duty '8 MCI' written '8 МРП'", "cosmetic",
        [("at the rate of 8 MCI.", "at the rate of 8 МРП.")])
    add(s, "term 'no more than 15' -> 'within 15 working days'", "reword",
        [("or to the portal - no more than 15 working days", "or to the portal - within 15 working days")])
    add(s, "term 15 -> 20 with a date of entry into force in the sentence", "number",
        [("or to the portal - no more than 15 working days",
          "or to the portal - no more than 20 working days (from 1 July 2025)")],
        {(idc, "processing_time"): (20, "working days"), (pas, "processing_time"): (20, "working days")})
    add(s, "a duty line for a stateless person's travel document added between the fee lines", "unmonitored",
        [("<p>Fine for the exceeding",
          "<p>State duty for issuance of the travel document of a stateless person at the rate of 1 MCI.</p>\n"
          "    <p>Fine for the exceeding")])
    add(s, "fine 7 -> 10 MCI, the amount moved into a footnote", "number",
        [("<p>Fine for the exceeding of the time limit – 7 MCI.</p>",
          "<p>Fine for the exceeding of the time limit – see note 1.</p>\n"
          "    <p class=\"footnote\"><sup>1</sup> The fine for the exceeding of the time limit is 10 MCI.</p>")],
        {(idc, "fine.overdue_document"): (10, "MCI")})
    add(s, "heading 'Cost of the service' renamed 'State duties and fees'", "cosmetic",
        [("<h3>Cost of the service</h3>", "<h3>State duties and fees</h3>")])
    add(s, "soft hyphens inside the ID card duty sentence", "cosmetic",
        [("State duty for issuance ID card", f"State du{SHY}ty for issu{SHY}ance ID card")])
    add(s, "urgent categories of the cities turned into one semicolon-separated sentence", "restructure",
        [("<ul>\n      <li>1st category of urgency – up to 1 working day - 4 983 tenge</li>\n"
          "      <li>2nd category of urgency – up to 3 working days - 2 752 tenge</li>\n    </ul>",
          "<p>1st category of urgency – up to 1 working day - 4 983 tenge; "
          "2nd category of urgency – up to 3 working days - 2 752 tenge.</p>")])
    add(s, "a Tax Code article number (&#8470;&nbsp;610) added inside the ID card duty sentence", "reword",
        [("State duty for issuance ID card", "State duty (Tax Code, article &#8470;&nbsp;610) for issuance ID card")])

    # mobile eGov 009pass: 'Free', a two-line term list
    s = "mobile-egov-009pass-mvd"
    add(s, "'Free' -> 'Free of charge'", "reword",
        [("<strong>Cost of the service</strong> Free", "<strong>Cost of the service</strong> Free of charge")])
    add(s, "'Free' -> '2 MCI'", "number",
        [("<strong>Cost of the service</strong> Free", "<strong>Cost of the service</strong> 2 MCI")],
        {(prp, "fee"): (2, "MCI")})
    add(s, "term '– 60 calendar days' -> '– within 60 (sixty) calendar days'", "reword",
        [("– 60 calendar days;", "– within 60 (sixty) calendar days;")])
    add(s, "term list turned into two paragraphs", "restructure",
        [("<ul>\n      <li>from the date", "<p>from the date"), ("60 calendar days;</li>", "60 calendar days;</p>"),
         ("<li>when applying", "<p>when applying"), ("10 calendar days</li>\n    </ul>", "10 calendar days</p>")])
    add(s, "minors' term 10 -> 14 days with a soft hyphen in 'calendar'", "number",
        [("– 10 calendar days</li>", f"– 14 calen{SHY}dar days</li>")],
        {(prp, "processing_time.minors"): (14, "calendar days")})

    # eGov article on residence permits: two document lists, terms, duties in percent
    s = "egov-article-residence-permit"
    add(s, "document age 'not more than 180' -> 'must not be older than 90 calendar days'", "number",
        [("is not more than 180 calendar days.", "must not be older than 90 calendar days.")],
        {(prp, "documents.max_age"): (90, "calendar days")})
    add(s, "an unrelated sentence with '30 calendar days' added after the document-age sentence", "unmonitored",
        [("is not more than 180 calendar days.</p>",
          "is not more than 180 calendar days.</p>\n  <p>Translations are accepted within 30 calendar days of"
          " their notarisation.</p>")])
    add(s, "item 8 'One photo (35x45 mm)' -> 'Photos: 2 pcs., 35x45 mm'", "number",
        [("8. One photo (35x45 mm).", "8. Photos: 2 pcs., 35x45 mm.")],
        {(prp, "photos.count"): (2, "photos"), (f"{prp}-photo", "print.copies"): (2, "photos")})
    add(s, "item 8 written with &times; and &nbsp;", "cosmetic",
        [("8. One photo (35x45 mm).", "8. One photo (35&times;45&nbsp;mm).")])
    add(s, "residence permit photo size with decimal commas '3,5 x 4,5'", "cosmetic",
        [("the size of 3.5 x 4.5 centimeters.", "the size of 3,5 x 4,5 centimeters.")])
    add(s, "residence permit photos two -> three, size with &nbsp; and 'cm'", "number",
        [("two photograph of the size of 3.5 x 4.5 centimeters.",
          "three photographs of the size of 3.5&nbsp;x&nbsp;4.5 cm.")],
        {(rp, "photos.count"): (3, "photos"), (f"{rp}-photo", "print.copies"): (3, "photos")})
    add(s, "validity 'for a period of 10 years' -> 'for a period of up to 10 years'", "reword",
        [("for a period of 10 years, i.e.", "for a period of up to 10 years, i.e.")])
    add(s, "validity 10 -> 5 years with the former value in brackets", "number",
        [("for a period of 10 years, i.e.", "for a period of 5 years (previously 10 years), i.e.")],
        {(rp, "validity"): (5, "years")})
    add(s, "term sentence gains '(excluding the day of submission)'", "reword",
        [("stateless person: 17 calendar days.",
          "stateless person: 17 calendar days (excluding the day of submission).")])
    add(s, "term sentence split across two paragraphs", "restructure",
        [("stateless person: 17 calendar days.</p>", "stateless person:</p>\n  <p>17 calendar days.</p>")])
    add(s, "fast track 7 -> 5 working days, joined with <br>", "number",
        [("Processing on a fast-track basis up to 7 working days.",
          "Processing on a fast-track basis<br>up to 5 working days.")],
        {(rp, "processing_time.expedited"): (5, "working days"),
         (sp, "processing_time.expedited"): (5, "working days")})
    add(s, "residence permit duty '20% of the MCI' -> '0,3 MCI'", "number",
        [("Republic of Kazakhstan: 20% of the monthly calculation index", "Republic of Kazakhstan: 0,3 MCI")],
        {(rp, "fee"): (0.3, "MCI")})
    add(s, "stateless certificate duty '400% of the MCI' -> '4 monthly calculation indices'", "reword",
        [("is 400% of the monthly calculation index", "is 4 monthly calculation indices")])
    add(s, "stateless certificate duty 400% -> '5 MCI (KZT 19 660 in 2025)'", "number",
        [("is 400% of the monthly calculation index", "is 5 MCI (KZT 19 660 in 2025)")],
        {(sp, "fee"): (5, "MCI")})
    add(s, "residence permit age sixteen -> 'who have reached 18 years of age'", "number",
        [("from the age of sixteen.", "who have reached 18 years of age.")],
        {(rp, "min_age"): (18, "years")})
    add(s, "headings 'Terms' and 'State duty' renamed", "cosmetic",
        [("<h2>Terms</h2>", "<h2>Processing times</h2>"), ("<h2>State duty</h2>", "<h2>Fees</h2>")])
    add(s, "fast-track paragraph removed", "removed",
        [("\n  <p>Processing on a fast-track basis up to 7 working days.</p>", "")],
        {(rp, "processing_time.expedited"): GONE, (sp, "processing_time.expedited"): GONE})

    # eGov article on visas: a two-item documents list, terms, invitations
    s = "egov-article-visa"
    bv = "kz-business-visa-single-entry"
    add(s, "visa term 5 -> 7 working days", "number",
        [("do not exceed 5 working days .", "do not exceed 7 working days .")],
        {("kz-visa", "processing_time"): (7, "working days"), (bv, "processing_time"): (7, "working days")})
    add(s, "visa term reworded 'Visas are issued within five working days.'", "reword",
        [("The time limits for issuing visas do not exceed 5 working days .",
          "Visas are issued within five working days.")])
    add(s, "invitations: order of the two forms swapped and electronic 3 -> 2", "number",
        [("in not more than 3 working days when providing the service in electronic form and not more than 5 working"
          " days - in paper form.",
          "in paper form in not more than 5 working days, and in electronic form in not more than 2 working days.")],
        {("kz-visa", "processing_time.invitation_electronic"): (2, "working days")})
    add(s, "documents list turned into one semicolon-separated paragraph", "restructure",
        [("<ul>\n    <li>Visa application form with a colour or black and white photograph measuring 3.5 x 4.5 cm;"
          "</li>\n"
          "    <li>a passport that remains valid long enough for the requested visa.</li>\n  </ul>",
          "<p>Visa application form with a colour or black and white photograph measuring 3.5 x 4.5 cm; "
          "a passport that remains valid long enough for the requested visa.</p>")])
    add(s, "a medical insurance item added to the documents", "list",
        [("<li>a passport that remains valid long enough for the requested visa.</li>",
          "<li>a passport that remains valid long enough for the requested visa;</li>\n"
          "    <li>a medical insurance policy for the period of stay.</li>")],
        docs(bv, append("a medical insurance policy for the period of stay")))
    add(s, "portal term 30 -> 15 minutes and a new update date", "unmonitored",
        [("30 (thirty) minutes", "15 (fifteen) minutes"), ("Last update: 31.01.2025", "Last update: 12.11.2026")])

    # eGov article on entry and exit: a table of duties, MCI in tenge
    s = "egov-article-entry-exit"
    add(s, "B8 cell split into two table rows", "restructure",
        [("<tr><td>Issuance of a B8 visa for the purpose of obtaining a residence permit</td>"
          "<td>7 MCI (single-entry visa) 30 MCI (multiple-entry visa)</td></tr>",
          "<tr><td>Issuance of a B8 visa for the purpose of obtaining a residence permit (single-entry visa)</td>"
          "<td>7 MCI</td></tr>\n      <tr><td>Issuance of a B8 visa for the purpose of obtaining a residence permit"
          " (multiple-entry visa)</td><td>30 MCI</td></tr>")])
    add(s, "MCI 'KZT 3 932' -> 'KZT 4.325'", "number",
        [("for 2025 is KZT 3 932 .", "for 2025 is KZT 4.325 .")],
        {("kz-monthly-calculation-index", "mci.2025"): (4325, "KZT")})
    add(s, "MCI written '3&nbsp;932,00 tenge' with a date in the sentence", "cosmetic",
        [("for 2025 is KZT 3 932 .", "for 2025 (from 1 January 2025) is 3&nbsp;932,00 tenge.")])
    add(s, "invitation duty '0.5 MCI' written '0,5 МРП'", "cosmetic",
        [("<td>0.5 MCI</td>", "<td>0,5 МРП</td>")])
    add(s, "multiple-entry duty 30 -> 40 MCI with a footnote mark and a dated footnote", "number",
        [("<td>30 MCI</td>", "<td>40 MCI<sup>*</sup></td>"),
         ("</table>", "</table>\n  <p class=\"note\"><sup>*</sup> from 1 January 2026.</p>")],
        {("kz-visa", "fee.multiple_entry"): (40, "MCI")})
    add(s, "TRC 'up to 1 year' -> 'up to 3 years'", "number",
        [("for a period of up to 1 year for", "for a period of up to 3 years for")],
        {("kz-temporary-residence-permit", "validity"): (3, "years")})
    add(s, "TRC children 'under 16' -> 'under 18'", "number",
        [("children under 16 years old.", "children under 18 years old.")],
        {("kz-temporary-residence-permit", "min_age"): (18, "years")})
    add(s, "an unrelated age sentence added after the TRC age sentence", "unmonitored",
        [("children under 16 years old.</p>",
          "children under 16 years old.</p>\n  <p>Children aged 12 and over are fingerprinted when they apply.</p>")])

    # gov.kz life situation 21: passport duty, term, age
    s = "govkz-situation-21"
    add(s, "passport duty '8 MCI' followed by its tenge amount in brackets", "cosmetic",
        [("certificate is 8 MCI.", "certificate is 8 MCI (KZT 31 456 in 2025).")])
    add(s, "passport term 15 -> 10 with the former term and its end date in brackets", "number",
        [("The registration period is 15 working days.",
          "The registration period is 10 working days (until 31 December 2024 – 15 working days).")],
        {(pas, "processing_time"): (10, "working days")})
    add(s, "'irrespective of age' -> 'regardless of age'", "reword",
        [("optionally irrespective of age.", "optionally regardless of age.")])
    add(s, "passport term paragraph removed", "removed",
        [("\n  <p>The registration period is 15 working days.</p>", "")],
        {(pas, "processing_time"): GONE})

    # gov.kz life situation 96/285 in Kazakh: duty in АЕК, urgent fees with decimal commas
    s = "govkz-situation-96-285"
    add(s, "ID card duty 0,2 -> 0,3 АЕК", "number",
        [("құны – 0,2 АЕК.", "құны – 0,3 АЕК.")],
        {(idc, "fee"): (0.3, "MCI")})
    add(s, "urgent 1st category '3011,12' -> '3 150,00 теңге'", "number",
        [("1-санатты жеделдік - 3011,12 теңге", "1-санатты жеделдік - 3 150,00 теңге")],
        {(idc, "fee.urgent_1_day"): (3150, "KZT")})
    add(s, "term '15 жұмыс күні' -> '15 жұмыс күнінен аспайды' (no more than)", "reword",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі – 15 жұмыс күнінен аспайды.")])
    add(s, "'0,2 АЕК' spelled out as 'айлық есептік көрсеткіш'", "reword",
        [("құны – 0,2 АЕК.", "құны – 0,2 айлық есептік көрсеткіш.")])
    add(s, "duty and term sentences split into two paragraphs", "restructure",
        [("0,2 АЕК. Ресімдеу мерзімі", "0,2 АЕК.</p>\n  <p>Ресімдеу мерзімі")])
    add(s, "3rd category written with the tenge sign '605,31 ₸'", "cosmetic",
        [("605,31 теңге", "605,31 ₸")])
    add(s, "urgent 2nd category gains '(3 жұмыс күні)' and 1581,14 -> 1 720,50", "number",
        [("2-санатты жеделдік - 1581,14 теңге", "2-санатты жеделдік (3 жұмыс күні) - 1 720,50 теңге")],
        {(idc, "fee.urgent_3_days"): (1720.5, "KZT")})

    # gov.kz life situation 149: a three-item list with a photo item, a two-number term sentence
    s = "govkz-situation-149"
    add(s, "photo item '2 photos' -> '3 photos' (only the number inside the item)", "number",
        [("<li>2 photos measuring", "<li>3 photos measuring")],
        {(rp, "photos.count"): (3, "photos"), (f"{rp}-photo", "print.copies"): (3, "photos"),
         **docs(rp, inside("2 photos", "3 photos"))})
    add(s, "photo item '2 photos' -> 'two photos'", "reword",
        [("<li>2 photos measuring", "<li>two photos measuring")])
    add(s, "term sentence with usual and expedited in the other order", "reword",
        [("up to 7  working days in an expedited manner and up to 17 working days in the usual way.",
          "up to 17 working days in the usual way and up to 7 working days in an expedited manner.")])
    add(s, "usual term 17 -> 20, written as 'usual way – …; expedited – …'", "number",
        [("The residence permit is made up to 7  working days in an expedited manner and up to 17 working days in the"
          " usual way.",
          "The residence permit is made: in the usual way – up to 20 working days; expedited – up to 7 working days.")],
        {(rp, "processing_time"): (20, "working days")})
    add(s, "documents list turned into a numbered list '1)'", "restructure",
        [("<ul>\n    <li>document on payment", "<ol>\n    <li>1) document on payment"),
         ("<li>2 photos measuring", "<li>2) 2 photos measuring"),
         ("<li>a valid foreign passport.</li>\n  </ul>", "<li>3) a valid foreign passport.</li>\n  </ol>")])

    # MFA pages: visa photo items, Russian term, Tokyo photo rules
    s = "govkz-mfa-hague-visa"
    add(s, "glasses and headwear clause reworded with 'without'", "reword",
        [("no darkened-lens goggles and headdress, except", "without tinted glasses and without a headdress, except")])
    add(s, "photo size 3.5 x 4.5 -> 4 x 6 centimeters", "size",
        [("measuring 3.5 x 4.5 centimeters:", "measuring 4 x 6 centimeters:")],
        size(photo_fields("kz-visa", "kz-visa-photo"), 40, 60))
    s = "govkz-mfa-newyork-c10"
    add(s, "'One photograph (size 3.5 x 4.5 cm)' -> '1 (one) photograph, 3,5 × 4,5 cm'", "cosmetic",
        [("One photograph (size 3.5 x 4.5 cm).", "1 (one) photograph, 3,5 × 4,5 cm.")])
    add(s, "photo count 'One photograph' -> 'Photographs: 2 pcs.'", "number",
        [("One photograph (size 3.5 x 4.5 cm).", "Photographs: 2 pcs. (3.5 x 4.5 cm).")],
        {("kz-visa", "photos.count"): (2, "photos"), ("kz-visa-photo", "print.copies"): (2, "photos")})
    s = "govkz-mfa-ottawa-visa"
    add(s, "term '5 рабочих дней' -> 'до 10 рабочих дней'", "number",
        [("Срок оформления визы – 5 рабочих дней.", "Срок оформления визы – до 10 рабочих дней.")],
        {("kz-visa", "processing_time"): (10, "working days")})
    add(s, "term 'не более 5 (пяти) рабочих дней'", "reword",
        [("Срок оформления визы – 5 рабочих дней.", "Срок оформления визы – не более 5 (пяти) рабочих дней.")])
    add(s, "a fee and visa-validity sentence ('срок действия визы – до 30 дней') added", "unmonitored",
        [("5 рабочих дней.</p>",
          "5 рабочих дней.</p>\n  <p>Консульский сбор – 80 долларов США; срок действия визы – до 30 дней.</p>")])
    s = "shymkent-invest-residence"
    add(s, "term '60 (sixty)' -> '45 (forty-five) calendar days'", "number",
        [("– 60 (sixty) calendar days;", "– 45 (forty-five) calendar days;")],
        {(prp, "processing_time"): (45, "calendar days")})
    add(s, "duty '10 percent of the MCI' -> '0.1 MCI'", "cosmetic",
        [("is 10 percent of the monthly calculation indicator", "is 0.1 MCI")])
    add(s, "duty 10 percent -> 15 per cent", "number",
        [("is 10 percent of the monthly", "is 15 per cent of the monthly")],
        {(prp, "fee"): (0.15, "MCI")})
    s = "mfa-kuala-lumpur-visa"
    add(s, "an urgent term of 2 working days added after the visa term", "unmonitored",
        [("Visa processing time is 5 working days.",
          "Visa processing time is 5 working days; urgent processing – 2 working days for an additional fee.")])
    add(s, "'One color photo' -> 'Two color photos' (Cyrillic х kept)", "number",
        [("One color photo 3.5 х 4.5 cm", "Two color photos 3.5 х 4.5 cm")],
        {("kz-visa", "photos.count"): (2, "photos"), (bv, "photos.count"): (2, "photos"),
         ("kz-visa-photo", "print.copies"): (2, "photos")})
    s = "mfa-tokyo-passport"
    add(s, "face share 'about 75%' -> '70–80%'", "number",
        [("occupies about 75% of the photo", "occupies 70–80% of the photo")],
        {("kz-passport-photo", "face.area_ratio"): ({"min": 70.0, "max": 80.0}, "%")})
    add(s, "photo item gains 'taken not earlier than 6 months ago'", "reword",
        [("Four color photos, size of 3.5 x 4.5 cm.",
          "Four color photos (3.5 x 4.5 cm), taken not earlier than 6 months ago.")])
    add(s, "'Four color photos' -> '4&nbsp;(four) colour photos'", "cosmetic",
        [("Four color photos,", "4&nbsp;(four) colour photos,")])

    # laws and regional pages
    s = "mfa-yerevan-documentation"
    add(s, "'ten years' -> '10&nbsp;years'", "cosmetic",
        [("for a period of ten years.", "for a period of 10&nbsp;years.")])
    s = "adilet-law-73-v"
    add(s, "Article 11 paragraph 2 removed", "removed",
        [("\n<p>2. A certificate of a stateless person is issued for a period of validity for five years.</p>", "")],
        {(sp, "validity"): GONE})
    add(s, "stateless certificate 'five years' -> 'ten years' (the passport's term on the same page)", "number",
        [("for a period of validity for five years.", "for a period of validity of ten years.")],
        {(sp, "validity"): (10, "years")})
    add(s, "stateless certificate age sixteen -> eighteen", "number",
        [("reached the age of sixteen.", "reached the age of eighteen.")],
        {(sp, "min_age"): (18, "years")})
    s = "open-almaty-identity-document"
    add(s, "'с 16 лет' -> 'с 16-ти лет'", "cosmetic",
        [("с 16 лет.", "с 16-ти лет.")])
    add(s, "validity sentence split: passport 10 years, ID card 5 years", "number",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Срок действия паспорта – 10 лет, удостоверения личности – 5 лет.")],
        {(idc, "validity"): (5, "years")})
    s = "egov-online-2f30-mzsr"
    add(s, "item 'Personal history (in any form)' reworded 'Personal history, in free form'", "reword",
        [("<li>Personal history (in any form).</li>", "<li>Personal history, in free form.</li>")])
    add(s, "documents list turned into a numbered <ol>", "restructure",
        [("<ul>\n    <li>Application.</li>", "<ol>\n    <li>Application.</li>"),
         ("Clause 2 of the Rules.</li>\n  </ul>", "Clause 2 of the Rules.</li>\n  </ol>")])
    add(s, "the item on compliance with subclause 3) removed", "list",
        [("\n    <li>Copies of documents establishing an applicant's compliance with the conditions provided for in"
          " subclause 3) of Clause 2 of the Rules.</li>", "")],
        docs("kz-kandas-status", drop("establishing")))
    s = "mfa-london-family-reunification"
    add(s, "passport item 'two blank pages' -> 'three blank pages'", "list",
        [("at least two blank pages;", "at least three blank pages;")],
        docs("kz-family-reunification-visa", inside("two blank pages", "three blank pages")))
    add(s, "'1)' markers of the documents list removed (bulleted)", "restructure",
        [(f"<li>{n}) ", "<li>") for n in range(1, 11)])
    s = "govkz-service-4631"
    add(s, "TRC 'for one year' -> 'for two years'", "number",
        [("permit for one year with", "permit for two years with")],
        {("kz-temporary-residence-permit", "validity"): (2, "years")})
    add(s, "a photo item added to the TRC documents", "list",
        [("<li>A certificate of fingerprinting.</li>",
          "<li>A certificate of fingerprinting.</li>\n      <li>Two photographs 3.5 x 4.5 cm.</li>")],
        docs("kz-temporary-residence-permit", append("Two photographs 3.5 x 4.5 cm")))
    add(s, "fingerprinting date 2024 -> 2025 in the notice", "unmonitored",
        [("From January 1, 2024,", "From January 1, 2025,")])
    return a
