"""TimeML writer/reader round trip, and the TempEval-3 scorer of bench/timex.py."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from tacitus.model import Article
from tacitus.time import read_tml, tag, to_timeml
from tests.conftest import ROOT, shared_path

DCT = date(2019, 1, 3)


def _article(text: str) -> Article:
    return Article(id="doc<1>", date=DCT.isoformat(), text=text, timexes=tag(text, DCT))


def test_timeml_round_trip(tmp_path, example_text):
    art = _article(example_text)
    p = tmp_path / "a.tml"
    p.write_text(to_timeml(art), encoding="utf-8")
    back = read_tml(p)
    assert back.dct == DCT
    assert back.text.strip() == example_text.strip()
    off = back.text.index(example_text.strip()[:30])
    assert [(t.start - off, t.end - off, t.type, t.value, t.mod) for t in back.timexes] == \
        [(t.start, t.end, t.type, t.value, t.mod) for t in art.timexes]


def test_timeml_escapes_markup(tmp_path):
    text = 'He said <b>"now" & then</b> on Friday.'
    p = tmp_path / "b.tml"
    p.write_text(to_timeml(_article(text)), encoding="utf-8")
    back = read_tml(p)
    assert back.text.strip() == text
    assert [t.text for t in back.timexes] == ["now", "Friday"]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_timex", ROOT / "bench" / "timex.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bench_scorer_counts_strict_relaxed_and_values(tmp_path):
    gold = tmp_path / "g.tml"
    gold.write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-03" '
        'functionInDocument="CREATION_TIME">2019-01-03</TIMEX3></DCT><TEXT>He left <TIMEX3 tid="t1" '
        'type="DATE" value="2018-12">last month</TIMEX3> and came back <TIMEX3 tid="t2" type="DATE" '
        'value="2019-01-01">on Tuesday</TIMEX3>, <TIMEX3 tid="t3" type="DURATION" value="P2D">nobody '
        'knows</TIMEX3>.</TEXT></TimeML>', encoding="utf-8")
    r = _bench().score([read_tml(gold)])
    # system: "last month" (exact), "Tuesday" (relaxed only, right value), nothing for t3
    assert (r["gold"], r["system"]) == (3, 2)
    assert r["strict_p"] == pytest.approx(0.5) and r["strict_r"] == pytest.approx(1 / 3)
    assert r["relaxed_p"] == pytest.approx(1.0) and r["relaxed_r"] == pytest.approx(2 / 3)
    assert r["value_acc"] == pytest.approx(1.0)
    assert r["value_f1"] == pytest.approx(r["relaxed_f1"])


def test_bench_floors_on_tbaq():
    """The issue's floors on TimeBank+AQUAINT (dev): strict span F1 and type F1."""
    d = shared_path("data", "timeml", "TBAQ-cleaned")
    docs = [read_tml(p) for p in sorted(Path(d).rglob("*.tml"))]
    r = _bench().score(docs)
    assert r["strict_f1"] >= 0.85
    assert r["type_f1"] >= 0.88
    assert r["value_f1"] >= 0.775  # HeidelTime on the same files
