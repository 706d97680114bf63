"""What the engine says to a person, in Kazakh, Russian and English: message ids with named parameters.

The engine never writes a sentence of its own: a check, a note or an error says ``say("pose.nod_over_limit",
angle=14.2, limit=5, ...)`` and keeps that :class:`Phrase` (id and parameters). Whoever shows it renders it in
the reader's language from the catalogue (:mod:`photo_engine.catalogue`); the English rendering is also kept as
the plain ``message`` of the JSON reports. Numbers are formatted per language (decimal comma in kk and ru),
and parameter values that are words of ours (a tone, a side, a check name) are translated too.
"""

from __future__ import annotations

from typing import Any, Iterable

from pydantic import BaseModel, Field

from photo_engine.catalogue.checks import CHECK_MESSAGES, WORDS
from photo_engine.catalogue.drawn import DRAWN_MESSAGES
from photo_engine.catalogue.notes import ERROR_MESSAGES, NOTE_MESSAGES, REPORT_MESSAGES
from photo_engine.catalogue.page import ADVICE, CHECK_TITLES, DOCUMENT_NAMES, ERRORS, PAGE

LANGS = ("kk", "ru", "en")
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
# Every sentence the engine can say, by id (ids are unique across the tables: a test pins that).
MESSAGES: dict[str, dict[str, str]] = {**CHECK_MESSAGES, **NOTE_MESSAGES, **ERROR_MESSAGES, **DRAWN_MESSAGES,
                                       **REPORT_MESSAGES}
# Parameters holding alternatives ("white or light-grey"); other lists are joined with commas.
ALTERNATIVES = {"allowed", "default"}

__all__ = ["ADVICE", "CHECK_TITLES", "DOCUMENT_NAMES", "ERRORS", "LANGS", "LANG_NAMES", "MESSAGES", "PAGE",
           "Phrase", "advice", "check_message", "check_title", "document_name", "msgid", "page_text", "pick_lang",
           "render", "say", "spoken"]


class Phrase(BaseModel):
    """One sentence of the engine: a message id and its parameters (plain JSON values)."""

    id: str
    params: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return render(self.id, lang, **self.params)


def say(message_id: str, **params: Any) -> Phrase:
    """The phrase ``message_id`` with ``params``; built without validation (checks make many per image)."""
    return Phrase.model_construct(id=message_id, params=params)


def msgid(message_id: str) -> str:
    """Marks a message id written apart from its ``say`` call, so the catalogue test finds it in the code."""
    return message_id


def render(message_id: str, lang: str, **params: Any) -> str:
    """The message ``message_id`` in ``lang`` with its parameters filled in; an unknown id is a KeyError."""
    table = MESSAGES.get(message_id) or ERRORS[message_id]
    template = table[lang] if lang in table else table["en"]
    return template.format(**{name: _value(name, value, lang) for name, value in params.items()})


def spoken(phrases: Iterable[Phrase | dict[str, Any]], lang: str) -> str:
    """Several phrases as one message: rendered in ``lang`` and joined with semicolons."""
    parts = []
    for phrase in phrases:
        if isinstance(phrase, dict):
            parts.append(render(phrase["id"], lang, **phrase.get("params", {})))
        else:
            parts.append(render(phrase.id, lang, **phrase.params))
    return "; ".join(parts)


def _value(name: str, value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"][lang]
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang in ("ru", "kk") else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        words = [_value(name, item, lang) for item in value]
        if name in ALTERNATIVES and len(words) > 1:
            return f"{', '.join(words[:-1])} {WORDS['or'][lang]} {words[-1]}"
        return ", ".join(words)
    if isinstance(value, str):
        if value in WORDS:
            return WORDS[value][lang]
        if value in CHECK_TITLES:
            return CHECK_TITLES[value][lang]
    return str(value)


def pick_lang(requested: str | None, accept_language: str | None) -> str:
    """The page language: an explicit choice first, then the best of Accept-Language we speak, then English."""
    if requested in LANGS:
        return requested  # type: ignore[return-value]
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower().split("-")[0]
        weight = 1.0
        for bit in bits[1:]:
            if bit.strip().startswith("q="):
                try:
                    weight = float(bit.strip()[2:])
                except ValueError:
                    weight = 0.0
        if tag in LANGS and weight > 0:
            ranked.append((-weight, index, tag))
    return sorted(ranked)[0][2] if ranked else "en"


def _phrases(result: Any) -> list[Any]:
    return list(getattr(result, "phrases", None) or (result.get("phrases") if isinstance(result, dict) else []) or [])


def check_message(result: Any, lang: str) -> str:
    """A check result's message in ``lang``, rendered from its phrases (a CheckResult or its JSON)."""
    phrases = _phrases(result)
    if not phrases:  # a report written before phrases existed
        return result["message"] if isinstance(result, dict) else result.message
    return spoken(phrases, lang)


def advice(result: Any, lang: str) -> str:
    """What to do about a failed or doubtful check, in ``lang``: the short advice, else the check's message."""
    name = result["name"] if isinstance(result, dict) else result.name
    status = result["status"] if isinstance(result, dict) else result.status
    key = f"{name}.{status}"
    if key not in ADVICE:
        return check_message(result, lang)
    params: dict[str, Any] = {}
    for phrase in _phrases(result):
        params.update(phrase["params"] if isinstance(phrase, dict) else phrase.params)
    template = ADVICE[key][lang]
    return template.format(**{name: _value(name, value, lang) for name, value in params.items()})


def check_title(name: str, lang: str) -> str:
    return CHECK_TITLES.get(name, {}).get(lang) or name


def page_text(key: str, lang: str, **params: Any) -> str:
    table = PAGE[key]
    text = table.get(lang) or table["en"]
    return text.format(**params) if params else text


def document_name(slug: str, title: str, lang: str) -> str:
    return DOCUMENT_NAMES.get(slug, {}).get(lang) or title
