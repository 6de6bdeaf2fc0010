"""The dashboard in a real browser: what a person sees, and that the page talks to no other host."""

from __future__ import annotations

import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO_DIR = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_DIR / "tests" / "artifacts"
SCREENSHOT = ARTIFACTS / "dashboard.png"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
STARTUP_SECONDS = 30
# Generous for a loaded CI machine; a healthy run draws the page in a few seconds.
DRAW_TIMEOUT_MS = 30_000
# st.dataframe's default geometry: 35 px rows (the header is one), the selection checkbox leftmost.
ROW_HEIGHT, ROW_CHECKBOX_X = 35, 14

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{process.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {STARTUP_SECONDS} s")


@pytest.fixture
def app_url(fixture_store):
    """The dashboard served by `streamlit run` on a free port, reading the fixture store."""
    port = free_port()
    env = {**os.environ, "TRACKER_DB": str(fixture_store.db), "TRACKER_ARTICLES": str(fixture_store.articles_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=REPO_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def distinct_colours(png: bytes) -> int:
    """How many colours an element's screenshot holds: a blank canvas has one or two."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])


def foreign_hosts(urls: list[str]) -> set[str]:
    """Hosts other than this machine among the requested URLs (data: and blob: URLs have none)."""
    return {urlparse(u).hostname for u in urls if urlparse(u).hostname and urlparse(u).hostname not in LOCAL_HOSTS}


def test_dashboard_browser_draws_filters_and_downloads(app_url: str, fixture_store):
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1500, "height": 1900}, accept_downloads=True)
            page = context.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.goto(app_url)

            deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
            deck.locator("canvas").first.wait_for(timeout=DRAW_TIMEOUT_MS)
            timeline = page.locator('[data-testid="stPlotlyChart"]').nth(1)
            timeline.locator(".js-plotly-plot .bars path, .js-plotly-plot .points path").first.wait_for(
                timeout=DRAW_TIMEOUT_MS)
            page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=DRAW_TIMEOUT_MS)
            page.get_by_text("CSV (12 rows)").first.wait_for(timeout=DRAW_TIMEOUT_MS)
            page.wait_for_timeout(1500)  # let deck.gl finish its first frames before the pictures
            assert distinct_colours(deck.screenshot()) > 20, "the map canvas drew nothing"
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=SCREENSHOT, full_page=True)

            # The grid is drawn on a canvas: click the first data row's selection cell by position.
            grid = page.locator('[data-testid="stDataFrame"]').first
            box = grid.bounding_box()
            page.mouse.click(box["x"] + ROW_CHECKBOX_X, box["y"] + ROW_HEIGHT * 1.5)
            page.get_by_text("Corroborated by 1 other article").wait_for(timeout=DRAW_TIMEOUT_MS)
            assert "record=" in page.url

            sidebar = page.locator('[data-testid="stSidebar"]')
            sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Supplier").click()
            page.get_by_role("option", name="IRN · Iran (2)").click()
            page.keyboard.press("Escape")
            button = page.get_by_role("button", name="CSV (2 rows)").first
            button.wait_for(timeout=DRAW_TIMEOUT_MS)
            assert "supplier=IRN" in page.url
            with page.expect_download() as download_info:
                button.click()
            download = download_info.value
            rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        finally:
            browser.close()

    assert download.suggested_filename == "records_supplier-IRN.csv"
    assert [r["supplier"] for r in rows] == ["IRN", "IRN"]
    assert {r["label"] for r in rows} == {"'=Fath-360", "Shahed-136"}
    assert not foreign_hosts(requests), f"the page contacted other hosts: {sorted(foreign_hosts(requests))}"
