"""Real portraits judged and made in Kazakh and Russian: every word the engine says is in that language."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from photo_engine.messages import LANGS, check_message, spoken
from photo_engine.outputs.render import draw_preview
from photo_engine.pipeline import MakeRequest, check_image, judge, make_photo
from photo_engine.reading.analysis import analyse_portrait
from photo_engine.reading.source import load_source
from tests.photo_engine.conftest import BRICK, CLEAR_GLASSES, CROWN_CUT, GREY, SUNGLASSES, WHITE

# Latin words a Kazakh or Russian sentence may carry: units, formats and our own codes, never English prose.
CODES = {"px", "sRGB", "CMYK", "EXIF", "JPEG", "PNG", "WebP", "HEIC", "TIFF", "BMP", "MP"}


def english_words(text: str) -> list[str]:
    """Latin words that are not codes: a profile key ('pose.yaw_max_deg'), a slug or a unit is not English."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9_.'-]*", text)
    return [w for w in words if w not in CODES and not re.search(r"[._0-9-]", w.strip("'"))]


@pytest.fixture(scope="module")
def analyses() -> dict[str, object]:
    return {path.stem: analyse_portrait(load_source(path)) for path in
            (WHITE, BRICK, SUNGLASSES, GREY, CROWN_CUT, CLEAR_GLASSES)}


def test_every_check_on_every_portrait_and_profile_speaks_the_chosen_language(analyses: dict, specs: dict) -> None:
    said = set()
    for analysis in analyses.values():
        for spec in specs.values():
            for result in judge(analysis, spec).checks:
                assert result.message == check_message(result, "en")
                said.add((result.name, result.status))
                for lang in ("ru", "kk"):
                    text = check_message(result, lang)
                    assert text and not english_words(text), (lang, result.name, text)
                    assert text != result.message or not english_words(result.message)
    # The portraits reach failures and passes of many checks, not one message over and over.
    assert len({name for name, status in said if status == "fail"}) >= 6
    assert len(said) >= 25


def test_a_made_photo_its_notes_and_its_preview_in_russian(tmp_path: Path, id_spec) -> None:  # noqa: ANN001
    request = MakeRequest(image=BRICK, output=tmp_path / "photo.jpg", sheet=tmp_path / "sheet.jpg",
                          preview=tmp_path / "preview.png", lang="ru")
    report = make_photo(request, id_spec)
    photo = np.asarray(Image.open(tmp_path / "photo.jpg").convert("RGB"))
    for lang in ("kk", "en"):  # as the photo page draws it when the reader switches language
        checks = [c.model_dump(mode="json") for c in report.checks]
        (tmp_path / f"preview-{lang}.png").write_bytes(draw_preview(photo, report.preview_plan, checks, lang))
    assert report.note_phrases and len(report.notes) == len(report.note_phrases)
    assert any("НЕ СООТВЕТСТВУЕТ" in spoken([n], "ru") for n in report.note_phrases)
    for lang in ("ru", "kk"):
        for note in report.note_phrases:
            assert not english_words(spoken([note], lang)), (lang, note)
    previews = [Image.open(tmp_path / name) for name in ("preview.png", "preview-kk.png", "preview-en.png")]
    assert len({p.tobytes() for p in previews}) == 3  # drawn in three languages
    assert all(p.size[1] >= 640 for p in previews)


@pytest.mark.parametrize("data, message_id", [
    (b"%PDF-1.4 not a photo" * 40, "error.not_an_image"),
    (b"", "error.empty_file"),
])
def test_an_unreadable_file_says_so_in_each_language(tmp_path: Path, id_spec, data: bytes,  # noqa: ANN001
                                                    message_id: str) -> None:
    path = tmp_path / "scan.jpg"
    path.write_bytes(data)
    report = check_image(path, id_spec)
    assert report.error_phrase is not None and report.error_phrase.id == message_id
    assert report.error == f"{path}: {spoken([report.error_phrase], 'en')}"
    texts = {lang: spoken([report.error_phrase], lang) for lang in LANGS}
    assert len(set(texts.values())) == 3
    assert not english_words(texts["ru"].replace("JPEG, PNG, WebP, HEIC, TIFF, BMP", ""))


def test_a_truncated_file_says_so_in_kazakh(tmp_path: Path, id_spec) -> None:  # noqa: ANN001
    path = tmp_path / "cut.jpg"
    path.write_bytes(WHITE.read_bytes()[: WHITE.stat().st_size // 3])
    report = check_image(path, id_spec)
    assert report.error_phrase is not None and report.error_phrase.id == "error.truncated"
    kazakh = "сурет файлы толық емес не бүлінген; оны қайта сақтаңыз не жүктеп алыңыз"
    assert spoken([report.error_phrase], "kk") == kazakh
