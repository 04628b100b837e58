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
    assert res.exit_code == 0
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
    runner.invoke(app, ["ingest", "--db", str(db), "--quiet", str(bad)])
    res = runner.invoke(app, ["rejects", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(l) for l in res.stdout.splitlines()]
    assert rows and rows[0]["record_id"] == "b1" and "date" in rows[0]["reason"]
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
