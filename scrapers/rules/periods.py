"""Time: processing durations, validity periods and ages.

Durations keep the kind of day the source names (``working days``, ``calendar days``; plain ``days`` when
it names neither). A range (``3-5 days``, ``от 5 до 10 рабочих дней``) is read as a range: reading only its
upper bound would report a term the page never states, and a later change of either bound would go unseen.
Validity and age are years; their patterns are anchored on the words that say which of the two is meant
(``valid for``, ``сроком на`` versus ``from the age of``, ``с 16 лет``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.models import ValueRange
from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.leads import with_lead
from scrapers.rules.lexicon import AGE_STEMS, NUMBER, SPELLED_OUT, clean, to_number
from scrapers.rules.money import PAID_TO

# Kazakh is also written in Latin letters ("2 (ekı) jūmys künı", "jumys kúni", "kúntizbelik"): each unit has them.
_KUN_LATIN = r"k[uüú]n[iıі]?\w*"
WORKING = (
    r"(?:(?:working|business|work)\s+days?|work-?days|рабоч\w+\s+(?:дн\w+|день)|жұмыс\s+күн\w*"
    rf"|j[uūú]mys\s+{_KUN_LATIN})"
)
CALENDAR = (
    r"(?:calendar\s+days?|календарн\w+\s+(?:дн\w+|день)|күнтізбелік\s+күн\w*"
    rf"|k[uüú]nt[iıі]zbel[iıі]k\s+{_KUN_LATIN})"
)
# "суток" / "сутки" / "тәулік": a day of 24 hours, said where the count runs on weekends too
PLAIN_DAYS = r"(?:days?|дн(?:ей|я)|день|сут(?:ок|ки)|күн(?:ге|нен|ні|і)?|тәулік\w*)"
MINUTES = r"(?:minutes?|минут\w*|мин\.|minut)"
HOURS = r"(?:hours?|час(?:а|ов)?|сағат\w*)"
MONTHS = r"(?:months?|месяц(?:а|ев)?|ай(?:дан|ға|да)?)"
YEARS = r"(?:years?|лет|года?|жыл\w*)"
RUS_YEARS = r"(?:\s*-\s*(?:ти|и))?\s*(?:лет|года?)(?![\w])"
# Validity in years or in months ("issued for a period not exceeding three months"); the unit is read back
# from the words after the number.
SPAN_EN = rf"(?:{YEARS}|{MONTHS})(?![\w])"
SPAN_RU = r"(?:\s*-\s*(?:ти|и))?\s*(?:лет|года?|месяц(?:а|ев)?)(?![\w])"
NOT_EXCEEDING = r"(?:(?:not|no)\s+(?:exceeding|more\s+than|longer\s+than)\s+)?"
MONTH_WORD = re.compile(r"month|месяц|\bай", re.IGNORECASE)
# A fee table's price tiers by validity: "1 год - 170 евро", "2 years: $ 200".
PRICE_AFTER = (
    r"\s*[-–—:]\s*(?=(?:€|\$)?\s?\d[\d\s.,]*\s*(?:евро|еуро|€|EUR|euros?|USD|US\s+dollars?|\$|доллар\w*|долл\.?"
    r"|тенге|теңге|KZT|₸|МРП|MCI|АЕК)|(?:€|\$)\s?\d)"
)


class Duration(Rule):
    name = "Duration"
    key = "duration"
    description = "`17 рабочих дней`, `17 calendar days`, `15 жұмыс күні`, `60 (sixty) calendar days`, minutes, hours."
    examples = (
        example("17 рабочих дней", (17, "working days")),
        example("17 calendar days", (17, "calendar days")),
        example("Ресімдеу мерзімі – 15 жұмыс күні.", (15, "working days")),
        example("Ресімдеу мерзімі – күнтізбелік 20 күн.", (20, "calendar days"), note="the unit's adjective first"),
        example("Visa processing time: working days – 5.", (5, "working days"), note="the unit before the number"),
        example("Срок оформления визы (рабочих дней): 5.", (5, "working days")),
        example("up to 3 working days - 2 752 tenge", (3, "working days"),
                note="a fee after a term: the unit is the term's, not a label of the fee"),
        example("– 60 (sixty) calendar days;", (60, "calendar days")),
        example("not more than fifteen (15) working days", (15, "working days"), note="the words first, digits repeat"),
        example("не более 180 календарных дней", (180, "calendar days")),
        example("Срок оказания услуги займет 60 минут.", (60, "minutes")),
        example("the review period is 1-2 business days", (ValueRange(min=1, max=2), "working days"),
                note="a range is read as a range, not as its maximum"),
        example("applications are handled in 4 to 6 days", (ValueRange(min=4, max=6), "days")),
        example("рассмотрение занимает от 5 до 10 рабочих дней", (ValueRange(min=5, max=10), "working days")),
        example("the wait drops from three to one working day", (1, "working days"),
                note="a falling pair is not a range: the term it comes to is read"),
        example("в течение трех рабочих дней", (3, "working days")),
        example("within 10 days", (10, "days"), note="neither working nor calendar: plain days"),
        example("Заявление подается не позднее трех суток после прибытия.", (3, "days"),
                note="'суток': days of 24 hours, read as plain days"),
        example("Бұрынғы азамат 30 тәулік ішінде хабарлауға міндетті.", (30, "days")),
        example("taken within the last 6 months", (6, "months")),
        example("issue of the certificate is produced during the two workdays", (2, "working days")),
        example("This order shall enter into force ten calendar days after the date of its first official publication.",
                note="a law's entry into force is not a service term"),
        example("In the first nine months of 2023 the centres served a million people.",
                note="the part of a year a statistic covers is not a service term"),
        example("За шесть месяцев 2024 года выдано 5 000 карт, срок изготовления 10 рабочих дней.",
                (10, "working days"), note="the period of a statistic is skipped; the service term is read"),
        example("За 9 месяцев текущего года центры приняли 12 000 заявлений.",
                note="the part of the current year a statistic covers is not a term"),
        example("2) в течение пяти календарных дней со дня государственной регистрации настоящего приказа "
                "направить его копию на опубликование;", note="a ministry's own deadline in a law text"),
        example("Living without a valid card from ten calendar days to one month entails a warning, longer - a "
                "fine of 7 MCI.", note="how long an offence lasted, beside its penalty, is not a term"),
        example("The card is replaced within a month of the request.", (1, "months"),
                note="one month said with an article"),
        example("Пособие назначается ребенку в возрасте до 3 месяцев.", note="an age in months, not a term"),
        example("veterans who worked at least ten months in the period March 1, 1942 to May 1, 1945",
                note="time served in a dated period of history, not a term of the service"),
        example("A stay of 15/30/45 days, by the kind of visa.", (15, "days"), (30, "days"), (45, "days"),
                note="numbers joined by slashes share the unit after the last one"),
        example("The form takes 1/2 working day to check.", note="a pair like 1/2 may be a fraction: not read"),
        example("Qūjattardy tapsyrğan künnen bastap – 5 (bes) jūmys künı; kezek kütu – 15 (on bes) minut.",
                (5, "working days"), (15, "minutes"), note="Kazakh written in Latin letters"),
        example("Within five business days the authority sends a request to the relevant government agencies, "
                "which give their response to the licensing authority within ten business days.",
                note="one body's request to another and its answer: the agencies' own exchange, not a service term"),
        example("The service is rendered within two (2) working days; the wait is at most thirty (30) minutes.",
                (2, "working days"), (30, "minutes"), note="the digits in brackets repeat the number in words"),
        example("Срок рассмотрения – пять (5) рабочих дней.", (5, "working days")),
        example("If a refusal is likely, the hearing must take place within two working days.",
                note="the hearing before a refusal is a step inside the procedure, not the service's term"),
        example("Процедура заслушивания проводится в течение двух рабочих дней.", note="the same, in Russian"),
        example("Тыңдау рәсімі екі жұмыс күні ішінде өткізіледі.", note="the same, in Kazakh"),
        example("The decision is taken within three working days; the hearing, if any, comes first.",
                (3, "working days"), note="the term of the decision is still read"),
        example("Staff may be posted to another region for at most 60 calendar days within one year.",
                note="an allowance of days per year, not a term"),
        example("Работник может быть направлен не более чем на 60 календарных дней в течение года.",
                note="the same, in Russian"),
        example("3) report to the Legal Department of the Ministry within five calendar days from the date of state "
                "registration.", note="a ministry's own deadline"),
        example("The ministry concerned shall take the measures arising from this decree within one month.",
                note="the act telling a body to carry it out: not a term of any service"),
        example("Министерству надлежит принять меры, вытекающие из настоящего постановления, в течение месяца.",
                note="the same, in Russian"),
        example("Министрлік осы қаулыдан туындайтын шараларды бір ай ішінде қабылдасын.", note="the same, in Kazakh"),
        example("The ministry answers such a request within one month.", (1, "months"),
                note="a body's term toward the applicant is still read"),
        example("Those leaving on a long business trip (more than two months) get the new card within ten days.",
                (10, "days"), note="the length of a trip says who qualifies; the term of the service is read"),
        example("Уезжающим в командировку более чем на три месяца карту выдают в течение пяти дней.", (5, "days"),
                note="the same, in Russian"),
        example("Settlers get a subsidy covering their rent for 12 months.",
                note="how long a subsidy runs, not a term of the service"),
        example("The subsidy is granted within 10 working days of the application.", (10, "working days"),
                note="the term of a subsidy service is still read"),
    )
    pattern = re.compile(
        rf"(?P<n>{NUMBER}){SPELLED_OUT}(?:\s*(?:-|–|—|to|до)\s*(?P<m>{NUMBER}){SPELLED_OUT})?\s*"
        rf"(?:(?P<w>{WORKING})|(?P<c>{CALENDAR})|(?P<min>{MINUTES})|(?P<h>{HOURS})|(?P<mo>{MONTHS})|(?P<d>{PLAIN_DAYS}))"
        rf"(?![\w])",
        re.IGNORECASE,
    )
    needs_digit = False
    cue = re.compile(r"day|дн|день|сут|күн|k[uüú]n|тәулік|minut|минут|мин\.|hour|час|сағат|month|месяц|ай")
    # A law's own clockwork ("enters into force ten calendar days after its publication") is not a term of
    # any service: durations in such a sentence are not read.
    LAW_CLOCKWORK = re.compile(
        with_lead(
            r"into\s+force|official\s+publication|state\s+registration\s+(?:hereof|of\s+this)|вступает\s+в\s+силу|"
            r"вводится\s+в\s+действие|официального\s+опубликования|қолданысқа\s+енгізіл|ресми\s+жариялан|"
            # "within ten days of the state registration of this resolution": a ministry's own deadline
            r"регистрации\s+настоящ\w+|мемлекеттік\s+тіркелген\s+күн\w*|осы\s+(?:бұйрық|қаулы)\w*\s+мемлекеттік\s+тіркел"
            # one body's request to, or answer to, another: the agencies' own exchange, not the applicant's term
            # "... to the Legal Department ... within ten calendar days from the date of state registration."
            r"|from\s+the\s+(?:date|day)\s+of\s+(?:its\s+|the\s+)?state\s+registration\s*(?:[.;]|$)"
            r"|\bto\s+the\s+legal\s+(?:service\s+)?department\b"
            # "The ministry shall take the measures arising from this resolution within one month": the act
            # telling a body to carry it out, not a term of any service
            r"|measures\s+(?:arising|resulting|following)\s+from\s+(?:this|the\s+present)\b"
            r"|мер\w*,?\s+вытекающ\w+\s+из\s+настоящ\w+|осы\s+\w+\s+туындайтын\s+шара\w*"
            # the hearing of an applicant before a refusal: a step inside the procedure, not the service's term
            r"|\bhearing\s+(?:must|shall|is|will|should)\b|\bthe\s+hearing\b|заслушивани\w*|тыңдау\s+рәсім\w*"
            r"|\brequest\s+to\s+the\s+(?:relevant\s+)?(?:government(?:al)?\s+agenc|state\s+bod)"
            r"|\bresponse\s+to\s+the\s+(?:relevant\s+)?(?:licensing\s+|authori[sz]ed\s+)?(?:authority|body)"
            r"|запрос\w*\s+в\s+(?:соответствующие\s+)?государственн\w+\s+орган"
            r"|ответ\w*\s+(?:в\s+)?(?:соответствующий\s+)?(?:разрешительн|уполномоченн)\w+\s+орган",
            ignorecase=True,
        ),
        re.IGNORECASE,
    )

    # "over the six months of 2022", "за девять месяцев 2023 года": a period of a calendar year that a
    # statistic covers, not a term of the service.
    OF_A_YEAR = re.compile(
        r"\s+(?:of\s+)?(?:19|20)\d{2}(?![\d])(?!\s*(?:-|–|—)?\s*\d)"
        r"|\s+(?:of\s+)?(?:this|the\s+current|the\s+past|last)\s+year\b|\s+(?:текущего|этого|прошлого)\s+года"
        r"|\s+(?:биылғы|ағымдағы|өткен)\s+жыл",
        re.IGNORECASE,
    )

    # "posted elsewhere for at most 90 calendar days within one year": an allowance of time per year, not a term.
    PER_YEAR = re.compile(
        r"\s+(?:(?:with)?in\s+(?:one|a|each|any|the)\s+(?:calendar\s+)?year|per\s+(?:calendar\s+)?year|a\s+year\b)"
        r"|\s+в\s+течение\s+(?:одного\s+|календарного\s+)?года|\s+в\s+(?:календарном\s+)?году"
        r"|\s+(?:бір\s+)?(?:күнтізбелік\s+)?жыл\s+ішінде|\s+жылына",
        re.IGNORECASE,
    )
    # "coverage of rent for 12 months" in a sentence about subsidies or one-time payments: how long the state
    # pays, not how long the service takes.
    PAID_FOR = re.compile(r"(?:\bfor|\bна(?:\s+срок)?|в\s+течение)\s*$", re.IGNORECASE)

    # "a child at the age of up to 2 months", "в возрасте до 2 месяцев": an age counted in months.
    AN_AGE = re.compile(r"(?:\bage|\baged|возраст\w*)(?:\s+(?:of|till|until|up\s+to|under|до|от))*\s*$", re.IGNORECASE)
    # "six months in the period June 22, 1941 to May 9, 1945": time served in a dated period of history.
    IN_A_DATED_PERIOD = re.compile(
        r"\s+(?:in|during|within)\s+the\s+period\b[^.;]{0,40}?(?:19|20)\d{2}|\s+в\s+период\b[^.;]{0,40}?(?:19|20)\d{2}",
        re.IGNORECASE,
    )
    # "living without a valid card from ten calendar days to one month entails a warning": how long an offence
    # lasted, in a sentence about its penalty; not a term of the service.
    PENALTY = re.compile(
        with_lead(
            r"\bentails?\b|\bfine\s+of\b|a\s+fine\b|\bwarning\b|administrative\s+(?:offen|liabil|violat)|влеч[её]т|"
            r"штраф|предупреждени|административн\w+\s+(?:ответствен|правонаруш)|айыппұл|ескерту\s+жасау|әкімшілік",
            ignorecase=True,
        ),
        re.IGNORECASE,
    )
    # "within a month", "before the expiration of a month", "в течение месяца": one month, said without a number.
    ONE_MONTH = re.compile(
        r"(?:\bwithin|\bbefore\s+the\s+(?:expiration|expiry|end)\s+of)\s+a\s+(?P<mo>month)\b"
        r"|в\s+течение\s+(?P<mo2>месяца)(?![\w])|в\s+(?P<mo3>месячный)\s+срок",
        re.IGNORECASE,
    )

    # "30/60/90 days depending on the visa": one unit after numbers joined by slashes, each a term of its own.
    SLASHED = re.compile(
        rf"(?<![\d/.,])(?P<list>\d{{1,3}}(?:\s*/\s*\d{{1,3}})+)\s*"
        rf"(?:(?P<w>{WORKING})|(?P<c>{CALENDAR})|(?P<mo>{MONTHS})|(?P<d>{PLAIN_DAYS}))(?![\w])",
        re.IGNORECASE,
    )

    def _slashed(self, passage: Passage) -> Iterator[RuleMatch]:
        """Each number of ``30/60/90 days``; a pair like ``1/2 day`` may be a fraction and is left alone."""
        if "/" not in passage.text:  # every match has one
            return
        for m in self.SLASHED.finditer(passage.text):
            segment = passage.segment_text(m.start())
            if self.LAW_CLOCKWORK.search(segment) or self.PENALTY.search(segment):
                continue
            numbers = list(re.finditer(r"\d+", m.group("list")))
            values = [int(n.group()) for n in numbers]
            rising = all(a < b for a, b in zip(values[:-1], values[1:], strict=True))
            if not rising or (len(values) < 3 and values[0] < 5):
                continue
            unit = (
                "working days" if m.group("w") else "calendar days" if m.group("c")
                else "months" if m.group("mo") else "days"
            )
            base = m.start("list")
            for i, n in enumerate(numbers):
                end = m.end() if i == len(numbers) - 1 else base + n.end()
                yield RuleMatch(base + n.start(), end, values[i], unit)

    # "leaving on a long business trip (more than three months)", "в командировку более чем на три месяца": the
    # length of a trip that says who qualifies, not a term of the service.
    TRIP_LENGTH = re.compile(
        r"(?:\btrip|\bposting|командировк\w*)[^.;|]{0,15}?"
        r"(?:(?:more|longer)\s+than|over|exceeding|более|свыше|больше)(?:\s+чем)?(?:\s+на)?\s*$",
        re.IGNORECASE,
    )

    ONE_MONTH_NEEDS = re.compile(r"month|месяц|месячн", re.IGNORECASE)  # a word ONE_MONTH cannot match without

    # The unit before the number: "calendar days: 60", "working days – up to 7", "(рабочих дней): 5", and the
    # Kazakh adjective before the number, "күнтізбелік 20 күн".
    UNIT_FIRST = re.compile(
        rf"(?:(?P<w>{WORKING})|(?P<c>{CALENDAR}))\)?\s*[:–—-]\s*"
        rf"(?:up\s+to\s+|not\s+more\s+than\s+|no\s+more\s+than\s+|до\s+|не\s+более\s+)?(?P<n>\d{{1,3}})"
        r"(?![\d.,]?\d)(?!\s*[(\w%$€₸])",
        re.IGNORECASE,
    )
    KAZAKH_CALENDAR_BEFORE = re.compile(r"(?:күнтізбелік|k[uüú]nt[iıі]zbel[iıі]k)\s+$", re.IGNORECASE)

    def _unit_first(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.UNIT_FIRST.finditer(passage.text):
            if re.search(r"\d[\s)]*$", passage.text[max(0, m.start() - 6):m.start()]):
                continue  # "3 working days - 2 752 tenge": the unit belongs to the number before it
            segment = passage.segment_text(m.start())
            if self.LAW_CLOCKWORK.search(segment) or self.PENALTY.search(segment):
                continue
            value = int(m.group("n"))
            if value > 0:
                yield RuleMatch(m.start(), m.end(), value, "working days" if m.group("w") else "calendar days")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        one_month = self.ONE_MONTH.finditer(passage.text) if self.ONE_MONTH_NEEDS.search(passage.text) else ()
        for m in one_month:
            segment = passage.segment_text(m.start())
            if not self.LAW_CLOCKWORK.search(segment) and not self.PENALTY.search(segment):
                yield RuleMatch(m.start(), m.end(), 1, "months")
        yield from self._slashed(passage)
        for m in self.pattern.finditer(passage.text):
            segment = passage.segment_text(m.start())
            if self.LAW_CLOCKWORK.search(segment) or self.PENALTY.search(segment):
                continue
            if self.OF_A_YEAR.match(passage.text, m.end()):
                continue
            if re.search(r"\d\s*/\s*$", passage.text[max(0, m.start() - 4):m.start()]):
                continue  # the last of "30/60/90 days" (read above) or of a fraction "1/2 day"
            if self.AN_AGE.search(passage.text, max(0, m.start() - 40), m.start()):
                continue  # an age in months, not a term
            if self.TRIP_LENGTH.search(passage.text, max(0, m.start() - 50), m.start()):
                continue  # how long a trip lasts, not a term of the service
            if self.IN_A_DATED_PERIOD.match(passage.text, m.end()):
                continue  # time served in a dated period, not a term of the service
            if self.PER_YEAR.match(passage.text, m.end()):
                continue  # an allowance of days per year
            if (self.PAID_FOR.search(passage.text, max(0, m.start() - 12), m.start())
                    and PAID_TO.search(segment)):
                continue  # how long a subsidy or payment runs
            low = to_number(m.group("n"))
            value = to_number(m.group("m") or m.group("n"))
            unit = (
                "working days" if m.group("w") else "calendar days" if m.group("c")
                else "minutes" if m.group("min") else "hours" if m.group("h") else "months" if m.group("mo")
                else "days"
            )
            if unit == "days" and self.KAZAKH_CALENDAR_BEFORE.search(passage.text, max(0, m.start() - 16), m.start()):
                unit = "calendar days"  # "күнтізбелік 20 күн": the Kazakh adjective stands before the number
            if value <= 0:
                continue
            if m.group("m") and 0 < low < value:
                yield RuleMatch(m.start(), m.end(), ValueRange(min=clean(low), max=clean(value)), unit)
                continue
            yield RuleMatch(m.start(), m.end(), clean(value), unit)
        yield from self._unit_first(passage)


class Validity(Rule):
    name = "Validity"
    key = "validity"
    description = (
        "How long a document is valid: `valid for 10 years`, `issued for a period of ten years`, `сроком на 10 лет`."
    )
    examples = (
        example("Срок действия паспорта и удостоверения личности - 10 лет.", (10, "years")),
        example("Срок действия удостоверения личности – 5 лет, паспорта – 10 лет.", (5, "years"), (10, "years"),
                note="two subjects in one sentence, a number each"),
        example("Validity of the passport of a citizen: ten years.", (10, "years")),
        example("The passport is issued for a period of ten years.", (10, "years")),
        example("The passport is issued for a period of 10 (ten) years.", (10, "years"), note="digits, words repeat"),
        example("выдается ВНЖ сроком на 10 лет с правом продления.", (10, "years")),
        example("issued for a period of validity for five years", (5, "years")),
        example("are issued a temporary residence permit for one year with the possibility", (1, "years")),
        example("generally valid for 10 years.", (10, "years")),
        example("10 жыл мерзімге беріледі", (10, "years")),
        example("вид на жительство выдается на 10 лет", (10, "years")),
        example("Куәлік 10 жылға беріледі.", (10, "years")),
        example("its validity period shall expire not earlier than 3 months",
                note="a passport's remaining validity demanded by a visa page is not the validity of what is issued"),
        example("The travel paper is good for one journey and is issued for a period not exceeding three months.",
                (3, "months"), note="a validity in months"),
        example("Справка действительна в течение 6 месяцев со дня выдачи.", (6, "months")),
        example("Куәлік 3 айға дейін беріледі.", (3, "months")),
        example("An extension of the status may be granted once, for a period of up to six months.", (6, "months"),
                note="'granted for' says how long the status holds"),
        example("The permit is granted for one year.", (1, "years")),
        example("The rules simplify issuing work permits to household workers for a term of up to 9 months.",
                (9, "months"), note="'issuing ... for a term': the gerund says it as 'issued' does"),
        example("Водительские права лишаются сроком на 6 месяцев.", note="a suspension term, not a validity"),
        example("Многократная виза:\n1 год - 150 евро", (1, "years"),
                note="a fee table's price tier by the visa's validity"),
        example("gives the right to stay in Kazakhstan for the period of the contract, but not more than one year",
                (1, "years")),
        example("Multiple-entry up to 3 years (for the first time the visa is issued up to 1 year).",
                (3, "years"), (1, "years")),
        example("A double-entry visa expires after more than a month, up to 2 years.", (2, "years"),
                note="'expires after ... up to N years': the visa's validity"),
    )
    patterns = tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            rf"valid(?:ity)?\s+(?:for|of)\s+(?:a\s+(?:period|term)\s+of\s+)?(?:up\s+to\s+)?(?P<n>{NUMBER})\s+{SPAN_EN}",
            rf"(?:issued|granted|issuing|granting)\b[^.;|]{{0,80}}?\bfor\s+(?:a\s+(?:period|term)\s+(?:of\s+)?)?(?:validity\s+)?(?:for\s+)?"
            rf"(?:up\s+to\s+)?{NOT_EXCEEDING}(?P<n>{NUMBER})\s+{SPAN_EN}",
            # "multiple-entry visas expire after more than a month and up to 2 years": the longest validity
            rf"expires?\s+after\b[^.;|]{{0,40}}?\bup\s+to\s+(?P<n>{NUMBER})\s+{SPAN_EN}",
            rf"validity\s+(?:period|term)\b[^.;|]{{0,60}}?(?:\bis|\bof|:|-|–|—)\s*(?:up\s+to\s+)?(?P<n>{NUMBER})\s+{SPAN_EN}"
            # "Validity of the passport of a citizen: ten years."
            rf"|validity\s+of\b[^.;|:]{{0,80}}:\s*(?:up\s+to\s+)?(?P<n2>{NUMBER})\s+{SPAN_EN}",
            # "сроком на 6 месяцев" also suspends a licence or bans entry: only years here
            rf"(?:сроком|на\s+срок)\s+(?:на\s+|до\s+)?(?P<n>{NUMBER}){RUS_YEARS}",
            rf"срок\w*\s+действия\b[^.;|]{{0,80}}?(?:[-–—:]|составляет)\s*(?:до\s+)?(?P<n>{NUMBER}){SPAN_RU}",
            rf"действител\w+\s+(?:в\s+течение\s+)?(?P<n>{NUMBER}){SPAN_RU}",
            rf"выда[её]\w*\b[^.;|]{{0,60}}?\bна\s+(?:срок\s+)?(?:не\s+более\s+|до\s+)?(?P<n>{NUMBER}){SPAN_RU}",
            rf"(?:right\s+to\s+stay|permit\s+is\s+issued|visa\s+is\s+issued)\b[^.;|]{{0,120}}?\b"
            rf"(?:not\s+more\s+than|no\s+more\s+than|up\s+to)\s+(?P<n>{NUMBER})\s+{SPAN_EN}",
            rf"(?:single|multiple)-entry\s+up\s+to\s+(?P<n>{NUMBER})\s+{YEARS}",
            rf"(?P<n>{NUMBER})\s+(?:жылға|айға)\s+(?:дейін\s+)?беріл\w*",
            rf"(?P<n>{NUMBER})\s+(?:жыл|ай)(?:ға|дық)?\s+(?:мерзімге|мерзімі|мерзімде)",
            rf"қолданылу\s+мерзімі\b[^.;|]{{0,60}}?(?P<n>{NUMBER})\s+(?:жыл|ай)\w*",
            rf"^\s*(?:до\s+|up\s+to\s+)?(?P<n>{NUMBER})\s*(?:год[а]?|лет|years?|жыл)(?![\w]){PRICE_AFTER}",
        )
    )
    # A word each pattern above cannot match without (same order), as in Age.needs.
    needs = tuple(
        re.compile(w, re.IGNORECASE)
        for w in (
            "valid", "issu|grant", "expire", "validity", "срок", "срок", "действител", "выда", "right|issued",
            "-entry", "беріл", "мерзім", "қолданылу", "год|лет|year|жыл",
        )
    )
    # "Срок действия паспорта – 10 лет, удостоверения личности – 5 лет": after a validity, further clauses of the
    # same sentence that give another subject its own number of years.
    CONTINUED = re.compile(
        rf"\s*[,;]\s*(?:(?:а|и|and)\s+)?[^,.;|\d()]{{1,60}}?\s*[-–—:]\s*(?:до\s+|up\s+to\s+)?"
        rf"(?P<n>{NUMBER})(?:{SPAN_RU}|\s+{SPAN_EN})",
        re.IGNORECASE,
    )
    needs_digit = False
    cue = re.compile(r"year|лет|год|жыл|month|месяц|ай")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        present: dict[str, bool] = {}
        for pattern, need in zip(self.patterns, self.needs, strict=True):
            if need.pattern not in present:
                present[need.pattern] = need.search(passage.text) is not None
            if not present[need.pattern]:
                continue
            for m in pattern.finditer(passage.text):
                yield from self._read(passage.text, m, "n" if m.group("n") is not None else "n2")
                end = m.end()
                while (more := self.CONTINUED.match(passage.text, end)) is not None:
                    yield from self._read(passage.text, more, "n")
                    end = more.end()

    @staticmethod
    def _read(text: str, m: re.Match[str], group: str) -> Iterator[RuleMatch]:
        value = to_number(m.group(group))
        months = bool(MONTH_WORD.search(text, m.end(group), m.end()))
        if 0 < value <= (120 if months else 100):
            yield RuleMatch(m.start(group), m.end(), clean(value), "months" if months else "years")


class Age(Rule):
    """An age threshold: the youngest age to apply, or the age below which something does not apply."""

    name = "Age"
    key = "age"
    description = "`from the age of 16`, `reached the age of sixteen`, `с 16 лет`, `16-летнего возраста`, `16 жастан`."
    examples = (
        example("Residence permit is issued to foreigners from the age of 16.", (16, "years")),
        example("issued to stateless persons who have reached the age of sixteen.", (16, "years")),
        example("Получить удостоверение личности вы имеете право с 16 лет.", (16, "years")),
        example("по достижении шестнадцатилетнего возраста", (16, "years")),
        example("Temporary residence permit is not needed for children under 16 years old.", (16, "years")),
        example("Notarized consent of a child aged 14 to 18 years", (14, "years"), (18, "years")),
        example("16 жастан бастап", (16, "years")),
        example("Passport is issued optionally irrespective of age.", (0, "years"), note="AgeIrrespective: any age"),
        example("Пятилетний срок проживания в стране должен быть непрерывным.",
                note="a span of years lived in the country, not an age"),
        example("Требуется не менее чем трехлетний стаж работы.", note="years of work, not an age"),
    )
    patterns = tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            rf"(?:from|at|after|since|reached|reaching|attained|attaining|turned|turning|under|over|below|above)"
            rf"\s+(?:the\s+)?age\s+of\s+(?P<n>{NUMBER})",
            rf"\baged?\s+(?P<n>{NUMBER})(?:\s*(?:to|-|–|and)\s*(?P<m>{NUMBER}))?\s+years?",
            rf"(?:under|over|below|above|older\s+than|younger\s+than)\s+(?P<n>{NUMBER})\s+years?",
            rf"(?P<n>{NUMBER})[\s-]+years?[\s-]+(?:old|of\s+age)",
            rf"\bот\s+(?P<n>{NUMBER})\s+до\s+(?P<m>{NUMBER}){RUS_YEARS}",
            rf"(?:\bс|\bдо|старше|младше|моложе|достигш\w+|достижении)\s+(?P<n>{NUMBER}){RUS_YEARS}",
            r"(?P<n>\d{1,2})\s*-?\s*(?:ти\s*)?летн\w*",
            rf"(?P<w>{'|'.join(sorted(AGE_STEMS, key=len, reverse=True))})летн\w*",
            rf"возраст\w*\s+(?:от\s+)?(?P<n>{NUMBER}){RUS_YEARS}",
            rf"(?P<n>{NUMBER})\s*-?\s*жас(?:тан|қа|та|ар|ында|қа\s+дейін\w*|қа\s+толған\w*)?(?![\w])",
        )
    )
    # A word each pattern above cannot match without (same order): a pattern is tried only on a block that has
    # its word, one short search instead of a long one (the sets of matches are the same).
    needs = tuple(
        re.compile(w, re.IGNORECASE)
        for w in ("age", "age", "year", "year", "лет|год", "лет|год", "летн", "летн", "возраст", "жас")
    )
    needs_digit = False
    cue = re.compile(r"age|лет|возраст|жас|year")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        present: dict[str, bool] = {}
        for pattern, need in zip(self.patterns, self.needs, strict=True):
            if need.pattern not in present:
                present[need.pattern] = need.search(passage.text) is not None
            if not present[need.pattern]:
                continue
            for m in pattern.finditer(passage.text):
                groups = m.groupdict()
                if groups.get("w"):
                    values = [(m.start("w"), m.end(), float(AGE_STEMS[m.group("w").lower()]))]
                else:
                    values = [(m.start("n"), m.end("n"), to_number(m.group("n")))]
                    if groups.get("m"):
                        values.append((m.start("m"), m.end("m"), to_number(m.group("m"))))
                if self.A_SPAN.match(passage.text, m.end()):
                    continue  # "пятилетний срок проживания": a span of years, not an age
                for start, end, value in values:
                    if 1 <= value <= 100 and value == int(value):
                        yield RuleMatch(start, end, int(value), "years")

    # "пятилетний срок проживания", "трехлетнего стажа": how long something lasted, not how old someone is.
    A_SPAN = re.compile(r"\s+(?:срок|стаж|период|перерыв|давност|проживани|пребывани|брак)\w*", re.IGNORECASE)


class AgeLabelled(Rule):
    """Ages listed under an age label without the word years, as in an infobox or a table row."""

    name = "AgeLabelled"
    key = "age"
    description = "`Eligibility: 18 (cars), 16 (motorcycles)`, a cell `16` under a label `Возраст` -> ages."
    examples = (
        example(
            "Eligibility: 18 (cars), 16 (motorcycles), 21 (buses and commercial vehicles)",
            (18, "years"), (16, "years"), (21, "years"),
        ),
        example("Minimum age | 16", (16, "years")),
        example("Processing: 15 (working days)", note="not an age label"),
    )
    LABEL = r"(?:eligibility|minimum\s+age|age\s+limit|age|минимальный\s+возраст|возраст|жас\s+шегі|жасы)"
    ITEM = r"\d{1,2}(?:\s*\([^()]{1,60}\))?"
    pattern = re.compile(
        rf"(?<![\w]){LABEL}\s*[:|]\s*(?P<list>{ITEM}(?:\s*[,;]\s*{ITEM})*)(?=\s*(?:[.;|]|$))", re.IGNORECASE
    )
    number = re.compile(r"(?<![\d(])\d{1,2}(?![\d])")
    cue = re.compile(r"eligib|age|возраст|жас")

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            listing = m.group("list")
            for n in self.number.finditer(re.sub(r"\([^()]*\)", lambda p: " " * len(p.group()), listing)):
                value = int(n.group())
                if 1 <= value <= 100:
                    start = m.start("list") + n.start()
                    yield RuleMatch(start, start + len(n.group()), value, "years")
