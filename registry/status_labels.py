"""How a field's provenance status reads in Kazakh, Russian and English: one vocabulary for every page.

The checklist and the photo page both show a rule's status next to it; an applicant must meet the same words
for the same status on both.
"""

from __future__ import annotations

STATUS_LABELS: dict[str, dict[str, str]] = {
    "official": {"en": "official", "ru": "официально", "kk": "ресми"},
    "official-general": {"en": "official (general rule)", "ru": "официально (общее правило)",
                         "kk": "ресми (жалпы ереже)"},
    "inferred": {"en": "inferred", "ru": "выведено", "kk": "тұжырымдалған"},
    "verified": {"en": "verified", "ru": "проверено", "kk": "тексерілді"},
}
