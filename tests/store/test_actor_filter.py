"""One actor filter everywhere: the CLI, the Python API, the web JSON API and the timelines match
``--actor X`` / ``actor=X`` the same way (tacitus.store.actorfilter), on a database of real articles
analysed by the real pipeline."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import tacitus
from tacitus.cli import app
from tacitus.store import Database
from tacitus.store import webqueries as wq
from tacitus.store.actorfilter import ACTOR_MATCH_CAP, match_actor

SECOND = ("Italy's foreign ministry said on Tuesday that the North Korean diplomat Jo Song-gil had left the "
          "embassy in Rome in November. South Korea's spy agency declined to comment on Wednesday. "
          "Western governments accused the regime of hiding the family of Jo.")

# every rule of the matching: exact id / name / alias / code in any case, country and sector codes,
# a part of a name, the raw-text fallback, LIKE wildcards typed by the user, nothing at all
FILTERS = ["Jo Song-gil", "jo song-gil", "person:jo-song-gil", "PERSON:JO-SONG-GIL", "Jo", "PRKGOV", "prkgov",
           "PRK", "kor", "GOV", "Italy", "Korea", "Song-gil", "the West", "50%", "a_b", "nobody at all"]


@pytest.fixture(scope="module")
def actor_db(example_article, pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("actorfilter") / "a.db"
    second = pipeline.extract(SECOND, date="2019-01-10", id="second")
    with Database(path) as db:
        db.add_articles([example_article, second])
    return path


@pytest.fixture(scope="module", params=["plain", "indexed"])
def web(actor_db, request, tmp_path_factory):
    from tacitus.web import Settings, create_app
    path = actor_db
    if request.param == "indexed":  # the plans of a big database: web indexes and planner statistics
        import shutil
        from tacitus.store.webqueries import ensure_indexes
        path = tmp_path_factory.mktemp("idx") / "a.db"
        shutil.copy(actor_db, path)
        ensure_indexes(path)
    with TestClient(create_app(path, Settings(warm=False))) as c:
        yield c


def _cli_ids(db, actor, *extra) -> set[str]:
    r = CliRunner().invoke(app, ["events", "--db", str(db), "--actor", actor, "--format", "jsonl", *extra])
    assert r.exit_code == 0, r.output
    return {json.loads(line)["id"] for line in r.stdout.splitlines() if line.strip()}


def _api_ids(db, actor, **extra) -> set[str]:
    d = tacitus.open(str(db))
    try:
        return set(d.events(actor=actor, **extra)["id"])
    finally:
        d.close()


def _web_ids(client, actor, **extra) -> set[str]:
    ids, url, params = set(), "/api/events", {"actor": actor, "size": 200, **extra}
    while url:
        r = client.get(url, params=params)
        assert r.status_code == 200, r.text
        j = r.json()
        ids |= {e["id"] for e in j["events"]}
        url, params = j["next"], None
    return ids


@pytest.mark.parametrize("actor", FILTERS)
def test_actor_filter_same_events_in_cli_api_and_web(actor_db, web, actor):
    cli, api, www = _cli_ids(actor_db, actor), _api_ids(actor_db, actor), _web_ids(web, actor)
    assert cli == api == www, (actor, cli ^ api, api ^ www)


def test_blank_actor_is_no_filter_everywhere(actor_db, web):
    """An actor string of spaces filters nothing in the CLI, the API and the web alike (the web had matched
    it as a substring of every name)."""
    everything = _api_ids(actor_db, None)
    assert everything and _cli_ids(actor_db, "   ") == _api_ids(actor_db, "   ") == _web_ids(web, "   ") == everything
    db = Database(str(actor_db))
    try:
        page = wq.event_page(db.conn, wq.EventFilters(actor="   "))
    finally:
        db.close()
    assert page.actor_ids == [] and page.notes == []  # no actor matched, nothing said about one


@pytest.mark.parametrize("actor,extra", [("Jo", {"type": "REQUEST"}), ("PRK", {"since": "2018-01-01"}),
                                         ("GOV", {"modality": "reported"}), ("the West", {"type": "DEFECT"})])
def test_actor_filter_same_events_with_other_filters(actor_db, web, actor, extra):
    opts = [x for k, v in extra.items() for x in (f"--{k}", v)]
    cli, api, www = _cli_ids(actor_db, actor, *opts), _api_ids(actor_db, actor, **extra), _web_ids(web, actor, **extra)
    assert cli == api == www and cli, (actor, extra)


def test_actor_filter_semantics(actor_db):
    db = Database(actor_db, readonly=True)
    conn = db.conn
    m = lambda s: match_actor(conn, s)  # noqa: E731
    jo = m("Jo Song-gil")
    assert jo.how == "exact" and jo.ids == ("person:jo-song-gil",)
    for same in ("jo song-gil", "person:jo-song-gil", "PERSON:JO-SONG-GIL", "Jo", "JO"):
        assert m(same).ids == jo.ids, same  # name, id, alias, any case
    prkgov = set(m("prkgov").ids)  # the composite code
    assert "person:jo-song-gil" in prkgov and "country:PRK" not in prkgov
    prk = set(m("PRK").ids)  # a country code: every North Korean actor, the country itself included
    assert {"country:PRK", "person:jo-song-gil"} | prkgov <= prk
    gov = set(m("gov").ids)  # a sector code: every government actor, of any country
    assert {"person:jo-song-gil", "group:ITAGOV"} <= gov and "country:ITA" not in gov
    korea = m("Korea")  # a part of names
    assert korea.how == "substring" and "country:PRK" in korea.ids and "country:KOR" in korea.ids
    west = m("the West")  # no such actor: the raw role text
    assert west.how == "text" and not west.ids and "raw text" in west.note
    assert db.count_events(actor="the West") >= 1
    assert m("50%").how == "text" and db.count_events(actor="50%") == 0  # % is a character, not a wildcard
    # every event the filter returns has one of the matched actors as source or target
    for ev in db.event_rows(actor="PRK"):
        assert ev["source_country"] == "PRK" or ev["target_country"] == "PRK" or "PRK" in (
            ev["source_code"] or "", ev["target_code"] or "")
    db.close()


def test_actor_filter_substring_cap_is_said_everywhere(tmp_path):
    """More than ACTOR_MATCH_CAP actors share a part of their names: the most mentioned ones are used,
    and the CLI and the web both say so (the same ids either way)."""
    path = tmp_path / "many.db"
    with Database(path) as db:
        with db.conn:
            db.conn.executemany("INSERT INTO actors (id, name, n_mentions) VALUES (?, ?, ?)",
                                [(f"person:zed-{i}", f"Zed Number{i}", i) for i in range(ACTOR_MATCH_CAP + 5)])
        m = db.match_actor("number")
        assert m.how == "substring" and m.more and len(m.ids) == ACTOR_MATCH_CAP
        assert "person:zed-0" not in m.ids and f"person:zed-{ACTOR_MATCH_CAP + 4}" in m.ids  # most mentioned
    r = CliRunner().invoke(app, ["events", "--db", str(path), "--actor", "number", "--format", "jsonl"])
    assert r.exit_code == 0 and "most mentioned" in r.stderr
    from tacitus.web import Settings, create_app
    with TestClient(create_app(path, Settings(warm=False))) as c:
        j = c.get("/api/events", params={"actor": "number"}).json()
    assert sorted(j["actor_ids"]) == sorted(m.ids) and any("most mentioned" in n for n in j["notes"])


@pytest.mark.parametrize("actor", ["Jo", "person:jo-song-gil", "PRKGOV", "kor", "Korea", "the West"])
def test_actor_filter_same_timeline_in_cli_api_and_web(actor_db, web, actor):
    from tacitus.timeline import build_timeline
    db = Database(actor_db, readonly=True)
    api = build_timeline(db, actor=actor, dates=5, sentences=1)
    matched = db.match_actor(actor)
    db.close()
    assert api.actor == matched  # the timeline's scope is the event filter's match
    r = CliRunner().invoke(app, ["timeline", "--db", str(actor_db), "--actor", actor, "--dates", "5",
                                 "--sentences", "1", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    cli = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    j = web.get("/api/timeline", params={"actor": actor, "dates": 5, "sentences": 1}).json()
    assert j["actor_ids"] == list(matched.ids)
    assert json.loads(json.dumps(list(api))) == cli == j["dates"]
    # the events a timeline shows are events the same filter returns
    shown = {m for d in api for e in d["events"] for m in [e["id"]] if not str(m).startswith("evc_")}
    assert shown <= _api_ids(actor_db, actor)
