"""Bad input: each case gets a clear reason in rejects; the batch goes on; nothing is lost."""
from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.ingest import read, validate

GOOD = ("date 2020-06-01 The foreign minister of Germany met his French counterpart in Paris on Monday "
        "to discuss sanctions against Russia, officials said.")


def reason_for(path, **kw):
    recs = list(read([path], **kw))
    assert len(recs) == 1
    rej = validate(recs[0])
    assert rej is not None, "expected a reject"
    assert rej.origin.endswith(path.name)
    return rej.reason


def test_bad_input_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert "empty" in reason_for(p)


def test_bad_input_binary_file(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 40)
    assert "binary" in reason_for(p)


def test_bad_input_non_utf8(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("date 2020-01-01 Le président a déclaré à Paris que la réunion était terminée.".encode("latin-1"))
    assert "UTF-8" in reason_for(p)


def test_bad_input_10mb_article(tmp_path):
    p = tmp_path / "huge.txt"
    sentence = "The army said rebels attacked a convoy near the border on Tuesday. "
    p.write_text("date 2020-01-01 " + sentence * (10_000_000 // len(sentence) + 1))
    assert p.stat().st_size > 10_000_000
    assert "too long" in reason_for(p)


@pytest.mark.parametrize("line", ["date 2020-13-45 Text of the article is here and long enough.",
                                  "date yesterday Text of the article is here and long enough."])
def test_bad_input_invalid_date(tmp_path, line):
    p = tmp_path / "d.txt"
    p.write_text(line)
    assert "invalid date" in reason_for(p)


def test_bad_input_missing_date(tmp_path):
    p = tmp_path / "nodate.txt"
    p.write_text("The army said rebels attacked a convoy near the border on Tuesday.")
    assert "date" in reason_for(p)


def test_bad_input_non_english(tmp_path):
    p = tmp_path / "de.txt"
    p.write_text("date 2020-01-01 Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, "
                 "teilte ein Sprecher des Auswärtigen Amtes in Berlin mit. Die Maßnahmen sollen sofort gelten.")
    assert "not English" in reason_for(p)


def test_bad_input_batch_goes_on_and_every_record_is_accounted_for(tmp_path):
    """A broken JSON line among good ones, a script-laden HTML page, a binary file: all in one ingest."""
    d = tmp_path / "in"
    d.mkdir()
    lines = [json.dumps({"id": "g1", "date": "2020-01-01", "text": GOOD.split(" ", 2)[2]}),
             '{"id": "broken", "date": "2020-01-02", "text": "unterminated',
             json.dumps({"id": "g2", "date": "2020-01-03", "text": "Police arrested three protesters in Lagos on "
                                                                   "Friday after clashes, a spokesman said."}),
             json.dumps({"id": "nodate", "text": "Rebels attacked an army base in the north, the army said."}),
             json.dumps({"id": "empty", "date": "2020-01-03", "text": ""})]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n")
    (d / "evil.html").write_text("<html><head><script>document.write('<b>pwned</b>')</script></head><body>"
                                 "<script>alert(1)</script></body></html>")
    (d / "blob.txt").write_bytes(b"\x00\xff" * 100)
    (d / "ok.txt").write_text(GOOD)
    db = tmp_path / "t.db"
    res = CliRunner().invoke(app, ["ingest", "--db", str(db), "--quiet", str(d)])
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    stored = {r[0] for r in con.execute("SELECT id FROM articles")}
    rejected = {(r[0], r[1]): r[2] for r in con.execute("SELECT origin, record_id, reason FROM rejects")}
    assert stored == {"g1", "g2", "ok"}
    reasons = " | ".join(rejected.values())
    assert "broken JSON line" in reasons
    assert "binary" in reasons
    assert "missing or invalid publication date" in reasons
    assert "empty text" in reasons
    assert "no main text" in reasons or "date" in reasons  # the script-only page has no article body
    assert len(stored) + len(rejected) == 8  # every input record is stored or rejected
    assert any(o.endswith("batch.jsonl:2") for o, _ in rejected)  # names the record (file:line)


@pytest.mark.parametrize("text", [
    "Arab League Secretary General Chadli Klibi undertook mediation mission between Syria and Palestinian "
    "leader Yasser Arafat.",
    "Kim Jong-un, Moon Jae-in, Xi Jinping: Pyongyang, Seoul, Beijing summit talks resume.",
    "Le Monde reported that President Emmanuel Macron met German Chancellor Olaf Scholz in Paris.",
])
def test_bad_input_english_with_many_names_is_kept(text):
    from datetime import date as d
    from tacitus.model import Record
    assert validate(Record(id="x", date=d(2020, 1, 1), text=text)) is None


@pytest.mark.parametrize("text,lang", [
    ("El gobierno de España anunció el lunes nuevas sanciones contra Rusia por la guerra en Ucrania, "
     "según un comunicado del ministerio.", "es"),
    ("Le gouvernement français a annoncé lundi de nouvelles sanctions contre la Russie, selon un communiqué "
     "du ministère des affaires étrangères.", "fr"),
    ("Президент России заявил в понедельник, что переговоры с Украиной продолжатся на следующей неделе.", None),
    ("中国外交部发言人周一表示，中方将继续推动和平谈判，并呼吁各方保持克制。这是一个很长的句子用于测试语言检测功能是否正常工作。", None),
])
def test_bad_input_other_languages_rejected(text, lang):
    from datetime import date as d
    from tacitus.model import Record
    rej = validate(Record(id="x", date=d(2020, 1, 1), text=text))
    assert rej is not None and "not English" in rej.reason
    if lang:
        assert f"'{lang}'" in rej.reason


def test_bad_input_short_snippet_is_a_valid_article():
    """Headline-length snippets are analysed, not rejected (the held-out event snippets are short)."""
    import tacitus
    art = tacitus.extract("Police arrested 5.", date="2020-01-01")
    assert art["text"] == "Police arrested 5." and art["date"] == "2020-01-01"


def _function_word_examples():
    import re as _re
    from tacitus.ingest.validate import FUNCTION_WORDS_FILE
    for line in FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        m = _re.match(r'# example: "(.*)" -> (\S+)$', line)
        if m:
            yield m.group(1), m.group(2)


@pytest.mark.parametrize("text,lang", list(_function_word_examples()))
def test_bad_input_function_words_file_examples(text, lang):
    from tacitus.ingest.validate import language_problem
    problem = language_problem(text)
    if lang == "English":
        assert problem is None
    else:
        assert problem and f"'{lang}'" in problem
