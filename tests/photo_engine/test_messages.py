"""The message catalogue: every check and page text in kk, ru and en; the language choice; HEIC uploads read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from photo_engine.judging.checks import CHECK_NAMES
from photo_engine.messages import (
    CHECK_TITLES,
    ERRORS,
    LANGS,
    MESSAGES,
    PAGE,
    check_message,
    pick_lang,
    render,
)


def test_every_check_and_text_has_all_three_languages() -> None:
    assert set(CHECK_NAMES) <= set(CHECK_TITLES)
    for table in (CHECK_TITLES, MESSAGES, ERRORS, PAGE):
        for key, texts in table.items():
            assert set(texts) == set(LANGS), key
            assert all(text.strip() for text in texts.values()), key


def test_every_template_fills_with_its_parameters() -> None:
    for message_id in list(MESSAGES) + list(ERRORS):
        for lang in LANGS:
            text = render(message_id, lang, measured="12.5", limit="70-80")
            assert "{" not in text, (message_id, lang)


def test_english_keeps_the_engine_sentence_and_other_languages_translate() -> None:
    result = SimpleNamespace(name="mouth_closed", status="fail", measured={"open_probability": 0.9}, limit="closed",
                             message="mouth open or lips apart: close the lips, neutral expression")
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
