"""The photo page end to end in a real headless browser (Debian's chromium via Selenium and chromium-driver).

A real `kzdocs serve` process on a free port; the browser picks the portrait file, chooses the document and
submits with JavaScript on (the XHR path with progress), as a person on a phone would. `.ci/run` installs
chromium and chromium-driver; where they are absent the tests skip and say why.
Set KZDOCS_SCREENSHOTS=DIR to keep the page's screenshots (phone and desktop) for a person to look at.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.docs_examples import write_portrait

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PROJECT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeded_registry: Path) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, KZDOCS_DB=str(seeded_registry))
    process = subprocess.Popen([sys.executable, "-m", "kzdocs", "serve", "--port", str(port)], cwd=PROJECT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{url}/-/photo", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("kzdocs serve did not answer")
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_window_size(390, 844)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver, name: str) -> None:  # noqa: ANN001
    folder = os.environ.get("KZDOCS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.body.scrollHeight")
        width = driver.get_window_size()["width"]
        driver.set_window_size(width, max(844, min(height + 150, 6000)))
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _submit(driver, url: str, image: Path, slug: str, lang: str = "en") -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{url}/-/photo?lang={lang}")
    driver.find_element(By.ID, "portrait").send_keys(str(image))
    driver.find_element(By.CSS_SELECTOR, f'input[name="profile"][value="{slug}"]').click()
    driver.find_element(By.CSS_SELECTOR, 'input[name="paper"][value="a4"]').click()
    driver.find_element(By.CSS_SELECTOR, "button.go").click()
    WebDriverWait(driver, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#verdict, .error")))


def test_a_portrait_becomes_a_passport_photo_and_both_files_download(server: str, browser, tmp_path: Path,  # noqa: ANN001
                                                                     ) -> None:
    from selenium.webdriver.common.by import By

    portrait = tmp_path / "me.jpg"
    write_portrait(portrait)
    browser.set_window_size(1280, 900)
    _shot(browser.get(f"{server}/-/photo?lang=en") or browser, "form-desktop")
    browser.set_window_size(390, 844)
    _submit(browser, server, portrait, "kz-passport-photo")
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "What to do:" in text or "meets the rules" in text
    rows = browser.find_elements(By.CSS_SELECTOR, "#checks tbody tr")
    assert len(rows) >= 18
    assert browser.find_element(By.ID, "digital").get_property("naturalWidth") > 0
    assert browser.find_element(By.ID, "preview").get_property("naturalWidth") > 0
    links = {a.get_attribute("id"): a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR,
                                                                                           ".downloads a")}
    _shot(browser, "result-phone")
    browser.set_window_size(1280, 900)
    _shot(browser, "result-desktop")
    browser.set_window_size(390, 844)
    photo = httpx.get(links["download-photo"], timeout=10)
    sheet = httpx.get(links["download-sheet"], timeout=10)
    spec = httpx.get(f"{server}/-/profile/kz-passport-photo", timeout=10)
    assert spec.status_code == 200
    with Image.open(io.BytesIO(photo.content)) as image:
        width, height = image.size
        assert image.format == "JPEG" and round(image.info["dpi"][0]) >= 300
        assert 0.7 < width / height < 0.85  # 35 x 45 mm
    with Image.open(io.BytesIO(sheet.content)) as image:
        assert sorted(image.size) == [2480, 3508] and round(image.info["dpi"][0]) == 300  # A4 at 300 dpi


def test_an_invalid_upload_shows_a_clear_message(server: str, browser, tmp_path: Path) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By

    fake = tmp_path / "holiday.jpg"
    fake.write_text("this is a note, not a photo\n" * 40, encoding="utf-8")
    _submit(browser, server, fake, "kz-id-card-photo")
    alert = browser.find_element(By.CSS_SELECTOR, ".error").text
    assert "not an image file we can read" in alert
    _shot(browser, "error-phone")


def test_the_language_switch_of_a_result_keeps_the_result(server: str, browser, tmp_path: Path) -> None:  # noqa: ANN001
    """A result made in Russian, switched to Kazakh: the same photo and checks, every word in Kazakh."""
    from selenium.webdriver.common.by import By

    portrait = tmp_path / "me.jpg"
    write_portrait(portrait)
    _submit(browser, server, portrait, "kz-id-card-photo", lang="ru")
    russian_photo = browser.find_element(By.ID, "digital").get_attribute("src")
    russian_rows = [row.get_attribute("data-check") + row.get_attribute("class")
                    for row in browser.find_elements(By.CSS_SELECTOR, "#checks tbody tr")]
    assert "Все проверки" in browser.find_element(By.TAG_NAME, "body").text
    _shot(browser, "result-ru-phone")
    browser.set_window_size(390, 844)
    browser.find_element(By.CSS_SELECTOR, ".langs a.switch-kk").click()
    assert "/-/photo/result/" in browser.current_url and browser.current_url.endswith("lang=kk")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Барлық тексеріс" in body and "Все проверки" not in body
    assert browser.find_element(By.ID, "digital").get_attribute("src") == russian_photo  # the same made photo
    assert [row.get_attribute("data-check") + row.get_attribute("class")
            for row in browser.find_elements(By.CSS_SELECTOR, "#checks tbody tr")] == russian_rows
    preview = browser.find_element(By.ID, "preview")
    assert preview.get_attribute("src").endswith("/preview-kk.png") and preview.get_property("naturalWidth") > 0
    _shot(browser, "result-kk-phone")
    browser.set_window_size(390, 844)


@pytest.mark.parametrize("lang, words", [("ru", "Фото на документы"), ("kk", "Құжатқа сурет жасау")])
def test_the_russian_and_kazakh_pages_render_their_text(server: str, browser, lang: str, words: str) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/-/photo?lang={lang}")
    assert words in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.CSS_SELECTOR, ".photo-page").get_attribute("lang") == lang
    _shot(browser, f"form-{lang}-phone")
