"""The web UI in real headless Chromium (Debian's /usr/bin/chromium through Playwright): every page
loads without console errors, filters change the results, untrusted text stays inert. Screenshots go
to tests/artifacts/web/."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("TACITUS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}")]


@pytest.fixture(scope="module")
def server(web_db):
    import uvicorn
    from tacitus.web import create_app
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # console errors/warnings, page errors, failed or 4xx/5xx requests
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}")
          if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"failed: {r.url}"))
    pg.on("response", lambda r: pg.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    yield pg
    ctx.close()


def shot(pg, name: str, full: bool = True) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def count(pg) -> str:
    return pg.locator("#count").inner_text().strip()


PAGES = {
    "home": "/", "events": "/events", "map": "/map", "actors": "/actors", "articles": "/articles",
    "search": "/search?q=asylum", "docs": "/docs", "article": "/articles/a1", "article-xss": "/articles/a2",
    "actor": "/actors/USA%3Aunited%20states", "timeline": "/timeline?actor=ITA:italy",
    "not-found-json": "/api/stats",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_browser_page_loads_clean(server, page, name):
    page.goto(server + PAGES[name], wait_until="networkidle")
    assert page.problems == [], page.problems
    assert page.evaluate("window.__xss") is None
    shot(page, name)


def test_browser_event_page(server, page, client):
    eid = client.get("/api/events", params={"type": "REQUEST"}).json()["events"][0]["id"]
    page.goto(f"{server}/events/{eid}", wait_until="networkidle")
    assert page.problems == [], page.problems
    assert page.locator("blockquote.evidence mark.trigger").inner_text() == "asked"
    assert page.locator("blockquote.evidence mark.source").inner_text() == "Jo Song-gil"
    shot(page, "event")
    page.click("text=read it in the article")
    page.wait_for_url("**/articles/a1#s-0")
    page.wait_for_selector("#s-0.target-flash", timeout=5000)  # app.js flashes the linked sentence
    assert "target-flash" in page.locator("#s-0").get_attribute("class")


def test_browser_filters_change_results(server, page):
    page.goto(server + "/events", wait_until="networkidle")
    assert count(page) == "65"
    page.select_option("select[name=type]", "SANCTION")  # auto-submits (app.js)
    page.wait_for_url("**/events?type=SANCTION")
    assert count(page) == "1"
    assert page.locator(".ev-row .type").first.inner_text() == "SANCTION"
    page.fill("input[name=actor]", "")
    page.goto(server + "/events", wait_until="networkidle")
    page.fill("form.filters input[name=q]", "asylum")
    page.press("form.filters input[name=q]", "Enter")
    page.wait_for_url("**/events?q=asylum")  # empty fields are dropped from the URL
    assert count(page) == "1"
    page.goto(server + "/events", wait_until="networkidle")
    page.fill("input[name=country]", "PRK")
    page.fill("input[name=since]", "2018-01-01")
    with page.expect_navigation(wait_until="networkidle"):
        page.click("form.filters button[type=submit]")
    assert count(page) == "2"
    shot(page, "events-filtered")
    with page.expect_navigation(wait_until="networkidle"):
        page.click(".chip a")  # remove the first filter chip
    assert count(page) != "2"
    assert page.problems == [], page.problems


def test_browser_pagination_and_map_click(server, page):
    page.goto(server + "/events?size=20", wait_until="networkidle")
    first = page.locator(".ev-row .date").first.inner_text()
    page.click("a[rel=next]")
    page.wait_for_url("**page=2")
    assert page.locator(".ev-row .date").first.inner_text() != first
    page.goto(server + "/map", wait_until="networkidle")
    page.locator("circle.pt").first.dispatch_event("click")
    page.wait_for_url("**/events?place=*")
    assert count(page) == "23"
    assert page.problems == [], page.problems


def test_browser_small_screen(server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = ctx.new_page()
    pg.goto(server + "/events", wait_until="networkidle")
    # no horizontal scrolling on a phone
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(pg, "events-mobile", full=False)
    pg.goto(server + "/articles/a1", wait_until="networkidle")
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(pg, "article-mobile", full=False)
    ctx.close()


def test_browser_dark_mode(server, browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    pg = ctx.new_page()
    pg.goto(server + "/events", wait_until="networkidle")
    bg = pg.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg != "rgb(246, 245, 241)"  # the dark palette applies
    shot(pg, "events-dark", full=False)
    pg.goto(server + "/map", wait_until="networkidle")
    shot(pg, "map-dark", full=False)
    ctx.close()
