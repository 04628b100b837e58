"""POLECAT-like and GDELT-like exports (tacitus.store.exports): one row per merged event."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import Database, clusters
from tacitus.store.exports import GDELT_COLUMNS, POLECAT_COLUMNS, export_layout
from tests.merge.test_clusters import S1, S2, make_article


@pytest.fixture
def merged_db(tmp_db):
    db = Database(tmp_db)
    db.add_articles([make_article("a", "2010-05-02", S1, "protested"),
                     make_article("b", "2010-05-03", S2, "demonstrated"),
                     make_article("copy", "2010-05-03", S1, "protested"),
                     make_article("c", "2010-05-04", S2 + " Then BP was accused.", "accused", type="ACCUSE",
                                  day=None)])
    clusters.merge_new(db)
    yield db
    db.close()


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_exports_polecat_one_row_per_merged_event(merged_db, tmp_path, format):
    out = tmp_path / f"p.{format}"
    assert export_layout(merged_db, out, format=format, layout="polecat") == 2
    df = pd.read_csv(out) if format == "csv" else pd.read_parquet(out)
    assert list(df.columns) == POLECAT_COLUMNS
    protest = df[df["Event Type"] == "PROTEST"].iloc[0]
    assert protest["Event Date"] == "2010-05-01"
    assert (protest["Mentions"], protest["Articles"], protest["Sources"]) == (3, 3, 2)
    assert (protest["First Report"], protest["Last Report"]) == ("2010-05-02", "2010-05-03")
    assert protest["Actor Name"] == "Greenpeace" and protest["Recipient Country"] == "GBR"
    assert protest["Quad Code"] == "MATERIAL CONFLICT" and protest["Event Intensity"] == -6.5
    assert protest["Evidence"] == S1 and len(protest["Mention IDs"].split(";")) == 3
    accuse = df[df["Event Type"] == "ACCUSE"].iloc[0]
    assert accuse["Event Date"] == "2010-05-04"  # undated: first report
    assert accuse["Quad Code"] == "VERBAL CONFLICT" and accuse["Mentions"] == 1


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_exports_gdelt_columns_and_counts(merged_db, tmp_path, format):
    out = tmp_path / f"g.{format}"
    assert export_layout(merged_db, out, format=format, layout="gdelt") == 2
    df = pd.read_csv(out) if format == "csv" else pd.read_parquet(out)
    assert list(df.columns) == GDELT_COLUMNS
    assert GDELT_COLUMNS.index("SOURCEURL") == 60  # the 61 GDELT 2.0 columns come first
    r = df[df["PLOVERType"] == "PROTEST"].iloc[0]
    assert (r["SQLDATE"], r["MonthYear"], r["Year"]) == (20100501, 201005, 2010)
    assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == (3, 2, 3)
    assert (str(r["EventRootCode"]), int(r["QuadClass"]), float(r["GoldsteinScale"])) == ("14", 4, -6.5)
    assert r["Actor1Name"] == "Greenpeace" and r["Actor2CountryCode"] == "GBR" and r["Actor2Type1Code"] == "BUS"


def test_exports_cli_layouts_and_empty_database(merged_db, tmp_path):
    runner = CliRunner()
    for layout in ("polecat", "gdelt"):
        out = tmp_path / f"{layout}.parquet"
        res = runner.invoke(app, ["export", "--db", str(merged_db.path), "--format", "parquet", "--layout",
                                  layout, str(out)])
        assert res.exit_code == 0, res.output
        assert len(pd.read_parquet(out)) == 2
    empty = Database(tmp_path / "empty.db")
    out = tmp_path / "empty.parquet"
    assert export_layout(empty, out, format="parquet", layout="gdelt") == 0
    assert list(pd.read_parquet(out).columns) == GDELT_COLUMNS
    with pytest.raises(ValueError):
        export_layout(empty, tmp_path / "x.csv", layout="acled")


def test_exports_quad_class_agrees_with_its_own_scale(tmp_db, tmp_path):
    """GDELT's QuadClass follows the CAMEO root (as its Goldstein value does); POLECAT's quad is the
    PLOVER type's (REQUEST is verbal conflict) and its intensity never contradicts it."""
    from tests.merge.test_clusters import make_article as mk
    db = Database(tmp_db)
    db.add_articles([mk("r", "2019-01-03", "Jo asked Italy for protection.", "asked", type="REQUEST"),
                     mk("d", "2019-01-03", "The agency declined to comment.", "declined", type="SANCTION")])
    with db.conn:  # CAMEO codes as the events stage sets them
        db.conn.execute("UPDATE events SET cameo = '103' WHERE article_id = 'r'")
        db.conn.execute("UPDATE events SET cameo = '021' WHERE article_id = 'd'")
    clusters.merge_new(db)
    g = tmp_path / "g.csv"
    export_layout(db, g, format="csv", layout="gdelt")
    for _, r in pd.read_csv(g, dtype=str).iterrows():
        root = int(r["EventRootCode"])
        assert int(r["QuadClass"]) == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
        assert "." not in (r["SQLDATE"] or "")
    p = tmp_path / "p.csv"
    export_layout(db, p, format="csv", layout="polecat")
    rows = {r["Event Type"]: r for _, r in pd.read_csv(p).iterrows()}
    assert rows["REQUEST"]["Quad Code"] == "VERBAL CONFLICT" and rows["REQUEST"]["Event Intensity"] < 0
    # a SANCTION coded with a cooperative CAMEO root keeps a conflict intensity
    assert rows["SANCTION"]["Quad Code"] == "MATERIAL CONFLICT" and rows["SANCTION"]["Event Intensity"] < 0
    db.close()


def test_exports_integer_columns_stay_integers_in_csv(tmp_db, tmp_path):
    from tests.merge.test_clusters import make_article as mk
    db = Database(tmp_db)
    db.add_articles([mk("a", "2019-01-03", "Jo asked Italy for protection.", "asked", type="REQUEST")])
    with db.conn:
        db.conn.execute("UPDATE events SET location_geonameid = 3175395, location_country = 'ITA'")
    out = tmp_path / "e.csv"
    db.export(out, format="csv")
    text = out.read_text()
    assert "3175395" in text and "3175395.0" not in text
    db.close()


def test_exports_an_old_event_keeps_its_year(tmp_db, tmp_path):
    """ "defected to the South in 1991", reported in 2019: the row is dated 1991, not 2019."""
    from tacitus.model import EventDate
    from tests.merge.test_clusters import make_article as mk
    db = Database(tmp_db)
    art = mk("k", "2019-01-03", "Ko Yong-hwan defected to the South in 1991.", "defected", type="SANCTION")
    art.events[0].date = EventDate(value="1991", start="1991-01-01", end="1991-12-31", granularity="year",
                                   basis="text")
    undated = mk("u", "2019-01-04", "Officials accused the regime.", "accused", type="ACCUSE", day=None)
    db.add_articles([art, undated])
    clusters.merge_new(db)
    g = tmp_path / "g.csv"
    export_layout(db, g, format="csv", layout="gdelt")
    rows = {r["PLOVERType"]: r for _, r in pd.read_csv(g).iterrows()}
    assert (rows["SANCTION"]["Year"], rows["SANCTION"]["SQLDATE"]) == (1991, 19910101)
    assert rows["SANCTION"]["DateEnd"] == "1991-12-31"
    assert rows["ACCUSE"]["SQLDATE"] == 20190104  # no date in the text: the first report
    db.close()
