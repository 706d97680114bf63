"""The fifth batch of bench/campaign_unseen.py: written by hand after batches 1-3 passed, spread over every archived
HTML source and weighted towards the sources those batches touched least and the Kazakh and Russian pages.

Numbers of every type a source is watched for (fees in MCI, percent and tenge, terms in working and calendar days,
validity in years, photo sizes and counts, ages, a face-area percentage), unit changes, document items added,
removed or reworded, the same value said another way in the page's own language (number words, passive voice,
"valid for ... years" instead of "validity period - ... years", a hyphenated "ten-year"), and the edits a CMS
makes without anyone meaning to change a requirement: banners, menus, last-updated dates, tracking scripts,
class renames outside the content block, an empty table row or list item, re-ordered unrelated sections, and
numbers added to pages nobody watches. The PDF source is left to the PDF tests (the harness serves HTML text).
Each alteration's expected verdict was written before the batch was first run (its first-run figures are in
the README's Figures table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.campaign_unseen import Written

TRACKING = ("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-7Q2X5K1\"></script>"
            "<script>window.dataLayer=window.dataLayer||[];gtag('config','G-7Q2X5K1',{'page_ttl':15});</script>")


def fifth_batch() -> list[Written]:  # noqa: PLR0915 - one long, flat list is easiest to read and extend
    from bench.campaign_unseen import GONE, Written, append, docs, drop, inside, photo_fields, size

    a: list[Written] = []

    def add(source: str, name: str, kind: str, edits: list[tuple[str, str]], expect: dict | None = None) -> None:
        a.append(Written(source, name, kind, edits, expect or {}, batch=5))

    idc, pas, rp, prp, sp, trp = (
        "kz-id-card",
        "kz-passport",
        "kz-residence-permit",
        "kz-permanent-residence-permit",
        "kz-stateless-person-certificate",
        "kz-temporary-residence-permit",
    )
    v, vp, bv, frv = "kz-visa", "kz-visa-photo", "kz-business-visa-single-entry", "kz-family-reunification-visa"

    # --- Yerevan embassy: passport validity in a quoted law article (3 runs before) ---------------------------
    s = "mfa-yerevan-documentation"
    add(s, "passport validity 'ten years' -> '5 years'", "number",
        [("for a period of ten years.", "for a period of 5 years.")],
        {(pas, "validity"): (5, "years")})
    add(s, "passport validity 'ten years' -> 'ten months'", "unit",
        [("for a period of ten years.", "for a period of ten months.")],
        {(pas, "validity"): (10, "months")})
    add(s, "validity sentence reworded 'The validity period of the passport ... is ten years'", "reword",
        [("The passport of a citizen of the Republic of Kazakhstan is issued for a period of ten years.",
          "The validity period of the passport of a citizen of the Republic of Kazakhstan is ten years.")])
    add(s, "holiday banner with a date added above the text", "cosmetic",
        [("<div class=\"content-view\">",
          "<div class=\"content-view\">\n  <div class=\"alert\">The consular section is closed on 16 December"
          " (Independence Day).</div>")])
    add(s, "a consular fee sentence added after the law quote", "unmonitored",
        [("issued for a period of ten years.</p>",
          "issued for a period of ten years.</p>\n  <p>The consular fee for a passport issued abroad is"
          " 30 US dollars.</p>")])

    # --- Adilet, law 73-V: passport and stateless certificate (9 runs before) --------------------------------
    s = "adilet-law-73-v"
    add(s, "stateless certificate validity 'five years' -> 'three years'", "number",
        [("for a period of validity for five years.", "for a period of validity for three years.")],
        {(sp, "validity"): (3, "years")})
    add(s, "passport validity 'for a period of ten years' -> 'for a ten-year period'", "reword",
        [("is issued for a period of ten years.", "is issued for a ten-year period.")])
    add(s, "stateless age reworded 'who have reached sixteen years of age'", "reword",
        [("who have reached the age of sixteen.", "who have reached sixteen years of age.")])
    add(s, "status line gains 'with amendments as of 01.07.2025'", "cosmetic",
        [("No. 73-V of 29 January 2013</p>", "No. 73-V of 29 January 2013 (with amendments as of 01.07.2025)</p>")])
    add(s, "an identity card article with another term added between the two articles", "unmonitored",
        [("<p><b>Article 11.",
          "<p><b>Article 9. Identity card of a citizen of the Republic of Kazakhstan</b></p>\n"
          "<p>2. The identity card of a citizen of the Republic of Kazakhstan is issued for a period of five"
          " years.</p>\n"
          "<p><b>Article 11.")])
    add(s, "passport paragraph 2 removed", "removed",
        [("<p>2. The passport of a citizen of the Republic of Kazakhstan is issued for a period of ten years.</p>\n",
          "")],
        {(pas, "validity"): GONE})

    # --- Open Almaty, identity document (ru; 7 runs before) ---------------------------------------------------
    s = "open-almaty-identity-document"
    add(s, "ID card age 'с 16 лет' -> 'с 14 лет'", "number",
        [("вы имеете право с 16 лет.", "вы имеете право с 14 лет.")],
        {(idc, "min_age"): (14, "years")})
    add(s, "age reworded 'по достижении шестнадцати лет'", "reword",
        [("вы имеете право с 16 лет.", "вы имеете право по достижении шестнадцати лет.")])
    add(s, "validity reworded 'Паспорт и удостоверение личности действительны в течение 10 лет'", "reword",
        [("Срок действия паспорта и удостоверения личности - 10 лет.",
          "Паспорт и удостоверение личности действительны в течение 10 лет.")])
    add(s, "validity '- 10 лет' -> '– пять лет' (number word, en dash)", "number",
        [("удостоверения личности - 10 лет.", "удостоверения личности – пять лет.")],
        {(idc, "validity"): (5, "years"), (pas, "validity"): (5, "years")})
    add(s, "'Обновлено' date and a share block added", "cosmetic",
        [("<h1 class=\"situation-title\">Как получить документ, удостоверяющий личность?</h1>",
          "<h1 class=\"situation-title\">Как получить документ, удостоверяющий личность?</h1>\n"
          "<p class=\"meta\">Обновлено: 12.03.2025 · Просмотров: 1 245</p>\n"
          "<div class=\"share\">Поделиться: VK · Telegram · WhatsApp</div>")])
    add(s, "a documents list with a photo size added in place of the note", "unmonitored",
        [("<p class=\"note\">[Перечень документов не сохранился в копии, на которой основана эта реконструкция.]</p>",
          "<p>Перечень документов:</p>\n  <ul>\n    <li>заявление;</li>\n"
          "    <li>1 фотография размером 3,5 х 4,5 см;</li>\n    <li>квитанция об оплате госпошлины.</li>\n  </ul>")])

    # --- Embassy in Canada (ru): visa term (9 runs before) ----------------------------------------------------
    s = "govkz-mfa-ottawa-visa"
    add(s, "term '– 5 рабочих дней' -> '– семь рабочих дней'", "number",
        [("– 5 рабочих дней.", "– семь рабочих дней.")],
        {(v, "processing_time"): (7, "working days")})
    add(s, "term in working days -> calendar days", "unit",
        [("– 5 рабочих дней.", "– 5 календарных дней.")],
        {(v, "processing_time"): (5, "calendar days")})
    add(s, "term reworded in the passive 'Виза оформляется в течение 5 рабочих дней'", "reword",
        [("Срок оформления визы – 5 рабочих дней.", "Виза оформляется в течение 5 рабочих дней.")])
    add(s, "term reworded 'не более пяти рабочих дней'", "reword",
        [("– 5 рабочих дней.", "– не более пяти рабочих дней.")])
    add(s, "tracking script inside the article and a class renamed outside it", "cosmetic",
        [("<p class=\"article-date\">", "<p class=\"article__date meta\">"),
         ("с полным пакетом документов.</p>", f"с полным пакетом документов.</p>\n  {TRACKING}")])
    add(s, "an urgent-visa term sentence added after the term", "unmonitored",
        [("– 5 рабочих дней.</p>", "– 5 рабочих дней.</p>\n  <p>Срочное оформление визы – 2 рабочих дня.</p>")])
    add(s, "a consular fee sentence in dollars added", "unmonitored",
        [("<p>Заявление на визу",
          "<p>Консульский сбор за однократную визу – 80 долларов США.</p>\n  <p>Заявление на визу")])

    # --- eGov 2F30 kandas status: documents (6 runs before) ---------------------------------------------------
    s = "egov-online-2f30-mzsr"
    kandas = "kz-kandas-status"
    add(s, "documents: 'Personal history' removed (the evidence's own anchor)", "list",
        [("\n    <li>Personal history (in any form).</li>", "")],
        docs(kandas, drop("Personal history")))
    add(s, "documents: a proof of residence abroad added at the end", "list",
        [("Clause 2 of the Rules.</li>",
          "Clause 2 of the Rules.</li>\n    <li>A document confirming the applicant's place of residence"
          " abroad.</li>")],
        docs(kandas, append("A document confirming the applicant's place of residence abroad")))
    add(s, "documents: translation 'into Kazakh or Russian' -> 'into Kazakh'", "list",
        [("translation into Kazakh or Russian", "translation into Kazakh")],
        docs(kandas, inside("translation into Kazakh or Russian", "translation into Kazakh")))
    add(s, "online steps reworded and an empty list item added to the documents", "cosmetic",
        [("Sign in on the Portal and click", "Log in to the Portal and press"),
         ("Clause 2 of the Rules.</li>", "Clause 2 of the Rules.</li>\n    <li></li>")])

    # --- Embassy in the Netherlands: photo size and traits (7 runs before) ------------------------------------
    s = "govkz-mfa-hague-visa"
    add(s, "photo size '3.5 x 4.5 centimeters' -> '5 x 5 centimeters'", "size",
        [("measuring 3.5 x 4.5 centimeters", "measuring 5 x 5 centimeters")],
        size(photo_fields(v, vp), 50, 50))
    add(s, "photo size written '35 x 45 mm'", "reword",
        [("measuring 3.5 x 4.5 centimeters", "measuring 35 x 45 mm")])
    add(s, "date line gains 'updated 15 May 2025'", "cosmetic",
        [("· 2 April 2025</p>", "· 2 April 2025 · updated 15 May 2025</p>")])
    add(s, "a hotel booking item added to the documents", "unmonitored",
        [("<li>a completed visa application form;</li>",
          "<li>a completed visa application form;</li>\n    <li>a copy of the hotel booking for 30 days;</li>")])

    # --- Consulate in New York: one photo (7 runs before) -----------------------------------------------------
    s = "govkz-mfa-newyork-c10"
    add(s, "photo item -> 'Photographs (size 3.5 x 4.5 cm) – 2 pcs.'", "number",
        [("One photograph (size 3.5 x 4.5 cm).", "Photographs (size 3.5 x 4.5 cm) – 2 pcs.")],
        {(v, "photos.count"): (2, "photos"), (vp, "print.copies"): (2, "photos")})
    add(s, "photo item reworded '1 photograph, 3.5 by 4.5 cm'", "reword",
        [("One photograph (size 3.5 x 4.5 cm).", "1 photograph, 3.5 by 4.5 cm.")])
    add(s, "phone banner added under the heading", "cosmetic",
        [("<h2>Documents</h2>", "<p class=\"banner\">Appointments: +1 (646) 370-67-03, Mon-Fri 9:30-12:30</p>\n"
          "  <h2>Documents</h2>")])

    # --- Shymkent invest office: permanent residence (8 runs before) ------------------------------------------
    s = "shymkent-invest-residence"
    add(s, "duty '10 percent' -> '15 percent' of the MCI", "number",
        [("is 10 percent of the monthly", "is 15 percent of the monthly")],
        {(prp, "fee"): (0.15, "MCI")})
    add(s, "term 'calendar days' -> 'working days'", "unit",
        [("60 (sixty) calendar days", "60 (sixty) working days")],
        {(prp, "processing_time"): (60, "working days")})
    add(s, "term 60 -> '45 (forty-five) calendar days'", "number",
        [("60 (sixty) calendar days", "45 (forty-five) calendar days")],
        {(prp, "processing_time"): (45, "calendar days")})
    add(s, "duty written '10 % of the monthly calculation indicator'", "reword",
        [("is 10 percent of the monthly", "is 10 % of the monthly")])
    add(s, "cookie banner and a menu link added", "cosmetic",
        [("<main class=\"site-main\">",
          "<div class=\"cookie\">This site uses cookies. <a href=\"/privacy\">OK</a></div>\n"
          "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/guides\">Guides</a> <a href=\"/news\">News</a></nav>\n"
          "<main class=\"site-main\">")])

    # --- Embassy in Malaysia: visa (8 runs before) ------------------------------------------------------------
    s = "mfa-kuala-lumpur-visa"
    add(s, "term reworded with a new number 'The processing of a visa takes up to 10 working days'", "number",
        [("Visa processing time is 5 working days.", "The processing of a visa takes up to 10 working days.")],
        {(v, "processing_time"): (10, "working days")})
    add(s, "photo size '3.5 х 4.5 cm' -> '4 х 6 cm' (Cyrillic х)", "size",
        [("One color photo 3.5 х 4.5 cm", "One color photo 4 х 6 cm")],
        size(photo_fields(v, vp), 40, 60))
    add(s, "date gains '(updated 03.02.2025)'", "cosmetic",
        [("<p class=\"date\">14.04.2017</p>", "<p class=\"date\">14.04.2017 (updated 03.02.2025)</p>")])
    add(s, "a return ticket item added to the list", "unmonitored",
        [("<li>a receipt for the consular fee.</li>",
          "<li>a copy of the return air ticket;</li>\n    <li>a receipt for the consular fee.</li>")])

    # --- Embassy in Japan: passport photos (10 runs before) ---------------------------------------------------
    s = "mfa-tokyo-passport"
    add(s, "'Four color photos' -> '6 (six) color photos'", "number",
        [("Four color photos", "6 (six) color photos")],
        {(pas, "photos.count.abroad"): (6, "photos"), ("kz-passport-photo", "print.copies"): (6, "photos")})
    add(s, "face area 'about 75%' -> 'about 80%'", "number",
        [("occupies about 75% of the photo", "occupies about 80% of the photo")],
        {("kz-passport-photo", "face.area_ratio"): ({"min": 80.0, "max": 80.0}, "%")})
    add(s, "photo item reworded 'Color photographs – 4 pcs., 3.5 x 4.5 cm.'", "reword",
        [("Four color photos, size of 3.5 x 4.5 cm.", "Color photographs – 4 pcs., 3.5 x 4.5 cm.")])
    add(s, "reception hours paragraph added after the list", "cosmetic",
        [("<h2>Photo requirements</h2>",
          "<p class=\"hours\">Reception: Mon–Fri 9:30–12:30, 14:00–17:00.</p>\n  <h2>Photo requirements</h2>")])

    # --- Embassy in London: family reunification (8 runs before) ---------------------------------------------
    s = "mfa-london-family-reunification"
    add(s, "documents: item 9 (medical insurance) removed", "list",
        [("\n    <li>9) Medical insurance for family members of the host person.</li>", "")],
        docs(frv, drop("Medical insurance")))
    add(s, "documents: '11) Two recent photographs 3.5 x 4.5 cm.' added", "list",
        [("of a foreign state.</li>",
          "of a foreign state.</li>\n    <li>11) Two recent photographs 3.5 x 4.5 cm.</li>")],
        docs(frv, append("Two recent photographs 3.5 x 4.5 cm")))
    add(s, "photo size '3.5cm x 4.5cm' -> '3cm x 4cm' inside item 7", "size",
        [("size: 3.5cm x 4.5cm", "size: 3cm x 4cm")],
        {**size([(frv, "photos.size")], 30, 40), **docs(frv, inside("3.5cm x 4.5cm", "3cm x 4cm"))})
    add(s, "item 9 reworded 'Health insurance ...'", "reword",
        [("9) Medical insurance for", "9) Health insurance for")])
    add(s, "visa fees written '£75' and '£170'", "unmonitored",
        [("Single Entry - 75GBP.", "Single Entry - £75."), ("Multiple Entry - 170GBP.", "Multiple Entry - £170.")])

    # --- gov.kz situation 21: passport (11 runs before) -------------------------------------------------------
    s = "govkz-situation-21"
    add(s, "term '15 working days' -> 'ten working days'", "number",
        [("The registration period is 15 working days.", "The registration period is ten working days.")],
        {(pas, "processing_time"): (10, "working days")})
    add(s, "age 'irrespective of age' -> 'from the age of 16'", "number",
        [("issued optionally irrespective of age.", "issued optionally from the age of 16.")],
        {(pas, "min_age"): (16, "years")})
    add(s, "duty restated 'KZT 31 456 (8 MCI)'", "reword",
        [("is 8 MCI.", "is KZT 31 456 (8 MCI).")])
    add(s, "updated date and a feedback link added", "cosmetic",
        [("</div>\n</div></main>",
          "  <p class=\"updated\">Updated: 20.11.2025</p>\n  <p class=\"feedback\"><a href=\"/feedback\">Was this page"
          " helpful?</a></p>\n</div>\n</div></main>")])

    # --- gov.kz situation 96-285 (kk): ID card (17 runs before) -----------------------------------------------
    s = "govkz-situation-96-285"
    add(s, "duty '0,2 АЕК' -> '0,5 АЕК'", "number",
        [("құны – 0,2 АЕК.", "құны – 0,5 АЕК.")],
        {(idc, "fee"): (0.5, "MCI")})
    add(s, "term '15 жұмыс күні' -> 'он жұмыс күні' (number word)", "number",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі – он жұмыс күні.")],
        {(idc, "processing_time"): (10, "working days")})
    add(s, "term '15 жұмыс күні' -> '15 күнтізбелік күн'", "unit",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі – 15 күнтізбелік күн.")],
        {(idc, "processing_time"): (15, "calendar days")})
    add(s, "term reworded in the passive 'Куәлік 15 жұмыс күні ішінде ресімделеді'", "reword",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Куәлік 15 жұмыс күні ішінде ресімделеді.")])
    add(s, "term written 'он бес жұмыс күні'", "reword",
        [("Ресімдеу мерзімі – 15 жұмыс күні.", "Ресімдеу мерзімі – он бес жұмыс күні.")])
    add(s, "urgent 1st category '3011,12' -> '3 204,50 теңге'", "number",
        [("3011,12 теңге", "3 204,50 теңге")],
        {(idc, "fee.urgent_1_day"): (3204.5, "KZT")})
    add(s, "an MCI notice banner with a tenge amount added above the cost heading", "unmonitored",
        [("<h2>Құны және мерзімі</h2>",
          "<p class=\"notice\">Назар аударыңыз! 2025 жылғы 1 қаңтардан бастап 1 АЕК – 3 932 теңге.</p>\n"
          "  <h2>Құны және мерзімі</h2>")])

    # --- gov.kz service 4631: temporary residence (14 runs before) --------------------------------------------
    s = "govkz-service-4631"
    add(s, "documents: the application questionnaire (the evidence's anchor) removed", "list",
        [("\n      <li>An application questionnaire for an issue of a temporary residence permit.</li>", "")],
        docs(trp, drop("application questionnaire")))
    add(s, "documents: the housing owner's consent removed", "list",
        [("\n      <li>Notarized consent of the housing owner, if the applicant does not own the housing.</li>", "")],
        docs(trp, drop("Notarized consent")))
    add(s, "validity 'for one year' -> 'for up to three years'", "number",
        [("permit for one year with", "permit for up to three years with")],
        {(trp, "validity"): (3, "years")})
    add(s, "'How to apply online' moved above 'Important'", "cosmetic",
        [("  <div class=\"service-section\">\n    <h2>How to apply online</h2>\n    <ol>\n"
          "      <li>Log in to the portal and fill in the request.</li>\n"
          "      <li>Sign a request with digital signature or a one-time SMS password.</li>\n"
          "      <li>Follow the status of the request in your personal account.</li>\n    </ol>\n  </div>\n", ""),
         ("<div class=\"service-body\">\n",
          "<div class=\"service-body\">\n  <div class=\"service-section\">\n    <h2>How to apply online</h2>\n"
          "    <ol>\n      <li>Log in to the portal and fill in the request.</li>\n"
          "      <li>Sign a request with digital signature or a one-time SMS password.</li>\n"
          "      <li>Follow the status of the request in your personal account.</li>\n    </ol>\n  </div>\n")])
    add(s, "a fingerprinting fee sentence added to the notice", "unmonitored",
        [("mandatory fingerprinting registration.</p>",
          "mandatory fingerprinting registration.</p>\n    <p>From 1 March 2025 the fingerprinting fee is 2 MCI.</p>")])

    # --- gov.kz situation 149: residence permit (15 runs before) ----------------------------------------------
    s = "govkz-situation-149"
    add(s, "age 'from the age of 16' -> 'from 18 years of age'", "number",
        [("from the age of 16.", "from 18 years of age.")],
        {(rp, "min_age"): (18, "years")})
    add(s, "expedited '7  working days' -> '5 working days'", "number",
        [("up to 7  working days in an expedited", "up to 5 working days in an expedited")],
        {(rp, "processing_time.expedited"): (5, "working days")})
    add(s, "documents: 'a valid foreign passport' removed", "list",
        [("\n    <li>a valid foreign passport.</li>", "")],
        docs(rp, drop("valid foreign passport")))
    add(s, "a 'News' link added to the menu and the page title class renamed", "cosmetic",
        [("<a href=\"/memleket/entities\">Government agencies</a>",
          "<a href=\"/memleket/entities\">Government agencies</a> <a href=\"/news\">News</a>"),
         ("<div class=\"situation-title\">", "<div class=\"situation-title situation-title--v2\">")])

    # --- mobile eGov 009pass: permanent residence (15 runs before) --------------------------------------------
    s = "mobile-egov-009pass-mvd"
    add(s, "'Free' -> '1 000 tenge'", "number",
        [("<strong>Cost of the service</strong> Free", "<strong>Cost of the service</strong> 1 000 tenge")],
        {(prp, "fee"): (1000, "KZT")})
    add(s, "'Free' -> 'The service is provided free of charge'", "reword",
        [("<strong>Cost of the service</strong> Free",
          "<strong>Cost of the service</strong> The service is provided free of charge")])
    add(s, "quarantine banner removed", "cosmetic",
        [("\n  <div class=\"alert alert-info\">Quarantine notice: check the reception hours of the migration service"
          " before visiting.</div>", "")])

    # --- the most altered pages: one or two CMS-style edits each ----------------------------------------------
    s = "egov-article-residence-permit"
    add(s, "fast track 'working days' -> 'calendar days'", "unit",
        [("fast-track basis up to 7 working days.", "fast-track basis up to 7 calendar days.")],
        {(rp, "processing_time.expedited"): (7, "calendar days"),
         (sp, "processing_time.expedited"): (7, "calendar days")})
    add(s, "tracking script in the head and the numbered list's class renamed", "cosmetic",
        [("</head>", f"{TRACKING}\n</head>"), ("<ul class=\"numbered-list\">", "<ul class=\"list list--numbered\">")])
    s = "mobile-egov-pass003-mvd"
    add(s, "term 'no more than 15' -> 'no more than fifteen (15)'", "reword",
        [("no more than 15 working days", "no more than fifteen (15) working days")])
    add(s, "'amounts for 2025' notice added under the cost heading", "cosmetic",
        [("<h3>Cost of the service</h3>", "<h3>Cost of the service</h3>\n    <p class=\"notice\">Amounts are given"
          " for 2025 (MCI = 3 932 tenge).</p>")])
    s = "egov-article-visa"
    add(s, "visa term 'working days' -> 'calendar days'", "unit",
        [("do not exceed 5 working days .", "do not exceed 5 calendar days .")],
        {(v, "processing_time"): (5, "calendar days"), (bv, "processing_time"): (5, "calendar days")})
    add(s, "last update date changed and a tracking pixel added", "cosmetic",
        [("Last update: 31.01.2025</p>", "Last update: 02.06.2025</p>\n  <img src=\"/pixel.gif?id=48213\" width=\"1\""
          " height=\"1\" alt=\"\">")])
    s = "egov-article-entry-exit"
    add(s, "invitation duty 0.5 -> 1 MCI", "number",
        [("<td>0.5 MCI</td>", "<td>1 MCI</td>")],
        {(bv, "fee.invitation"): (1, "MCI"), (v, "fee.invitation"): (1, "MCI")})
    add(s, "an empty row added at the end of the duty table", "cosmetic",
        [("(multiple-entry visa)</td></tr>\n", "(multiple-entry visa)</td></tr>\n      <tr><td></td><td></td></tr>\n")])

    # --- pages nobody watches: numbers and layout may change freely -------------------------------------------
    add("egov-service-009pass-mvd", "passport validity '180 calendar days' -> '90 calendar days'", "unmonitored",
        [("more than 180 calendar days", "more than 90 calendar days")])
    add("egov-online-00203002-mvd", "a term and cost paragraph added in Russian", "unmonitored",
        [("<p class=\"note\">",
          "<p>Срок оказания услуги – 10 рабочих дней. Стоимость – бесплатно.</p>\n  <p class=\"note\">")])
    add("govkz-service-3131", "a fourth online step with a fee added", "unmonitored",
        [("<li>Sign the application and wait for the notification.</li>",
          "<li>Sign the application and wait for the notification.</li>\n"
          "      <li>Pay the state duty of 1.25 MCI on the portal.</li>")])
    add("govkz-akimat-naurzum-79766", "date and view counter added under the byline", "cosmetic",
        [("пресс-служба</p>", "пресс-служба</p>\n  <p class=\"article-meta\">12.05.2023 · Просмотров: 1 245</p>")])
    add("adilet-order-992", "status line gains an amendment note", "cosmetic",
        [("under No. 12880.</p>", "under No. 12880. With amendments of 20.02.2024 No. 146.</p>")])
    add("egov-article-citizenship", "last update date changed", "cosmetic",
        [("Last update: 12.12.2022", "Last update: 05.03.2025")])
    add("open-almaty-citizenship", "residence 'at least 5 years' -> 'at least 7 years'", "unmonitored",
        [("for at least 5 years", "for at least 7 years")])
    add("adilet-order-1265-investor-visa", "'Unofficial translation' note renamed and moved into a banner", "cosmetic",
        [("<p class=\"translation-note\">Unofficial translation</p>",
          "<div class=\"banner banner--info\">Unofficial translation (updated 2024)</div>")])
    add("adilet-digital-nomad-residency", "a Kazakh sentence with a term added", "unmonitored",
        [("<p>[Бұйрықтың", "<p>Өтінішті қарау мерзімі – 30 күнтізбелік күн.</p>\n<p>[Бұйрықтың")])
    add("egov-service-00203002-mvd-en", "one labour document item removed from the nested list", "unmonitored",
        [("\n        <li>labour immigrant permit issued by internal affairs bodies that enables performing labour"
          " activities at entities established by individuals;</li>", "")])
    return a
