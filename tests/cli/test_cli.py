"""CLI: real invocations of the `tacitus` commands (Typer runner and one real subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from tacitus.cli import app
from tests.conftest import EXAMPLE, ROOT

runner = CliRunner()
SCHEMA = json.loads((ROOT / "src/tacitus/schema/article.schema.json").read_text())


def test_cli_extract_prints_valid_jsonl():
    res = runner.invoke(app, ["extract", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    lines = [l for l in res.stdout.splitlines() if l.strip()]
    assert len(lines) == 1
    art = json.loads(lines[0])
    jsonschema.validate(art, SCHEMA)
    assert art["date"] == "2019-01-03" and art["id"] == "000_df06522f36d2b8de"
    for t in art["timexes"] + art["entities"]:
        assert art["text"][t["start"]:t["end"]] == t["text"]
    for ev in art["events"]:
        assert art["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_cli_extract_stdin_with_default_date():
    text = "Rebels attacked an army convoy near Goma on Tuesday, the military said."
    res = runner.invoke(app, ["extract", "--date", "2020-02-02", "-"], input=text)
    assert res.exit_code == 0, res.output
    art = json.loads(res.stdout.splitlines()[0])
    assert art["date"] == "2020-02-02" and art["text"] == text


def test_cli_extract_reports_rejects_on_stderr(tmp_path):
    p = tmp_path / "nodate.txt"
    p.write_text("Rebels attacked an army convoy near Goma on Tuesday, the military said.")
    res = runner.invoke(app, ["extract", str(p)])
    assert res.exit_code == 1  # every record was rejected
    assert res.stdout.strip() == ""
    assert "nodate.txt" in res.stderr and "date" in res.stderr


def test_cli_extract_rejects_bad_option():
    res = runner.invoke(app, ["extract", "--input-format", "pdf", str(EXAMPLE)])
    assert res.exit_code != 0


def test_cli_ingest_events_export_subprocess(tmp_path):
    """The installed console script, end to end, as a user runs it."""
    exe = Path(sys.executable).parent / "tacitus"
    db = tmp_path / "t.db"
    r = subprocess.run([str(exe), "ingest", "--db", str(db), str(EXAMPLE.parent)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "1 stored" in r.stderr
    r2 = subprocess.run([str(exe), "ingest", "--db", str(db), str(EXAMPLE.parent)], capture_output=True, text=True)
    assert "0 stored" in r2.stderr and "1 already stored" in r2.stderr
    r3 = subprocess.run([str(exe), "events", "--db", str(db), "--format", "jsonl"], capture_output=True, text=True)
    assert r3.returncode == 0, r3.stderr
    evs = [json.loads(l) for l in r3.stdout.splitlines()]
    r4 = subprocess.run([str(exe), "events", "--db", str(db), "--format", "csv"], capture_output=True, text=True)
    assert len(r4.stdout.strip().splitlines()) >= len(evs) + 1
    out = tmp_path / "e.parquet"
    r5 = subprocess.run([str(exe), "export", "--db", str(db), "--format", "parquet", str(out)],
                        capture_output=True, text=True)
    assert r5.returncode == 0 and out.exists(), r5.stderr


def test_cli_events_bad_date_is_an_error(tmp_path):
    db = tmp_path / "t.db"
    runner.invoke(app, ["ingest", "--db", str(db), "--quiet", str(EXAMPLE)])
    res = runner.invoke(app, ["events", "--db", str(db), "--since", "last week"])
    assert res.exit_code != 0


def test_cli_rejects_and_stats(tmp_path):
    db = tmp_path / "t.db"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "b1", "text": "no date here but a long enough text"}\n')
    assert runner.invoke(app, ["ingest", "--db", str(db), "--quiet", str(bad)]).exit_code == 1  # all rejected
    res = runner.invoke(app, ["rejects", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(l) for l in res.stdout.splitlines()]
    # the same keys as `tacitus extract --rejects` writes
    assert rows and rows[0]["id"] == "b1" and "date" in rows[0]["reason"] and rows[0]["origin"]
    st = json.loads(runner.invoke(app, ["stats", "--db", str(db)]).stdout)
    assert st["rejects"] == 1 and st["articles"] == 0


def test_cli_extract_timeml_output_is_wellformed_xml():
    import xml.etree.ElementTree as ET
    res = runner.invoke(app, ["extract", "--output-format", "timeml", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    root = ET.fromstring(res.stdout.strip())
    timexes = root.find("TEXT").findall("TIMEX3")
    assert any(t.text == "early last month" and t.get("value") == "2018-12" for t in timexes)
    assert root.find("DCT").find("TIMEX3").get("value") == "2019-01-03"


def test_cli_extract_table_output_shows_events():
    res = runner.invoke(app, ["extract", "--output-format", "table", str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    assert "REQUEST" in res.stdout and "Jo Song-gil" in res.stdout


def test_cli_clear_errors_not_tracebacks(tmp_path):
    """Mistakes in options or paths give a one-line error and exit 2, never a traceback."""
    db = tmp_path / "none.db"
    for args in (["events", "--db", str(db)], ["stats", "--db", str(db)], ["rejects", "--db", str(db)],
                 ["export", "--db", str(db), str(tmp_path / "o.csv")], ["timeline", "--db", str(db)],
                 ["geocode", str(tmp_path / "missing.jsonl")], ["actor", "--dict", str(tmp_path / "no.yaml"), "X"],
                 ["extract", "--date", "2024-02-30", str(EXAMPLE)]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2 and not isinstance(res.exception, (FileNotFoundError, ValueError)), args
        assert "Error" in res.output, args
    ok = tmp_path / "ok.db"
    assert runner.invoke(app, ["ingest", "--db", str(ok), "-q", str(EXAMPLE)]).exit_code == 0
    for args in (["events", "--db", str(ok), "--modality", "maybe"], ["events", "--db", str(ok), "--country", "XX"],
                 ["events", "--db", str(ok), "--limit", "-1"], ["export", "--db", str(ok), "--format", "xml", "o"],
                 ["export", "--db", str(ok), "--layout", "gdelt", "--format", "jsonl", "o"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2 and "Error" in res.output, args
    # a lower-case modality or country is fine
    res = runner.invoke(app, ["events", "--db", str(ok), "--modality", "Reported", "--country", "prk",
                              "--format", "jsonl"])
    assert res.exit_code == 0 and res.stdout.strip()


def test_cli_timeml_one_file_per_article(tmp_path):
    import xml.etree.ElementTree as ET
    two = tmp_path / "two.jsonl"
    two.write_text("".join(json.dumps({"id": f"a{i}", "date": "2020-02-04", "text": t}) + "\n" for i, t in enumerate((
        "Rebels attacked an army convoy near Goma on Tuesday, the military said.",
        "The president met the prime minister in Paris last week."))))
    res = runner.invoke(app, ["extract", "-o", "timeml", "--out-dir", str(tmp_path / "tml"), str(two)])
    assert res.exit_code == 0, res.output
    files = sorted((tmp_path / "tml").glob("*.tml"))
    assert [f.name for f in files] == ["a0.tml", "a1.tml"]
    for f in files:
        ET.fromstring(f.read_text())
    res = runner.invoke(app, ["extract", "-o", "timeml", str(two)])
    assert res.exit_code == 2 and "--out-dir" in res.output


def test_cli_timeml_in_timeml_out_keeps_the_text(tmp_path):
    """A TempEval user's loop: .tml in, the same text back with our TIMEX3 tags."""
    import xml.etree.ElementTree as ET
    from tacitus.time.timeml import read_tml
    src = tmp_path / "in" / "apw1.tml"
    src.parent.mkdir()
    src.write_text('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>apw1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
                   'value="2000-04-05" functionInDocument="CREATION_TIME">2000-04-05</TIMEX3></DCT>\n<TEXT>\n'
                   'The father will leave for the United States on <TIMEX3 tid="t1" type="DATE" '
                   'value="2000-04-06">Thursday</TIMEX3>, Castro said.\n</TEXT>\n</TimeML>\n')
    res = runner.invoke(app, ["extract", "-o", "timeml", "--out-dir", str(tmp_path / "out"), str(src.parent)])
    assert res.exit_code == 0, res.output
    out = tmp_path / "out" / "apw1.tml"
    ET.fromstring(out.read_text())
    gold, ours = read_tml(src), read_tml(out)
    assert ours.text == gold.text and ours.dct == gold.dct
    assert [(t.text, t.value) for t in ours.timexes] == [("Thursday", "2000-04-06")]
