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
