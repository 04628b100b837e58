"""Acceptance (foundation issue): the example article end to end, through the real pipeline."""
from __future__ import annotations

import pytest

PUB = "2019-01-03"


@pytest.fixture(scope="module")
def art(example_article):
    return example_article.to_dict()


def timex(art, text):
    hits = [t for t in art["timexes"] if t["text"] == text or t["text"].lower() == text.lower()]
    assert hits, f"no timex {text!r} in {[t['text'] for t in art['timexes']]}"
    return hits[0]


def entity(art, text):
    hits = [e for e in art["entities"] if e["text"] == text]
    assert hits, f"no entity {text!r} in {[e['text'] for e in art['entities']]}"
    return hits


def mentions(p, *names):
    if not p:
        return False
    hay = (p.get("text") or "") + " " + ((p.get("actor") or {}).get("name") or "")
    return any(n in hay for n in names)


def events_where(art, pred):
    return [e for e in art["events"] if pred(e)]


def describe(art):
    return "\n".join(f"{e['type']} {e['trigger']['text']!r} src={e['source'] and e['source']['text']!r} "
                     f"tgt={e['target'] and e['target']['text']!r} date={e['date']['value']} "
                     f"{e['date']['start']}..{e['date']['end']} {e['date']['basis']} mod={e['modality']}"
                     for e in art["events"])


@pytest.mark.parametrize("text,type_,value,mod", [
    ("Thursday", "DATE", "2019-01-03", None),
    ("early last month", "DATE", "2018-12", "START"),
    ("September 2017", "DATE", "2017-09", None),
    ("2016", "DATE", "2016", None),
    ("1991", "DATE", "1991", None),
    ("1996", "DATE", "1996", None),
    ("about three years", "DURATION", "P3Y", "APPROX"),
])
def test_acceptance_timexes(art, text, type_, value, mod):
    t = timex(art, text)
    assert (t["type"], t["value"], t["mod"]) == (type_, value, mod)


def test_acceptance_entities(art):
    jo = entity(art, "Jo Song-gil")[0]
    assert jo["label"] == "PERSON" and jo["actor"] and jo["actor"]["country"] == "PRK"
    jib = [e for e in art["entities"] if "Joongang" in e["text"]]
    assert jib and all(e["label"] != "PERSON" for e in jib)
    assert any((e["actor"] or {}).get("sectors") and "MED" in e["actor"]["sectors"] for e in jib)
    italy = entity(art, "Italy")
    assert any((e["actor"] or {}).get("country") == "ITA" or (e["place"] or {}).get("country") == "ITA"
               for e in italy)
    rome = entity(art, "Rome")
    assert any(e["place"] and e["place"]["country"] == "ITA" and e["place"]["geonameid"] == 3169070 for e in rome)


def test_acceptance_a_request_for_protection(art):
    evs = events_where(art, lambda e: e["type"] == "REQUEST" and mentions(e["source"], "Jo Song-gil", "Jo"))
    assert evs, describe(art)
    e = evs[0]
    assert (e["source"]["actor"] or {}).get("country") == "PRK"
    assert e["target"] and (e["target"]["actor"] or {}).get("country") == "ITA"
    assert "asylum" in e["contexts"]
    assert e["date"]["value"] == "2018-12" and e["date"]["basis"] == "text"
    assert e["date"]["start"] == "2018-12-01" and e["date"]["end"] <= "2018-12-31"
    assert e["attribution"] and "Joongang" in e["attribution"]["text"]
    assert e["modality"] in ("reported", "attempted")


def test_acceptance_b_italy_protects(art):
    evs = events_where(art, lambda e: e["plover_type"] == "AID" and mentions(e["source"], "Italian authorities",
                                                                             "they", "Italy"))
    assert evs, describe(art)
    assert evs[0]["date"]["value"] != PUB


def test_acceptance_c_expulsion(art):
    evs = events_where(art, lambda e: e["plover_type"] == "SANCTION" and mentions(e["target"], "Mun Jong-nam"))
    assert evs, describe(art)
    e = evs[0]
    assert (e["source"]["actor"] or {}).get("country") == "ITA"
    assert (e["target"]["actor"] or {}).get("country") == "PRK"
    assert e["date"]["start"] and e["date"]["start"] >= "2017-09-01"
    assert e["date"]["value"] != PUB


def test_acceptance_d_nuclear_test(art):
    evs = events_where(art, lambda e: "nuclear test" in art["text"][e["sentence"]["start"]:e["sentence"]["end"]]
                       and "test" in e["trigger"]["text"])
    assert evs, describe(art)
    assert evs[0]["date"]["value"] == "2017-09"


@pytest.mark.parametrize("name,year", [("Thae Yong-ho", "2016"), ("Ko Yong-hwan", "1991"), ("Hyon Song-il", "1996")])
def test_acceptance_e_defections(art, name, year):
    evs = events_where(art, lambda e: mentions(e["source"], name) and e["type"] in ("DEFECT", "ASYLUM"))
    assert evs, describe(art)
    assert evs[0]["date"]["value"] == year and evs[0]["date"]["basis"] == "text"


def test_acceptance_e_jang_asylum_date_unknown(art):
    evs = events_where(art, lambda e: mentions(e["source"], "Jang Sung-gil") and e["type"] in ("DEFECT", "ASYLUM"))
    assert evs, describe(art)
    d = evs[0]["date"]
    assert d["basis"] == "unknown" and d["start"] is None and d["end"] <= PUB and d["value"] != PUB


def test_acceptance_f_nis_declines_comment(art):
    evs = events_where(art, lambda e: e["cameo"] == "011")
    assert evs, describe(art)
    e = evs[0]
    assert e["source"] and (e["source"]["actor"] or {}).get("country") == "KOR"
    assert e["date"]["start"] == PUB and e["date"]["end"] == PUB


def test_acceptance_no_event_silently_dated_by_publication(art):
    """An event dated on the publication day must be a reporting event or have a text basis for it."""
    for e in art["events"]:
        d = e["date"]
        if d["start"] == PUB and d["end"] == PUB:
            assert e["reporting"] or d["basis"] == "text", describe(art)
        if not e["reporting"] and d["basis"] == "publication":
            pytest.fail(f"non-reporting event dated by publication: {e['trigger']['text']}")
