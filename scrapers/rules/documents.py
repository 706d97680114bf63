"""Document lists: what an application must include, from bulleted or numbered lists.

A list counts as a document list when its lead-in (the heading, row label or line before it) speaks of
documents, or when most of its items name a document (passport, certificate, photo, receipt ...). Items
are cleaned of their markers and of the ``;``/``.``/``and`` that join them; the quote is the list verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scrapers.blocks import LIST_MARKER
from scrapers.rules.base import example

LEAD_IN = re.compile(
    r"document|документ|құжат|following|перечень|тізбе|список|list\s+of|required|необходим|қажет|submit"
    r"|представля|ұсын|прилага|attach|requirements?\s+for\s+the\s+application|мынадай|келесі|следующ",
    re.IGNORECASE,
)
DOCUMENT_NOUN = re.compile(
    r"passport|паспорт|certificate|справк|свидетельств|куәлі|копи|copy|photo|фото|receipt|квитанц|түбіртек"
    r"|application|заявлен|өт[іi]н[іi]ш|анкет|questionnaire|\bform\b|бланк|consent|согласи|келісім|insurance"
    r"|страхов|document|документ|құжат|удостоверени|permit|разрешени|рұқсат|contract|договор|шарт|birth|куәл[іi]"
    r"|рождени|туу|autobiograph|автобиограф|payment|оплат|төле|cop(?:y|ies)\b|letter|power\s+of\s+attorney"
    r"|доверенност|сенімхат|\bcard\b|карточк"
    # a paper named by what it certifies ("жеке басын куәландыратын;", "еңбек қызметін растайтын"), the noun after
    # the list ("... құжаттар")
    r"|куәландыр|растайтын|подтверждающ|удостоверяющ",
    re.IGNORECASE,
)
# Lists that sit among requirements but are not documents to bring: grounds for refusal, notes, steps of an
# online procedure, who is exempt, contacts and opening hours, categories of persons, and the acts a law
# text approves ("Утвердить прилагаемые: 1) стандарт ..."). "contact" alone is a verb too ("must contact the
# consulate and submit:"), so only contact details count.
NOT_DOCUMENTS = re.compile(
    r"refus|grounds|отказ|бас\s+тарт|\bnotes?\b|примечани|ескерт|\bsteps?\b|этап|кезең|log\s+in|exempt|освобожд"
    r"|босатыл|opening\s+hours|contacts\b|contact\s+(?:details|information|numbers?|us)\b|контакт|address|адрес"
    r"|мекенжай|телефон|using\s+eds|one-time\s+password"
    r"|online\s+service|service\s+online|онлайн|on\s+the\s+portal|на\s+портале|порталда"
    r"|categor|категори|санат|\bapprove\b|утвердить|бекітілсін|қоса\s+беріл\w*\s+отырған",
    re.IGNORECASE,
)
# Lead-ins that say what kind of list follows only in the line right before it (a heading further up, kept as
# context, may speak of an earlier list):
NOT_DOCUMENTS_NEAR = re.compile(
    # notices headed "Attention" / "Внимание" / "Назар аударыңыз": rules of the service, not things to bring
    r"attention|\bimportant\b(?!\s+documents)|внимани|назар\s+аудар|please\s+note|обратите|важно\b"
    # "... in the following cases:": when something applies, not what to bring
    r"|(?:following|these|such)\s+cases?\b|(?:следующих|таких)\s+случа|(?:мынадай|келесі)\s+жағдай"
    # "... is given to the following persons:", "формуляры заполняются гражданам ...:": who, not what to bring
    r"|following\s+persons|persons\s*:\s*$|следующи\w+\s+лиц|(?:мынадай|келесі)\s+(?:тұлғалар|адамдар)"
    r"|\b(?:гражданам|лицам|иностранцам)\b(?![^:]*(?:документ|следующ|представ|предъяв|сда[её]т|прилага))[^:]{0,60}:\s*$"
    # "Citizens have the right to hunt, in case of:": the conditions of a right, not what to bring
    r"|\bin\s+(?:the\s+)?cases?\s+of\s*:?\s*$|\bprovided\s+that\s*:?\s*$|\bв\s+случае\s*:?\s*$"
    r"|\bпри\s+условии\s*:?\s*$|жағдайында\s*:?\s*$|(?:has|have)\s+the\s+right\s+to\b|имеют\s+право\b"
    # "there are two options to do it:", "есть два способа:", "екі жолы бар:": ways to go about it, not documents
    r"|\b(?:two|three|several|\d+)\s+(?:options|ways|routes)\b|\b(?:options|ways)\s+(?:to|of|for)\b"
    r"|(?:два|три|несколько)\s+(?:вариант|способ|пут)\w*|(?:екі|үш|бірнеше)\s+(?:жол|тәсіл|нұсқа)\w*"
    # "The purposes of registration are:", "Целью учета является:": aims, not documents
    r"|\bpurposes?\s+of\b[^:]{0,150}\b(?:is|are)\b|\bцель(?:ю)?\b[^:]{0,150}\bявля|\bмақсат"
    # a bare heading "Цель:" / "Purpose:" / "Виды:" / "Types:" / "Түрлері:": aims or kinds of a service, not
    # documents, however often the items mention a permit or a treaty
    r"|^\s*(?:цел[иь]|purposes?|aims?|goals?|мақсат\w*|виды|types|kinds|түрлер\w*)\s*:?\s*$"
    # a law's executive clause: "The Department shall ensure: 1) state registration of this order ..."
    r"|shall\s+ensure\b|\bshall\s*:|обеспечить|қамтамасыз\s+ет"
    # a law's enacting formula ("... we hereby ORDER:", "ПРИКАЗЫВАЮ:", "БҰЙЫРАМЫН:"): its numbered clauses follow
    r"|hereby\s+(?:order|decide|resolve)|приказываю|постановляе?т|постановляю|бұйырамын|қаулы\s+ет(?:еді|емін)",
    re.IGNORECASE,
)
# An item about the legal act itself ("state registration of this order", "настоящего постановления", "осы
# бұйрықтың"): a clause of the law that carries the list, not a document an applicant brings.
THIS_ACT = re.compile(
    r"\bth(?:is|e\s+present)\s+(?:joint\s+)?(?:order|resolution|decree)\b|настоящ\w+\s+(?:совместн\w+\s+)?"
    r"(?:приказ|постановлени|решени)|осы\s+(?:бірлескен\s+)?(?:бұйрық|қаулы|шешім)"
    r"|\bhere(?:to|of|in|by)\b|shall\s+be\s+(?:approved|declared|deemed)|утвердить\s+прилагаем"
    # "... талаптар бекітілсін." (be approved), "«...» мемлекеттік қызмет регламенті": the acts a law approves
    r"|бекітілсін|утверждается|(?:мемлекеттік\s+(?:көрсетілетін\s+)?қызмет|государственн\w+\s+услуг\w*)\s+"
    r"(?:регламент|стандарт)\w*\s*[;.]?\s*$",
    re.IGNORECASE,
)
# An item that is a time limit ("1) 15 working days from the submission ...; 2) via the portal - 15 working
# days", "two (2) working days"): a list of service terms, not of documents.
TERM_ITEM = re.compile(
    r"\d+\)?\s*(?:\([^()]{2,30}\)\s*)?(?:working\s+|business\s+|calendar\s+)?(?:days?|hours?|minutes?)\b"
    r"|\d+\)?\s*(?:\([^()]{2,30}\)\s*)?(?:рабоч\w+|календарн\w+)?\s*(?:дн|день|час|минут)"
    r"|\d+\)?\s*(?:\([^()]{2,30}\)\s*)?(?:жұмыс\s+|күнтізбелік\s+)?(?:күн|сағат|минут)",
    re.IGNORECASE,
)
CASES = re.compile(
    r"^(?:for\s+(?:the\s+)?(?:persons?|citizens?|students?|children|foreigners)|для\s+(?:лиц|граждан)|in\s+case"
    r"|в\s+случае|if\b|если\b)",
    re.IGNORECASE,
)
# "Қазақстан азаматтарына – ...", "босқындарға – ...", "гражданам – ...": whom a document is issued to (a dative
# noun for persons, then a dash and the case), not a document to bring.
ADDRESSEE = re.compile(
    r"^[^–—:;]{0,80}?(?:азамат|адам|босқын|шетелдік|бала|тұлға)\w*(?:ға|ге|қа|ке|на|не)\s*[–—-]\s"
    r"|^[^–—:;]{0,80}?(?<!\w)(?:гражданам|лицам|иностранцам|беженцам|детям|несовершеннолетним)\s*[–—-]\s"
    r"|^to\s+[^–—:;]{0,60}?\b(?:citizens|persons|refugees|foreigners|children|minors)\b[^–—:;]{0,40}?[–—-]\s",
    re.IGNORECASE,
)
STEP = re.compile(
    r"^(?:log\s+in|sign\s+in|click|press|fill|sign\b|view|read|choose|select|make\s+a\s+payment|pay\b|visit|go\s+to"
    r"|enter|print|wait|войдите|нажмите|заполните|подпишите|выберите|оплатите|кіріңіз|басыңыз|толтырыңыз|қол\s+қойыңыз"
    # the same steps written with a Russian infinitive ("для этого необходимо: - подать заявку; - оплатить ..."),
    # an item cut by the end of a copy included ("- оплати"); "оплата ..." / "подача ..." are nouns and stay
    r"|подать|подайте|оплати(?:ть)?|заполнить|подписать|обратиться|обратитесь|получить|получите|войти"
    r"|авторизова\w*|зарегистрирова\w*|нажать|выбрать|дождаться|дождитесь|посетить|посетите|перейти|перейдите"
    r"|распечатать|распечатайте|скачать|скачайте|ознакомиться|ознакомьтесь"
    # "In personal account ... read the notice": where the result is seen, a step of the online procedure
    r"|in\s+(?:the\s+|your\s+)?personal\s+account|в\s+личном\s+кабинете|жеке\s+кабинет\w*)"
    r"(?!\w)",  # "Fill out ..." is a step, "Filled-in registration card" is a document
    re.IGNORECASE,
)
# An item that is a whole clause of a law, with its own predicate ("... төлеушілер болып табылады.", "... жүктеуге
# құқылы.", "... является плательщиком", "... вправе ..."): numbered paragraphs of an article, not documents, however
# often they mention an application or a payment. Only long items count: a document item is a noun phrase.
LAW_CLAUSE = re.compile(
    r"болып\s+табыла\w*|құқылы\b|құқығы\s+бар|\bявля(?:ется|ются)\b|\bвправе\b|\bобязан[аоы]?\b"
    r"|\b(?:is|are)\s+entitled\b|\bshall\s+have\s+the\s+right\b"
    # a passive predicate of a procedure: "... declaring is carried out by filling in a form", "осуществляется"
    r"|жүзеге\s+асырылады|\bосуществля(?:ется|ются)\b|\b(?:is|are|shall\s+be)\s+carried\s+out\b",
    re.IGNORECASE,
)
LAW_CLAUSE_MIN_LENGTH = 80
ALTERNATIVES = re.compile(r"\bone\s+of\b|\beither\b|один\s+из|одного\s+из|любой\s+из|бірі\b", re.IGNORECASE)
SINGLE_LEAD = re.compile(
    r"required\s+documents|documents\s+required|list\s+of\s+(?:the\s+)?(?:required\s+|necessary\s+)?documents"
    r"|необходимые\s+документы|(?:перечень|список)\s+(?:необходимых\s+|требуемых\s+)?документов"
    r"|требуемы[ех]\s+документ|қажетті\s+құжаттар|құжаттар(?:дың)?\s+(?:тізбесі|тізімі)",
    re.IGNORECASE,
)
# "... attach scanned copies of documents:" right before a one-item list
COPIES_LEAD = re.compile(r"copies\s+of\s+(?:the\s+)?documents\s*:\s*$|копии\s+документов\s*:\s*$", re.IGNORECASE)
# An item that is a quoted service title ending in a colon ("«Acceptance of documents for transfers»:") heads the
# next service's sub-list: the list above it ends there.
TITLE_HEAD = re.compile(r"^[«\"“„][^«»\"“”]{3,200}[»\"”]\s*:$")
# A lead-in that names papers at all (not only a bare "as follows:")
DOCUMENT_LEAD = re.compile(r"document|документ|құжат|papers|материал", re.IGNORECASE)
TRAILING_JOINERS = re.compile(r"(?:[;,.]|\s+(?:and|or|и|или|және|немесе))+\s*$", re.IGNORECASE)
INLINE = re.compile(r"^(?P<lead>[^:]{3,200}):\s*(?P<items>[^:]+;[^:]+)$")


@dataclass(frozen=True)
class ListItem:
    text: str
    locator: str


@dataclass(frozen=True)
class DocumentListReading:
    items: list[str]
    quote: str


def clean_item(text: str) -> str:
    text = LIST_MARKER.sub("", text, count=1).strip()
    return TRAILING_JOINERS.sub("", text).strip()


BARE_HEADING = {"documents", "документы", "құжаттар"}


def _names_documents(lead_in: str) -> bool:
    """A lead-in that announces documents and nothing else: "(required documents):", or a heading that is
    the one word "Documents" (a list left with one item after the others were dropped stays a list)."""
    if SINGLE_LEAD.search(lead_in) or COPIES_LEAD.search(lead_in.split(" / ")[0]):
        return True
    return any(part.strip().rstrip(":").strip().lower() in BARE_HEADING for part in lead_in.split(" / "))


def _last_clause(lead_in: str) -> str:
    """The part of a lead-in that introduces the list: its last sentence, and the heading after " / "."""
    parts = lead_in.split(" / ")
    parts[0] = re.split(r"(?<=[.!?])\s+", parts[0].strip())[-1]
    return " / ".join(parts)


class DocumentList:
    """Reads a whole list (several blocks, or the marked lines of one block) into one observation."""

    name = "DocumentList"
    key = "documents"
    group = "documents"
    description = "A bulleted/numbered list after a documents lead-in (or of document names) -> list of items."
    examples = (
        example(
            "The following documents are required:\n1) application form;\n2) passport copy;\n3) two photos.",
            (["application form", "passport copy", "two photos"], None),
        ),
        example(
            "Перечень документов:\n- заявление;\n- документ, удостоверяющий личность;\n- квитанция об оплате.",
            (["заявление", "документ, удостоверяющий личность", "квитанция об оплате"], None),
        ),
        example(
            "Қажетті құжаттар: өтініш; жеке басын куәландыратын құжат; 2 фотосурет.",
            (["өтініш", "жеке басын куәландыратын құжат", "2 фотосурет"], None),
            note="an inline list after a colon, items separated by semicolons",
        ),
        example("Opening hours:\n- Monday to Friday 9:00-18:00;\n- Saturday 10:00-14:00.", note="not documents"),
        example("How to get the service online:\n- Log in on the portal;\n- Fill out the application and sign it.",
                note="steps of a procedure, although they mention an application"),
        example("How to apply online:\n- Log in and press Apply.\n- Sign the request with your key.\n"
                "- In your personal account, read the answer.\n- Application form.\n- Copy of the diploma.\n"
                "- Photo of 3x4 size.", (["Application form", "Copy of the diploma", "Photo of 3x4 size"], None),
                note="the steps and the papers to attach run into one list: the papers after the last step"),
        example("Online:\n1. Log in on the portal.\n2. Sign the request.\n3. Under the Code, attach a copy of the "
                "permit.\n4. Under the Standard, the application is signed.",
                note="a numbered list is one sequence of steps"),
        example("Residents may fish, in case of:\n- holding an angler's certificate;\n- having a permit of the "
                "reserve;\n- being 16 or older.", note="the conditions of a right, not documents to bring"),
        example("Адам мынадай:\n• жеке басын куәландыратын;\n• білімін растайтын (бар болса)\n"
                "құжаттар негізінде тіркеледі.",
                (["жеке басын куәландыратын", "білімін растайтын (бар болса)"], None),
                note="papers named by what they certify, the noun after the list"),
        example("Required documents:\n- A document certifying the identity of the owner of the dwelling.",
                (["A document certifying the identity of the owner of the dwelling"], None),
                note="one item under a required-documents lead-in"),
        example("Documents\n\n- Visa request form with one photograph.",
                (["Visa request form with one photograph"], None),
                note="one item under a heading that is the word Documents alone"),
        example("Useful links\n\n- Passport office timetable.", note="one item under another heading: not a list"),
        example("Перечень требуемых документов:\n- заявление о выдаче справки",
                (["заявление о выдаче справки"], None),
                note="one item (the rest cut off) under a lead-in that names a list of documents"),
        example("Перечень документов для услуги:\n1. Иностранцы - нотариально заверенные копии:\n"
                "- паспорта;\n- вида на жительство.",
                (["паспорта", "вида на жительство"], None),
                note="the lone numbered line heads the sub-list of copies; it is not a list of one document"),
        example(
            "Grounds for refusal:\n1) unreliable documents or data;\n2) the documents do not meet the rules.",
            note="grounds for refusal mention documents but are not documents to bring",
        ),
        example(
            "Bring the following papers:\n\n1. Filled-in request form;\n\n2. Copy of your passport;\n\n"
            "3. One photograph.",
            (["Filled-in request form", "Copy of your passport", "One photograph"], None),
            note="items spaced by blank lines: the next number goes on with the list",
        ),
        example(
            "Please contact the consulate and hand in:\n- passport;\n\n- visa form;\n- bank receipt.",
            (["passport", "visa form", "bank receipt"], None),
            note="'contact' as a verb is not a list of contacts; the same bullet after a blank line goes on",
        ),
        example(
            "The company submits:\n1. A cover letter.\n2. Copies of the following:\n• its charter;\n"
            "• its registration certificate.\n\n3. A power of attorney.",
            (["A cover letter", "Copies of the following:", "A power of attorney"], None),
            (["its charter", "its registration certificate"], None),
            note="a sub-list inside item 2; item 3 goes on with the outer list",
        ),
        example(
            "The card is granted to persons in one of these categories:\n1) holders of a work permit;\n"
            "2) holders of a business visa.",
            note="categories of persons, not documents",
        ),
        example(
            "Approve the attached:\n1) the standard of the passport service;\n2) the standard of the ID card service.",
            note="the acts a law text approves, not documents to bring",
        ),
        example(
            "Documents for registration:\n1) identity document;\n2) exit permit;\n3) registration card.\n"
            "1) identity document;\n2) registration card.",
            (["identity document", "exit permit", "registration card"], None),
            (["identity document", "registration card"], None),
            note="numbering back at 1 starts a second list (for another case), not item 4",
        ),
        example(
            "The documents to hand in:\n\nRequest form in any wording;\n\nCopy of the identity card;\n\n"
            "Receipt of the fee paid.\n\nCopies are certified by a notary.",
            (["Request form in any wording", "Copy of the identity card", "Receipt of the fee paid"], None),
            note="items without markers, one per paragraph, each ending with a semicolon",
        ),
        example(
            "To register a citizen living abroad:\n\n• An identity card.\n\n\u00a0\n\n• exit permit.\n"
            "• Filled-in registration card.",
            (["An identity card", "exit permit", "Filled-in registration card"], None),
            note="cards are documents; 'Filled-in ...' is not the step 'Fill in'",
        ),
        example(
            "A new passport abroad may be issued to the following persons:\n1. those who left for permanent "
            "residence, with a stamp in the passport;\n2. students with a consular registration;\n"
            "3. workers under a contract of at least one year.",
            note="who may apply, although the items mention a passport and a contract",
        ),
        example(
            "Terms of the service\n\n1) 15 working days from the handing in of the documents;\n"
            "2) via the portal - 15 working days.",
            note="service terms that mention documents, not a document list",
        ),
        example(
            "Terms of the service\n\n1) from the handing in of the documents - two (2) working days;\n"
            "2) the longest wait in the queue - thirty (30) minutes.",
            note="service terms with the digits in brackets after the words, not a document list",
        ),
        example(
            "What papers are needed? - An identity card\n- A receipt for the fee\n- A power of attorney, if a "
            "representative applies.",
            (["An identity card", "A receipt for the fee", "A power of attorney, if a representative applies"], None),
            note="the first item shares the line of the question that leads in the list",
        ),
        example(
            "Services of the department\n\n• Certificates on guardianship\n\n1. Copy of the decision on "
            "guardianship.\n2. Identity card of the guardian.\n3. Birth certificate of the child.\n\n"
            "• Permits to use a child's savings\n\n1. Application of both parents.\n2. Bank statement of the "
            "deposit.",
            (["Copy of the decision on guardianship", "Identity card of the guardian",
              "Birth certificate of the child"], None),
            (["Application of both parents", "Bank statement of the deposit"], None),
            note="lists numbered from 1 under bulleted service names, without a colon",
        ),
        example(
            "Required documents:\n1) application form;\n2) receipt of the fee paid *.\n\n"
            "* a copy of the school certificate is not needed",
            (["application form", "receipt of the fee paid *"], None),
            note="the starred line is a footnote to an item, not a second list of one document",
        ),
        example(
            "Under Article 5 of the Law on Public Services, I HEREBY ORDER:\n1. That the Rules for the service "
            "“Legalisation of Official Documents” shall be approved pursuant to Annex 1 hereto;\n2. That the orders "
            "in Annex 2 hereto shall be declared void;\n3. That, as far as the law permits, the Department shall:",
            note="a law's numbered clauses about itself",
        ),
        example(
            "1. Бекітілген құжаттар:\n1) шетелдегі азаматтарға куәлік беру қағидалары;\n2) куәліктің үлгісі "
            "бекітілсін.",
            note="a Kazakh law's list of the acts it approves (бекітілсін), although the items name a certificate",
        ),
        example(
            "Құжаттар тізімі\n\nЖеке тұлғалар үшін\n1. Өтiнiш (электронды түрде)\n2. Төлемді растайтын құжат\n\n"
            "Заңды тұлғалар үшін\n1. Өтiнiш\n2. Жарғының көшірмесі\n3. Төлемді растайтын құжат",
            (["Өтiнiш (электронды түрде)", "Төлемді растайтын құжат"], None),
            (["Өтiнiш", "Жарғының көшірмесі", "Төлемді растайтын құжат"], None),
            note="lists numbered from 1 under bare tab labels, below a line about documents (a Latin i in 'өтiнiш')",
        ),
        example(
            "Об утверждении правил выдачи документов\nПравительство постановляет\n1. Утвердить правила.\n"
            "2. Признать утратившими силу некоторые решения.",
            note="a law's paragraphs under its title: an enacting formula lies between",
        ),
        example(
            "1. Қоса беріліп отырған:\n1) төлқұжат беру қағидалары;\n2) куәлік үлгісіне қойылатын талаптар.",
            note="'the attached:' in a Kazakh law introduces the acts it approves",
        ),
        example(
            "Hand in the originals of:\n\n1. A proof of citizenship (one of the following):\n\na) an old passport,"
            "\n\nb) an identity card;\n\n2. A birth certificate;\n\n3. A marriage certificate.",
            (["A proof of citizenship (one of the following):", "A birth certificate", "A marriage certificate"], None),
            note="a lettered sub-list spaced by blank lines; '2.' after it goes on with the outer list",
        ),
        example(
            "Under the Consular Charter, we hereby ORDER:\n1. To approve the attached Rules for requesting "
            "documents from public bodies.\n2. To recognize the earlier joint order on requesting documents as "
            "invalid.\n3. The Consular Department shall send a copy for publication.",
            note="a law's clauses after its enacting formula, although they speak of documents",
        ),
        example(
            "Консульство заполняет формуляры гражданам Республики Казахстан:\n1) проживающим за рубежом по "
            "документам о выезде;\n2) обучающимся очно с копией договора.",
            note="the persons forms are filled for, not documents",
        ),
        example(
            "2. Sign the request and attach scanned copies of documents:\n• certified copy of the diploma.",
            (["certified copy of the diploma"], None),
            note="one item under a lead-in ending 'copies of documents:'",
        ),
        example(
            "IMPORTANT\n\n- Documents are taken only from the applicant in person;\n- The visa is ready in 5 "
            "working days;\n- The passport must have two blank pages.",
            note="a notice headed Important / Внимание: rules of the service, not documents",
        ),
        example(
            "A citizen is struck off the register in the following cases:\n- an application from the citizen;\n"
            "- a receipt of a notice from another consulate;\n- loss of citizenship;\n- the end of the stay.",
            note="cases in which something applies, although they mention a request and a notice",
        ),
        example(
            "4. The Consular Department shall ensure:\n1) state registration of this order with the Ministry of "
            "Justice;\n2) sending a copy of this order for official publication.",
            note="a law's executive clause about the act itself, not documents",
        ),
        example(
            "Documents:\n1. For a first permit:\n- application;\n- passport.\n2. For a renewal:\n- application;\n"
            "- old permit.",
            (["application", "passport"], None), (["application", "old permit"], None),
            note="'1. For ...:' and '2. For ...:' head two lists; they are not a list of their own",
        ),
        example(
            "Consular registration\n\nPurpose:\n• protecting the rights of citizens abroad;\n• helping them use "
            "the rights that treaties and contracts give.\n\nTypes:\n• permanent - for those holding an exit permit;\n"
            "• temporary - for a stay abroad for study or work.",
            note="aims and kinds of a service under bare headings, although items mention a contract or a permit",
        ),
        example(
            "Куәлікті консулдық мекеме береді:\n• Қазақстан азаматтарына – төлқұжатын жоғалтқан жағдайда;\n"
            "• шетелде туған балаларға – туу туралы куәлігі болса;\n• босқындарға – жол жүру құжаты жоғалса.",
            note="whom a certificate is issued to (dative persons, a dash, the case), although the items name papers",
        ),
        example(
            "Справку можно заверить по одному заявлению, для этого необходимо:\n"
            "- подать заявку через услугу;\n- оплатить сбор через банк;\n"
            "- получить готовую справку в личном кабинете.",
            note="steps written with Russian infinitives, although they mention a request, a payment and a paper",
        ),
        example(
            "Сбор берут за выдачу документов.\nКто платит сбор\n"
            "1. Лица, которые подают в орган заявление о совершении действия, имеющего юридическое значение, "
            "являются плательщиками сбора.\n"
            "2. Организация вправе своим решением поручить уплату сбора за свой филиал, если действие совершается "
            "в интересах этого филиала.",
            note="numbered paragraphs of a law article, each a sentence with its own predicate, not documents",
        ),
        example(
            "Алым құжаттарды бергені үшін алынады.\nТөлеушілер\n"
            "1. Әрекет жасау туралы өтініш беретін жеке және заңды тұлғалар алымды төлеушілер болып табылады.\n"
            "2. Заңды тұлға филиалы үшін алымды төлеу міндетін сол филиалға өз шешімімен жүктеуге құқылы.",
            note="the same in Kazakh: 'болып табылады', 'құқылы' end whole clauses",
        ),
        example(
            "Для регистрации представляются:\n- заявление установленной формы, которое подписывает лицо, "
            "являющееся владельцем жилья, и его супруг;\n- копия паспорта;\n- квитанция об оплате сбора.",
            (["заявление установленной формы, которое подписывает лицо, являющееся владельцем жилья, и его супруг",
              "копия паспорта", "квитанция об оплате сбора"], None),
            note="one long item with 'являющееся' in it does not make the list a law's paragraphs",
        ),
        example(
            "To move abroad there are two options:\n1. Get an exit permit and keep the citizenship;\n"
            "2. Give up the citizenship and take another one.",
            note="ways to go about it, although one mentions a permit",
        ),
        example(
            "For pupils from abroad, in addition:\n- Copy of the migration card\n- «Transfer between schools»:\n"
            "- Copy of the leaving slip",
            note="a quoted service title with a colon heads the next list; one item above it is no list",
        ),
        example(
            "2. Мынадай:\nа) жеке пайдалануға арналған тауарларды декларациялау жолаушының жеке бланкісін толтыру "
            "жолымен жүзеге асырылады;\nб) жеке пайдалануға арналған у",
            note="a law's lettered clauses with their own predicate under a bare 'as follows:'",
        ),
    )

    def read(self, lead_in: str | None, items: Sequence[str]) -> DocumentListReading | None:
        cleaned = [clean_item(item) for item in items]
        heads = [i for i, item in enumerate(cleaned) if i and TITLE_HEAD.match(item)]
        if heads:  # "- migration card; - «Transfer between schools»:; - ...": the next service's list begins
            return self.read(lead_in, items[:heads[0]])
        cleaned = [item for item in cleaned if item]
        if not cleaned:
            return None
        if len(cleaned) == 1:
            # One marked item is a list of one only under a lead-in that names documents ("(required
            # documents):") and when the item itself names a document.
            single_ok = bool(lead_in and _names_documents(lead_in) and DOCUMENT_NOUN.search(cleaned[0]))
            if not single_ok or NOT_DOCUMENTS.search(_last_clause(lead_in or "")) or STEP.match(cleaned[0]):
                return None
            if cleaned[0].endswith(":"):
                return None  # "1. Foreign residents - notarised copies of:": the head of a sub-list, not a document
            if items[0].lstrip().startswith("*"):
                return None  # "* for a school certificate ...": a footnote to an item above, not a list of one
        tail = self._after_steps(cleaned, items)
        if tail:  # "- Log in ...; - Fill out ...; - Application; - Photo ...": the papers after the steps
            return DocumentListReading(cleaned[-tail:], "\n".join(items[-tail:]))
        if lead_in and NOT_DOCUMENTS.search(_last_clause(lead_in)):
            return None
        if lead_in and NOT_DOCUMENTS_NEAR.search(_last_clause(lead_in).split(" / ")[0]):
            return None
        if len(cleaned) > 1 and all(item.endswith(":") for item in cleaned):
            return None  # "1. For a residence permit:" / "2. For its renewal:": heads of sub-lists, not documents
        if lead_in and ALTERNATIVES.search(_last_clause(lead_in).split(" / ")[0]):
            return None  # "one of the following documents:": alternatives inside one item of the main list
        if sum(1 for item in cleaned if CASES.match(item)) * 2 > len(cleaned):
            return None  # "For the persons residing abroad; For students ...": who, not what to bring
        if sum(1 for item in cleaned if ADDRESSEE.search(item)) * 2 > len(cleaned):
            return None  # "азаматтарына – ...; босқындарға – ...": whom it is issued to, not what to bring
        if sum(1 for item in cleaned if STEP.match(item)) * 2 >= len(cleaned):
            return None  # "Log in on the portal; Fill out the application ...": steps, not documents
        clauses = sum(1 for item in cleaned if len(item) >= LAW_CLAUSE_MIN_LENGTH and LAW_CLAUSE.search(item))
        if clauses * 2 > len(cleaned) or (
            clauses and clauses * 2 >= len(cleaned) and not (lead_in and DOCUMENT_LEAD.search(lead_in))
        ):  # half of the items whole clauses, under a lead-in that names no papers ("2. Мынадай:"), is as much
            return None  # "1. ... төлеушілер болып табылады. 2. ... жүктеуге құқылы.": an article's paragraphs
        if sum(1 for item in cleaned if THIS_ACT.search(item)) * 2 >= len(cleaned):
            return None  # "1) state registration of this order; 2) its publication": a law's own clauses
        if sum(1 for item in cleaned if TERM_ITEM.search(item)) * 2 > len(cleaned):
            return None  # "1) 15 working days from ...; 2) via the portal - 15 working days": terms, not documents
        named = sum(1 for item in cleaned if DOCUMENT_NOUN.search(item))
        if lead_in and LEAD_IN.search(lead_in):
            if named * 3 < len(cleaned):
                return None  # "submit the documents to:" followed by addresses is not a list of documents
        elif named * 2 < len(cleaned):
            return None
        return DocumentListReading(cleaned, "\n".join(items))

    @staticmethod
    def _after_steps(cleaned: list[str], items: Sequence[str]) -> int:
        """How many items at the end of a list that opens with steps of a procedure name the papers to attach
        (0 when it does not): the steps and the documents were run into one bulleted list by the page's markup.
        A numbered list is one sequence of steps ("3. Pursuant to ... sign the application") and is not split."""
        if len(cleaned) < 4 or not STEP.match(cleaned[0]) or len(cleaned) != len(items):
            return 0
        if any(re.match(r"\s*\d", item) for item in items):
            return 0
        last_step = max(i for i, item in enumerate(cleaned) if STEP.match(item))
        tail = cleaned[last_step + 1:]
        if len(tail) < 2 or sum(1 for item in tail if DOCUMENT_NOUN.search(item)) * 4 < len(tail) * 3:
            return 0
        return len(tail)

    def read_inline(self, text: str) -> tuple[DocumentListReading, int, int] | None:
        """An inline list in one sentence: ``Documents: a; b; c.``; returns the reading and its span."""
        match = INLINE.match(text)
        if not match or not LEAD_IN.search(match.group("lead")):
            return None
        parts = [p.strip() for p in match.group("items").split(";")]
        reading = self.read(match.group("lead"), [p for p in parts if p])
        if reading is None:
            return None
        return DocumentListReading(reading.items, text[match.start("items"):].strip()), match.start("items"), len(text)
