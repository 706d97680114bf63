"""A checklist as text, Markdown or a printable HTML page (one A4 sheet), with labels in Kazakh, Russian or English.

Only the labels are translated. The values stay in the language of the source they were read from, because kzdocs
holds no sourced translation of them; every rendering says so.
"""

from __future__ import annotations

import html
import textwrap

from registry.checklist import Checklist, ChecklistItem
from registry.status_labels import STATUS_LABELS

LANGS = ("en", "ru", "kk")

LABELS: dict[str, dict[str, str]] = {
    "checklist": {"en": "Checklist", "ru": "Памятка", "kk": "Жадынама"},
    "documents": {"en": "Documents to bring", "ru": "Документы", "kk": "Құжаттар"},
    "photos": {"en": "Photos", "ru": "Фотографии", "kk": "Фотосуреттер"},
    "fees": {"en": "Fees", "ru": "Госпошлина и сборы", "kk": "Мемлекеттік баж және алымдар"},
    "processing": {"en": "Processing time", "ru": "Срок оказания", "kk": "Қызмет көрсету мерзімі"},
    "apply": {"en": "Where and how to apply", "ru": "Куда и как обращаться", "kk": "Қайда және қалай жүгіну керек"},
    "terms": {"en": "Who may apply and on what terms", "ru": "Кто может обратиться и на каких условиях",
              "kk": "Кім және қандай шартпен жүгіне алады"},
    "oldest": {"en": "Oldest verification of any line", "ru": "Самая давняя проверка строки",
               "kk": "Ең ерте тексерілген жол"},
    "source": {"en": "source", "ru": "источник", "kk": "дереккөз"},
    "why": {"en": "why inferred", "ru": "почему выведено", "kk": "неге тұжырымдалған"},
    "competing": {"en": "competing value(s) on record", "ru": "есть иные значения", "kk": "басқа мәндер бар"},
    "values_note": {
        "en": "Values are given in the language of their source; kzdocs holds no sourced translation of them.",
        "ru": "Значения приводятся на языке источника: подтверждённого перевода у kzdocs нет.",
        "kk": "Мәндер дереккөз тілінде беріледі: kzdocs-та олардың расталған аудармасы жоқ.",
    },
    "tenge": {"en": "≈ {kzt} KZT with the {year} MCI of {mci} KZT ({status})",
              "ru": "≈ {kzt} тенге по МРП {year} года, {mci} тенге ({status})",
              "kk": "≈ {kzt} теңге, {year} жылғы АЕК {mci} теңге ({status})"},
    "no_mci": {"en": "no MCI recorded for {year}: fees in MCI are not converted",
               "ru": "МРП на {year} год не записан: суммы в МРП не пересчитаны",
               "kk": "{year} жылғы АЕК жазылмаған: АЕК-тегі сомалар аударылмады"},
    "photo_profile": {"en": "Photo profile", "ru": "Профиль фото", "kk": "Фото профилі"},
    "by_document": {"en": "linked by the same document, not by a sourced field",
                    "ru": "связан по документу, а не по полю с источником",
                    "kk": "дереккөзі бар өріс арқылы емес, құжат арқылы байланысты"},
    "make": {"en": "Make the photo", "ru": "Сделать фото", "kk": "Фотосурет жасау"},
    "photo_page": {"en": "Photo page", "ru": "Страница фото", "kk": "Фото беті"},
    "missing": {"en": "Not stated by any source we hold", "ru": "Не указано ни одним источником",
                "kk": "Бірде-бір дереккөзде көрсетілмеген"},
    "made_on": {"en": "Made on", "ru": "Составлено", "kk": "Жасалған күні"},
    "official_page": {"en": "Official page", "ru": "Официальная страница", "kk": "Ресми бет"},
    **STATUS_LABELS,
}

KEY_LABELS: dict[str, dict[str, str]] = {
    "photos.count": {"en": "number of photos", "ru": "количество фото", "kk": "фото саны"},
    "photos.size": {"en": "size", "ru": "размер", "kk": "өлшемі"},
    "photos.profile": {"en": "photo profile", "ru": "профиль фото", "kk": "фото профилі"},
    "fee": {"en": "state duty", "ru": "госпошлина", "kk": "мемлекеттік баж"},
    "processing_time": {"en": "standard term", "ru": "обычный срок", "kk": "әдеттегі мерзім"},
    "application.channels": {"en": "where to apply", "ru": "куда обращаться", "kk": "қайда жүгіну"},
    "service.url": {"en": "eGov service", "ru": "услуга на eGov", "kk": "eGov қызметі"},
    "service.code": {"en": "service code", "ru": "код услуги", "kk": "қызмет коды"},
    "eligibility": {"en": "who may apply", "ru": "кто может обратиться", "kk": "кім жүгіне алады"},
    "grounds": {"en": "grounds", "ru": "основания", "kk": "негіздер"},
    "income.min_monthly": {"en": "minimum monthly income", "ru": "минимальный ежемесячный доход",
                           "kk": "ең төменгі айлық табыс"},
    "income.min_per_family_member": {"en": "means per family member", "ru": "средства на члена семьи",
                                     "kk": "отбасы мүшесіне қаражат"},
    "documents.max_age": {"en": "documents not older than", "ru": "давность документов", "kk": "құжаттардың ескілігі"},
    "investment.min": {"en": "minimum investment", "ru": "минимальные инвестиции", "kk": "ең төменгі инвестиция"},
    "health_insurance": {"en": "health insurance", "ru": "медицинская страховка", "kk": "медициналық сақтандыру"},
    "sponsor": {"en": "inviting party or sponsor", "ru": "приглашающая сторона", "kk": "шақырушы тарап"},
    "validity": {"en": "initial term", "ru": "срок действия", "kk": "қолданылу мерзімі"},
    "renewal": {"en": "renewal", "ru": "продление", "kk": "ұзарту"},
    "renewal.limit": {"en": "renewal limit", "ru": "предел продления", "kk": "ұзарту шегі"},
    "leads_to_permanent_residence": {"en": "leads to permanent residence", "ru": "ведёт к ПМЖ",
                                     "kk": "тұрақты тұруға апарады"},
    "residence.min_years": {"en": "residence required", "ru": "требуемый срок проживания",
                            "kk": "талап етілетін тұру мерзімі"},
    "min_age": {"en": "from the age of", "ru": "с возраста", "kk": "жасынан бастап"},
    "issuing_body": {"en": "issued by", "ru": "выдаёт", "kk": "береді"},
    "legal_basis": {"en": "legal basis", "ru": "правовая основа", "kk": "құқықтық негіз"},
    "print.width_mm": {"en": "print width", "ru": "ширина снимка", "kk": "сурет ені"},
    "print.height_mm": {"en": "print height", "ru": "высота снимка", "kk": "сурет биіктігі"},
    "head.height_mm": {"en": "chin to crown", "ru": "от подбородка до макушки", "kk": "иектен төбеге дейін"},
    "head.height_ratio": {"en": "chin to crown", "ru": "от подбородка до макушки", "kk": "иектен төбеге дейін"},
    "face.area_ratio": {"en": "face share of the photo", "ru": "доля лица", "kk": "беттің үлесі"},
    "background.colours": {"en": "background", "ru": "фон", "kk": "фон"},
    "colour.mode": {"en": "colour", "ru": "цветность", "kk": "түсі"},
    "expression.neutral": {"en": "neutral expression", "ru": "нейтральное выражение", "kk": "бейтарап бет әлпеті"},
    "glasses.allowed": {"en": "glasses", "ru": "очки", "kk": "көзілдірік"},
    "glasses.tinted_allowed": {"en": "tinted glasses", "ru": "тёмные очки", "kk": "күңгірт көзілдірік"},
    "headwear.allowed": {"en": "headwear", "ru": "головной убор", "kk": "бас киім"},
    "headwear.religious_allowed": {"en": "religious head covering", "ru": "религиозный головной убор",
                                   "kk": "діни бас киім"},
    "photo.max_age_months": {"en": "taken within", "ru": "давность снимка", "kk": "суреттің ескілігі"},
    "digital.min_width_px": {"en": "smallest width", "ru": "наименьшая ширина", "kk": "ең аз ені"},
    "digital.min_height_px": {"en": "smallest height", "ru": "наименьшая высота", "kk": "ең аз биіктігі"},
    "file.max_size_kb": {"en": "largest file", "ru": "наибольший файл", "kk": "ең үлкен файл"},
}


def label(name: str, lang: str) -> str:
    return LABELS[name][lang]


def key_label(key: str, lang: str) -> str:
    """The label of a key; a named case of a family (`fee.single_entry`) reads as its family's label and the case."""
    if key in KEY_LABELS:
        return KEY_LABELS[key][lang]
    family, _, variant = key.partition(".")
    if family in KEY_LABELS and variant:
        return f"{KEY_LABELS[family][lang]} ({variant.replace('_', ' ')})"
    return key


def _value(item: ChecklistItem) -> str:
    return f"{item.text} {item.unit}" if item.unit else item.text


def _tenge(c: Checklist, item: ChecklistItem, lang: str) -> str | None:
    if item.tenge is None or c.mci.kzt is None:
        return None
    kzt = f"{item.tenge:,.2f}".rstrip("0").rstrip(".").replace(",", " ")
    return LABELS["tenge"][lang].format(kzt=kzt, year=c.mci.year, mci=f"{c.mci.kzt:,.0f}".replace(",", " "),
                                        status=label(c.mci.status or "inferred", lang))


def _lines(c: Checklist, lang: str) -> list[tuple[str, list[tuple[ChecklistItem, str]]]]:
    """Sections with their items and the one-line text of each, in checklist order."""
    out: list[tuple[str, list[tuple[ChecklistItem, str]]]] = []
    for section in ("documents", "photos", "fees", "processing", "apply", "terms"):
        rows = []
        for item in (i for i in c.items if i.section == section):
            text = _value(item) if section == "documents" else f"{key_label(item.key, lang)}: {_value(item)}"
            tenge = _tenge(c, item, lang)
            rows.append((item, f"{text} ({tenge})" if tenge else text))
        if section == "photos" and c.photo:
            rows.extend((r, f"{key_label(r.key, lang)}: {_value(r)}") for r in c.photo.rules)
        out.append((section, rows))
    return out


def _short(text: str, limit: int = 110) -> str:
    """A reason cut to one printed line on the A4 page; the full text stays in the title and the other formats."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _meta(item: ChecklistItem, lang: str) -> str:
    parts = [label(item.status, lang), f"{label('verified', lang)} {item.verified_at}"]
    if item.competing:
        parts.append(f"{item.competing} {label('competing', lang)}")
    return ", ".join(parts)


def render_text(c: Checklist, lang: str, markdown: bool = False, width: int | None = None) -> str:
    """The checklist as plain text or Markdown; with width, every line is wrapped to fit it."""
    lines = _text_lines(c, lang, markdown)
    if width is None:
        return "\n".join(lines) + "\n"
    return "\n".join(wrapped for line in lines for wrapped in _fit(line, width, markdown)) + "\n"


def _fit(line: str, width: int, markdown: bool) -> list[str]:
    """One line wrapped under its own indent (a Markdown list item's continuation stays inside the item)."""
    if len(line) <= width:
        return [line]
    indent = len(line) - len(line.lstrip(" "))
    hanging = " " * (6 if markdown and line.startswith("- [ ] ") else indent + 4)
    return textwrap.wrap(line, width, initial_indent="", subsequent_indent=hanging, break_long_words=True,
                         break_on_hyphens=False, drop_whitespace=True) if indent == 0 else textwrap.wrap(
        line.lstrip(" "), width, initial_indent=" " * indent, subsequent_indent=hanging, break_long_words=True,
        break_on_hyphens=False)


def _text_lines(c: Checklist, lang: str, markdown: bool) -> list[str]:
    h1, h2, bullet = ("# ", "## ", "- [ ] ") if markdown else ("", "", "  [ ] ")
    out = [f"{h1}{label('checklist', lang)}: {c.title}  [{c.slug} v{c.version}]",
           f"{label('oldest', lang)}: {c.oldest_verified}    {label('made_on', lang)}: {c.generated_on}",
           label("values_note", lang)]
    if c.official_url:
        out.append(f"{label('official_page', lang)}: {c.official_url}")
    if c.mci.kzt is None and any(i.unit == "MCI" for i in c.items):
        out.append(label("no_mci", lang).format(year=c.mci.year))
    for section, rows in _lines(c, lang):
        out += ["", f"{h2}{label(section, lang)}" + ("" if markdown else ":")]
        if not rows:
            out.append(f"  {label('missing', lang)}" if not markdown else f"_{label('missing', lang)}_")
        for item, text in rows:
            out.append(f"{bullet}{text}  ({_meta(item, lang)})")
            if item.status == "inferred" and item.reason:
                out.append(f"      {label('why', lang)}: {item.reason}")
        if section == "photos" and c.photo:
            how = f"; {label('by_document', lang)}" if c.photo.linked_by == "document" else ""
            out.append(f"  {label('photo_profile', lang)}: {c.photo.profile} v{c.photo.version} ({c.photo.title}{how})")
            out.append(f"  {label('make', lang)}: {c.photo.make_command}")
            if c.photo.page:
                out.append(f"  {label('photo_page', lang)}: {c.photo.page}")
    return out


CSS = """
@page { size: A4; margin: 9mm 10mm; }
body, .checklist-page { font: 9pt/1.25 "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 186mm;
  margin: 0 auto; }
h1 { font-size: 13pt; margin: 0 0 2pt; } h2 { font-size: 10pt; margin: 5pt 0 2pt; border-bottom: 1px solid #999; }
p.meta { margin: 1pt 0; color: #333; font-size: 8.5pt; }
ul { list-style: none; padding: 0; margin: 0; } li { margin: 1.5pt 0; padding-left: 14pt; text-indent: -14pt; }
li::before { content: "☐ "; } ul.rules { columns: 2; column-gap: 6mm; } ul.rules li { break-inside: avoid; }
.why { display: block; color: #555; font-size: 7.5pt; text-indent: 0; }
.badge { font-size: 7.5pt; padding: 0 3pt; border-radius: 3pt; border: 1px solid; white-space: nowrap; }
.official { color: #0a5d1a; } .official-general { color: #1f4e96; } .inferred { color: #8a5a00; }
.missing { color: #777; font-style: italic; } code { font-size: 8pt; }
@media print { a { color: inherit; text-decoration: none; }
  body, .checklist-page { font-size: 8.2pt; line-height: 1.2; } li { margin: 0.6pt 0; } .why { font-size: 7pt; }
  h2 { margin: 4pt 0 1pt; } section.content { padding: 0; margin: 0; } }
"""


def render_html(c: Checklist, lang: str, standalone: bool = True) -> str:
    e = html.escape
    body = [f"<h1>{e(label('checklist', lang))}: {e(c.title)}</h1>",
            f"<p class=\"meta\"><strong>{e(label('oldest', lang))}: {c.oldest_verified}</strong> · "
            f"{e(label('made_on', lang))}: {c.generated_on} · <code>{e(c.slug)}</code> v{c.version}</p>",
            f"<p class=\"meta\">{e(label('values_note', lang))}</p>"]
    if c.official_url:
        body.append(f"<p class=\"meta\">{e(label('official_page', lang))}: <a href=\"{e(c.official_url)}\">"
                    f"{e(c.official_url)}</a></p>")
    rule_keys = {id(r) for r in (c.photo.rules if c.photo else [])}
    for section, rows in _lines(c, lang):
        body.append(f"<h2>{e(label(section, lang))}</h2><ul>")
        if not rows:
            body.append(f"<li class=\"missing\">{e(label('missing', lang))}</li>")
        opened_rules = False
        for item, text in rows:
            if id(item) in rule_keys and not opened_rules:
                body.append("</ul><ul class=\"rules\">")  # the photo profile's rules, in two columns
                opened_rules = True
            why = (f"<span class=\"why\" title=\"{e(item.reason)}\">{e(label('why', lang))}: "
                   f"{e(_short(item.reason))}</span>" if item.status == "inferred" and item.reason else "")
            body.append(f"<li>{e(text)} <span class=\"badge {item.status}\">{e(_meta(item, lang))}</span>{why}</li>")
        body.append("</ul>")
        if section == "photos" and c.photo:
            page = (f" · {e(label('photo_page', lang))}: <a href=\"{e(c.photo.page)}\">{e(c.photo.page)}</a>"
                    if c.photo.page else "")
            how = f" ({e(label('by_document', lang))})" if c.photo.linked_by == "document" else ""
            body.append(f"<p class=\"meta\">{e(label('photo_profile', lang))}: "
                        f"<code>{e(c.photo.profile)}</code>{how} · "
                        f"{e(label('make', lang))}: <code>{e(c.photo.make_command)}</code>{page}</p>")
    content = "\n".join(body)
    if not standalone:
        return content
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{e(label('checklist', lang))}: {e(c.title)}</title><style>{CSS}</style></head>"
            f"<body>\n{content}\n</body></html>\n")
