"""Fees: state duties in monthly calculation indices (MCI = МРП = АЕК) or in tenge.

Kazakh law sets duties in MCI; pages also state the tenge amount of the year. Both are read as they are
written (``0,2 МРП`` -> 0.2 MCI, ``865 тенге`` -> 865 KZT); converting between them is the verifier's
business, since the MCI changes every January.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.lexicon import DIGITS, MCI, MONEY, NUMBER_WORD, PERCENT, TENGE, clean, to_number

# One MCI in tenge by year, as set by each year's republican budget law (2020 and 2022 were raised in
# April). Used only to recognise an MCI/tenge pair of bare numbers in duty tables, never reported.
MCI_IN_TENGE: dict[str, float] = {
    "2015": 1982, "2016": 2121, "2017": 2269, "2018": 2405, "2019": 2525, "2020": 2651, "2020-04": 2778,
    "2021": 2917, "2022": 3063, "2022-04": 3180, "2023": 3450, "2024": 3692, "2025": 3932, "2026": 4325,
}
PAIR_TOLERANCE = 0.006

# An amount followed by "a day" / "в день" / "per month" is a rate (an allowance, a cap on expenses, a salary),
# never the price of a service: "meals (no more than the equivalent of 80 US dollars a day)".
RATE_AFTER = re.compile(
    r"\s*(?:\)\s*)?(?:(?:в|за|на|per|a|an|each|every|/)\s*(?:один\s+|одни\s+|one\s+)?"
    r"(?:день|сутки|месяц|night|day|month)|күніне|тәулігіне|айына)(?![\w])",
    re.IGNORECASE,
)
# Money that a page pays out or caps (financial aid, benefits, salaries, income), unless its own sentence
# also names a charge: the role of the number is not a fee.
PAID_OUT = re.compile(
    r"финансов\w*\s+помощ|материальн\w*\s+помощ|financial\s+(?:aid|assistance|help)|қаржылық\s+көмек"
    r"|salar|wage|зарплат|заработн\w*\s+плат|жалақ|\bincome|доход|табыс|пособи|allowance|жәрдемақ"
    r"|stipend|стипенди|scholarship|compensat|компенсац|өтемақ",
    re.IGNORECASE,
)
# Money the state hands TO a person (a subsidy, a one-time payment, a support measure): even when its sentence says
# "payment" or "costs" (the costs it covers), the amount is not a charge, unless a duty or fee is named as well.
PAID_TO = re.compile(
    r"subsid|субсиди|one-?time\s+(?:payment|allowance|benefit)|lump-?sum|единовременн\w*\s+(?:выплат|пособи)"
    r"|біржолғы\s+(?:төлем|жәрдемақ)|support\s+measures?|мер\w*\s+(?:государственной\s+)?поддержк"
    r"|қолдау\s+шаралар",
    re.IGNORECASE,
)
DUTY_WORD = re.compile(r"\bfees?\b|\bdut(?:y|ies)\b|сбор|пошлин|\bбаж|алым", re.IGNORECASE)
# "KZT 4 million", "4 млн": the number is a count of millions (or thousands), not an amount in itself.
MULTIPLIER_AFTER = re.compile(
    r"\s*(?:million|mln\b|billion|bn\b|thousand|млн|миллион|млрд|миллиард|тыс\b|тысяч|мың|миллиард)",
    re.IGNORECASE,
)
CHARGE_WORD = re.compile(
    r"\bfees?\b|\bduty\b|\bduties\b|\bcharge|\bcosts?\b|\bprice|\bpay|сбор|пошлин|плат[аеуы]\b|оплат|стоимост"
    r"|тариф|\bбаж|алым|төле|құны",
    re.IGNORECASE,
)


def is_charge(passage: Passage, start: int, end: int) -> bool:
    """Whether an amount read at passage.text[start:end] can be the price of a service (see RATE_AFTER, PAID_OUT)."""
    if RATE_AFTER.match(passage.text, end) or MULTIPLIER_AFTER.match(passage.text, end):
        return False
    segment = passage.segment_text(start)
    if PAID_TO.search(segment) and not DUTY_WORD.search(segment):
        return False
    if PAID_OUT.search(segment) or PAID_OUT.search(passage.context or ""):
        return bool(CHARGE_WORD.search(segment))
    return True


class FeePercentOfMci(Rule):
    """A duty stated as a percentage of the MCI; read as a fraction of one MCI."""

    name = "FeePercentOfMci"
    key = "fee"
    description = "`20% от МРП`, `10 percent of the monthly calculation indicator`, `АЕК-тің 20%` -> MCI."
    examples = (
        example("20% of the monthly calculation index", (0.2, "MCI")),
        example("is 10 percent of the monthly calculation indicator established on the day", (0.1, "MCI")),
        example("400% of the monthly calculation index", (4, "MCI")),
        example("государственная пошлина – 20% от МРП", (0.2, "MCI")),
        example("айлық есептік көрсеткіштің 20 пайызы", (0.2, "MCI")),
    )
    patterns = (
        re.compile(
            rf"(?P<n>{DIGITS})\s*{PERCENT}\s+(?:(?:of|from)\s+(?:the\s+)?|от\s+(?:размера\s+)?)?{MCI}",
            re.IGNORECASE,
        ),
        re.compile(rf"{MCI}(?:[-‐]?\w{{0,4}})?\s+(?P<n>{DIGITS})\s*(?:%|пайыз\w*)", re.IGNORECASE),
    )
    cue = re.compile(r"%|percent|per cent|процент|пайыз")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                if is_charge(passage, m.start(), m.end()):
                    yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n")) / 100), "MCI")


class FeeMci(Rule):
    name = "FeeMci"
    key = "fee"
    description = "Amounts in MCI / МРП / АЕК / monthly calculation indices -> MCI."
    examples = (
        example("0,2 МРП", (0.2, "MCI")),
        example("State duty for issuance ID card of the citizen of the RK at the rate of 0,2 MCI.", (0.2, "MCI")),
        example("мемлекеттік баждың құны – 0,2 АЕК.", (0.2, "MCI")),
        example("жүргізуші куәлігі-1,25 АЕК құрайды", (1.25, "MCI")),
        example("за выдачу паспорта - 4МРП (9 076 тг)", (4, "MCI"), (9076, "KZT")),
        example("the amount of payment is 4 MRP established on the day of payment", (4, "MCI")),
        example("The cost of the state duty for issuance of the certificate is eight MCI.", (8, "MCI"),
                note="a spelled-out amount"),
        example("In 2026 one MCI is 4 325 tenge.", (4325, "KZT"), note="a spelled-out MCI with no charge word"),
        example("Settlers get a relocation subsidy: a one-time payment of 50 MCI per person.",
                note="money paid to a person, not the price of a service"),
        example("Единовременная выплата переселенцам составляет 60 МРП на каждого члена семьи.",
                note="a one-time payment to a person"),
        example("Support measures cover rent costs in the amount of 10 to 20 MCI a family.",
                note="'costs' it covers are not a charge"),
        example("The state duty for a subsidy application is 1 MCI.", (1, "MCI"),
                note="the sentence names a duty: still read"),
        example("the duty for a new licence is 12 \u041cCI", (12, "MCI"),
                note="the abbreviation typed with a Cyrillic M: look-alike letters of either script"),
    )
    pattern = re.compile(rf"(?P<n>{DIGITS}|{NUMBER_WORD})\s*-?\s*{MCI}", re.IGNORECASE)
    cue = re.compile(r"[mм][cс][iіӏ]|[mм]r[pр]|мрп|[aа][eе][kк]|м\.р\.п|calculation|расчетн|есептік")
    needs_digit = False  # "eight MCI": the cue words gate it instead

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            if not m.group("n")[0].isdigit() and not CHARGE_WORD.search(passage.segment_text(m.start())):
                continue  # "one MCI is 3 932 tenge" explains the index; a spelled-out fee names its charge
            if is_charge(passage, m.start(), m.end()):
                yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n"))), "MCI")


class FeeTenge(Rule):
    """Tenge amounts with spaces between thousands, decimal commas and tiyn."""

    name = "FeeTenge"
    key = "fee"
    description = "`4 983 tenge`, `3011,12 теңге`, `612 тенге 60 тиын`, `KZT 3 932`, `786 teńge`, `₸` -> KZT."
    examples = (
        example("1st category of urgency – up to 1 working day - 4 983 tenge", (4983, "KZT")),
        example("1-санатты жеделдік - 3011,12 теңге", (3011.12, "KZT")),
        example("- 612 тенге 60 тиын (0,2 МРП)", (612.6, "KZT"), (0.2, "MCI")),
        example("Tólemniń mólsheri — standartty nusqada 786 teńge.", (786, "KZT")),
        example("Monthly calculation index for 2025 is KZT 3 932 .", (3932, "KZT")),
        example("12 252 тг. (4 МРП)", (12252, "KZT"), (4, "MCI")),
        example("a fee of 1,116 tenge", (1116, "KZT"), note="comma + three digits groups thousands"),
        example("Monthly calculation index for 2023 is KZT 3.450.", (3450, "KZT"), note="so does a dot"),
        example("A family may receive a housing grant of up to KZT 3 million.",
                note="a count of millions is not an amount of 3 tenge"),
    )
    patterns = (
        re.compile(
            rf"(?P<n>{MONEY})\s*{TENGE}(?:\s*(?P<t>\d{{1,2}})\s*(?:тиын\w*|tiyn|тиын))?", re.IGNORECASE
        ),
        re.compile(rf"(?:KZT|₸)\s*(?P<n>{MONEY})", re.IGNORECASE),
    )
    cue = re.compile(r"тенге|теңге|tenge|teńge|kzt|₸|тг")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                amount = to_number(m.group("n"), money=True)
                tiyn = m.groupdict().get("t")
                if tiyn:
                    amount += int(tiyn) / 100
                if is_charge(passage, m.start(), m.end()):
                    yield RuleMatch(m.start(), m.end(), clean(amount), "KZT")


class FeeMciTengePair(Rule):
    """Duty tables list a duty twice, in MCI and in tenge, often without unit words in the cells.

    Two bare numbers in adjacent cells (``0,2 | 612,60``) are read as MCI and tenge when the second is the
    first times the MCI of some year (within 0.6 %).
    """

    name = "FeeMciTengePair"
    key = "fee"
    description = "Adjacent table cells `a | b` with b = a × MCI of a year -> a MCI and b KZT."
    examples = (
        example("Выдача ВНЖ иностранцу ... 0,2 | 612,60", (0.2, "MCI"), (612.6, "KZT")),
        example("Удостоверение личности | 0,2 | 865", (0.2, "MCI"), (865, "KZT")),
        example("Паспорт | 8 | 34 600", (8, "MCI"), (34600, "KZT")),
        example("Кабинет | 12 | 305", note="305 is not 12 MCI in any year"),
    )
    pattern = re.compile(rf"(?P<a>{DIGITS})\s*\|\s*(?P<b>{MONEY})(?=\s*(?:\||$|{TENGE}))", re.IGNORECASE)
    cue = re.compile(r"\|")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            mci = to_number(m.group("a"))
            tenge = to_number(m.group("b"), money=True)
            if not (0 < mci <= 100) or tenge <= mci:
                continue
            ratio = tenge / mci
            if any(abs(ratio - value) / value <= PAIR_TOLERANCE for value in MCI_IN_TENGE.values()):
                yield RuleMatch(m.start("a"), m.end("a"), clean(mci), "MCI")
                yield RuleMatch(m.start("b"), m.end("b"), clean(tenge), "KZT")


class FreeOfCharge(Rule):
    """A service stated to cost nothing: fee 0.

    Only where the text is about the cost of the service (a cost label, or the whole cell is the word),
    so that "photographs are taken free of charge" on an ID-card page is not read as the card's fee.
    """

    name = "FreeOfCharge"
    key = "fee"
    description = "`Cost of the service Free`, `Стоимость: бесплатно`, a cell `Тегін` under a cost label -> 0."
    examples = (
        example("Cost of the service Free", (0, "KZT")),
        example("Стоимость услуги: бесплатно", (0, "KZT")),
        example("Государственная услуга оказывается бесплатно.", (0, "KZT")),
        example("Стоимость | Бесплатно", (0, "KZT")),
        example("Услуга в ЦОН или на egov.kz оформляется бесплатно.", (0, "KZT"),
                note="'оформляется' (is arranged), and the dot of a site's name inside the sentence"),
        example("Қызмет ХҚКО арқылы тегін рәсімделеді.", (0, "KZT"), note="'тегін рәсімделеді': is arranged free"),
        example("State tax for registration of a newborn is not levied.", (0, "KZT")),
        example("Фотографирование производится через информационную систему без оплаты.",
                note="the photograph is free, not the service"),
    )
    needs_digit = False
    cue = re.compile(r"free|бесплатн|тегін|безвозмездн|ақысыз|not\s+levied|not\s+charged|не\s+взимается|алынбайды")
    FREE = r"(?:free(?:\s+of\s+charge)?|бесплатно|бесплатная|тегін|безвозмездно|ақысыз)"
    COST_LABEL = re.compile(r"cost|price|стоимост|размер\s+оплаты|плата|құны|ақысы|төлем", re.IGNORECASE)
    patterns = (
        re.compile(rf"(?:cost|price|стоимост\w*|плата|құны|ақысы)[^.;|]{{0,40}}?(?P<f>{FREE})(?![\w])", re.IGNORECASE),
        re.compile(
            # a dot inside a name ("egov.kz") does not end the sentence
            rf"(?:service|услуг\w*|қызмет\w*)(?:[^.;|]|\.(?=\w)){{0,40}}?(?:provided|rendered|оказывается|предоставляется"
            rf"|оформля(?:ется|ются)|көрсетіледі|рәсімделеді|is)\s+(?P<f>{FREE})(?![\w])",
            re.IGNORECASE,
        ),
        re.compile(rf"(?P<f>{FREE})\s+(?:көрсетіледі|оказывается|рәсімделеді|оформляется)", re.IGNORECASE),
        # "State tax for registration is not levied", "госпошлина не взимается": a duty of nothing
        re.compile(
            r"(?:state\s+(?:tax|duty|fee)|(?:гос(?:ударственная\s+)?)пошлина|мемлекеттік\s+баж)[^.;|]{0,60}?"
            r"(?P<f>is\s+not\s+(?:levied|charged|collected)|не\s+взимается|алынбайды)",
            re.IGNORECASE,
        ),
    )
    alone = re.compile(rf"\s*(?P<f>{FREE})\s*[.!]?\s*$", re.IGNORECASE)

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        seen = False
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                seen = True
                yield RuleMatch(m.start("f"), m.end("f"), 0, "KZT")
        if seen:
            return
        if passage.context and self.COST_LABEL.search(passage.context):
            tail = re.search(rf"\s[-–—]\s*(?P<f>{self.FREE})\s*[.!]?\s*$", passage.text, re.IGNORECASE)
            if tail:  # "Birth registration - free of charge" under "Cost of the service"
                yield RuleMatch(tail.start("f"), tail.end("f"), 0, "KZT")
                return
        for start, end in passage.spans:
            m = self.alone.match(passage.text, start, end)
            label = passage.text[:start] + " " + (passage.context or "")
            if m and self.COST_LABEL.search(label):
                yield RuleMatch(m.start("f"), m.end("f"), 0, "KZT")


class FeeUsd(Rule):
    """Consular fees abroad are often stated in US dollars."""

    name = "FeeUsd"
    key = "fee"
    description = "`$ 80`, `$80`, `80 USD`, `80 US dollars`, `80 долларов США`, `80 АҚШ доллары` -> USD."
    examples = (
        example("The consular fee is $ 80.", (80, "USD")),
        example("Fee: 80 US dollars", (80, "USD")),
        example("консульский сбор – 60 долларов США", (60, "USD")),
        example("Куәлік үшін консулдық алым – 25 АҚШ доллары.", (25, "USD"),
                note="Kazakh: 'АҚШ' (USA) before the word"),
        example("Call us at +1 202 555 0100", note="no currency"),
        example("Aid covers meals (no more than the equivalent of 60 US dollars a day).",
                note="a daily rate of aid, not the price of a service"),
        example("Financial assistance to a stranded citizen is capped at 300 US dollars.",
                note="money paid out, not a charge"),
        example("Виды финансовой помощи:\n- проживание: не более 150 долларов США;\n- билет домой.",
                note="under a heading about aid, an amount its own line does not call a charge"),
        example("Financial assistance is repaid together with the consular fee of 30 US dollars.", (30, "USD"),
                note="the sentence names the charge"),
    )
    cue = re.compile(r"\$|usd|dollar|доллар")
    patterns = (
        re.compile(r"\$\s?(?P<n>\d+(?:[.,]\d{1,2})?)(?![\d])"),
        re.compile(r"(?<![\d.,])(?P<n>\d+(?:[.,]\d{1,2})?)\s*(?:USD|US\s+dollars?|dollars?|долл\w*(?:\s+США)?|АҚШ\s+долл\w*)(?![\w])",
                   re.IGNORECASE),
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                if is_charge(passage, m.start(), m.end()):
                    yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n"))), "USD")



class FeeEur(Rule):
    """Consular missions in Europe state their fees in euro."""

    name = "FeeEur"
    key = "fee"
    description = "`35 евро`, `€ 35`, `35 €`, `35 EUR`, `35 euros`, `35 еуро` -> EUR."
    examples = (
        example("Оформление паспорта гражданина — 30 евро", (30, "EUR")),
        example("The consular fee is € 45.", (45, "EUR")),
        example("Fee: 25 euros per document", (25, "EUR")),
        example("консулдық алым 20 еуро", (20, "EUR")),
        example("Суточные: не более 70 евро в день", note="a daily rate, not a fee"),
    )
    cue = re.compile(r"€|eur|евро|еуро")
    patterns = (
        re.compile(r"€\s?(?P<n>\d+(?:[.,]\d{1,2})?)(?![\d])"),
        re.compile(r"(?<![\d.,])(?P<n>\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR(?:O|OS)?|euros?|евро|еуро)(?![\w])",
                   re.IGNORECASE),
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                if is_charge(passage, m.start(), m.end()):
                    yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n"))), "EUR")


class FeeOtherCurrency(Rule):
    """The other currencies of the consular fee table (pounds, Swiss francs, roubles, yuan), for missions in
    the United Kingdom, Switzerland, Russia and China."""

    name = "FeeOtherCurrency"
    key = "fee"
    description = "`35 английских фунтов стерлингов`, `£ 35`, `40 CHF`, `2265 рублей`, `255 юаней` -> GBP/CHF/RUB/CNY."
    examples = (
        example("Оформление паспорта — 30 английских фунтов стерлингов", (30, "GBP")),
        example("The consular fee is £ 40.", (40, "GBP")),
        example("Консульский сбор: 45 швейцарских франков", (45, "CHF")),
        example("консульский сбор 2100 российских рублей", (2100, "RUB")),
        example("fee 250 CNY per document", (250, "CNY")),
        example("консулдық алым 25 ағылшын фунт стерлингі", (25, "GBP")),
        example("Суточные — 2500 рублей в день", note="a daily rate, not a fee"),
    )
    UNITS: dict[str, str] = {
        "фунт": "GBP", "pound": "GBP", "gbp": "GBP", "£": "GBP",
        "франк": "CHF", "franc": "CHF", "chf": "CHF",
        "рубл": "RUB", "руб": "RUB", "rub": "RUB", "roubl": "RUB", "rouble": "RUB", "ruble": "RUB",
        "юан": "CNY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY",
    }
    cue = re.compile(r"£|gbp|pound|фунт|chf|franc|франк|rub|roubl|рубл|руб\.|юан|yuan|cny|rmb")
    AMOUNT = r"(?<![\d.,])(?P<n>(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d{1,2})?)"
    patterns = (
        re.compile(r"(?P<u>£)\s?(?P<n>\d+(?:[.,]\d{1,2})?)(?![\d])"),
        re.compile(
            AMOUNT + r"\s*(?:(?:английск\w+|ағылшын|британск\w+|швейцарск\w+|швейцар|российск\w+|ресей|китайск\w+"
            r"|қытай|swiss|russian|chinese|british)\s+)?"
            r"(?P<u>фунт\w*(?:\s+стерлинг\w*)?|pounds?(?:\s+sterling)?|GBP|франк\w*|francs?|CHF|рубл\w*|руб\.|RUB"
            r"|roubles?|rubles?|юан\w*|yuan|CNY|RMB)(?![\w])",
            re.IGNORECASE,
        ),
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for pattern in self.patterns:
            for m in pattern.finditer(passage.text):
                word = m.group("u").lower()
                unit = next((code for stem, code in self.UNITS.items() if word.startswith(stem)), None)
                if unit and is_charge(passage, m.start(), m.end()):
                    yield RuleMatch(m.start(), m.end(), clean(to_number(m.group("n"), money=True)), unit)
