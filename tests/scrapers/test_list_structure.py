"""How plain-text lists are put together before the document-list rule reads them: items spaced by blank
lines, sub-lists inside an item, and lists that are not documents. Sentences are our own wording."""

from __future__ import annotations

from scrapers.blocks import text_blocks
from scrapers.extract import extract_text


def _lists(text: str) -> list[list[str]]:
    return [o.value for o in extract_text(text) if o.key == "documents"]


def _groups(text: str) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for block in text_blocks(text):
        if block.group:
            groups.setdefault(block.group, []).append(block.text)
    return list(groups.values())


def test_numbered_items_spaced_by_blank_lines_are_one_list() -> None:
    text = "Hand in these papers:\n\n1. Request form;\n\n2. Copy of the passport;\n\n3. Two photographs."
    assert _lists(text) == [["Request form", "Copy of the passport", "Two photographs"]]


def test_a_skipped_number_after_a_blank_line_still_goes_on() -> None:
    text = "Hand in these papers:\n\n1. Request form;\n\n2. Passport;\n\n4. Receipt of the fee."
    assert _lists(text) == [["Request form", "Passport", "Receipt of the fee"]]


def test_a_number_far_from_the_last_one_after_a_blank_line_starts_afresh() -> None:
    text = "Hand in these papers:\n1. Request form;\n2. Passport.\n\n7. The order enters into force on signing."
    assert _groups(text) == [["1. Request form;", "2. Passport."]]


def test_a_different_bullet_after_a_blank_line_ends_the_list() -> None:
    text = "Bring:\n- passport;\n- request form.\n\n• Office hours are nine to six."
    groups = _groups(text)
    assert groups[0] == ["- passport;", "- request form."]
    assert all("Office hours" not in item for item in groups[0])


def test_the_same_bullet_after_a_blank_line_goes_on() -> None:
    text = "You have to submit:\n- passport;\n- request form;\n\n- bank receipt."
    assert _lists(text) == [["passport", "request form", "bank receipt"]]


def test_the_outer_list_resumes_after_a_sub_list() -> None:
    text = (
        "The inviting firm submits:\n1. A cover letter.\n2. Copies of the following:\n- its charter;\n"
        "- its tax certificate.\n\n3. A power of attorney.\n4. The guest's passport copy."
    )
    outer, inner = _lists(text)
    assert outer == ["A cover letter", "Copies of the following:", "A power of attorney", "The guest's passport copy"]
    assert inner == ["its charter", "its tax certificate"]


def test_a_number_that_does_not_follow_the_item_with_the_sub_list_is_not_joined() -> None:
    text = (
        "The firm submits:\n1. A letter.\n2. Copies of:\n- its charter;\n- its certificate.\n\n"
        "5. Some other paragraph."
    )
    assert all("Some other paragraph" not in item for items in _lists(text) for item in items)


def test_contact_as_a_verb_does_not_hide_the_list() -> None:
    text = "Applicants contact the embassy and submit:\n- passport;\n- visa form;\n- one photograph."
    assert _lists(text) == [["passport", "visa form", "one photograph"]]


def test_contact_details_are_still_not_documents() -> None:
    text = "Contact details of the office:\n- phone for passport questions;\n- email for certificates."
    assert _lists(text) == []


def test_categories_of_persons_are_not_documents() -> None:
    text = "The card goes to people of these categories:\n1) holders of a residence permit;\n2) holders of a visa."
    assert _lists(text) == []


def test_acts_a_law_approves_are_not_documents() -> None:
    russian = "Утвердить прилагаемые:\n1) стандарт услуги по выдаче паспортов;\n2) стандарт услуги по выдаче справок."
    english = "Approve the enclosed:\n1) the standard of the passport service;\n2) the standard of the ID service."
    assert _lists(russian) == []
    assert _lists(english) == []


def test_heads_of_sub_lists_are_not_a_list_of_their_own() -> None:
    text = (
        "Documents:\n1. For a first card:\n- request form;\n- birth certificate.\n\n2. For a new card:\n"
        "- request form;\n- the old card."
    )
    assert _lists(text) == [["request form", "birth certificate"], ["request form", "the old card"]]


def test_steps_spaced_by_blank_lines_are_still_steps() -> None:
    text = "How to apply online:\n\n1. Log in on the portal;\n\n2. Fill in the request;\n\n3. Sign it with your key."
    assert _lists(text) == []


def test_the_months_of_a_year_a_statistic_covers_are_not_a_term() -> None:
    english = "Over the first six months of 2021 the centres issued 90,000 passports; issue takes 15 working days."
    russian = "За девять месяцев 2022 года оформлено 10 000 паспортов."
    assert [(o.value, o.unit) for o in extract_text(english) if o.key == "duration"] == [(15, "working days")]
    assert [o for o in extract_text(russian) if o.key == "duration"] == []
    kept = "the visa is valid for 30 days in 2025 only"
    assert [(o.value, o.unit) for o in extract_text(kept) if o.key == "duration"] == [(30, "days")]


def test_law_paragraphs_after_a_paragraph_on_documents_are_not_a_list() -> None:
    text = (
        "2. The ministry shall fund the production of identity documents.\n"
        "3. The police shall draft the instruction by January.\n4. The old forms shall be replaced by March."
    )
    assert _groups(text) == []
    assert _lists(text) == []


def test_a_line_on_documents_still_introduces_a_numbered_list() -> None:
    text = "The applicant hands in these documents\n1. Request form.\n2. Passport copy."
    assert _lists(text) == [["Request form", "Passport copy"]]


def test_numbering_back_at_one_starts_a_second_list_with_the_same_lead_in() -> None:
    text = (
        "When you apply on paper, hand in:\n1) identity document;\n2) exit permit;\n3) completed form.\n"
        "1) identity document;\n2) completed form."
    )
    assert _groups(text) == [
        ["1) identity document;", "2) exit permit;", "3) completed form."],
        ["1) identity document;", "2) completed form."],
    ]
    assert _lists(text) == [
        ["identity document", "exit permit", "completed form"], ["identity document", "completed form"]
    ]


def test_unmarked_lines_ending_in_semicolons_after_a_documents_line_are_a_list() -> None:
    text = (
        "The documents to bring (in person or by proxy):\n\nRequest in free form;\n\nCopy of the passport;\n\n"
        "Receipt of the consular fee;\n\nProxy, when someone else applies.\n\nHow copies are certified."
    )
    assert _lists(text) == [
        ["Request in free form", "Copy of the passport", "Receipt of the consular fee",
         "Proxy, when someone else applies"]
    ]


def test_one_line_ending_in_a_semicolon_is_not_a_list() -> None:
    text = "The documents are checked as follows:\n\nthe officer reads the request;\n\nthe file is then closed."
    assert _groups(text) == []


def test_semicolon_lines_without_a_documents_lead_in_are_not_a_list() -> None:
    text = (
        "The office works as follows:\n\nMonday to Thursday, nine to six;\n\nFriday, nine to four;\n\n"
        "Weekends closed."
    )
    assert _groups(text) == []


def test_a_notice_list_is_not_documents() -> None:
    text = "Attention\n\n- Documents are taken in person only;\n- The passport must be valid for six more months."
    assert _lists(text) == []


def test_cases_a_rule_applies_to_are_not_documents() -> None:
    text = (
        "Registration ends in the following cases:\n- an application of the citizen;\n- a receipt of a notice;\n"
        "- death."
    )
    assert _lists(text) == []


def test_the_aims_of_a_register_are_not_documents() -> None:
    text = (
        "The purposes of the register are:\n1) to protect citizens under international treaties;\n"
        "2) to help with documents."
    )
    assert _lists(text) == []


def test_a_law_clause_about_the_order_itself_is_not_documents() -> None:
    text = (
        "3. The Department shall ensure:\n1) state registration of this order;\n"
        "2) sending a copy of this order for publication."
    )
    assert _lists(text) == []


def test_a_stale_heading_does_not_hide_a_later_documents_list() -> None:
    text = (
        "The record is closed in the following cases:\n- death;\n- loss of citizenship.\n\nWhich papers are needed?\n\n"
        "1) a request in any form;\n2) an identity document."
    )
    assert _lists(text) == [["a request in any form", "an identity document"]]
