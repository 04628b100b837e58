"""Store: real SQLite files; idempotent re-ingest; rejects; queries; exports; migrations."""
from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pytest

from tacitus.ingest import read
from tacitus.model import Reject
from tacitus.store import Database
from tacitus.store.loader import ingest
from tests.conftest import EXAMPLE

TEXTS = [
    ("a1", "2021-03-01", "Police arrested dozens of protesters in Minsk on Sunday after a rally against President "
                         "Alexander Lukashenko, the interior ministry said."),
    ("a2", "2021-03-02", "Russia's foreign ministry accused the United States of interfering in Belarus, "
                         "a spokeswoman said on Tuesday."),
]


def _records(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in TEXTS))
    return p


def test_store_ingest_writes_articles_sentences_and_fts(tmp_db, tmp_path, pipeline):
    db = Database(tmp_db)
    s = ingest(db, read([_records(tmp_path)]), pipeline=pipeline)
    assert (s.read, s.stored, s.rejected) == (2, 2, 0)
    st = db.stats()
    assert st["articles"] == 2 and st["sentences"] >= 2 and st["schema_version"] >= 1
    hits = db.search_sentences("protesters Minsk")
    assert hits and hits[0]["article_id"] == "a1"
    art = db.article("a1")
    for s_ in art["sentences"]:
        assert art["text"][s_["start"]:s_["end"]] == s_["text"]


def test_store_reingest_is_idempotent(tmp_db, tmp_path, pipeline):
    db = Database(tmp_db)
    src = _records(tmp_path)
    ingest(db, read([src]), pipeline=pipeline)
    before = db.stats()
    s2 = ingest(db, read([src]), pipeline=pipeline)
    assert s2.stored == 0 and s2.skipped == 2
    assert db.stats() == before


def test_store_same_id_different_content_keeps_both(tmp_db, pipeline):
    db = Database(tmp_db)
    a = pipeline.extract(TEXTS[0][2], date="2021-03-01", id="same")
    b = pipeline.extract(TEXTS[1][2], date="2021-03-02", id="same")
    assert db.add_articles([a]) == 1 and db.add_articles([b]) == 1
    assert db.stats()["articles"] == 2


def test_store_rejects_table(tmp_db):
    db = Database(tmp_db)
    db.add_reject(Reject(origin="f.jsonl:3", id="r3", reason="broken JSON line: Expecting value"))
    db.add_reject(Reject(origin="f.jsonl:3", id="r3", reason="broken JSON line: Expecting value"))
    rows = db.rejects()
    assert len(rows) == 1 and rows[0]["origin"] == "f.jsonl:3" and "broken JSON" in rows[0]["reason"]
    # a record without an id, rejected again on a re-run, is listed once too
    for _ in range(2):
        db.add_reject(Reject(origin="f.jsonl:4", id=None, reason="broken JSON line: Expecting value"))
    assert len(db.rejects()) == 2


def test_store_text_filter_finds_the_events_of_matching_sentences(tmp_db, pipeline):
    """``events(text=...)`` (CLI ``--text``) returns the events whose evidence sentence has the words."""
    db = Database(tmp_db)
    ingest(db, read([str(EXAMPLE)]), pipeline=pipeline)
    df = db.events(text="asylum")
    assert len(df) >= 2 and all("asylum" in s for s in df["sentence_text"])
    assert len(db.events(text="defected")) >= 3 and db.events(text="zzzunknownword").empty


def test_store_resumes_after_partial_run(tmp_db, tmp_path, pipeline):
    """A run killed after the first batch resumes: the next run stores only what is missing."""
    db = Database(tmp_db)
    src = _records(tmp_path)
    first = list(read([src]))[:1]
    ingest(db, iter(first), pipeline=pipeline, batch_size=1)
    s = ingest(db, read([src]), pipeline=pipeline, batch_size=1)
    assert (s.stored, s.skipped) == (1, 1)


def test_store_events_query_dataframe_and_exports(tmp_db, pipeline, tmp_path):
    from tacitus.ingest import read as rd
    db = Database(tmp_db)
    ingest(db, rd([EXAMPLE]), pipeline=pipeline)
    df = db.events()
    assert isinstance(df, pd.DataFrame)
    n = len(df)
    assert n == db.count_events()
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"ev.{fmt}"
        assert db.export(out, format=fmt) == n
        assert out.exists()
    assert len(pd.read_parquet(tmp_path / "ev.parquet")) == n
    assert len(pd.read_csv(tmp_path / "ev.csv")) == n
    # every stored event points at its evidence sentence in the stored text
    con = sqlite3.connect(tmp_db)
    for eid, aid, s0, s1, stext in con.execute(
            "SELECT id, article_id, sentence_start, sentence_end, sentence_text FROM events"):
        text = con.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        assert text[s0:s1] == stext
        assert con.execute("SELECT COUNT(*) FROM evidence WHERE event_id = ?", (eid,)).fetchone()[0] == 1


def test_store_filters_are_parameterized(tmp_db, pipeline):
    db = Database(tmp_db)
    db.add_articles([pipeline.extract(TEXTS[0][2], date="2021-03-01", id="a1")])
    evil = "x' OR '1'='1"
    assert db.count_events(actor=evil) == 0
    assert db.count_events(country=evil) == 0
    assert db.search_sentences('"unbalanced') is not None  # user text can't break the FTS query


def test_store_open_readonly_missing_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        Database(tmp_path / "nope.db", readonly=True)


def test_store_python_api_open(tmp_db):
    import tacitus
    db = tacitus.open(tmp_db)
    assert list(db.events().columns)[:3] == ["id", "article_id", "pub_date"]


def test_store_migrations_bring_v1_file_to_current(tmp_db):
    """A version-1 file (schema.sql only) is upgraded in place on open; the web indexes match the store's."""
    import sqlite3
    from importlib import resources
    from tacitus.store.migrations import MIGRATIONS
    from tacitus.store.webqueries import WEB_INDEXES
    con = sqlite3.connect(tmp_db)
    con.executescript(resources.files("tacitus.store").joinpath("schema.sql").read_text())
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    db = Database(tmp_db)
    assert db.schema_version == max(MIGRATIONS)
    names = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master")}
    assert {"event_clusters", "event_cluster"} <= names
    assert set(WEB_INDEXES) <= names


def test_store_ingest_survives_kill_and_resumes(tmp_path):
    """SIGKILL a real `tacitus ingest` mid-run; the re-run stores exactly the missing articles."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path
    n = 200
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"k{i}", "date": "2021-04-0%d" % (1 + i % 9),
                                       "text": f"Police in city number {i} arrested {i + 2} protesters on Monday "
                                               f"after clashes near the parliament, officials said."}) + "\n"
                           for i in range(n)))
    db = tmp_path / "k.db"
    exe = str(Path(sys.executable).parent / "tacitus")
    proc = subprocess.Popen([exe, "ingest", "--quiet", "--batch-size", "2", "--db", str(db), str(src)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 4:
                break
    assert proc.poll() is None, "ingest finished before the test could kill it"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 1 <= stored < n
    r = subprocess.run([exe, "ingest", "--quiet", "--db", str(db), str(src)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == n
    ev_articles = con.execute("SELECT COUNT(DISTINCT article_id) FROM events").fetchone()[0]
    assert ev_articles <= n


def test_store_actors_listing(tmp_db, pipeline):
    db = Database(tmp_db)
    db.add_articles([pipeline.extract(TEXTS[1][2], date="2021-03-02", id="a2")])
    rows = db.actors()
    assert rows and all({"id", "name", "country", "code"} <= set(r) for r in rows)
    assert all(r["country"] == "RUS" for r in db.actors(country="rus"))
