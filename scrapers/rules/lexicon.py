"""Numbers and unit words in Russian, Kazakh and English, as regular-expression pieces and parsers.

Official pages write decimals with a comma (``0,2 МРП``), group thousands with spaces (``4 983 tenge``),
spell small numbers out (``two photographs``, ``шестнадцати лет``, ``он бес жұмыс күні``) and repeat a
number in words after the digits (``60 (sixty) calendar days``) or the digits after the words
(``two (2) working days``). Everything here exists so that the rules
read all of these the same way.
"""

from __future__ import annotations

import re

_WORDS: dict[int, tuple[str, ...]] = {
    1: ("one", "один", "одна", "одно", "одну", "одного", "одной", "бір"),
    2: ("two", "два", "две", "двух", "екі"),
    3: ("three", "три", "трех", "трёх", "үш"),
    4: ("four", "четыре", "четырех", "четырёх", "төрт"),
    5: ("five", "пять", "пяти", "бес"),
    6: ("six", "шесть", "шести", "алты"),
    7: ("seven", "семь", "семи", "жеті"),
    8: ("eight", "восемь", "восьми", "сегіз"),
    9: ("nine", "девять", "девяти", "тоғыз"),
    10: ("ten", "десять", "десяти", "он"),
    11: ("eleven", "одиннадцать", "одиннадцати", "он бір"),
    12: ("twelve", "двенадцать", "двенадцати", "он екі"),
    14: ("fourteen", "четырнадцать", "четырнадцати", "он төрт"),
    15: ("fifteen", "пятнадцать", "пятнадцати", "он бес"),
    16: ("sixteen", "шестнадцать", "шестнадцати", "он алты"),
    17: ("seventeen", "семнадцать", "семнадцати", "он жеті"),
    18: ("eighteen", "восемнадцать", "восемнадцати", "он сегіз"),
    20: ("twenty", "двадцать", "двадцати", "жиырма"),
    21: ("twenty-one", "двадцать один", "двадцати одного", "жиырма бір"),
    30: ("thirty", "тридцать", "тридцати", "отыз"),
    45: ("forty-five", "сорок пять", "сорока пяти", "қырық бес"),
    60: ("sixty", "шестьдесят", "шестидесяти", "алпыс"),
    90: ("ninety", "девяносто", "тоқсан"),
}
WORD_VALUES: dict[str, int] = {word: value for value, words in _WORDS.items() for word in words}
# "шестнадцатилетнего возраста": the genitive number fused with "-летний".
AGE_STEMS: dict[str, int] = {w: v for w, v in WORD_VALUES.items() if w.endswith("и") and " " not in w}


def _word_pattern(words: list[str]) -> str:
    parts = [re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for w in words]
    return "(?:" + "|".join(parts) + ")"


def _first_letters(words: list[str]) -> str:
    """A look-ahead on the letters the words begin with: it changes no match, but lets the regex engine turn
    away most word starts with one set test instead of trying some ninety alternatives one by one."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


NUMBER_WORD = (
    r"(?<![\w-])"
    + _first_letters(list(WORD_VALUES))
    + _word_pattern(sorted(WORD_VALUES, key=len, reverse=True))
    + r"(?![\w-])"
)
DIGITS = r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])"
GROUPED = r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?(?![\d])"
# A number may repeat itself in brackets, either way round: "10 (ten) years", "fifteen (15) working days".
NUMBER = rf"(?:{DIGITS}(?:\s*\({NUMBER_WORD}\))?|{NUMBER_WORD}(?:\s*\(\d+\))?)"
MONEY = rf"(?:{GROUPED}|{DIGITS})"
# "60 (sixty)": the words repeat the digits; "two (2)": the digits repeat the words
SPELLED_OUT = r"(?:\s*\((?:[^()\d]{2,40}|\d{1,4})\))?"

TIMES = r"\s*(?:[x×хХX*✕]|\s(?:на|by)\s)\s*"
MM = r"(?:mm|мм|millimet(?:re|er)s?|миллиметр\w*)(?![\w])"
CM = r"(?:cm|см|centimet(?:re|er)s?|сантиметр\w*)(?![\w])"
# The abbreviations come typed with Cyrillic look-alike letters mixed in ("30 МCI" with a Cyrillic М, "МСІ",
# "AЕК"): each letter that has a twin in the other script accepts both.
MCI = (
    r"(?:[MМ][CС][IІӀ]|[MМ]R[PР]|МРП|[AА][EЕ][KК]|м\.р\.п\.|monthly\s+calculation\s+ind(?:ex|ices|icators?)"
    r"|месячн\w*\s+расчетн\w*\s+показател\w*|айлық\s+есептік\s+көрсеткіш\w*)(?![\w])"
)
TENGE = r"(?:тенге|теңге|tenge|teńge|KZT|₸|тг(?:\.|(?![\w])))"
PERCENT = r"(?:%|percent(?![\w])|per\s+cent(?![\w])|процент\w*|пайыз\w*)"


def to_number(token: str, *, money: bool = False) -> float:
    """Parse a digit or word token: ``3,5`` -> 3.5, ``4 983`` -> 4983, ``sixteen`` -> 16.

    With ``money``, a comma or dot followed by exactly three digits groups thousands (``1,116 tenge``,
    ``KZT 3.450``): tenge amounts carry at most two decimals (tiyn).
    """
    raw = re.sub(r"\s*\([^()]*\)$", "", token.strip()).lower()  # "10 (ten)" -> "10": the repeat says the same
    key = re.sub(r"[\s-]+", " ", raw)
    if key in WORD_VALUES:
        return float(WORD_VALUES[key])
    hyphen_key = key.replace(" ", "-")
    if hyphen_key in WORD_VALUES:
        return float(WORD_VALUES[hyphen_key])
    compact = re.sub(r"[ \u00a0\u202f]", "", raw)
    if money and re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact):
        return float(re.sub(r"[.,]", "", compact))  # "1,116 tenge", "KZT 3.450": thousands, not decimals
    return float(compact.replace(",", "."))


def clean(number: float) -> int | float:
    """Integers stay integers (15, not 15.0); other values keep at most four decimals."""
    rounded = round(number, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def fmt(number: float) -> str:
    value = clean(number)
    return str(value)
