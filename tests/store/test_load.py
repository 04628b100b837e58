"""``tacitus load``: analysed articles from ``tacitus extract`` (run anywhere) stored without re-parsing,
with the same rows as ``tacitus ingest``; idempotent; every bad line a reject naming file:line."""
from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from tacitus.cli import app
from tests.conftest import EXAMPLE

runner = CliRunner()
OTHER = "date 2020-02-04\nRebels attacked an army convoy near Goma on Tuesday, the military said.\n"


def _rows(db, sql):
    with sqlite3.connect(db) as c:
        return sorted(c.execute(sql).fetchall())


def test_load_extract_output_equals_ingest(tmp_path):
    other = tmp_path / "goma.txt"
    other.write_text(OTHER)
    # two "machines" extract one part each; one database loads both parts
    parts = []
    for i, f in enumerate((EXAMPLE, other)):
        res = runner.invoke(app, ["extract", str(f)])
        assert res.exit_code == 0, res.output
        parts.append(tmp_path / f"part{i}.jsonl")
        parts[-1].write_text(res.stdout)
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    res = runner.invoke(app, ["load", "--db", str(loaded), "-q", str(parts[0]), str(parts[1])])
    assert res.exit_code == 0, res.output
    assert "2 stored" in res.stderr
    res = runner.invoke(app, ["ingest", "--db", str(ingested), "-q", str(EXAMPLE), str(other)])
    assert res.exit_code == 0, res.output
    for sql in ("SELECT id, content_hash, date, text FROM articles",
                "SELECT id, type, cameo, source_code, target_code, date_start, date_end, date_basis, modality, "
                "sentence_text FROM events",
                'SELECT article_id, start, "end", type, value FROM timexes',
                'SELECT article_id, start, "end", label, actor_id, geonameid FROM entities',
                "SELECT id, country, code FROM actors"):
        a, b = _rows(loaded, sql), _rows(ingested, sql)
        assert a and a == b, sql
    # merged events were built after the load, as after an ingest
    assert _rows(loaded, "SELECT count(*) FROM event_cluster") == _rows(ingested, "SELECT count(*) FROM event_cluster")
    # loading again (or the same articles through ingest) stores nothing new
    res = runner.invoke(app, ["load", "--db", str(loaded), "-q", str(tmp_path)])
    assert res.exit_code == 0 and "0 stored" in res.stderr and "2 already stored" in res.stderr


def test_load_rejects_bad_lines_and_keeps_the_rest(tmp_path):
    res = runner.invoke(app, ["extract", str(EXAMPLE)])
    good = json.loads(res.stdout.splitlines()[0])
    no_text = {k: v for k, v in good.items() if k != "text"}
    far = json.loads(json.dumps(good))
    far["events"][0]["trigger"]["end"] = len(good["text"]) + 50
    newer = dict(good, schema_version="9.0")
    lines = ["{not json", json.dumps(no_text), json.dumps(far), json.dumps(newer), "[1, 2]", json.dumps(good)]
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(lines) + "\n")
    db = tmp_path / "t.db"
    res = runner.invoke(app, ["load", "--db", str(db), "-q", str(f), str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 0, res.output
    assert "1 stored" in res.stderr and "6 rejected" in res.stderr
    rej = {r[0]: r[1] for r in _rows(db, "SELECT origin, reason FROM rejects")}
    assert rej[f"{f}:1"].startswith("invalid JSON")
    assert "schema" in rej[f"{f}:2"] and "text" in rej[f"{f}:2"]
    assert "outside the text" in rej[f"{f}:3"] and "events.trigger" in rej[f"{f}:3"]
    assert "schema_version '9.0'" in rej[f"{f}:4"]
    assert "not a JSON object" in rej[f"{f}:5"]
    assert rej[str(tmp_path / "missing.jsonl")] == "file not found"
    assert _rows(db, "SELECT id FROM articles") == [(good["id"],)]
