"""The photo page (/-/photo) through Datasette's test client: form, CSRF, the made photo, downloads, bad uploads."""

from __future__ import annotations

import asyncio
import io
import re
import time
from pathlib import Path

import httpx
import pytest
from PIL import Image

from photo_engine import webflow
from registry.datasette_app import make_datasette
from tests.photo_engine.conftest import WHITE

SLUG = "kz-id-card-photo"


@pytest.fixture(scope="module", autouse=True)
def one_worker() -> None:
    """One engine process per test worker: the suite already runs two test workers on two cores."""
    webflow.WORKERS = 1


def run(coroutine):  # noqa: ANN001, ANN201
    return asyncio.run(coroutine)


async def _form(ds, lang: str = "en") -> tuple[str, dict[str, str]]:  # noqa: ANN001
    page = await ds.client.get(f"/-/photo?lang={lang}")
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    return token, dict(page.cookies)


async def _post(ds, data: bytes, filename: str = "me.jpg", lang: str = "en", profile: str = SLUG,  # noqa: ANN001
                paper: str = "10x15", with_token: bool = True) -> httpx.Response:
    token, cookies = await _form(ds, lang)
    fields = {"csrftoken": token if with_token else "wrong", "lang": lang, "profile": profile, "paper": paper}
    return await ds.client.post("/-/photo", data=fields, files={"portrait": (filename, data, "image/jpeg")},
                                cookies=cookies)


@pytest.fixture(scope="module")
def made(seeded_registry: Path) -> dict:
    """One portrait made into the ID-card photo through the page, in Russian, and the files downloaded."""
    ds = make_datasette(seeded_registry)

    async def flow() -> dict:
        response = await _post(ds, WHITE.read_bytes(), lang="ru")
        token = re.search(r"/-/photo/file/([A-Za-z0-9_-]+)/photo\.jpg", response.text).group(1)
        files = {name: await ds.client.get(f"/-/photo/file/{token}/{name}?download=1")
                 for name in ("photo.jpg", "sheet-ru.jpg", "preview-ru.png")}
        return {"response": response, "token": token, "files": files, "ds": ds}

    return run(flow())


def test_form_offers_camera_upload_and_every_photo_profile_with_sizes(seeded_registry: Path) -> None:
    html = run(make_datasette(seeded_registry).client.get(f"/-/photo?profile={SLUG}")).text
    form = html[html.index('<form action="/-/photo'):]
    assert form.index('name="csrftoken"') < form.index('type="file"')
    assert re.search(r'<input type="file" name="portrait"[^>]*accept="image/\*[^"]*"[^>]*capture="user"', html)
    assert f'value="{SLUG}" checked' in html
    for slug in ("kz-passport-photo", "kz-visa-photo", "kz-egov-upload-photo"):
        assert f'value="{slug}"' in html
    assert "35 × 45 mm" in html and re.search(r"\d+ × \d+ px, \d+ dpi", html)


def test_language_comes_from_accept_language_and_the_switch_wins(seeded_registry: Path) -> None:
    ds = make_datasette(seeded_registry)
    russian = run(ds.client.get("/-/photo", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})).text
    assert "Фото на документы" in russian and "Удостоверение личности" in russian
    kazakh = run(ds.client.get("/-/photo?lang=kk", headers={"Accept-Language": "ru"})).text
    assert "Құжатқа сурет жасау" in kazakh and "Жеке куәлік" in kazakh
    english = run(ds.client.get("/-/photo", headers={"Accept-Language": "de,fr"})).text
    assert "Make a document photo" in english
    assert 'href="/-/photo?lang=kk' in english and 'href="/-/photo?lang=ru' in english


def test_result_says_what_to_do_first_in_the_page_language(made: dict) -> None:
    html = made["response"].text
    assert made["response"].status_code == 200
    verdict = html.index('id="verdict"')
    assert verdict < html.index('id="digital"') < html.index('id="checks"')
    assert "Фото пока не соответствует требованиям" in html
    # The astronaut smiles with her teeth showing: the advice to close the mouth comes first, in Russian.
    assert html.index("сомкните губы") < html.index('id="digital"')


def test_result_lists_every_check_with_rule_status_date_and_link(made: dict, specs: dict) -> None:
    html = made["response"].text
    rows = re.findall(r'<tr class="check-(pass|warn|fail)" data-check="([a-z_]+)">', html)
    assert len(rows) >= 18
    assert ("fail", "mouth_closed") in rows
    assert f'href="/-/profile/{SLUG}#head.height_mm"' in html or f'href="/-/profile/{SLUG}#head.' in html
    assert re.search(r'<span class="badge (official|official-general|inferred)">', html)
    assert re.search(r"проверено \d{4}-\d{2}-\d{2}", html)
    assert f"{SLUG} v{specs[SLUG].version}" in html


def test_downloads_have_the_profile_pixels_dpi_and_size_limit(made: dict, specs: dict) -> None:
    spec = specs[SLUG]
    photo = made["files"]["photo.jpg"]
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    assert "attachment" in photo.headers["content-disposition"]
    assert "no-store" in photo.headers["cache-control"]
    with Image.open(io.BytesIO(photo.content)) as image:
        assert image.size == (spec.width_px.value, spec.height_px.value)
        assert round(image.info["dpi"][0]) == spec.dpi.value
    if spec.max_size_kb:
        assert len(photo.content) <= spec.max_size_kb.value * 1024
    with Image.open(io.BytesIO(made["files"]["sheet-ru.jpg"].content)) as sheet:
        assert sorted(sheet.size) == [1181, 1772]  # 10 x 15 cm at 300 dpi
        assert round(sheet.info["dpi"][0]) == 300
    assert made["files"]["preview-ru.png"].content.startswith(b"\x89PNG")


def test_the_language_switch_of_a_result_keeps_the_result(made: dict) -> None:
    """The switch on a result page renders the same result in another language, addressed by the same token."""
    ds, token, russian = made["ds"], made["token"], made["response"].text
    assert f'href="/-/photo/result/{token}?lang=kk"' in russian and f'href="/-/photo/result/{token}?lang=en"' in russian
    kazakh = run(ds.client.get(f"/-/photo/result/{token}?lang=kk"))
    assert kazakh.status_code == 200 and kazakh.headers["content-language"] == "kk"
    html = kazakh.text
    assert "Сурет әзірге талаптарға сай емес" in html and "ерніңізді жабыңыз" in html
    assert f"/-/photo/file/{token}/photo.jpg" in html and f"/-/photo/file/{token}/preview-kk.png" in html
    rows = re.findall(r'<tr class="check-(pass|warn|fail)" data-check="([a-z_]+)">', html)
    assert rows == re.findall(r'<tr class="check-(pass|warn|fail)" data-check="([a-z_]+)">', russian)
    assert f'href="/-/photo/result/{token}?lang=ru"' in html
    preview = run(ds.client.get(f"/-/photo/file/{token}/preview-kk.png"))
    assert preview.status_code == 200 and preview.content != made["files"]["preview-ru.png"].content
    assert f"/-/photo/file/{token}/sheet-kk.jpg?download=1" in html
    sheet = run(ds.client.get(f"/-/photo/file/{token}/sheet-kk.jpg?download=1"))
    assert sheet.status_code == 200 and sheet.content != made["files"]["sheet-ru.jpg"].content
    with Image.open(io.BytesIO(sheet.content)) as image:  # the same sheet, stamped and captioned in Kazakh
        assert sorted(image.size) == [1181, 1772] and round(image.info["dpi"][0]) == 300
    assert run(ds.client.get(f"/-/photo/file/{token}/print-tile.jpg")).status_code == 404
    english = run(ds.client.get(f"/-/photo/result/{token}?lang=en")).text
    assert "The photo does not meet the rules yet" in english and "close the lips" in english


def test_a_result_in_russian_or_kazakh_has_no_english_sentence(made: dict) -> None:
    """Every message, note and piece of advice of the result page is in the page's language."""
    ds, token = made["ds"], made["token"]
    for lang in ("ru", "kk"):
        html = run(ds.client.get(f"/-/photo/result/{token}?lang={lang}")).text
        again = {"ru": "Сделать другое фото", "kk": "Басқа сурет жасау"}[lang]  # the link after the notes
        body = html[html.index('id="verdict"'):html.index('id="checks"')]
        body += html[html.index("<tbody>"):html.index(again)]
        text = re.sub(r"<[^>]+>", " ", body)
        text = re.sub(r"\b[a-z0-9_-]+\.[a-z0-9_.]+\b", " ", text)  # rule keys and file names are codes, not words
        assert not re.search(r"[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}", text), (lang, re.findall(r"[A-Za-z ]{12,}", text))


def test_an_expired_or_forged_result_link_says_so_in_the_page_language(made: dict) -> None:
    forged = made["token"][:-4] + ("AAAA" if not made["token"].endswith("AAAA") else "BBBB")
    response = run(made["ds"].client.get(f"/-/photo/result/{forged}?lang=ru"))
    assert response.status_code == 404 and "Срок этой ссылки истёк" in response.text
    assert 'id="photo-form"' in response.text


def test_results_need_the_token_and_expire(made: dict) -> None:
    ds = made["ds"]
    token = made["token"]
    assert len(token) >= 32
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert run(ds.client.get(f"/-/photo/file/{forged}/photo.jpg")).status_code == 404
    store = webflow.ResultStore(seconds=0.05)
    kept = store.put({"photo.jpg": b"x"}, {})
    assert store.get(kept) is not None
    time.sleep(0.1)
    assert store.get(kept) is None


def test_a_post_without_the_csrf_token_is_refused(seeded_registry: Path) -> None:
    response = run(_post(make_datasette(seeded_registry), WHITE.read_bytes(), with_token=False))
    assert response.status_code == 403


def test_a_non_image_gets_a_clear_message_in_the_page_language(seeded_registry: Path) -> None:
    response = run(_post(make_datasette(seeded_registry), b"%PDF-1.4 not a photo" * 50, "scan.pdf", lang="kk"))
    assert response.status_code == 422
    assert "біз оқи алатын сурет файлы емес" in response.text and 'role="alert"' in response.text
    assert "kzdocs-photo-" not in response.text and not re.search(r"upload\.(img|pdf|jpg)", response.text)


def test_a_truncated_jpeg_gets_a_clear_message(seeded_registry: Path) -> None:
    data = WHITE.read_bytes()
    response = run(_post(make_datasette(seeded_registry), data[: len(data) // 3], lang="ru"))
    assert response.status_code == 422
    assert "неполный или повреждён" in response.text


def test_a_decompression_bomb_is_refused_before_decoding(seeded_registry: Path) -> None:
    buffer = io.BytesIO()
    Image.new("1", (11_500, 11_500)).save(buffer, "PNG")  # 132 MP in a few kilobytes
    started = time.perf_counter()
    response = run(_post(make_datasette(seeded_registry), buffer.getvalue(), "bomb.png"))
    assert response.status_code == 422
    assert "11500 x 11500 px (132 MP) is over the 120 MP limit" in response.text
    assert time.perf_counter() - started < 10


def test_an_upload_over_the_size_limit_is_refused_while_it_arrives(seeded_registry: Path) -> None:
    response = run(_post(make_datasette(seeded_registry), b"\xff" * (webflow.MAX_UPLOAD_BYTES + 1), lang="en"))
    assert response.status_code == 413
    assert "The file is larger than 25 MB" in response.text


def test_registry_pages_answer_while_a_photo_is_made(seeded_registry: Path) -> None:
    ds = make_datasette(seeded_registry)

    async def both() -> tuple[float, float]:
        async def timed(coroutine) -> float:  # noqa: ANN001
            await coroutine
            return time.perf_counter()

        photo = asyncio.create_task(timed(_post(ds, WHITE.read_bytes())))
        await asyncio.sleep(0.05)
        page = await timed(ds.client.get(f"/-/profile/{SLUG}"))
        return page, await photo

    page_done, photo_done = run(both())
    assert page_done < photo_done


def test_each_photo_profile_page_links_to_the_photo_page(seeded_registry: Path) -> None:
    html = run(make_datasette(seeded_registry).client.get("/-/profile/kz-visa-photo")).text
    assert 'href="/-/photo?profile=kz-visa-photo"' in html


def test_an_exif_rotated_phone_jpeg_is_turned_upright(seeded_registry: Path, specs: dict) -> None:
    """Phones store the sensor's pixels sideways and say so in EXIF; the page must use the upright picture."""
    with Image.open(WHITE) as image:
        sideways = image.transpose(Image.Transpose.ROTATE_90)  # what orientation 6 turns upright again
        exif = Image.Exif()
        exif[0x0112] = 6
        buffer = io.BytesIO()
        sideways.save(buffer, "JPEG", quality=92, exif=exif)
    ds = make_datasette(seeded_registry)
    response = run(_post(ds, buffer.getvalue()))
    assert response.status_code == 200 and 'id="verdict"' in response.text
    assert "EXIF orientation 6 applied" in response.text
    token = re.search(r"/-/photo/file/([A-Za-z0-9_-]+)/photo\.jpg", response.text).group(1)
    photo = run(ds.client.get(f"/-/photo/file/{token}/photo.jpg"))
    with Image.open(io.BytesIO(photo.content)) as made:
        assert made.size == (specs[SLUG].width_px.value, specs[SLUG].height_px.value)
