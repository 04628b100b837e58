"""Web UI and JSON API through the test client, on a real SQLite file written by the real store."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .corpus import XSS

PAGES = ["/", "/events", "/map", "/actors", "/articles", "/search?q=asylum", "/docs", "/timeline",
         "/articles/a1", "/articles/a2", "/actors/ITA:italy", "/timeline?actor=ITA:italy"]


def _event_id(client, **params) -> str:
    return client.get("/api/events", params=params).json()["events"][0]["id"]


@pytest.mark.parametrize("path", PAGES)
def test_web_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text  # our only script is external (/static/app.js)
    assert "Content-Security-Policy" in r.headers


@pytest.mark.parametrize("path", ["/", "/events", "/map", "/actors", "/articles", "/search?q=asylum",
                                  "/articles/a1", "/actors/ITA:italy"])
def test_web_json_twin(client, path):
    base, _, query = path.partition("?")
    twin = (base.rstrip("/") or "/") + ".json" + (("?" + query) if query else "")
    r = client.get(twin)
    assert r.status_code == 200, twin
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json(), dict)


def test_web_no_external_assets(client):
    for path in PAGES:
        html = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http://", "https://", "//")) or "example.org" in url, (path, url)


def test_web_static_assets_served(client):
    html = client.get("/").text
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert client.get(url).status_code == 200, url
    assert client.get("/favicon.ico").status_code == 200


def test_web_article_text_is_escaped(client):
    r = client.get("/articles/a2")
    assert XSS not in r.text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in r.text
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &#34;quoted&#34;" in r.text
    # the title (also untrusted) is escaped in <title>, <h1> and in event lists
    assert "Italy expels envoy &lt;script&gt;" in r.text
    assert "javascript:" not in r.text  # a non-http URL is not linked
    ev = client.get("/events?actor=North Korea").text
    assert "window.__xss" in ev and XSS not in ev


def test_web_event_filters_change_results(any_client):
    client = any_client
    total = client.get("/api/events").json()["count"]
    assert total == 65
    assert client.get("/api/events", params={"type": "SANCTION"}).json()["count"] == 1
    assert client.get("/api/events", params={"type": "011"}).json()["count"] == 1  # CAMEO code
    assert client.get("/api/events", params={"country": "prk"}).json()["count"] == 4
    assert client.get("/api/events", params={"modality": "reported"}).json()["count"] == 1
    assert client.get("/api/events", params={"actor": "Jo Song-gil"}).json()["count"] == 2
    assert client.get("/api/events", params={"actor": "PRK:jo song-gil"}).json()["count"] == 2
    assert client.get("/api/events", params={"q": "asylum"}).json()["count"] == 1
    assert client.get("/api/events", params={"place": 3169070}).json()["count"] == 23
    assert client.get("/api/events", params={"article": "a1"}).json()["count"] == 3
    r = client.get("/api/events", params={"since": "2019-01-01", "until": "2019-12-31"}).json()
    # 12 talks in 2019, NIS on 2019-01-03, AID "before 2019-01-03" (open start: may have happened then)
    assert r["count"] == 14
    assert client.get("/api/events", params={"since": "2019"}).json()["count"] == 14
    both = client.get("/api/events", params={"actor": "Italy", "type": "SANCTION"}).json()
    assert both["count"] == 1 and both["events"][0]["trigger_text"] == "expelled"


def test_web_event_list_sorted_and_paginated(any_client):
    client = any_client
    p1 = client.get("/api/events", params={"size": 20}).json()
    p2 = client.get(p1["next"]).json()
    ids1 = [e["id"] for e in p1["events"]]
    ids2 = [e["id"] for e in p2["events"]]
    assert len(ids1) == 20 and len(ids2) == 20 and not set(ids1) & set(ids2)
    dates = [e["date_start"] for e in p1["events"] + p2["events"] if e["date_start"]]
    assert dates == sorted(dates, reverse=True)
    old = client.get("/api/events", params={"sort": "oldest", "size": 3}).json()["events"]
    assert old[0]["date_start"] == "2015-01-10"
    html = client.get("/events?size=20").text
    assert 'rel="next" href="/events?size=20&amp;page=2"' in html
    assert client.get("/api/events", params={"page": 10_000}).status_code == 400


def test_web_bad_parameters_are_400(client):
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 400
    assert client.get("/api/events", params={"modality": "maybe"}).status_code == 400
    assert client.get("/api/events", params={"place": "x"}).status_code == 400
    r = client.get("/events", params={"until": "2019-13"})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]


def test_web_event_page_shows_everything(client):
    eid = _event_id(client, type="REQUEST")
    html = client.get(f"/events/{eid}").text
    assert 'class="hl trigger"' in html and ">asked<" in html
    assert 'class="hl source"' in html and 'class="hl target"' in html
    for s in ("REQUEST", "0234", "PRKGOV", "2018-12", "START", "Rome", "3169070", "reported",
              "the Joongang Ilbo", "0.80", "basis-text"):
        assert s in html, s
    assert f'href="/articles/a1#s-0"' in html
    j = client.get(f"/events/{eid}.json").json()
    assert j["event"]["type"] == "REQUEST" and j["row"]["source_code"] == "PRKGOV"
    assert len(j["sources"]) >= 1 and j["sources"][0]["article_id"] == "a1"
    assert client.get(f"/api/events/{eid}").json()["event"]["id"] == eid
    assert client.get("/events/ev_nope").status_code == 404
    assert client.get("/api/events/ev_nope").json()["status"] == 404


def test_web_article_highlights_from_offsets(client):
    html = client.get("/articles/a1").text
    assert re.search(r'<a class="hl actor" href="/actors/PRK%3Ajo%20song-gil"[^>]*>Jo Song-gil</a>', html)
    assert re.search(r'<a class="hl place" href="/events\?place=3169070"[^>]*>Rome</a>', html)
    assert re.search(r'<mark class="hl timex" title="DATE 2018-12 START">early last month</mark>', html)
    assert re.search(r'<a class="hl trigger" href="/events/ev_[0-9a-f]+"[^>]*>asked</a>', html)
    assert 'class="sent ev" id="s-0"' in html
    # the text between highlights is intact
    text = re.sub(r"<[^>]+>", "", html.split('id="article-text">')[1].split("</article>")[0])
    assert "Jo Song-gil asked Italy for asylum in Rome early last month" in text


def test_web_highlight_overlaps_and_escaping():
    from tacitus.web.render import Span, highlight
    out = str(highlight("a <b> c", [Span(0, 5, "x"), Span(2, 7, "y", title='"t"', href="/e?a=1&b=2")]))
    assert out == ('<mark class="hl x">a </mark><a class="hl x y" href="/e?a=1&amp;b=2" title="&#34;t&#34;">'
                   '&lt;b&gt;</a><a class="hl y" href="/e?a=1&amp;b=2" title="&#34;t&#34;"> c</a>')
    assert str(highlight("abc", [Span(5, 9, "x")])) == "abc"


def test_web_actor_page_has_chart_and_events(client):
    html = client.get("/actors/" + quote("USA:united states", safe="")).text
    assert '<svg class="chart"' in html and 'class="bar-src"' in html
    assert "United States" in html and "USAGOV" in html
    j = client.get("/api/actors/USA:united states").json()
    assert j["count"] == 60 and len(j["months"]) == 60
    assert j["counterparts"][0]["name"] == "Italy"
    assert client.get("/actors/nobody").status_code == 404


def test_web_map_plots_places(any_client):
    client = any_client
    j = client.get("/api/map").json()
    names = {p["name"]: p["n"] for p in j["points"]}
    assert names == {"Rome": 23, "Seoul": 1}
    html = client.get("/map").text
    assert '<svg class="worldmap"' in html and html.count('class="pt"') == 2
    import importlib.util
    if importlib.util.find_spec("countryinfo"):  # country outlines come from that package (a dependency)
        assert html.count('class="land') > 150
    assert client.get("/api/map", params={"type": "REJECT"}).json()["points"][0]["name"] == "Seoul"


def test_web_search(client):
    j = client.get("/api/search", params={"q": "asylum"}).json()
    assert j["sentences"][0]["article_id"] == "a1" and j["event_count"] == 1
    html = client.get("/search", params={"q": "asylum"}).text
    assert '<mark class="hl match">asylum</mark>' in html
    assert client.get("/api/search", params={"q": 'x" OR "'}).status_code == 200  # FTS syntax is neutralised
    assert client.get("/api/search", params={"q": "Italy"}).json()["actors"][0]["id"] == "ITA:italy"


def test_web_docs_offline(client):
    html = client.get("/docs").text
    assert "/api/events" in html and "/api/map" in html and "cdn" not in html.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/actors", "/api/map",
            "/api/search", "/api/stats"} <= set(spec["paths"])
    assert client.get("/redoc").status_code == 404


def test_web_overview(client):
    j = client.get("/api/stats").json()
    assert j["stats"]["events"] == 65 and j["stats"]["articles"] == 62
    assert j["types"][0] == {"type": "CONSULT", "n": 60}


def test_web_app_refuses_missing_db(tmp_path):
    from tacitus.web import create_app
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.db")


def test_web_ensure_indexes(tmp_path):
    import sqlite3
    from tacitus.store.webqueries import WEB_INDEXES, ensure_indexes, missing_indexes
    from .corpus import build
    db = build(tmp_path / "i.db")
    assert missing_indexes(db) == []  # store migration v3 creates them with the file
    con = sqlite3.connect(db)
    for name in WEB_INDEXES:  # a file from before v3 (or with an index dropped) gets them back
        con.execute(f"DROP INDEX {name}")
    con.commit()
    con.close()
    assert set(missing_indexes(db)) == set(WEB_INDEXES)
    assert set(ensure_indexes(db)) == set(WEB_INDEXES)
    assert ensure_indexes(db) == [] and missing_indexes(db) == []


def test_web_serve_command_defaults_to_localhost():
    from typer.testing import CliRunner
    from tacitus.cli import app
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output
    r = CliRunner().invoke(app, ["serve", "--db", "/nonexistent/x.db"])
    assert r.exit_code != 0


COMBOS = [{}, {"country": "ITA"}, {"until": "2017-06-30"}, {"country": "ITA", "until": "2016-12-31", "since": "2016-01-01"},
          {"until": "2019-01-02", "actor": "Jo Song-gil"}, {"country": "ITA", "type": "CONSULT"}, {"actor": "Italy", "modality": "asserted"},
          {"since": "2016-01-01", "until": "2017-12-31"}, {"country": "ITA", "since": "2018"},
          {"type": "040", "place": 3169070}, {"q": "talks"}, {"q": "talks", "country": "USA", "until": "2016"},
          {"sort": "oldest", "country": "ITA"}, {"sort": "confidence", "modality": "asserted"}]


@pytest.mark.parametrize("params", COMBOS)
def test_web_query_plans_agree(web_db, tmp_path, params):
    """Whatever plan a query takes (lead filter, index walk, capped or budgeted count), the rows are the
    same as with no caps at all."""
    import shutil
    from fastapi.testclient import TestClient
    from tacitus.store.webqueries import ensure_indexes
    from tacitus.web import Settings, create_app
    indexed = tmp_path / "idx.db"
    shutil.copy(web_db, indexed)
    ensure_indexes(indexed)
    results = []
    for path in (web_db, indexed):
        for cap in (100000, 3):
            with TestClient(create_app(path, Settings(count_cap=cap, warm=False))) as c:
                j = c.get("/api/events", params={**params, "size": 7}).json()
                j2 = c.get("/api/events", params={**params, "size": 7, "page": 2}).json()
                results.append(([e["id"] for e in j["events"]] + [e["id"] for e in j2["events"]],
                                j["count"] if j["count_exact"] else None))
    ids = {tuple(r[0]) for r in results}
    assert len(ids) == 1, results
    exact = {r[1] for r in results if r[1] is not None}
    assert len(exact) == 1, results


def test_web_server_error_page(web_db, monkeypatch):
    from fastapi.testclient import TestClient
    from tacitus.store import webqueries
    from tacitus.web import Settings, create_app

    def boom(*a, **k):
        raise RuntimeError("boom <script>")
    monkeypatch.setattr(webqueries, "actor", boom)
    with TestClient(create_app(web_db, Settings(warm=False)), raise_server_exceptions=False) as c:
        r = c.get("/actors/ITA:italy")
        assert r.status_code == 500 and "text/html" in r.headers["content-type"] and "<script>" not in r.text
        assert c.get("/api/actors/ITA:italy").json()["status"] == 500


def test_web_count_labels():
    from tacitus.web.render import count_label
    assert count_label(1234) == "1,234" and count_label(10000, False) == "10,000+" and count_label(None, False) == "many"


def test_web_timeline_gives_up_politely(web_db, monkeypatch):
    from fastapi.testclient import TestClient
    from tacitus.web import Settings, create_app
    from tacitus.web.routers import timeline
    monkeypatch.setattr(timeline, "BUDGET_S", 0.0)
    with TestClient(create_app(web_db, Settings(warm=False))) as c:
        r = c.get("/timeline", params={"actor": "ITA:italy"})
        assert r.status_code in (200, 503)  # a tiny database may finish before the first check
        if r.status_code == 503:
            assert "narrow it" in r.text


def test_web_timeline_says_when_it_is_sampled(web_db, monkeypatch):
    from fastapi.testclient import TestClient
    from tacitus.timeline import build
    from tacitus.web import Settings, create_app
    monkeypatch.setattr(build, "SCOPE_BUDGET", 1)
    with TestClient(create_app(web_db, Settings(warm=False))) as c:
        r = c.get("/timeline.json", params={"country": "ITA"})
        assert r.status_code == 200 and r.json()["sample"]["step"] >= 2
        page = c.get("/timeline", params={"country": "ITA"})
        assert page.status_code == 200 and "Estimated from a sample" in page.text
    monkeypatch.setattr(build, "SCOPE_BUDGET", 10**9)
    with TestClient(create_app(web_db, Settings(warm=False))) as c:
        assert c.get("/timeline.json", params={"country": "ITA"}).json()["sample"] is None
