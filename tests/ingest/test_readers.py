"""Readers: every format yields Records with ids, dates and text; problems become errors, not crashes."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from tacitus.ingest import read, validate
from tacitus.ingest.readers import read_bytes, sniff_format

from tests.conftest import EXAMPLE

ARTICLE = "The president of France met the Italian prime minister in Rome on Monday, officials said."


def test_readers_txt_date_line_is_parsed_and_stripped():
    recs = list(read([EXAMPLE]))
    assert len(recs) == 1
    r = recs[0]
    assert r.date == date(2019, 1, 3)
    assert r.id == "000_df06522f36d2b8de"
    assert r.text.startswith("The acting North Korean ambassador")
    assert validate(r) is None


def test_readers_txt_without_date_line_uses_default(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    assert list(read([p]))[0].date is None
    assert list(read([p], default_date="2020-05-01"))[0].date == date(2020, 5, 1)


def test_readers_jsonl_fields_and_optional_metadata(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "x1", "date": "2021-02-03", "text": ARTICLE, "title": "T", "url": "http://u",
                             "source": "S"}) + "\n" + json.dumps({"id": "x2", "date": "2021-02-04", "text": ARTICLE}) + "\n")
    recs = list(read([p]))
    assert [r.id for r in recs] == ["x1", "x2"]
    assert recs[0].title == "T" and recs[0].url == "http://u" and recs[0].source == "S"
    assert recs[1].date == date(2021, 2, 4)


def test_readers_csv_columns(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,date,text,title\nc1,2020-01-01,"' + ARTICLE + '",Hello\n')
    (r,) = list(read([p]))
    assert (r.id, r.date, r.title) == ("c1", date(2020, 1, 1), "Hello")
    assert r.text == ARTICLE


def test_readers_html_main_text_and_metadata_date(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join([ARTICLE] * 5)
    p.write_text(f"""<!doctype html><html><head><title>Summit</title>
<meta property="article:published_time" content="2022-03-04T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Summit</h1><p>{body}</p><p>{body}</p></article>
<script>alert('x')</script></body></html>""")
    (r,) = list(read([p]))
    assert r.date == date(2022, 3, 4)
    assert "president of France" in r.text
    assert "alert(" not in r.text


def test_readers_directory_recurses_known_extensions(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("date 2020-01-01 " + ARTICLE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "date": "2020-01-02", "text": ARTICLE}) + "\n")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    recs = list(read([tmp_path]))
    assert sorted(r.id for r in recs if r.error is None) == ["a", "b"]
    # a file of another kind is not read, and not silently lost either: it is listed with the reason
    skipped = [r for r in recs if r.error]
    assert len(skipped) == 1 and skipped[0].origin.endswith("notes.bin") and "not an article file" in skipped[0].error


def test_readers_json_array_and_pretty_printed_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"id": "x1", "date": "2020-01-02", "text": ARTICLE},
                               {"id": "x2", "date": "2020-01-03", "text": ARTICLE + " Again."}, 7], indent=2))
    recs = list(read([arr]))
    assert [r.id for r in recs[:2]] == ["x1", "x2"] and all(r.error is None for r in recs[:2])
    assert recs[2].error and recs[2].origin.endswith("arr.json[2]")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "o1", "date": "2020-01-02", "text": ARTICLE}, indent=2))
    assert [(r.id, r.error) for r in read([one])] == [("o1", None)]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "b", "text": "x"},\n  {oops}]')
    recs = list(read([broken]))
    assert len(recs) == 1 and "broken JSON array" in recs[0].error
    # JSON Lines still read line by line
    lines = tmp_path / "l.jsonl"
    lines.write_text("".join(json.dumps({"id": f"l{i}", "date": "2020-01-02", "text": ARTICLE}) + "\n"
                             for i in range(3)))
    assert [r.id for r in read([lines])] == ["l0", "l1", "l2"]


def test_readers_stdin():
    data = ("date 2019-05-05 " + ARTICLE).encode()
    (r,) = list(read(["-"], stdin=io.BytesIO(data)))
    assert r.date == date(2019, 5, 5) and r.id == "stdin"


@pytest.mark.parametrize("data,name,fmt", [
    (b'{"id": 1}', "x", "jsonl"), (b"<!doctype html><html>", "x", "html"), (b"date 2020-01-01 x", "x", "txt"),
    (b"id,date,text\n1,2,3", "x", "csv"), (b"anything", "x.csv", "csv"), (b"anything", "x.htm", "html"),
])
def test_readers_sniff_format(data, name, fmt):
    assert sniff_format(data, name) == fmt


def test_readers_explicit_format_overrides_extension():
    data = json.dumps({"id": "j", "date": "2020-01-01", "text": ARTICLE}).encode()
    (r,) = list(read_bytes(data, "weird.txt", input_format="jsonl"))
    assert r.id == "j"


TML = ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>wsj_0001</DOCID>\n'
       '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" temporalFunction="false" '
       'functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>\n'
       '<TEXT>\nThe board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> '
       '<TIMEX3 tid="t1" type="DATE" value="1989-11-01">yesterday</TIMEX3> &amp; agreed.\n</TEXT>\n</TimeML>\n')


def test_readers_timeml_gives_text_without_tags_and_the_creation_date(tmp_path):
    p = tmp_path / "wsj_0001.tml"
    p.write_text(TML)
    (r,) = list(read([p]))
    assert r.error is None and r.id == "wsj_0001" and r.date == date(1989, 11, 2)
    assert r.text == "\nThe board met yesterday & agreed.\n"
    assert sniff_format(TML.encode(), "doc.xml") == "timeml"


def test_readers_timeml_problems_are_rejects_with_reasons(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed</TimeML>")
    nodct = tmp_path / "nodct.tml"
    nodct.write_text("<TimeML><TEXT>The board met on Monday.</TEXT></TimeML>")
    recs = {r.id: r for r in read([bad, nodct])}
    assert "not well-formed TimeML" in recs["bad"].error
    assert "creation time" in recs["nodct"].error
    (r,) = list(read([nodct], default_date="2020-02-04"))
    assert r.error is None and r.date == date(2020, 2, 4) and r.text == "The board met on Monday."
