"""The fourth batch of bench/campaign_unseen.py: written by hand after the third batch's fixes, in styles none of
the first three batches has.

Two subjects with a number each in one sentence (the ID card's value must be read from its own clause), values
given as ranges ("from 10 to 15 working days", "от 3 до 5 рабочих дней"), values moved into a <dl> or into a table
whose header row carries the unit ("Fee, tenge"), the unit written before the number ("working days – 15",
"₸ 3011,12", Kazakh "күнтізбелік 20 күн"), Kazakh rewordings of a Russian sentence and Kazakh verb constructions
("15 жұмыс күнін құрайды"), clauses in reverse order ("No more than 15 working days is the term ..."), duties
restated as a percent of the MCI in Kazakh ("АЕК-тің 20 пайызы"), an evidence paragraph duplicated with one copy
changed, document items moved to another place or split into two, sizes written "3.5 cm wide and 4.5 cm high" or
"size, mm: 30 x 40", and cosmetic edits: attributes, nested spans and <b> inside numbers, HTML comments (with
numbers in them), <wbr>, line breaks inside a sentence, footnote marks. Each expectation was written before the
batch first ran (the first-run figures are in the README's Figures table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.campaign_unseen import ListEdit, Written


def split(fragment: str, parts: list[str]) -> ListEdit:
    """The item containing ``fragment`` becomes ``parts``, in its place."""

    def edit(items: list[str]) -> list[str]:
        hits = [i for i in items if fragment.lower() in i.lower()]
        assert len(hits) == 1, (fragment, items)
        out: list[str] = []
        for i in items:
            out += parts if i is hits[0] else [i]
        return out

    return edit


def fourth_batch() -> list[Written]:  # noqa: PLR0915 - one long, flat list is easiest to read and extend
    from bench.campaign_unseen import Written, docs, photo_fields, size

    a: list[Written] = []

    def add(source: str, name: str, kind: str, edits: list[tuple[str, str]], expect: dict | None = None) -> None:
        a.append(Written(source, name, kind, edits, expect or {}, batch=4))

    idc, pas, rp, prp, sp = (
        "kz-id-card",
        "kz-passport",
        "kz-residence-permit",
        "kz-permanent-residence-permit",
        "kz-stateless-person-certificate",
    )
    visa, bv = "kz-visa", "kz-business-visa-single-entry"

    # mobile eGov pass003: two duty sentences, urgency lists, a shared term
    s = "mobile-egov-pass003-mvd"
    duties = ("    <p>State duty for issuance of the passport of the citizen of the RК at the rate of 8 MCI.</p>\n"
              "    <p>State duty for issuance ID card of the citizen of the RK at the rate of 0,2 MCI.</p>")
    add(s, "passport and ID card duties in one sentence, only the ID card's changed 0,2 -> 0,3", "number",
        [(duties, "    <p>State duty for issuance of the passport of the citizen of the RК – 8 MCI, of the ID card of"
                  " the citizen of the RK – 0,3 MCI.</p>")],
        {(idc, "fee"): (0.3, "MCI"), (idc, "fee.replacement_on_expiry"): (0.3, "MCI")})
    add(s, "passport and ID card duties in one sentence, only the passport's changed 8 -> 10", "number",
        [(duties, "    <p>State duty for issuance of the passport of the citizen of the RК – 10 MCI, of the ID card of"
                  " the citizen of the RK – 0,2 MCI.</p>")],
        {(pas, "fee"): (10, "MCI")})
    add(s, "passport and ID card duties in one sentence, same values", "restructure",
        [(duties, "    <p>State duty for issuance of the passport of the citizen of the RК – 8 MCI, of the ID card of"
                  " the citizen of the RK – 0,2 MCI.</p>")])
    add(s, "ID card duty '0,2 MCI' restated as '20% of the MCI'", "reword",
        [("at the rate of 0,2 MCI.", "at the rate of 20% of the MCI.")])
    add(s, "term clause reversed: 'No more than 15 working days is the term upon ...'", "reword",
        [("Upon addressing to the State corporation or to the portal - no more than 15 working days",
          "No more than 15 working days is the term upon addressing to the State corporation or to the portal.")])
    add(s, "term clause reversed and 15 -> 12", "number",
        [("Upon addressing to the State corporation or to the portal - no more than 15 working days",
          "No more than 12 working days is the term upon addressing to the State corporation or to the portal.")],
        {(idc, "processing_time"): (12, "working days"), (pas, "processing_time"): (12, "working days")})
    cities = ("<ul>\n      <li>1st category of urgency – up to 1 working day - 4 983 tenge</li>\n"
              "      <li>2nd category of urgency – up to 3 working days - 2 752 tenge</li>\n    </ul>")

    def urgency_table(second_fee: str) -> str:
        return ("<table>\n      <tr><th>Category of urgency</th><th>Term, working days</th><th>Fee, tenge</th></tr>\n"
                "      <tr><td>1st category</td><td>up to 1</td><td>4 983</td></tr>\n"
                f"      <tr><td>2nd category</td><td>up to 3</td><td>{second_fee}</td></tr>\n    </table>")

    add(s, "urgency list turned into a table whose header carries the units", "restructure",
        [(cities, urgency_table("2 752"))])
    add(s, "urgency table with units in the header, 2nd category 2 752 -> 2 900", "number",
        [(cities, urgency_table("2 900"))],
        {(idc, "fee.urgent_3_days"): (2900, "KZT")})
    add(s, "the two urgency items in the other order", "restructure",
        [(cities, "<ul>\n      <li>2nd category of urgency – up to 3 working days - 2 752 tenge</li>\n"
                  "      <li>1st category of urgency – up to 1 working day - 4 983 tenge</li>\n    </ul>")])
    fine = "<p>Fine for the exceeding of the time limit – 7 MCI.</p>"
    add(s, "fine moved into a <dl>", "restructure",
        [(fine, "<dl><dt>Fine for the exceeding of the time limit</dt><dd>7 MCI</dd></dl>")])
    add(s, "fine in a <dl>, 7 -> 9 MCI", "number",
        [(fine, "<dl><dt>Fine for the exceeding of the time limit</dt><dd>9 MCI</dd></dl>")],
        {(idc, "fine.overdue_document"): (9, "MCI")})
    add(s, "fine paragraph duplicated, the second copy says 10 MCI", "number",
        [(fine, fine + "\n    <p>Fine for the exceeding of the time limit – 10 MCI.</p>")],
        {(idc, "fine.overdue_document"): (10, "MCI")})
    add(s, "fine paragraph duplicated unchanged", "restructure",
        [(fine, fine + "\n    " + fine)])
    add(s, "1st category fee wrapped in nested spans", "cosmetic",
        [("- 4 983 tenge",
          '- <span class="sum"><span>4</span>&#32;<span>983</span></span> <span class="cur">tenge</span>')])
    add(s, "passport duty number in <strong> with a no-break space", "cosmetic",
        [("at the rate of 8 MCI.", "at the rate of <strong>8</strong>&nbsp;MCI.")])
    add(s, "an HTML comment with an old rate inside the passport duty sentence", "cosmetic",
        [("at the rate of 8 MCI.", "at the rate of <!-- until 2024: 7 MCI --> 8 MCI.")])
    add(s, "3d category fee with <wbr> inside the number", "cosmetic",
        [("- 1 116 tenge", "- 1<wbr>116 tenge")])
    add(s, "line breaks inside the term sentence", "cosmetic",
        [("or to the portal - no more than 15 working days",
          "or to the portal -\n      no more than 15\n      working days")])
    add(s, "class and id attributes on the duty paragraphs", "cosmetic",
        [("<p>State duty for issuance of the passport", '<p class="duty" id="passport-duty">State duty for issuance of'
          " the passport"), ("<p>State duty for issuance ID card", '<p class="duty" data-kind="id">State duty for'
          " issuance ID card")])

    # mobile eGov 009pass: 'Free', two term items
    s = "mobile-egov-009pass-mvd"
    terms = ("<ul>\n      <li>from the date of delivery of the package of necessary documents – 60 calendar"
             " days;</li>\n      <li>when applying for a service recipient who has not reached the age of eighteen,"
             " or who has issued a withdrawal or loss of citizenship ... – 10 calendar days</li>\n    </ul>")

    def term_dl(minors: str) -> str:
        return ("<dl>\n      <dt>from the date of delivery of the package of necessary documents</dt>"
                "<dd>60 calendar days</dd>\n      <dt>when applying for a service recipient who has not reached the age"
                " of eighteen, or who has issued a withdrawal or loss of citizenship ...</dt>"
                f"<dd>{minors} calendar days</dd>\n    </dl>")

    add(s, "'Free' -> '0 tenge'", "reword",
        [("<strong>Cost of the service</strong> Free", "<strong>Cost of the service</strong> 0 tenge")])
    add(s, "term list turned into a <dl>", "restructure", [(terms, term_dl("10"))])
    add(s, "term list turned into a <dl>, minors 10 -> 7 calendar days", "number", [(terms, term_dl("7"))],
        {(prp, "processing_time.minors"): (7, "calendar days")})
    add(s, "the two term items in the other order", "restructure",
        [(terms, "<ul>\n      <li>when applying for a service recipient who has not reached the age of eighteen, or who"
                 " has issued a withdrawal or loss of citizenship ... – 10 calendar days;</li>\n      <li>from the date"
                 " of delivery of the package of necessary documents – 60 calendar days</li>\n    </ul>")])
    add(s, "usual term written unit first: 'calendar days: 60'", "reword",
        [("documents – 60 calendar days;", "documents – calendar days: 60;")])
    add(s, "usual term written unit first and 60 -> 45", "number",
        [("documents – 60 calendar days;", "documents – calendar days: 45;")],
        {(prp, "processing_time"): (45, "calendar days")})

    # eGov article on residence permits
    s = "egov-article-residence-permit"
    add(s, "item 8 split in two: 'One photo.' and 'Photo size: 35x45 mm.'", "restructure",
        [("<li>8. One photo (35x45 mm).</li>", "<li>8. One photo.</li>\n    <li>8a. Photo size: 35x45 mm.</li>")])
    add(s, "residence permit documents: the photo item moved to the top", "restructure",
        [("    <li>a document on payment of the state duty;</li>\n    <li>a valid foreign passport;</li>\n"
          "    <li>two photograph of the size of 3.5 x 4.5 centimeters.</li>",
          "    <li>two photograph of the size of 3.5 x 4.5 centimeters;</li>\n"
          "    <li>a document on payment of the state duty;</li>\n    <li>a valid foreign passport.</li>")])
    add(s, "validity sentence ends on the number: '... passport: 10 years.'", "reword",
        [("As a rule a residence permit is issued for a period of 10 years, i.e. for a validity term of a foreigner`s"
          " passport.", "As a rule a residence permit is issued for a period that equals the validity term of a"
          " foreigner`s passport: 10 years.")])
    add(s, "validity sentence ends on the number, 10 -> 5 years", "number",
        [("As a rule a residence permit is issued for a period of 10 years, i.e. for a validity term of a foreigner`s"
          " passport.", "As a rule a residence permit is issued for a period that equals the validity term of a"
          " foreigner`s passport: 5 years.")],
        {(rp, "validity"): (5, "years")})
    add(s, "fast-track paragraph duplicated, the second copy says 5 working days", "number",
        [("<p>Processing on a fast-track basis up to 7 working days.</p>",
          "<p>Processing on a fast-track basis up to 7 working days.</p>\n"
          "  <p>Processing on a fast-track basis up to 5 working days.</p>")],
        {(rp, "processing_time.expedited"): (5, "working days"),
         (sp, "processing_time.expedited"): (5, "working days")})
    add(s, "fast-track written unit first: 'working days – up to 7'", "reword",
        [("Processing on a fast-track basis up to 7 working days.",
          "Processing on a fast-track basis: working days – up to 7.")])

    # eGov article on visas: a two-item documents list, terms, invitations
    s = "egov-article-visa"
    visa_docs = ("    <li>Visa application form with a colour or black and white photograph measuring 3.5 x 4.5"
                 " cm;</li>\n    <li>a passport that remains valid long enough for the requested visa.</li>")
    add(s, "the two document items in the other order", "restructure",
        [(visa_docs, "    <li>A passport that remains valid long enough for the requested visa;</li>\n"
                     "    <li>visa application form with a colour or black and white photograph measuring 3.5 x 4.5"
                     " cm.</li>")])
    add(s, "the application-form item split in two: form, photograph", "list",
        [(visa_docs, "    <li>Visa application form;</li>\n"
                     "    <li>a colour or black and white photograph measuring 3.5 x 4.5 cm;</li>\n"
                     "    <li>a passport that remains valid long enough for the requested visa.</li>")],
        docs(bv, split("Visa application form", ["Visa application form",
                                                  "a colour or black and white photograph measuring 3.5 x 4.5 cm"])))
    add(s, "invitation terms reworded 'electronic form – not more than 3 …; paper form – not more than 5 …'", "reword",
        [("An invitation is reviewed in not more than 3 working days when providing the service in electronic form and"
          " not more than 5 working days - in paper form.",
          "Terms of reviewing an invitation: electronic form – not more than 3 working days; paper form – not more"
          " than 5 working days.")])
    add(s, "invitation terms in that form, paper 5 -> 7", "number",
        [("An invitation is reviewed in not more than 3 working days when providing the service in electronic form and"
          " not more than 5 working days - in paper form.",
          "Terms of reviewing an invitation: electronic form – not more than 3 working days; paper form – not more"
          " than 7 working days.")],
        {(visa, "processing_time.invitation_paper"): (7, "working days")})
    add(s, "visa term with a comment and a span around the number", "cosmetic",
        [("do not exceed 5 working days .", 'do not exceed <!-- 10 before 2020 --><span class="n">5</span> working'
          " days.")])

    # eGov article on entry and exit: a table of duties, MCI in tenge
    s = "egov-article-entry-exit"
    add(s, "duty table: the unit moved into the header ('Rate, MCI')", "restructure",
        [("<th>Rate</th>", "<th>Rate, MCI</th>"), ("<td>0.5 MCI</td>", "<td>0.5</td>"),
         ("<td>30 MCI</td>", "<td>30</td>"),
         ("<td>7 MCI (single-entry visa) 30 MCI (multiple-entry visa)</td>",
          "<td>7 (single-entry visa) 30 (multiple-entry visa)</td>")])
    add(s, "duty table with 'Rate, MCI' header, invitation 0.5 -> 1", "number",
        [("<th>Rate</th>", "<th>Rate, MCI</th>"), ("<td>0.5 MCI</td>", "<td>1</td>"),
         ("<td>30 MCI</td>", "<td>30</td>"),
         ("<td>7 MCI (single-entry visa) 30 MCI (multiple-entry visa)</td>",
          "<td>7 (single-entry visa) 30 (multiple-entry visa)</td>")],
        {(bv, "fee.invitation"): (1, "MCI"), (visa, "fee.invitation"): (1, "MCI")})
    table_rows = ("      <tr><td>Registration of a letter of invitation for a visa</td><td>0.5 MCI</td></tr>\n"
                  "      <tr><td>Issuance of a multiple-entry visa on the territory of the Republic of Kazakhstan</td>"
                  "<td>30 MCI</td></tr>\n")

    def rows_to_sentence(multiple: str) -> list[tuple[str, str]]:
        return [(table_rows, ""), ("<h2>State duties</h2>",
                 "<h2>State duties</h2>\n  <p>The state duty for registration of a letter of invitation for a visa is"
                 f" 0.5 MCI, for issuance of a multiple-entry visa on the territory of the Republic of Kazakhstan – "
                 f"{multiple} MCI.</p>")]

    add(s, "two table rows turned into one sentence with two subjects", "restructure", rows_to_sentence("30"))
    add(s, "two rows in one sentence, the multiple-entry duty 30 -> 35", "number", rows_to_sentence("35"),
        {(visa, "fee.multiple_entry"): (35, "MCI")})
    add(s, "duty table turned into a <dl>", "restructure",
        [("<table class=\"table\">\n    <thead><tr><th>Action</th><th>Rate</th></tr></thead>\n    <tbody>\n", "<dl>\n"),
         (table_rows, "      <dt>Registration of a letter of invitation for a visa</dt><dd>0.5 MCI</dd>\n"
                      "      <dt>Issuance of a multiple-entry visa on the territory of the Republic of Kazakhstan</dt>"
                      "<dd>30 MCI</dd>\n"),
         ("<tr><td>Issuance of a B8 visa for the purpose of obtaining a residence permit</td>"
          "<td>7 MCI (single-entry visa) 30 MCI (multiple-entry visa)</td></tr>\n    </tbody>\n  </table>",
          "<dt>Issuance of a B8 visa for the purpose of obtaining a residence permit</dt>"
          "<dd>7 MCI (single-entry visa) 30 MCI (multiple-entry visa)</dd>\n  </dl>")])
    add(s, "MCI sentence written '1 MCI = 3 932 tenge'", "reword",
        [("Monthly calculation index (hereinafter - MCI ) for 2025 is KZT 3 932 .",
          "The monthly calculation index for 2025: 1 MCI = 3 932 tenge.")])
    add(s, "TRC validity 'up to 1 year' -> 'up to 12 months'", "reword",
        [("for a period of up to 1 year for", "for a period of up to 12 months for")])

    # gov.kz life situation 21: passport duty, term
    s = "govkz-situation-21"
    add(s, "passport term given as a range 'from 10 to 15 working days'", "number",
        [("The registration period is 15 working days.", "The registration period is from 10 to 15 working days.")],
        {(pas, "processing_time"): ({"min": 10, "max": 15}, "working days")})
    add(s, "duty and term joined in one sentence, the term 15 -> 10", "number",
        [("is 8 MCI.</p>\n  <p>The registration period is 15 working days.</p>",
          "is 8 MCI, and the registration period is 10 working days.</p>")],
        {(pas, "processing_time"): (10, "working days")})
    add(s, "ID card duty stated before the passport's in the same sentence", "unmonitored",
        [("The cost of the state duty for issuance of the certificate is 8 MCI.",
          "The cost of the state duty for issuance of an identity card is 0.2 MCI, of the passport – 8 MCI.")])

    # gov.kz life situation 96/285 in Kazakh
    s = "govkz-situation-96-285"
    add(s, "'0,2 АЕК' restated 'АЕК-тің 20 пайызы'", "reword", [("құны – 0,2 АЕК.", "құны – АЕК-тің 20 пайызы.")])
    add(s, "duty 'АЕК-тің 30 пайызы' (0,2 -> 0,3)", "number", [("құны – 0,2 АЕК.", "құны – АЕК-тің 30 пайызы.")],
        {(idc, "fee"): (0.3, "MCI")})
    add(s, "term '– 15 жұмыс күні' -> '15 жұмыс күнін құрайды'", "reword",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі 15 жұмыс күнін құрайды.")])
    add(s, "term '15 жұмыс күнін құрайды' and 15 -> 10", "number",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі 10 жұмыс күнін құрайды.")],
        {(idc, "processing_time"): (10, "working days")})
    add(s, "term 'күнтізбелік 20 күн' (unit adjective before the number)", "unit",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі – күнтізбелік 20 күн.")],
        {(idc, "processing_time"): (20, "calendar days")})
    add(s, "1st category fee written '₸ 3011,12' (sign before the number)", "cosmetic",
        [("- 3011,12 теңге", "- ₸ 3011,12")])
    add(s, "2nd category fee '₸1 650' (sign before, 1581,14 -> 1 650)", "number",
        [("- 1581,14 теңге", "- ₸1 650")],
        {(idc, "fee.urgent_3_days"): (1650, "KZT")})
    add(s, "the Russian duty sentence added after the Kazakh one (same value)", "restructure",
        [("Ресімдеу мерзімі – 15 жұмыс күні.</p>",
          "Ресімдеу мерзімі – 15 жұмыс күні.</p>\n  <p>Стоимость государственной пошлины – 0,2 МРП.</p>")])

    # gov.kz life situation 149
    s = "govkz-situation-149"
    add(s, "documents: the passport item moved to the top", "restructure",
        [("<ul>\n    <li>document on payment of the state fee;</li>\n"
          "    <li>2 photos measuring 3.5 x 4.5 centimeters;</li>\n    <li>a valid foreign passport.</li>",
          "<ul>\n    <li>a valid foreign passport;</li>\n    <li>document on payment of the state fee;</li>\n"
          "    <li>2 photos measuring 3.5 x 4.5 centimeters.</li>")])
    add(s, "term sentence with the expedited clause first, expedited 7 -> 5", "number",
        [("The residence permit is made up to 7  working days in an expedited manner and up to 17 working days in the"
          " usual way.",
          "In an expedited manner the residence permit is made up to 5 working days, in the usual way – up to 17"
          " working days.")],
        {(rp, "processing_time.expedited"): (5, "working days")})
    add(s, "term sentence as a table with 'Term, working days' header", "restructure",
        [("<p>The residence permit is made up to 7  working days in an expedited manner and up to 17 working days in"
          " the usual way.</p>",
          "<table>\n    <tr><th>Procedure</th><th>Term, working days</th></tr>\n"
          "    <tr><td>in the usual way</td><td>up to 17</td></tr>\n"
          "    <tr><td>in an expedited manner</td><td>up to 7</td></tr>\n  </table>")])

    # MFA pages
    s = "govkz-mfa-hague-visa"
    add(s, "size written '3.5 cm wide and 4.5 cm high'", "reword",
        [("measuring 3.5 x 4.5 centimeters:", "measuring 3.5 cm wide and 4.5 cm high:")])
    add(s, "size written 'cm wide and … high', 3.5 x 4.5 -> 4 x 5", "size",
        [("measuring 3.5 x 4.5 centimeters:", "measuring 4 cm wide and 5 cm high:")],
        size(photo_fields(visa, "kz-visa-photo"), 40, 50))
    s = "govkz-mfa-newyork-c10"
    add(s, "size written unit first '(size, cm: 3.5 x 4.5)'", "cosmetic",
        [("One photograph (size 3.5 x 4.5 cm).", "One photograph (size, cm: 3.5 x 4.5).")])
    add(s, "size unit first and 3.5 x 4.5 cm -> '(size, mm: 30 x 40)'", "size",
        [("One photograph (size 3.5 x 4.5 cm).", "One photograph (size, mm: 30 x 40).")],
        size(photo_fields(visa, "kz-visa-photo"), 30, 40))
    add(s, "photo item written as two sentences 'One photograph. Size: 3.5 x 4.5 cm.'", "reword",
        [("One photograph (size 3.5 x 4.5 cm).", "One photograph. Size: 3.5 x 4.5 cm.")])
    s = "govkz-mfa-ottawa-visa"
    add(s, "term given as a range 'от 3 до 5 рабочих дней'", "number",
        [("Срок оформления визы – 5 рабочих дней.", "Срок оформления визы – от 3 до 5 рабочих дней.")],
        {(visa, "processing_time"): ({"min": 3, "max": 5}, "working days")})
    add(s, "the term sentence reworded in Kazakh only", "reword",
        [("Срок оформления визы – 5 рабочих дней.", "Визаны ресімдеу мерзімі – 5 жұмыс күні.")])
    add(s, "the term sentence in Kazakh only, 5 -> 7", "number",
        [("Срок оформления визы – 5 рабочих дней.", "Визаны ресімдеу мерзімі – 7 жұмыс күні.")],
        {(visa, "processing_time"): (7, "working days")})
    add(s, "term written unit first 'рабочих дней: 5'", "reword",
        [("Срок оформления визы – 5 рабочих дней.", "Срок оформления визы (рабочих дней): 5.")])
    s = "shymkent-invest-residence"
    add(s, "'(two months)' added after '60 (sixty) calendar days'", "cosmetic",
        [("60 (sixty) calendar days;", "60 (sixty) calendar days (about two months);")])
    add(s, "duty '20 percent of the MCI (0.2 MCI)'", "number",
        [("is 10 percent of the monthly calculation indicator established on the day of payment of the state duty.",
          "is 20 percent of the monthly calculation indicator (0.2 MCI) established on the day of payment of the state"
          " duty.")],
        {(prp, "fee"): (0.2, "MCI")})
    add(s, "term heading and paragraph turned into a <dl>", "restructure",
        [("<h3>Term of the service</h3>\n  <p>from the momentdelivery of the package of necessary documents to the"
          " service provider – 60 (sixty) calendar days;</p>",
          "<dl><dt>Term of the service</dt>\n  <dd>from the momentdelivery of the package of necessary documents to"
          " the service provider – 60 (sixty) calendar days;</dd></dl>")])
    s = "mfa-kuala-lumpur-visa"
    add(s, "photo item moved to the top of the list", "restructure",
        [("    <li>a passport valid for the period of the visa;</li>\n    <li>a completed visa application form;</li>\n"
          "    <li>One color photo 3.5 х 4.5 cm on the white background;</li>",
          "    <li>One color photo 3.5 х 4.5 cm on the white background;</li>\n"
          "    <li>a passport valid for the period of the visa;</li>\n"
          "    <li>a completed visa application form;</li>")])
    add(s, "photo item reordered 'One color photo on the white background, 3.5 х 4.5 cm'", "reword",
        [("One color photo 3.5 х 4.5 cm on the white background;", "One color photo on the white background, 3.5 х 4.5"
          " cm;")])
    add(s, "term given as a range 'from 3 to 5 working days'", "number",
        [("Visa processing time is 5 working days.", "Visa processing time is from 3 to 5 working days.")],
        {(visa, "processing_time"): ({"min": 3, "max": 5}, "working days")})
    add(s, "term written unit first 'working days – 5'", "reword",
        [("Visa processing time is 5 working days.", "Visa processing time: working days – 5.")])
    add(s, "term paragraph duplicated after the list, the second copy says 7", "number",
        [("<p>Visa processing time is 5 working days.</p>",
          "<p>Visa processing time is 5 working days.</p>\n  <p>Visa processing time is 7 working days.</p>")],
        {(visa, "processing_time"): (7, "working days")})
    s = "mfa-tokyo-passport"
    add(s, "photo item gains '(two for the application, two for the file)'", "reword",
        [("Four color photos, size of 3.5 x 4.5 cm.",
          "Four color photos, size of 3.5 x 4.5 cm (two for the application, two for the file).")])
    s = "mfa-yerevan-documentation"
    add(s, "a child's passport term added in the same sentence", "unmonitored",
        [("is issued for a period of ten years.", "is issued for a period of ten years, and to a child under sixteen –"
          " for a period of five years.")])
    add(s, "validity sentence reworded 'Validity of the passport …: ten years.'", "reword",
        [("The passport of a citizen of the Republic of Kazakhstan is issued for a period of ten years.",
          "Validity of the passport of a citizen of the Republic of Kazakhstan: ten years.")])
    s = "adilet-law-73-v"
    add(s, "footnote mark after 'five years' and a dated footnote", "cosmetic",
        [("for a period of validity for five years.</p>",
          "for a period of validity for five years.<sup>1</sup></p>\n"
          "<p class=\"footnote\"><sup>1</sup> As amended by the Law of 12 July 2023 No. 23-VIII.</p>")])

    # open.almaty: two documents in one validity sentence, the ID card's age
    s = "open-almaty-identity-document"
    add(s, "validity: ID card first with 5 years, passport 10 years", "number",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Срок действия удостоверения личности – 5 лет, паспорта – 10 лет.")],
        {(idc, "validity"): (5, "years")})
    add(s, "validity: 'паспорта – 10 лет, удостоверения личности – 10 лет'", "restructure",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Срок действия: паспорта – 10 лет, удостоверения личности – 10 лет.")])
    add(s, "validity: passport 15 years, ID card 10 years", "number",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Срок действия паспорта – 15 лет, удостоверения личности – 10 лет.")],
        {(pas, "validity"): (15, "years")})
    add(s, "the age sentence reworded in Kazakh only", "reword",
        [("Получить удостоверение личности гражданина Республики Казахстан вы имеете право с 16 лет.",
          "Қазақстан Республикасы азаматының жеке куәлігін 16 жастан бастап алуға құқығыңыз бар.")])
    add(s, "the age sentence in Kazakh only, 16 -> 14", "number",
        [("Получить удостоверение личности гражданина Республики Казахстан вы имеете право с 16 лет.",
          "Қазақстан Республикасы азаматының жеке куәлігін 14 жастан бастап алуға құқығыңыз бар.")],
        {(idc, "min_age"): (14, "years")})
    add(s, "a Kazakh copy of the validity sentence added (same value)", "restructure",
        [("удостоверения личности - 10 лет.</p>",
          "удостоверения личности - 10 лет.</p>\n  <p>Паспорт пен жеке куәліктің қолданылу мерзімі – 10 жыл.</p>")])

    # document lists
    s = "egov-online-2f30-mzsr"
    add(s, "documents: the last item moved to the top", "restructure",
        [("<ul>\n    <li>Application.</li>", "<ul>\n    <li>Copies of documents establishing an applicant's compliance"
          " with the conditions provided for in subclause 3) of Clause 2 of the Rules.</li>\n"
          "    <li>Application.</li>"),
         ("\n    <li>Copies of documents establishing an applicant's compliance with the conditions provided for in"
          " subclause 3) of Clause 2 of the Rules.</li>\n  </ul>", "\n  </ul>")])
    add(s, "the ID-copies item split in two: copies, translation", "list",
        [("<li>Copies of ID documents of an applicant and his/her family members (if any) with a notarized translation"
          " into Kazakh or Russian (",
          "<li>Copies of ID documents of an applicant and his/her family members (if any).</li>\n"
          "    <li>A notarized translation of these documents into Kazakh or Russian (")],
        docs("kz-kandas-status", split("Copies of ID documents", [
            "Copies of ID documents of an applicant and his/her family members (if any)",
            "A notarized translation of these documents into Kazakh or Russian (birth certificates, passport,"
            " certificate of a stateless person or other official documents of special authorities of the country"
            " of origin of ethnic Kazakhs and other documents confirming the nationality of applicants)"])))
    add(s, "comments between the document items and classes on them", "cosmetic",
        [("<li>Application.</li>", '<li class="doc">Application.</li>\n    <!-- item 2 -->'),
         ("<li>Personal history (in any form).</li>", '<li class="doc">Personal history (in any form).</li>'
          "\n    <!-- 3 -->")])
    s = "mfa-london-family-reunification"
    add(s, "items 3 and 4 in the other order, renumbered", "restructure",
        [("<li>3) Financial Statement", "<li>4) Financial Statement"),
         ("<li>4) Notarized copy of the Confirmation", "<li>3) Notarized copy of the Confirmation"),
         ("    <li>4) Financial Statement that confirm ability to cover expenses for each family member, not less than"
          " minimum salary in Kazakhstan;</li>\n", ""),
         ("of inviting person;</li>\n    <li>5) Disclosure",
          "of inviting person;</li>\n    <li>4) Financial Statement that confirm ability to cover expenses for each"
          " family member, not less than minimum salary in Kazakhstan;</li>\n    <li>5) Disclosure")])
    add(s, "<wbr> and a span inside the photo item", "cosmetic",
        [("(size: 3.5cm x 4.5cm, Full face,", "(size: <span class=\"size\">3.5cm&nbsp;x&nbsp;4.5cm</span>, Full<wbr>"
          " face,")])
    s = "govkz-service-4631"
    add(s, "TRC 'for one year' -> 'for one year (12 months)'", "cosmetic",
        [("permit for one year with", "permit for one year (12 months) with")])
    add(s, "documents: items 2 and 3 in the other order", "restructure",
        [("      <li>A copy of the identity document of a foreigner or stateless person from a state with a ratified"
          " visa-free agreement (the original is provided for verification).</li>\n"
          "      <li>A copy of health insurance (the original is provided for verification) (except for citizens of the"
          " countries of the Eurasian Economic Union).</li>",
          "      <li>A copy of health insurance (the original is provided for verification) (except for citizens of the"
          " countries of the Eurasian Economic Union).</li>\n"
          "      <li>A copy of the identity document of a foreigner or stateless person from a state with a ratified"
          " visa-free agreement (the original is provided for verification).</li>")])
    return a
