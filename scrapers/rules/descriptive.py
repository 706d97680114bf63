"""Facts stated in words rather than numbers: the eGov service code, and an age rule stated as a negative
("issued irrespective of age", which the registry keeps as a minimum age of 0)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.leads import with_lead


class ServiceCode(Rule):
    name = "ServiceCode"
    key = "service.code"
    group = "service-code"
    needs_digit = True
    description = "`Service code: pass003_mvd`, `Код услуги: 00203002_mvd`, `Қызмет коды: ...` -> the code."
    examples = (
        example("Service code: pass003_mvd", ("pass003_mvd", None)),
        example("Код услуги: 00203002_mvd", ("00203002_mvd", None)),
        example("Қызмет коды – 009pass_mvd", ("009pass_mvd", None)),
        example("Call centre: 1414", note="no service-code label"),
    )
    cue = re.compile(r"service code|код услуги|қызмет коды")
    pattern = re.compile(
        r"(?:service\s+code|код\s+услуги|қызмет\s+коды)\s*[:–—-]\s*(?P<code>[0-9a-z]*\d[0-9a-z]*_[a-z]{2,8})\b",
        re.IGNORECASE,
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start("code"), m.end("code"), m.group("code").lower(), None)


class AgeIrrespective(Rule):
    """A document issued at any age: a minimum age of 0, stated as a negative."""

    name = "AgeIrrespective"
    key = "age"
    group = "age-any"
    needs_digit = False
    description = "`issued irrespective of age`, `regardless of age`, `независимо от возраста`, `жасына қарамастан`."
    examples = (
        example("Passport of the Republic of Kazakhstan citizen is issued irrespective of age.", (0, "years")),
        example("выдается независимо от возраста", (0, "years")),
        example("жасына қарамастан беріледі", (0, "years")),
        example("issued from the age of 16", (16, "years"), note="a threshold: read by Age, not this rule"),
    )
    cue = re.compile(r"irrespective|regardless|независимо|қарамастан")
    pattern = re.compile(
        r"(?:irrespective|regardless)\s+of\s+(?:the\s+)?age|независимо\s+от\s+возраста|жасына\s+қарамастан",
        re.IGNORECASE,
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            yield RuleMatch(m.start(), m.end(), 0, "years")


class FileFormat(Rule):
    """The file format a digital photo or scan must have."""

    name = "FileFormat"
    key = "file.format"
    group = "file-format"
    needs_digit = False
    description = "`in JPEG format`, `JPEG форматта`, `файл формата JPG`, `PDF format` -> JPEG / PNG / PDF."
    examples = (
        example("өлшемі 1 МБ аспайтын JPEG форматта 3×4 графикалық файл", ("JPEG", None)),
        example("The photo must be a file in JPG format.", ("JPEG", None)),
        example("scan in PDF format", ("PDF", None)),
        example("attach a scan of the receipt in pdf or jpeg (jpg) format", ("PDF", None), ("JPEG", None)),
        example("Please bring the printed form", note="no file format named"),
    )
    cue = re.compile(r"jpe?g|png|pdf")
    _fmt = r"(?:jpe?g|png|pdf)\b(?:\s*\(\s*(?:jpe?g|png|pdf)\s*\))?"
    # One format or a list of them ("pdf or jpeg (jpg) format", "JPG, PNG форматында") before the word format.
    pattern = re.compile(
        rf"(?P<f>{_fmt}(?:\s*(?:,|/|\bor\b|\band\b|\bили\b|\bи\b|\bнемесе\b)\s*{_fmt})*)\s*(?:format\w*|форма\w*|файл\w*)"
        r"|(?:format\w*|формат\w*)\s+(?:of\s+)?(?P<g>jpe?g|png|pdf)\b",
        re.IGNORECASE,
    )
    _one = re.compile(r"jpe?g|png|pdf", re.IGNORECASE)

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            group = "f" if m.group("f") else "g"
            seen: set[str] = set()
            for token in self._one.finditer(m.group(group)):
                name = token.group().upper()
                name = "JPEG" if name in ("JPG", "JPEG") else name
                if name not in seen:
                    seen.add(name)
                    start = m.start(group) + token.start()
                    yield RuleMatch(start, start + len(token.group()), name, None)


class DigitalSignature(Rule):
    """An online application signed with a digital signature (EDS / ЭЦП / ЭЦҚ)."""

    name = "DigitalSignature"
    key = "application.digital_signature"
    group = "signature"
    needs_digit = False
    description = "`Sign a request with digital signature`, `Using EDS`, `подписать ЭЦП`, `ЭЦҚ арқылы` -> true."
    examples = (
        example("4. Sign a request with digital signature", (True, None)),
        example("Өтінішке ЭЦҚ (электрондық цифрлық қолтаңба) арқылы қол қойылады", (True, None)),
        example("подписать запрос с помощью ЭЦП", (True, None)),
        example("Sign the form by hand", note="a handwritten signature"),
        example("sign the request digitally on the portal", (True, None)),
        example(
            "an electronic copy certified by the digital signature of an authorised archive employee",
            note="an official certifying a copy, not the applicant signing",
        ),
    )
    cue = re.compile(r"signature|eds|эцп|эцқ|қолтаңба|digital")
    pattern = re.compile(
        r"digital\s+signature|\bEDS\b|\bЭЦП\b|\bЭЦҚ\b|электрондық\s+цифрлық\s+қолтаңба|digitally\s+sign\w*"
        r"|\bsign\w*\s+(?:\w+\s+){0,3}?(?:digitally|(?:using|with|by)\s+(?:an?\s+|the\s+|your\s+)?digital)\b",
        re.IGNORECASE,
    )
    # A signature an official puts on a copy he certifies is not the applicant signing the application.
    _OFFICIALS = re.compile(
        r"^\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:employee|official|officer|notary|director|archivist|head)"
        r"|^\s+(?:должностн|сотрудник|работник|нотариус)",
        re.IGNORECASE,
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for m in self.pattern.finditer(passage.text):
            if not self._OFFICIALS.search(passage.text[m.end():m.end() + 60]):
                yield RuleMatch(m.start(), m.end(), True, None)
                return


class IssuingBody(Rule):
    """Which body issues the document, named in a small vocabulary so that rewording does not change it."""

    name = "IssuingBody"
    key = "issuing_body"
    group = "issuer"
    needs_digit = False
    description = "`is issued by the Ministry of Internal Affairs`, `выдается МВД`, `ІІМ береді` -> the body's name."
    examples = (
        example(
            "The passport is issued by the Ministry of Internal Affairs of the Republic of Kazakhstan through the "
            "branches of the Public Corporation.", ("Ministry of Internal Affairs", None),
        ),
        example("Жеке куәлікті ҚР Ішкі істер министрлігі береді.", ("Ministry of Internal Affairs", None)),
        example("Паспорт выдается Министерством иностранных дел", ("Ministry of Foreign Affairs", None)),
        example("The Ministry of Internal Affairs published new rules.", note="publishing is not issuing"),
        example("The internal affairs bodies shall issue the permit.", ("Ministry of Internal Affairs", None)),
        example("A letter issued by the Ministry of Internal Affairs is attached.",
                note="'issued by' without 'is': it names the issuer of another paper"),
        example("The return certificate is issued by consulates of Kazakhstan.", ("foreign mission", None)),
        example(
            "Rules for consideration by the internal affairs bodies of applications on the issues of "
            "citizenship",
            note="'the issues of' is a matter, not issuing",
        ),
    )
    cue = re.compile(r"issue|выда|береді|беріледі")
    BODIES = (
        ("Ministry of Internal Affairs", r"Ministry\s+of\s+Internal\s+Affairs|Министерств\w+\s+внутренних\s+дел|МВД"
                                         r"|Ішкі\s+істер\s+министрлігі\w*|ІІМ|internal\s+affairs\s+bodies"
                                         r"|орган\w*\s+внутренних\s+дел|ішкі\s+істер\s+органдар\w*"),
        ("Ministry of Foreign Affairs", r"Ministry\s+of\s+Foreign\s+Affairs|Министерств\w+\s+иностранных\s+дел|МИД"
                                        r"|Сыртқы\s+істер\s+министрлігі\w*|СІМ"),
        ("foreign mission", r"diplomatic\s+missions?|consulates?|embass(?:y|ies)|foreign\s+(?:missions?|institutions?)"
                            r"|загранучреждени\w*|консульск\w+\s+учреждени\w*|посольств\w*|консулдық\s+мекеме\w*"
                            r"|елшілі\w*"),
    )
    ISSUE = re.compile(
        with_lead(
            # "is issued by", not "a letter issued by": the bare participle names another paper's issuer
            r"is\s+(?:\w+\s+)?issued\s+by|are\s+(?:\w+\s+)?issued\s+by|was\s+(?:\w+\s+)?issued\s+by"
            r"|were\s+(?:\w+\s+)?issued\s+by|be(?:en)?\s+(?:\w+\s+)?issued\s+by"
            r"|issues(?<!the\sissues)(?!\s+of\b)|shall\s+issue|выда[её]т(?:ся)?|выдается|выдают|береді|беріледі",
            ignorecase=True,
        ),
        re.IGNORECASE,
    )
    # Compiled once, with a first-letter look-ahead (the same matches, found sooner).
    _BODIES = tuple((name, re.compile(with_lead(p, ignorecase=True), re.IGNORECASE)) for name, p in BODIES)

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        for name, pattern in self._BODIES:
            for m in pattern.finditer(passage.text):
                sentence = passage.segment_text(m.start())
                if self.ISSUE.search(sentence):
                    yield RuleMatch(m.start(), m.end(), name, None)
                    break
