"""Where one can apply: the eGov portal, a public service centre, the state body itself, a Kazakh foreign mission,
the visa-migration portal, the e-licensing portal, post. Stated in words, so each channel is a small vocabulary in
English, Russian and Kazakh, and a mention counts only where the sentence (or the heading above it) speaks of
applying, submitting, contacting or getting the service: a law's preamble naming the Consular Service Department
as the body that registers the order is not a way to apply.

The value is the list of channels one sentence names, in a fixed vocabulary (``CHANNELS``); registry profiles
word their `application.channels` freely, and no source evidence observes this key yet, so the verifier does not
compare these readings with the registry (a new key raises no finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.rules.base import Passage, Rule, RuleMatch, example
from scrapers.rules.leads import with_lead
from scrapers.segments import segment_at

EGOV = "egov portal"
PSC = "public service centre"
STATE_BODY = "state body"
MISSION = "foreign mission"
VMP = "visa-migration portal"
ELICENSE = "e-licensing portal"
POST = "post"
CHANNELS = (EGOV, PSC, STATE_BODY, MISSION, VMP, ELICENSE, POST)


def _c(pattern: str) -> re.Pattern[str]:
    """Compiled with a first-character look-ahead where it can be read (scrapers/rules/leads.py): same matches."""
    return re.compile(with_lead(pattern, ignorecase=True), re.IGNORECASE)


# Portals other than eGov: named first, so that their "portal" is not also read as the eGov portal.
_VMP = _c(r"vmp\.gov\.kz|visa\s+(?:and\s+)?migration\s+portal|визов\w*[\s-]+миграционн\w+\s+портал\w*"
          r"|визалық[\s-]+көші-қон\s+портал\w*")
_ELICENSE = _c(r"e-?licens\w*\s+portal|elicense\.kz|портал\w*\s+[«\"]?электронного\s+лицензирования"
               r"|электрондық\s+лицензиялау\s+портал\w*")
# The state information system of permits and notifications (the system behind elicense.kz), named in words: a
# channel only where its sentence speaks of applying (the title of the rules that run it is not).
_PERMIT_SYSTEM = _c(r"(?:online|information|state)\s+system\s+of\s+permi(?:ssions|ts)\s+and\s+notifications"
                    r"|систем\w*\s+разрешений\s+и\s+уведомлений"
                    r"|рұқсаттар\s+мен\s+хабарламалар\w*\s+(?:мемлекеттік\s+)?ақпараттық\s+жүйе\w*")
PERMIT_SYSTEM = "permit system"  # read as ELICENSE once the sentence is found to speak of applying
_OTHER_PORTAL = _c(r"licens|лицензи|лицензиял|vmp|migration\s+portal|миграционн\w+\s+портал|көші-қон\s+портал"
                   r"|social\s+services?\s+portal|әлеуметтік|astanahub|e-?qonaq")
_EGOV = _c(r"egov\.kz|e-?gov(?:ernment)?\s+portal|\bportal\w*|портал\w*")
_EGOV_NAMED = _c(r"egov|e-gov|электронного\s+правительства|электрондық\s+үкімет|electronic\s+government")
_PSC = _c(r"government\s+for\s+citizens|public\s+service\s+cent(?:er|re)s?|\bPSC\b|\bCSC\b|state[\s-]+(?:owned\s+)?"
          r"corporation|public\s+corporation|service\s+cent(?:er|re)s\s+of\s+the\s+population|\bЦОН\w*"
          r"|правительство\s+для\s+граждан|государственн\w+\s+корпораци\w+|\bХҚКО\w*|азаматтарға\s+арналған\s+үкімет"
          r"|мемлекеттік\s+корпорация\w*|халыққа\s+қызмет\s+көрсету\s+орталығ\w*|\bХҚО\w*"
          r"|центр\w*\s+обслуживания\s+населения")
_MISSION = _c(r"\bembass\w+|\bconsulat\w+|consular\s+(?:section|office|department|unit|institution)s?"
              r"|diplomatic\s+missions?|foreign\s+(?:missions?|institutions?|offices)|overseas\s+institutions?"
              r"|посольств\w*|генконсульств\w*|\bконсульств\w*|консульск\w+\s+(?:отдел|учреждени|пункт)\w*"
              r"|загранучреждени\w*|дипломатическ\w+\s+представительств\w*|елшілі\w*|консулдығ\w*"
              r"|консулдық\s+(?:бөлім|мекеме)\w*|шетелдегі\s+мекеме\w*")
_NOT_OURS = _c(r"^\s+of\s+(?:that|the|a)\s+(?:foreign\s+)?(?:country|state)|^\s+иностранн")
_THEIRS_BEFORE = _c(r"(?:foreign|иностранн\w+|шет\s+мемлекеттің)\s+(?:diplomatic\s+)?$")
_NO_VISIT_BEFORE = _c(r"(?:without|non-?|no\s+need\s+to)\s*visit\w*\s+(?:an?\s+|the\s+)?$|без\s+посещени\w+\s+$")
# Being registered on the portal, or seeing a result in one's account there, is not applying through it.
_NOT_APPLYING_BEFORE = _c(r"(?:registered|account)\s+(?:on|in|at)\s+(?:the\s+)?$")
_STATE_BODY = _c(
    r"\b(?:in|at|from|to)\s+(?:a\s+|the\s+)?(?:state|government)\s+(?:body|agency)"
    r"|\b(?:to|through|via|at)\s+(?:the\s+)?service\s+provider|услугодател\w*|көрсетілетін\s+қызметті\s+берушіге"
    r"|\b(?:to|at|in)\s+the\s+(?:relevant\s+)?(?:licensing|authori[sz]ed|competent)\s+(?:authority|body)"
    # "submits a request to the local subdivision of the authorized body"
    r"|\bto\s+the\s+(?:local\s+|territorial\s+)?(?:subdivision|division|unit)s?\s+of\s+the\s+(?:authori[sz]ed"
    r"|competent)\s+(?:authority|body)"
    r"|\bв\s+орган\s+по\s+месту\s+(?:своего\s+)?(?:жительства|нахождения)"
    r"|\b(?:submit\w*|appl(?:y|ied|ies)|address\w*)\s+(?:\w+\s+){0,4}?to\s+the\s+ministry\s+of\s+\w+\s+\w+"
    r"|\b(?:in|at|to)\s+(?:the\s+|a\s+)?(?:civil\s+)?registry\s+offices?|\bв\s+(?:орган\w*\s+)?ЗАГС\w*"
    # "visit the civil act record registration at the set time": the registry office named by what it does
    r"|\b(?:to|at|in|visit)\s+(?:the\s+)?civil\s+(?:status\s+)?acts?\s+(?:records?\s+)?registration"
    r"(?:\s+(?:office|body|department)s?)?"
    r"|\b(?:service|get|obtain\w*)\s+(?:\w+\s+){0,2}in\s+the\s+ministry\s+of"
    r"|department\s+of\s+consular\s+services?|consular\s+services?\s+department|департамент\w*\s+консульской\s+службы"
    r"|консулдық\s+қызмет\s+департамент\w*"
    # The police and migration units are a channel where one goes TO them (not where they are the subject
    # that issues or considers something).
    r"|\b(?:to|at|in|with|contact)\s+(?:the\s+)?(?:local\s+)?(?:department\s+of\s+internal\s+affairs"
    r"|internal\s+affairs\s+bodies|migration\s+(?:service|police)(?:\s+(?:units?|office|department))?|police)"
    r"|\bв\s+(?:органы\s+внутренних\s+дел|подразделени\w+\s+миграционн\w+\s+(?:службы|полиции))"
    r"|ішкі\s+істер\s+органдарына|көші-қон\s+(?:қызметіне|полициясына)"
    r"|в\s+государственн\w+\s+орган\w*|мемлекеттік\s+орган(?:ғ?а|нан)"
    # "filed with the local executive bodies", "в местный исполнительный орган", "жергілікті атқарушы органға"
    r"|\b(?:with|to|at|in)\s+(?:the\s+)?(?:relevant\s+)?local\s+executive\s+bod(?:y|ies)"
    r"|\bв\s+местн\w+\s+исполнительн\w+\s+орган\w*|жергілікті\s+атқарушы\s+орган(?:ға|дарға)|\bМИО\b"
    # the service provider's own office, and the employment (career) centre a job seeker goes to
    r"|қызметті\s+берушінің\s+кеңсе\w*|office\s+of\s+the\s+service\s+provider|service\s+provider's\s+office"
    r"|жұмыспен\s+қамту\s+орталығ\w*|центр\w*\s+занятости|карьерн\w+\s+центр\w*"
    r"|\b(?:to|at|in)\s+(?:the\s+|a\s+)?(?:local\s+)?(?:employment|career)\s+cent(?:er|re)s?"
)
# Rarer state-body phrases, each searched only where its cheap cue is in the text (the long pattern above runs on
# every page): a ministry's local unit one goes to ("apply to a local agency of the Ministry of Internal Affairs");
# the body that takes the papers ("internal affairs agencies ... accept documents", "органы внутренних дел принимают
# документы") -- its considering a request is not; a school or college that takes the papers itself ("or directly to
# an educational organization (school)"), not "enrolment in educational organizations", the service's name.
_STATE_BODY_RARE = (
    (re.compile(r"ministry\s+of", re.IGNORECASE), _c(
        r"\b(?:to|at|in|with)\s+(?:the\s+|a\s+)?(?:local\s+|territorial\s+)?(?:agenc(?:y|ies)|bod(?:y|ies)|division"
        r"|unit)\s+of\s+the\s+ministry\s+of\b")),
    (re.compile(r"accept|принима|қабылдай", re.IGNORECASE), _c(
        r"(?:internal\s+affairs|migration\s+police|migration\s+service)\s+(?:bodies|agencies|units?)\s+(?:\w+\s+){0,4}?"
        r"accept\w*\s+(?:the\s+)?(?:documents|applications)"
        r"|(?:органы\s+внутренних\s+дел|подразделени\w+\s+миграционн\w+\s+(?:службы|полиции))\s+(?:\w+\s+){0,3}?"
        r"принима\w+\s+(?:документ|заявлени)"
        r"|ішкі\s+істер\s+органдары\s+(?:\w+\s+){0,3}?(?:құжаттарды|өтініштерді)\s+қабылдай")),
    (re.compile(r"educational\s+(?:organi|institu)|организаци[юи]\s+образования|білім\s+беру\s+ұйым", re.I), _c(
        r"\b(?:directly|submit\w*|appl(?:y|ies|ied)|sen[dt]\w*|hand\w*\s+in|file[sd]?)\s+(?:[\w-]+\s+){0,6}?to\s+"
        r"(?:an\s+|the\s+)?(?:educational|education)\s+(?:organi[sz]ation|institution)s?\b"
        r"|\bв\s+организаци[юи]\s+образования(?=\s*(?:\(|по\s+месту|лично|напрямую|непосредственно|$|[,.;]))"
        r"|білім\s+беру\s+ұйым(?:ына|дарына)")),
)
# The words every state-body phrase contains: one cheap search before the long pattern above.
_STATE_BODY_WORDS = _c(
    r"body|agency|provider|услугодател|беруші|ministry|consular\s+service|консульской\s+службы|консулдық\s+қызмет"
    r"|internal\s+affairs|migration|police|внутренних\s+дел|миграционн|ішкі\s+істер|көші-қон|registry|загс|civil"
    r"|государственн|мемлекеттік\s+орган|орган\s+по\s+месту|licensing|authori[sz]ed|competent"
    r"|local\s+executive|исполнительн|атқарушы|МИО|кеңсе|office|жұмыспен|занятости|карьерн|employment|career"
)
_POST = _c(r"\bby\s+(?:post|mail)\b|\bpostal\s+applications?|по\s+почте|почтой|пошта\s+арқылы")
_EMAIL = _c(r"e-?mail|электронн\w+\s+почт")
_REFUSED = _c(r"not\s+accepted|не\s+принима|қабылданбайды")
# A form's field answered "no" ("Provision of services through the Portal: no"): the channel is not offered. The
# answer on the line below the field is read by scrapers.extract (``ANSWER_NO``).
ANSWER_NO = re.compile(r"(?:no|нет|жоқ|not\s+provided|не\s+предусмотрен\w*|қарастырылмаған)\.?", re.IGNORECASE)
_ANSWERED_NO = re.compile(rf"(?:[:|–—-]|\s-)\s*{ANSWER_NO.pattern}\s*$", re.IGNORECASE)
# "The term for consideration of the materials in the internal affairs bodies, foreign missions and the Ministry
# shall not exceed 30 days": the bodies that consider a case one after another, not places to apply; such a sentence
# names a channel only with an explicit verb of handing in.
_CONSIDERATION_TERM = _c(r"(?:term|period|time)\s+(?:for|of)\s+(?:the\s+)?consideration|срок\w*\s+рассмотрени"
                         r"|қарау\s+мерзім")
_HAND_IN = _c(r"\bsubmi|\bappl(?:y|ies)\s+(?:to|at|through|via)|\bhand\w*\s+in|\bпода(?:[её]т|ют|ть|ется|ются)"
              r"|обрат|обращ|тапсыр|жүгін|\bthrough\b|\bvia\b|через|посредством|арқылы")
# The sentence (or its heading) speaks of applying through the place it names.
_APPLY = _c(
    r"appl(?:y|ie|ica|ying)|submi|contact|visit|address|get|obtain|receiv|fill|log\s+in|sign\s+in|авториз|order\s+(?:the\s+)?(?:service|online)|request|online"
    r"|through|via|\bat\b|register|legali[sz]|report|return|hand\s+in|carried\s+out|in\s+person"
    r"|обрат|обращ|пода|предостав|представ(?!ительств)|сообщ|сдат|получ|посещ|регистрац|оформ|легализ|через|посредством"
    r"|заполн|производится|выполняют|осуществля|электронн"
    r"|жүгін|тапсыр|толтыр|ұсын|хабарла|тіркел|ресімде|арқылы|алу|береді|беріледі|жүзеге"
    # "Прием заявления ... через:", "Өтінішті қабылдау ...:": where applications are taken
    r"|өтініш|қабылда|при[её]м\w*\s+(?:заявлени|документ)"
    # "... agencies accept documents only from the applicant": where the papers are taken
    r"|accept\w*\s+(?:the\s+)?(?:documents|applications|papers)|принима\w*\s+(?:документ|заявлени)"
    # "the service is available on the portal": where the service itself is offered
    r"|(?:service|услуг|қызмет)[^.;|]{0,80}?(?:\bavailable|доступн|қолжетімді)"
)


class ApplicationChannels(Rule):
    """Where one can apply, as a list of channels per sentence."""

    name = "ApplicationChannels"
    key = "application.channels"
    group = "channels"
    needs_digit = False
    description = (
        "`apply through the portal or a public service centre`, `обратиться в ЦОН`, `консулдық бөлімге тапсыру`"
        " -> [egov portal, public service centre, state body, foreign mission, visa-migration portal,"
        " e-licensing portal, post]."
    )
    examples = (
        example("You may apply at a public service centre or through the eGov portal.", ([PSC, EGOV], None)),
        example("Заявление можно подать в любой ЦОН.", ([PSC], None)),
        example("Құжаттарды Қазақстан Республикасының елшілігіне тапсыру қажет.", ([MISSION], None)),
        example("Documents go by post or to the consular section in person.", ([POST, MISSION], None)),
        example("Hand the papers to the service provider, or submit them online on the visa and migration portal.",
                ([STATE_BODY, VMP], None)),
        example("Applications sent by post are not accepted.", note="a refused channel is not a channel"),
        example("The Consular Service Department shall publish this order.", note="no applying in the sentence"),
        example("Certify the papers at the embassy of that country.", note="a foreign state's embassy"),
        example("The e-visa lets one travel without visiting an embassy.", note="a mission one need not visit"),
        example("The internal affairs bodies shall consider the request.", note="the police as subject, not a place"),
        example("The result appears in your personal account on the portal.", note="an account is not a channel"),
        example("Notices go through vmp.gov.kz or egov.kz.", ([VMP, EGOV], None)),
        example("The host sends the papers to the Ministry of Foreign Affairs.", note="no applying word: 'sends'"),
        example("The applicant must submit these papers to the Ministry of Foreign Affairs.", ([STATE_BODY], None)),
        example("Birth is registered in the registry office of the district.", ([STATE_BODY], None)),
        example("Provision of the service through the Portal\n\nno", note="a form's field answered 'no' below it"),
        example("Оказание услуги через Государственную корпорацию: нет", note="the same answered on its line"),
        example("Provision of the service through the Portal\n\nyes", ([EGOV], None)),
        example("Applications are accepted through the service provider or the egov.kz portal.",
                ([STATE_BODY, EGOV], None)),
        example("Граждане подают в орган по месту своего жительства письменное заявление.", ([STATE_BODY], None)),
        example("The papers are submitted to the relevant licensing authority or to the State Corporation.",
                ([STATE_BODY, PSC], None)),
        example("The service is now available on the portal and in the eGov Mobile app.", ([EGOV], None),
                note="where the service itself is offered"),
        example("Текст закона доступен на портале.", note="a text on the portal is not a service offered there"),
        example("Applications are filed with the local executive bodies, also through the online system of permits "
                "and notifications.", ([STATE_BODY, ELICENSE], None), note="the permit system named in words"),
        example("Заявление подается в местный исполнительный орган по месту жительства.", ([STATE_BODY], None)),
        example("Прием заявления осуществляется через:\n1) МИО районов;\n2) Государственную корпорацию.",
                ([STATE_BODY], None), ([PSC], None), note="'МИО': the local executive body"),
        example("Өтінішті қабылдау:\nкөрсетілетін қызметті берушінің кеңсесі;\nХалыққа қызмет көрсету орталығы (ХҚО).",
                ([STATE_BODY], None), ([PSC], None), note="the provider's office and the PSC by its full name"),
        example("Жұмыс іздеуші тұрғылықты жеріндегі халықты жұмыспен қамту орталығына жүгінеді.", ([STATE_BODY], None),
                note="the employment centre"),
        example("The job seeker applies to the local employment centre.", ([STATE_BODY], None)),
        example("Рұқсаттар мен хабарламалардың мемлекеттік ақпараттық жүйесінің жұмыс істеу қағидалары",
                note="the title of the system's rules: no applying"),
        example("To give up citizenship, apply to a local agency of the Ministry of Internal Affairs with the papers.",
                ([STATE_BODY], None), note="a ministry's local unit one goes to"),
        example("Papers are handed in personally; internal affairs agencies may not accept documents from agents.",
                ([STATE_BODY], None), note="the body that takes the papers"),
        example("Органы внутренних дел принимают документы только у самого заявителя.", ([STATE_BODY], None)),
        example("Send the request through the eGov portal or directly to an educational organization (school).",
                ([EGOV, STATE_BODY], None), note="the school that takes the papers itself"),
        example("Applications for enrollment in educational organizations are filed online.",
                note="the service's name, not a place to go"),
        example("The quota gives a right of admission to an educational institution; apply on the portal.",
                ([EGOV], None), note="admission to a school is what one gets, not where one applies"),
        example("The term of consideration is longer for applications received through the State Corporation.",
                ([PSC], None), note="'received through' names where one applied"),
        example("The term for consideration of an application on citizenship in the police, foreign missions and "
                "the ministry shall not exceed 30 days in each of them.",
                note="bodies that consider the case in turn, not places to apply"),
        example("Срок рассмотрения заявления в загранучреждении составляет три месяца.",
                note="the same in Russian"),
        example("The term for consideration starts when the papers are submitted at the embassy.",
                ([MISSION], None), note="an explicit verb of handing in keeps the channel"),
        example("Visit the civil act record registration on the day set.", ([STATE_BODY], None),
                note="the registry office named by what it does"),
        example("One submits a petition to the local subdivision of the authorized body within a week.",
                ([STATE_BODY], None)),
        example("1. Порталда авторизациядан өтіп, «Сұрату» батырмасын басыңыз.", ([EGOV], None),
                note="'авторизациядан өтіп': logging in on the portal"),
        example("Қызметті мемлекеттік органнан алу үшін:", ([STATE_BODY], None),
                note="getting the service from the state body"),
    )
    cue = re.compile(
        r"portal|портал|vmp|egov|e-gov|licens|citizens|азаматтарға|public service|psc|csc|цон|хқко|corporation"
        r"|корпорац|embass|consul"
        r"|консул|посольств|загранучрежд|дипломатическ|елшілі|mission|institution|offices|state body|state agency"
        r"|government agency|service provider|услугодат|берушіге|internal affairs|внутренних дел|ішкі істер"
        r"|police|migration|көші-қон|registry|загс|ministry|post|mail|почт|пошта|орган|executive bod|мио|кеңсе"
        r"|office|орталығ|центр|employment|career|хқо|educational|образования|білім беру"
        r"|system of permi|разрешений и уведомлений|рұқсаттар мен хабарлама|civil|authori[sz]ed bod|competent bod",
    )

    def find(self, passage: Passage) -> Iterator[RuleMatch]:
        heading = passage.context or ""
        by_sentence: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        for channel, mentions in self._mentions(passage.text):
            for start, end in mentions:
                span = self._sentence(passage, start)
                by_sentence.setdefault(span, []).append((start, end, channel))
        for (s, e), found in sorted(by_sentence.items()):
            sentence = passage.text[s:e]
            if not (_APPLY.search(sentence) or _APPLY.search(heading)):
                found = [f for f in found if f[2] in (VMP, ELICENSE)]
            systems = [f for f in found if f[2] == PERMIT_SYSTEM]
            if systems:  # the system's own name ("...хабарламалар...") is not the applying word
                blanked = list(sentence)
                for start, end, _ in systems:
                    blanked[start - s:end - s] = " " * (end - start)
                if not (_APPLY.search("".join(blanked)) or _APPLY.search(heading)):
                    found = [f for f in found if f[2] != PERMIT_SYSTEM]
            if _POST.search(sentence) and _REFUSED.search(sentence):
                found = [f for f in found if f[2] != POST]
            if _ANSWERED_NO.search(sentence):
                found = []
            if _CONSIDERATION_TERM.search(sentence) and not _HAND_IN.search(sentence):
                found = []
            found.sort()
            names: list[str] = []
            for _, _, channel in found:
                channel = ELICENSE if channel == PERMIT_SYSTEM else channel
                if channel not in names:
                    names.append(channel)
            if names:
                yield RuleMatch(found[0][0], found[-1][1], names, None)

    @staticmethod
    def _sentence(passage: Passage, position: int) -> tuple[int, int]:
        span = segment_at(passage.spans, position)
        return (span[0], span[1]) if span else (0, len(passage.text))

    @staticmethod
    def _mentions(text: str) -> Iterator[tuple[str, list[tuple[int, int]]]]:
        taken: list[tuple[int, int]] = []

        def free(m: re.Match[str]) -> bool:
            return not any(s < m.end() and m.start() < e for s, e in taken)

        for channel, pattern in ((VMP, _VMP), (ELICENSE, _ELICENSE), (PERMIT_SYSTEM, _PERMIT_SYSTEM)):
            spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
            taken.extend(spans)
            yield channel, spans
        egov = []
        for m in _EGOV.finditer(text):
            named = _EGOV_NAMED.search(text[max(0, m.start() - 30):m.end() + 30]) is not None
            if (free(m) and (named or not _OTHER_PORTAL.search(text[max(0, m.start() - 60):m.end() + 60]))
                    and not _NOT_APPLYING_BEFORE.search(text[max(0, m.start() - 30):m.start()])):
                egov.append((m.start(), m.end()))
        yield EGOV, egov
        yield PSC, [(m.start(), m.end()) for m in _PSC.finditer(text)]
        yield MISSION, [
            (m.start(), m.end()) for m in _MISSION.finditer(text)
            if not _NOT_OURS.search(text[m.end():m.end() + 40])
            and not _THEIRS_BEFORE.search(text[max(0, m.start() - 30):m.start()])
            and not _NO_VISIT_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        ]
        bodies = [(m.start(), m.end()) for m in _STATE_BODY.finditer(text)] if _STATE_BODY_WORDS.search(text) else []
        for cue, pattern in _STATE_BODY_RARE:
            if cue.search(text):
                bodies.extend((m.start(), m.end()) for m in pattern.finditer(text))
        if bodies:
            yield STATE_BODY, sorted(bodies)
        yield POST, [(m.start(), m.end()) for m in _POST.finditer(text)
                     if not _EMAIL.search(text[max(0, m.start() - 20):m.end() + 5])]
