"""The message catalogue: every check and page text in kk, ru and en; the language choice; HEIC uploads read."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from photo_engine.judging.checks import CHECK_NAMES
from photo_engine.messages import (
    ADVICE,
    CHECK_TITLES,
    ERRORS,
    LANGS,
    MESSAGES,
    PAGE,
    check_message,
    pick_lang,
    render,
    say,
)

ENGINE = Path(__file__).resolve().parents[2] / "photo_engine"
ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")


def _params(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _ids_in_engine_code() -> dict[str, str]:
    """Every message id written in the engine's code: the first argument of say(), render() and msgid()."""
    found: dict[str, str] = {}
    for path in ENGINE.rglob("*.py"):
        if "catalogue" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in (
                    "say", "render", "msgid") and node.args:
                for part in ast.walk(node.args[0]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found[part.value] = f"{path.relative_to(ENGINE.parent)}:{node.lineno}"
                    elif isinstance(part, ast.JoinedStr):
                        raise AssertionError(f"{path}:{node.lineno}: a message id built at run time cannot be checked")
    return found


def test_every_message_id_has_kk_ru_and_en_with_the_same_parameters() -> None:
    for message_id, texts in MESSAGES.items():
        assert ID.match(message_id), message_id
        assert set(texts) == set(LANGS), message_id
        assert all(text.strip() for text in texts.values()), message_id
        assert _params(texts["kk"]) == _params(texts["ru"]) == _params(texts["en"]), message_id


def test_every_id_the_engine_code_can_say_is_in_the_catalogue_and_every_entry_is_said() -> None:
    said = _ids_in_engine_code()
    ids = {value: where for value, where in said.items() if ID.match(value)}
    assert len(ids) > 100
    missing = {message_id: where for message_id, where in ids.items()
               if message_id not in MESSAGES and message_id not in ERRORS}
    assert not missing
    assert set(MESSAGES) - set(ids) == set(), "catalogue entries no code says"


def test_the_page_texts_titles_and_advice_have_all_three_languages() -> None:
    assert set(CHECK_NAMES) <= set(CHECK_TITLES)
    for table in (CHECK_TITLES, ERRORS, PAGE, ADVICE):
        for key, texts in table.items():
            assert set(texts) == set(LANGS), key
            assert all(text.strip() for text in texts.values()), key
            assert _params(texts["kk"]) == _params(texts["ru"]) == _params(texts["en"]), key
    for key in ADVICE:
        assert key.split(".")[0] in CHECK_NAMES and key.split(".")[1] in ("fail", "warn"), key


def test_advice_uses_only_parameters_its_check_says() -> None:
    said_by_check: dict[str, set[str]] = {}
    for message_id, texts in MESSAGES.items():
        check = {"pose.tilt": "pose_roll", "pose.turn": "pose_yaw", "pose.nod": "pose_pitch"}.get(
            message_id.split("_")[0], message_id.split(".")[0])
        said_by_check.setdefault(check, set()).update(_params(texts["en"]))
    for key, texts in ADVICE.items():
        assert _params(texts["en"]) <= said_by_check.get(key.split(".")[0], set()), key


def test_a_pose_message_names_the_measured_angle_and_limit_in_each_language() -> None:
    phrase = say("pose.nod_over_limit", angle=14.2, limit=5, bound=17.2, tolerance=12.2)
    assert phrase.text("en").startswith("head nodded 14.2 degrees; the rule allows 5 (more than 17.2")
    assert "14,2°" in phrase.text("ru") and "5°" in phrase.text("ru")
    assert "14,2°" in phrase.text("kk") and "17,2°" in phrase.text("kk")


def test_words_passed_as_parameters_are_translated() -> None:
    text = render("background.wrong_tone", "ru", tone="light-grey", allowed=["white", "blue"])
    assert text == "фон однотонный и светлый, но светло-серый, а нужен белый или голубой: программа может заменить фон"
    assert "тексерістерден өтпеді: бір бет, жабық ауыз" in render("note.sheet_stamped", "kk",
                                                                 checks=["face_count", "mouth_closed"])


def test_an_unknown_id_or_a_missing_parameter_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(KeyError):
        render("pose.spin_over_limit", "ru")
    with pytest.raises(KeyError):
        render("pose.nod_over_limit", "ru", angle=3)


def test_english_is_the_engine_sentence_and_other_languages_translate_it() -> None:
    result = SimpleNamespace(name="mouth_closed", status="fail", measured={"open_probability": 0.9}, limit="closed",
                             message="mouth open or lips apart: close the lips, neutral expression",
                             phrases=[say("mouth_closed.open")])
    assert check_message(result, "en") == result.message
    assert "сомкните губы" in check_message(result, "ru")
    assert "ерніңізді жабыңыз" in check_message(result, "kk")


@pytest.mark.parametrize("requested, header, expected", [
    (None, "ru-RU,ru;q=0.9,en;q=0.8", "ru"), (None, "en;q=0.5,kk;q=0.9", "kk"), ("en", "kk", "en"),
    (None, "de-DE,fr", "en"), (None, None, "en"), ("xx", "ru", "ru"),
])
def test_the_language_is_the_choice_then_accept_language_then_english(requested, header, expected) -> None:  # noqa: ANN001
    assert pick_lang(requested, header) == expected


def test_a_heic_photo_from_a_phone_is_read_without_registering_anything(tmp_path: Path) -> None:
    """Made in one process; read by load_source in a fresh one, which must register the HEIF opener itself."""
    pytest.importorskip("pillow_heif")
    path = tmp_path / "IMG_0001.HEIC"
    make = ("import pillow_heif, sys; from PIL import Image; from skimage import data; "
            "pillow_heif.register_heif_opener(); Image.fromarray(data.astronaut()).save(sys.argv[1], 'HEIF')")
    subprocess.run([sys.executable, "-c", make, str(path)], check=True)
    read = ("import sys; from photo_engine.reading.source import load_source; s = load_source(sys.argv[1]); "
            "print(s.original_format, s.width, s.height)")
    out = subprocess.run([sys.executable, "-c", read, str(path)], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out[0] in ("HEIF", "HEIC") and out[1:] == ["512", "512"]
