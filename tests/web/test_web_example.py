"""The web pages on the bundled example article analysed by the real pipeline."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def example_client(example_article, tmp_path_factory):
    from tacitus.store import Database
    from tacitus.web import Settings, create_app
    path = tmp_path_factory.mktemp("ex") / "ex.db"
    with Database(path) as db:
        db.add_articles([example_article])
    with TestClient(create_app(path, Settings(warm=False))) as c:
        yield c, example_article


def test_web_example_every_event_page(example_client):
    client, art = example_client
    events = client.get("/api/events", params={"article": art.id, "size": 200}).json()["events"]
    assert len(events) == len({ev.id for ev in art.events})  # the store keeps one row per event id
    for e in events:
        html = client.get(f"/events/{e['id']}").text
        trig = art.text[e["trigger_start"]:e["trigger_end"]]
        assert re.search(r'<mark class="hl [^"]*trigger[^"]*"[^>]*>' + re.escape(trig) + "</mark>", html), e["id"]


def test_web_example_article_page_keeps_text(example_client):
    client, art = example_client
    html = client.get(f"/articles/{art.id}").text
    body = html.split('id="article-text">')[1].split("</article>")[0]
    import html as h
    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == art.text
    by_trigger: dict = {}
    for ev in art.events:  # coordinated events share a trigger ("Ko and Hyon defected"): one link per span
        by_trigger.setdefault((ev.trigger.start, ev.trigger.end), []).append(ev.id)
    for ids in by_trigger.values():
        assert any(f'href="/events/{i}"' in body for i in ids), ids
