"""Words drawn into images: the labels of the annotated preview and the stamp and caption of a print sheet."""

from __future__ import annotations

DRAWN_MESSAGES: dict[str, dict[str, str]] = {
    "preview.crown": {"en": "crown", "ru": "макушка", "kk": "төбе"},
    "preview.crown_guessed": {
        "en": "crown (outside the source: a guess)", "ru": "макушка (за краем снимка: оценка)",
        "kk": "төбе (сурет шегінен тыс: болжам)"},
    "preview.eyes": {"en": "eyes", "ru": "глаза", "kk": "көз"},
    "preview.chin": {"en": "chin", "ru": "подбородок", "kk": "иек"},
    "preview.compliant": {
        "en": "{slug} v{version}: compliant", "ru": "{slug} v{version}: соответствует",
        "kk": "{slug} v{version}: талапқа сай"},
    "preview.not_compliant": {
        "en": "{slug} v{version}: NOT compliant", "ru": "{slug} v{version}: НЕ соответствует",
        "kk": "{slug} v{version}: талапқа САЙ ЕМЕС"},
    "preview.status_pass": {"en": "pass", "ru": "в порядке", "kk": "дұрыс"},
    "preview.status_warn": {"en": "check", "ru": "внимание", "kk": "назар аударыңыз"},
    "preview.status_fail": {"en": "FAIL", "ru": "НЕ ПРОЙДЕНО", "kk": "ӨТПЕДІ"},
    "sheet.stamp": {"en": "NOT COMPLIANT", "ru": "НЕ СООТВЕТСТВУЕТ", "kk": "ТАЛАПҚА САЙ ЕМЕС"},
    "sheet.stamp_fails": {"en": "fails: {checks}", "ru": "не пройдено: {checks}", "kk": "өтпеді: {checks}"},
    "sheet.caption": {
        "en": "{document} | {slug} v{version} | {width} x {height} mm | kzdocs photo make",
        "ru": "{document} | {slug} v{version} | {width} x {height} мм | kzdocs photo make",
        "kk": "{document} | {slug} v{version} | {width} x {height} мм | kzdocs photo make"},
    "sheet.caption_not_compliant": {
        "en": "NOT COMPLIANT ({checks}) - do not submit", "ru": "НЕ СООТВЕТСТВУЕТ ({checks}) - не подавайте",
        "kk": "ТАЛАПҚА САЙ ЕМЕС ({checks}) - тапсырмаңыз"},
}
