"""The web UI in headless Chromium (Debian's, never a downloaded one): what a
reader clicks through. Each test takes a screenshot: into docs/screenshots/
with `make screenshots` (DOSSIER_SCREENSHOTS set), else into a temporary
folder, so `make test` leaves the checkout as it found it."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.present.web.conftest import HOSTILE_TITLE, SCRIPT

pytestmark = [pytest.mark.corpus, pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/lib/chromium/chromium")
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"

# Imported only where Chromium can run: without it the tests skip, and the
# Playwright fixtures these names type are never built.
if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect
else:  # pragma: no cover
    Browser = Page = Any


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Debian's Chromium, headless, talking to nothing but the test server."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return {
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, Any]:
    return {"viewport": {"width": 1280, "height": 860}}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """`dossier serve`'s app under uvicorn on a free loopback port, for this
    module's tests alone (its loop wakes ten times a second while it runs)."""
    import uvicorn

    from dossier.present.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(web_db), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(
    browser_name: str, browser_type_launch_args: dict[str, Any]
) -> Iterator[Browser]:
    """The browser and Playwright's driver for this module alone, stopped
    when it ends. pytest-playwright's (session fixtures) stayed up idle until
    the worker's last test, minutes after this module: idle, the two took
    some 0.3 CPU s a minute (load 7), reaped at the session's end (issue 14,
    part 7)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = getattr(playwright, browser_name).launch(**browser_type_launch_args)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shared_page(
    browser: Browser, browser_context_args: dict[str, Any]
) -> Iterator[Page]:
    """One page for the module's tests, each of which opens its own URL
    first: a context and page per test (pytest-playwright's `page`) started
    a renderer each, some 2 of Chromium's 5 CPU s here (issue 14, part 7)."""
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(shared_page: Page) -> Page:
    return shared_page


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("DOSSIER_SCREENSHOTS"):
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return DOCS_SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")


def shot(page: Page, name: str, folder: Path) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 0


def test_search_then_open_a_document(
    page: Page, server: str, screenshots: Path
) -> None:
    page.goto(server + "/")
    page.get_by_label("query").fill("Kim Il Sung")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".hit").first).to_be_visible()
    expect(page.locator(".snippet mark").first).to_have_text(re.compile("Kim|Il|Sung"))
    expect(page.locator(".facets")).to_contain_text("Outlet")
    shot(page, "search", screenshots)
    first = page.locator(".hit a.doc").first
    href = first.get_attribute("href") or ""
    first.click()
    expect(page).to_have_url(server + href)
    expect(page.locator(".text a.mention").first).to_be_visible()
    shot(page, "document", screenshots)


def test_click_an_entity(page: Page, server: str, screenshots: Path) -> None:
    page.goto(server + "/?q=Kim+Il+Sung")
    page.locator(".hit a.doc").first.click()
    mention = page.locator(".text a.mention.PERSON").first
    name = mention.get_attribute("title") or ""
    mention.click()
    expect(page).to_have_url(re.compile(r"/entity/"))
    expect(page.locator("h1")).to_contain_text(name.split(" (")[0])
    expect(page.get_by_role("heading", name="Printed as")).to_be_visible()
    shot(page, "entity", screenshots)


def test_timeline_chart_draws_points_and_zooms(
    page: Page, server: str, screenshots: Path
) -> None:
    page.goto(server + "/timeline")
    points = page.locator("#chart svg circle.point")
    expect(points.first).to_be_attached()
    assert points.count() > 10
    label = page.locator("#chart .controls .dim")
    everything = label.inner_text()
    page.locator("#chart button[data-zoom=year]").click()
    expect(label).not_to_have_text(everything)
    page.locator("#chart button[data-zoom=all]").click()
    expect(label).to_have_text(everything)
    shot(page, "timeline", screenshots)
    page.locator("#chart svg a").first.click()
    expect(page).to_have_url(re.compile(r"/doc/[0-9a-f]{12}\?mark=\d+-\d+#mark"))
    expect(page.locator("#mark")).to_be_visible()


def test_open_a_conflict(page: Page, server: str, screenshots: Path) -> None:
    page.goto(server + "/conflicts")
    group = page.locator(".group.conflict").first
    expect(group.locator(".verdict")).to_have_text("conflict")
    assert group.locator(".claim").count() >= 2
    shot(page, "conflicts", screenshots)
    figure = group.locator(".claim q").first.inner_text()
    group.locator(".claim a.doc").first.click()
    expect(page.locator("#mark")).to_contain_text(figure.split()[0])


def test_follow_a_locator(page: Page, server: str, screenshots: Path) -> None:
    page.goto(server + "/?q=Kim+Il+Sung")
    page.locator(".hit a.doc").first.click()
    row = page.locator(".annotations table").last.locator("tr").nth(1)
    printed = row.locator("td").first.inner_text()
    row.locator("a.locator").click()
    expect(page.locator("h1")).to_have_text("In the original file")
    expect(page.locator("pre.source .target")).to_be_visible()
    assert printed.split()[-1] in page.locator("pre.source .target").inner_text()
    shot(page, "source", screenshots)


def test_reuse_pairs_aligned(page: Page, server: str, screenshots: Path) -> None:
    page.goto(server + "/reuse")
    expect(page.locator(".pair").first).to_be_visible()
    expect(page.locator(".pair .differs").first).to_be_visible()
    shot(page, "reuse", screenshots)


def test_calendar_then_follow_a_source(
    page: Page, server: str, screenshots: Path
) -> None:
    # A period the seeds date events in, whatever today is.
    page.goto(server + "/calendar")
    page.get_by_label("from").fill("2025")
    page.get_by_label("to").fill("2026")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/calendar\?from=2025&to=2026"))
    rows = page.locator("table.calendar td.anniversary")
    expect(rows.first).to_have_text(re.compile(r"^\d+(st|nd|rd|th)$"))
    assert rows.count() >= 2
    shot(page, "calendar", screenshots)
    source = page.locator("ul.sources li").first
    words = source.locator("q").inner_text()
    source.locator("a.doc").click()
    expect(page).to_have_url(re.compile(r"/doc/[0-9a-f]{12}\?mark=\d+-\d+#mark"))
    expect(page.locator("#mark")).to_contain_text(words.split()[0])
    page.go_back()
    page.locator("ul.sources li a.locator").first.click()
    expect(page.locator("h1")).to_have_text("In the original file")
    expect(page.locator("pre.source .target")).to_contain_text(words.split()[-1])


def test_stored_script_shows_as_text_and_never_runs(
    page: Page, server: str, screenshots: Path
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/?q=harvest")
    page.get_by_role("link", name=HOSTILE_TITLE).click()
    expect(page.locator(".text")).to_contain_text(SCRIPT)
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    assert page.locator(".text img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    shot(page, "xss", screenshots)
    page.goto(page.url + "?raw=1")
    expect(page.locator(".text")).to_contain_text(SCRIPT)
    page.wait_for_timeout(300)
    assert dialogs == []
