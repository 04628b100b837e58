"""Cross-article merging (tacitus.store.clusters): real SQLite files, real CLI, real pipeline."""
from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.model import Actor, Article, Event, EventDate, Participant, Span, event_id
from tacitus.store import Database
from tacitus.store import clusters

BP = Actor("BP", country="GBR", sectors=["BUS"], id="actor:bp")
GREENPEACE = Actor("Greenpeace", sectors=["NGO"], id="actor:greenpeace")
WWF = Actor("WWF", sectors=["NGO"], id="actor:wwf")


def make_article(aid: str, pub: str, sentence: str, trigger: str, type: str = "PROTEST",
                 source: Actor | None = GREENPEACE, target: Actor | None = BP, day: str | None = "2010-05-01",
                 negated: bool = False) -> Article:
    """One article whose only sentence reports one event (hand-coded, so merging is tested alone)."""
    text = sentence
    t0 = text.index(trigger)
    ev = Event(type=type, trigger=Span(t0, t0 + len(trigger), trigger), sentence=Span(0, len(text)),
               source=Participant(0, 5, text[:5], source) if source else None,
               target=Participant(0, 5, text[:5], target) if target else None,
               date=EventDate(value=day, start=day, end=day, granularity="day", basis="text") if day
               else EventDate(end=pub, basis="unknown"), negated=negated,
               modality="negated" if negated else "asserted")
    ev.id = event_id(aid, ev)
    art = Article(id=aid, date=pub, text=text, sentences=[Span(0, len(text))], events=[ev])
    art.content_hash = hashlib.sha256(f"{pub}|{text}".encode()).hexdigest()
    return art


S1 = "Greenpeace activists protested against BP outside its London headquarters on Saturday."
S2 = "On Saturday hundreds of Greenpeace supporters demonstrated at BP's head office in London."


@pytest.fixture
def db(tmp_db):
    d = Database(tmp_db)
    yield d
    d.close()


def cluster_of(db, article_id):
    ev = db.conn.execute("SELECT id FROM events WHERE article_id = ?", (article_id,)).fetchone()[0]
    return clusters.cluster_id(db, ev)


def test_clusters_schema_migrated(db):
    assert db.schema_version >= 2
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master")}
    assert {"event_clusters", "event_cluster"} <= names


def test_clusters_two_articles_same_event_merge(db):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested")])
    assert clusters.merge_new(db) == 1
    db.add_articles([make_article("b", "2010-05-03", S2, "demonstrated")])
    assert clusters.merge_new(db) == 1
    assert cluster_of(db, "a") == cluster_of(db, "b") is not None
    c = clusters.cluster(db, db.conn.execute("SELECT id FROM events WHERE article_id='b'").fetchone()[0])
    assert (c["n_mentions"], c["n_articles"], c["n_sources"]) == (2, 2, 2)
    assert (c["first_report"], c["last_report"]) == ("2010-05-02", "2010-05-03")
    assert (c["date_start"], c["date_end"]) == ("2010-05-01", "2010-05-01")
    srcs = clusters.sources(db, c["id"])
    assert [s["article_id"] for s in srcs] == ["a", "b"]
    assert srcs[1]["sentence_text"] == S2 and not any(s["copy"] for s in srcs)


def test_clusters_syndicated_copy_counts_once(db):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested"),
                     make_article("wire-copy", "2010-05-03", S1, "protested")])
    clusters.merge_new(db)
    assert cluster_of(db, "a") == cluster_of(db, "wire-copy")
    eid = db.conn.execute("SELECT id FROM events WHERE article_id='wire-copy'").fetchone()[0]
    c = clusters.cluster(db, eid)
    assert (c["n_mentions"], c["n_articles"], c["n_sources"]) == (2, 2, 1)
    assert [s["copy"] for s in clusters.sources(db, eid)] == [False, True]


@pytest.mark.parametrize("other", [
    dict(type="ACCUSE"),  # different type
    dict(source=WWF),  # different source actor
    dict(target=Actor("Shell", country="NLD", id="actor:shell")),  # different target actor
    dict(day="2010-06-12"),  # different day
    dict(negated=True),  # "did not protest" is not the protest
    dict(source=None, target=None),  # no actor at all: never merged on type and date alone
])
def test_clusters_no_merge_across_actors_types_dates(db, other):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested")])
    db.add_articles([make_article("b", "2010-05-03", S2, "demonstrated", **other)])
    clusters.merge_new(db)
    assert cluster_of(db, "a") != cluster_of(db, "b")
    assert db.conn.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0] == 2


def test_clusters_bare_sector_actor_is_not_an_identity(db):
    some_gov = Actor("officials", sectors=["GOV"], id="group:---GOV")
    db.add_articles([make_article("a", "2010-05-02", S1, "protested", source=some_gov, target=None),
                     make_article("b", "2010-05-03", S2, "demonstrated", source=some_gov, target=None)])
    clusters.merge_new(db)
    assert cluster_of(db, "a") != cluster_of(db, "b")


@pytest.mark.parametrize("target,merged", [(BP, True), (None, False)])
def test_clusters_undated_mentions_need_both_roles(db, target, merged):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested", day=None, target=target),
                     make_article("b", "2010-05-03", S2, "demonstrated", day=None, target=target)])
    clusters.merge_new(db)
    assert (cluster_of(db, "a") == cluster_of(db, "b")) is merged


def test_clusters_unknown_actor_role_is_compatible(db):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested"),
                     make_article("b", "2010-05-03", S2, "demonstrated", target=None)])
    clusters.merge_new(db)
    assert cluster_of(db, "a") == cluster_of(db, "b")


def test_clusters_incremental_equals_rebuild_and_is_reversible(db):
    arts = [make_article("a", "2010-05-02", S1, "protested"),
            make_article("b", "2010-05-03", S2, "demonstrated"),
            make_article("c", "2010-05-03", S2 + " Police watched.", "demonstrated", type="ACCUSE"),
            make_article("d", "2010-05-04", S1, "protested")]
    for a in arts:  # one batch per article, as the ingest job does
        db.add_articles([a])
        clusters.merge_new(db)
    before = {r[0]: r[1] for r in db.conn.execute("SELECT event_id, cluster_id FROM event_cluster")}
    n_events = db.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert clusters.rebuild(db) == 2
    after = {r[0]: r[1] for r in db.conn.execute("SELECT event_id, cluster_id FROM event_cluster")}
    assert before == after
    assert db.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events == 4
    assert clusters.merge_new(db) == 0  # nothing new


def test_clusters_unmerged_mention_is_its_own_source(db):
    db.add_articles([make_article("a", "2010-05-02", S1, "protested")])
    eid = db.conn.execute("SELECT id FROM events").fetchone()[0]
    assert [s["event_id"] for s in clusters.sources(db, eid)] == [eid]


WIRE = ("LONDON (Reuters) - British Prime Minister Gordon Brown met U.S. President Barack Obama in "
        "Washington on Tuesday to discuss the economic crisis. Brown urged Obama to back a global stimulus "
        "plan. Protesters marched in London against the war in Afghanistan.")


def test_clusters_ingest_wire_copy_merges_every_mention(tmp_path, pipeline):
    """Real pipeline and CLI: a wire story and its copy published the next day; each mention of the copy
    joins the merged event of the original, counted as one source."""
    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (
        {"id": "orig", "time": "2009-03-03", "text": WIRE},
        {"id": "copy", "time": "2009-03-04", "text": WIRE})) + "\n")
    dbp = tmp_path / "t.db"
    res = CliRunner().invoke(app, ["ingest", "-q", "--db", str(dbp), "--input-format", "jsonl", str(src)])
    assert res.exit_code == 0, res.output
    db = Database(dbp)
    rows = db.conn.execute("SELECT e.id, e.article_id, m.cluster_id FROM events e "
                           "LEFT JOIN event_cluster m ON m.event_id = e.id").fetchall()
    assert rows and all(r[2] for r in rows)  # the ingest job merged every mention
    orig = {r[2] for r in rows if r[1] == "orig"}
    copy = {r[2] for r in rows if r[1] == "copy"}
    assert copy <= orig
    for cid in copy:
        c = db.conn.execute("SELECT n_articles, n_sources FROM event_clusters WHERE id = ?", (cid,)).fetchone()
        assert c[0] == 2 and c[1] == 1
    db.close()
