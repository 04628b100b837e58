"""Timelines (tacitus.timeline) and ``tacitus timeline``: real SQLite files, real pipeline and CLI."""
from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.model import Article, Span, Timex
from tacitus.store import Database
from tacitus.timeline import build_timeline
from tacitus.timeline.build import day_of


def article(aid: str, pub: str, sentences: list[tuple[str, str | None]]) -> Article:
    """An article of sentences; a sentence may carry one timex (its last words) of the given day."""
    text, spans, timexes = "", [], []
    for s, day in sentences:
        start = len(text)
        text += s + " "
        spans.append(Span(start, start + len(s)))
        if day:
            words = s.rstrip(".").split()[-3:]
            phrase = " ".join(words)
            i = text.index(phrase, start)
            timexes.append(Timex(i, i + len(phrase), phrase, "DATE", day))
    a = Article(id=aid, date=pub, text=text.strip(), sentences=spans, timexes=timexes)
    a.content_hash = hashlib.sha256(f"{pub}|{a.text}".encode()).hexdigest()
    return a


BLAST = "The Deepwater Horizon rig exploded in the Gulf of Mexico on 20 April 2010."
ARTICLES = [
    article("a1", "2010-04-21", [(BLAST, "2010-04-20"),
                                 ("Eleven workers are missing after the blast on the drilling rig.", None)]),
    article("a2", "2010-05-02", [("Oil has leaked since the rig exploded and sank on 20 April 2010.", "2010-04-20"),
                                 ("BP tried to cap the well with a containment dome on 7 May 2010.", "2010-05-07")]),
    article("a3", "2010-06-16", [("President Obama met BP chairman Carl-Henric Svanberg on 16 June 2010.",
                                  "2010-06-16"),
                                 ("BP agreed to set up a twenty billion dollar fund for the victims of the spill.",
                                  None),
                                 ("Officials recalled that the rig had exploded on 20 April 2010.", "2010-04-20")]),
    article("a4", "2010-06-17", [("BP chief Tony Hayward faced angry lawmakers in Washington on 17 June 2010.",
                                  "2010-06-17")]),
]


@pytest.fixture
def db(tmp_db):
    d = Database(tmp_db)
    d.add_articles(ARTICLES)
    yield d
    d.close()


@pytest.mark.parametrize("value,day", [("2010-04-20", "2010-04-20"), ("2010-04-20T14:00", "2010-04-20"),
                                       ("2010-04", None), ("2010-W16", None), ("PRESENT_REF", None),
                                       ("2010-02-30", None)])
def test_timeline_day_of_value(value, day):
    assert day_of(value) == day


def test_timeline_date_referenced_by_later_articles_ranks_first(db):
    tl = build_timeline(db, dates=1, sentences=2)
    assert [e["date"] for e in tl] == ["2010-04-20"]
    assert tl[0]["sentences"][0] in {BLAST, "Oil has leaked since the rig exploded and sank on 20 April 2010.",
                                     "Officials recalled that the rig had exploded on 20 April 2010."}
    assert len(tl[0]["sentences"]) == 2
    assert {s["article_id"] for s in tl[0]["sources"]} <= {"a1", "a2", "a3"}


def test_timeline_dates_in_order_with_k_sentences(db):
    tl = build_timeline(db, dates=4, sentences=1)
    days = [e["date"] for e in tl]
    assert days == sorted(days) and len(days) == 4 and "2010-04-20" in days
    assert all(len(e["sentences"]) == 1 and set(e) >= {"date", "sentences", "events"} for e in tl)


def test_timeline_since_until_bound_the_dates(db):
    tl = build_timeline(db, since="2010-05-01", until="2010-06-16", dates=10, sentences=1)
    assert tl and all("2010-05-01" <= e["date"] <= "2010-06-16" for e in tl)
    assert "2010-04-20" not in [e["date"] for e in tl]


def test_timeline_query_restricts_the_text(db):
    assert [e["date"] for e in build_timeline(db, query="Hayward", dates=1)] == ["2010-06-17"]
    tl = build_timeline(db, query="Hayward", dates=3, sentences=2)
    assert "2010-06-17" in [e["date"] for e in tl]
    assert all("Hayward" in s for e in tl for s in e["sentences"])


def test_timeline_empty_database(tmp_path):
    assert build_timeline(Database(tmp_path / "e.db"), dates=5) == []


@pytest.mark.parametrize("format", ["jsonl", "md", "table"])
def test_timeline_cli_formats(db, format):
    res = CliRunner().invoke(app, ["timeline", "--db", str(db.path), "--dates", "2", "--sentences", "1",
                                   "--format", format])
    assert res.exit_code == 0, res.output
    if format == "jsonl":
        rows = [json.loads(line) for line in res.stdout.splitlines()]
        assert len(rows) == 2 and rows[0]["date"] < rows[1]["date"]
        assert all(len(r["sentences"]) == 1 and isinstance(r["events"], list) for r in rows)
    elif format == "md":
        assert "## 2010-04-20" in res.stdout
    else:
        assert "2010-04-20" in res.stdout


def test_timeline_cli_rejects_bad_date(db):
    res = CliRunner().invoke(app, ["timeline", "--db", str(db.path), "--since", "April"])
    assert res.exit_code != 0


def test_timeline_ingested_articles_end_to_end(tmp_path, pipeline):
    """Real pipeline: articles in, a timeline whose dates and sentences come from them."""
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (
        {"id": "x1", "time": "2010-01-13", "text": "A powerful earthquake struck Haiti on Tuesday. "
                                                   "Thousands of buildings collapsed in Port-au-Prince."},
        {"id": "x2", "time": "2010-01-14", "text": "Rescue teams from many countries arrived in Haiti. "
                                                   "The earthquake struck on Tuesday, 12 January 2010."},
        {"id": "x3", "time": "2010-01-20", "text": "A strong aftershock shook Haiti on Wednesday. "
                                                   "Aid flights continued to land at the airport."})) + "\n")
    dbp = tmp_path / "t.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "-q", "--db", str(dbp), "-f", "jsonl", str(src)]).exit_code == 0
    res = runner.invoke(app, ["timeline", "--db", str(dbp), "--dates", "2", "--sentences", "2", "--format",
                              "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    texts = Database(dbp, readonly=True).conn.execute("SELECT text FROM sentences").fetchall()
    assert 1 <= len(rows) <= 2 and all("2010-01-11" <= r["date"] <= "2010-01-20" for r in rows)
    assert all(s in {t[0] for t in texts} for r in rows for s in r["sentences"])


def test_timeline_actor_and_country_scope_use_events(tmp_db):
    """Actor/country timelines only see the sentences of that actor's events and mentions."""
    from tacitus.store import clusters
    from tests.merge.test_clusters import S1, S2, WWF, make_article
    db = Database(tmp_db)
    db.add_articles([make_article("a", "2010-05-02", S1, "protested"),
                     make_article("b", "2010-05-03", S2, "demonstrated"),
                     make_article("w", "2010-07-09", "WWF activists protested against BP in Rome today.",
                                   "protested", source=WWF, day="2010-07-09")])
    clusters.merge_new(db)
    tl = build_timeline(db, actor="Greenpeace", dates=5, sentences=1)
    assert tl and all(e["date"] < "2010-06-01" for e in tl)
    assert all(e["sentences"] or e["events"] for e in tl)  # no date without anything to read
    day = [e for e in tl if e["date"] == "2010-05-01"]
    assert day and day[0]["events"][0]["type"] == "PROTEST" and day[0]["events"][0]["n_sources"] == 2
    assert "2010-07-09" in [e["date"] for e in build_timeline(db, actor="WWF", dates=1)]
    assert build_timeline(db, country="GBR", dates=10)  # BP is British: every article
    assert build_timeline(db, country="BRA", dates=10) == []
    db.close()


def test_timeline_huge_scope_is_sampled_and_says_so(tmp_db, monkeypatch):
    """A scope over the budget (a top actor, a big country, a common word) is read as every k-th row,
    and the result says so; under the budget nothing is sampled."""
    from tacitus.store import clusters
    from tacitus.timeline import build
    from tests.merge.test_clusters import S1, S2, WWF, make_article
    db = Database(tmp_db)
    arts = [make_article(f"g{i}", f"2010-05-{i + 2:02d}", S1 if i % 2 else S2,
                         "protested" if i % 2 else "demonstrated") for i in range(8)]
    arts.append(make_article("w", "2010-07-09", "WWF activists protested against BP in Rome today.",
                             "protested", source=WWF, day="2010-07-09"))
    db.add_articles(arts)
    clusters.merge_new(db)
    full = build_timeline(db, actor="Greenpeace", dates=5, sentences=1)
    assert full and full.sample is None
    monkeypatch.setattr(build, "SCOPE_BUDGET", 2)
    tl = build_timeline(db, actor="Greenpeace", dates=5, sentences=1)
    assert tl.sample and tl.sample["step"] >= 2 and tl.sample["rows"] >= 8
    assert {e["date"] for e in tl} <= {e["date"] for e in full} | {a.date[:10] for a in arts}
    assert build_timeline(db, country="GBR", dates=3).sample["step"] >= 2
    runner = CliRunner()
    res = runner.invoke(app, ["timeline", "--db", str(db.path), "--actor", "Greenpeace", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert "estimated from a sample" in res.stderr
    db.close()


def test_timeline_ignores_background_dates_long_before_the_coverage(tmp_db):
    """A date recalled in every article but long before the first one (a birth date, an old disaster) is
    background: it is not chosen, unless ``since`` asks for that period."""
    born = "Jackson was born in Gary, Indiana on 29 August 1958."
    arts = [article(f"m{i}", f"2009-06-{26 + i}", [
        (born, "1958-08-29"), (f"Fans gathered outside the hospital for the {i + 1}th night on 26 June 2009.",
                               "2009-06-26")]) for i in range(4)]
    arts.append(article("m9", "2009-07-07", [("A memorial service was held in Los Angeles on 7 July 2009.",
                                              "2009-07-07")]))
    db = Database(tmp_db)
    db.add_articles(arts)
    days = [e["date"] for e in build_timeline(db, dates=2, sentences=1)]
    assert "1958-08-29" not in days and "2009-06-26" in days
    from tacitus.timeline import Weights
    assert "1958-08-29" in [e["date"] for e in build_timeline(db, dates=2, sentences=1,
                                                                weights=Weights(max_before=None))]
    assert "1958-08-29" in [e["date"] for e in build_timeline(db, since="1950-01-01", dates=2, sentences=1)]
    db.close()


def test_timeline_norm_compresses_bursts():
    from tacitus.timeline.build import _norm
    assert _norm({"a": 9, "b": 1}) == {"a": 0.9, "b": 0.1}
    assert _norm({"a": 9, "b": 1}, 0.5) == {"a": 0.75, "b": 0.25}
    assert _norm({}) == {} and _norm({"a": 0}, 0.5) == {}


def test_timeline_evidence_is_short_and_not_repeated():
    """Evidence sentences: run-on sentences (page furniture, merged paragraphs) are skipped and a
    syndicated copy with a changed word or two is not picked twice."""
    from collections import Counter
    from tacitus.timeline.select import MAX_TOKENS, Candidate, select_sentences
    s1 = "BP has agreed to set up a fund of twenty billion dollars for the victims of the oil spill."
    s1b = "BP has agreed to set up a fund of twenty billion dollars for victims of the Gulf oil spill."
    s2 = "President Obama met BP chairman Carl-Henric Svanberg at the White House for four hours."
    long = " ".join(["BP agreed to set up the fund for the victims of the oil spill"] * 4)
    assert len(long.split()) > MAX_TOKENS
    cands = [Candidate(t, f"a{i}", "2010-06-16", 0, 1.0) for i, t in enumerate([long, s1, s1b, s2])]
    picked = [c.text for c in select_sentences(cands, 3, Counter(), 10)]
    assert long not in picked and len(picked) == 2 and s2 in picked and (s1 in picked) != (s1b in picked)


def test_timeline_prefers_retrospective_sentences_as_evidence(tmp_db):
    """A sentence naming the day a week or more after it ("On 20 April the rig exploded") summarizes the
    day; it is preferred to a same-day sentence of the same centrality (``recap_bonus``, ``recap_gap``)."""
    from tacitus.timeline import Weights
    fresh = "Rescuers searched the burning rig through the night of 20 April 2010."
    recap = "Eleven workers died when the Deepwater Horizon rig exploded on 20 April 2010."
    db = Database(tmp_db)
    db.add_articles([article("f", "2010-04-20", [(fresh, "2010-04-20")]),
                     article("r", "2010-05-10", [(recap, "2010-04-20")])])
    assert build_timeline(db, dates=1, sentences=1)[0]["sentences"] == [recap]
    assert build_timeline(db, dates=1, sentences=1, weights=Weights(recap_bonus=1.0))[0]["sentences"] == [fresh]
    assert build_timeline(db, dates=1, sentences=1, weights=Weights(recap_gap=30))[0]["sentences"] == [fresh]
    db.close()
