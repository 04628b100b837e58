"""Analyst exports: POLECAT-like and GDELT-like column layouts, in CSV or Parquet.

``export_layout(db, out, format="csv"|"parquet", layout="polecat"|"gdelt") -> int`` writes one row per
merged event (``tacitus.store.clusters``; a mention not merged yet is its own event) and returns the
number of rows. Columns are documented in ``docs/exports.md``. The representative mention of a merged
event (its first report) gives the type, actors, place and evidence; the counts (mentions, articles,
sources with syndicated copies counted once) and first/last report dates come from the merged event.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

CHUNK = 20_000

# PLOVER type -> (CAMEO root code used when the event has no CAMEO code, POLECAT quad code)
PLOVER = {
    "AGREE": ("03", "VERBAL COOPERATION"), "CONSULT": ("04", "VERBAL COOPERATION"),
    "SUPPORT": ("05", "VERBAL COOPERATION"), "CONCEDE": ("08", "VERBAL COOPERATION"),
    "REQUEST": ("10", "VERBAL CONFLICT"),  # PLOVER's quad table: REQUEST is verbal conflict
    "COOPERATE": ("06", "MATERIAL COOPERATION"), "AID": ("07", "MATERIAL COOPERATION"),
    "RETREAT": ("08", "MATERIAL COOPERATION"),
    "ACCUSE": ("11", "VERBAL CONFLICT"), "REJECT": ("12", "VERBAL CONFLICT"),
    "THREATEN": ("13", "VERBAL CONFLICT"),
    "PROTEST": ("14", "MATERIAL CONFLICT"), "MOBILIZE": ("15", "MATERIAL CONFLICT"),
    "SANCTION": ("16", "MATERIAL CONFLICT"), "COERCE": ("17", "MATERIAL CONFLICT"),
    "ASSAULT": ("18", "MATERIAL CONFLICT"),
}
# Goldstein scale of each CAMEO root code (the value of its root-level code, e.g. 180 -> -9.0).
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
             "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5, "15": -7.2,
             "16": -4.0, "17": -5.0, "18": -9.0, "19": -10.0, "20": -10.0}

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "State", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations",
    "Language", "Version",
    # tacitus additions
    "Date Start", "Date End", "Date Basis", "Modality", "Mentions", "Articles", "Sources", "First Report",
    "Last Report", "Story ID", "Evidence", "Mention IDs",
]

_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in _GEO]
    + ["DATEADDED", "SOURCEURL",
       # tacitus additions
       "PLOVERType", "DateStart", "DateEnd", "Modality", "FirstReport", "LastReport", "Evidence"]
)
_QUAD_NUM = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


def _merged_rows(db):
    """(representative mention row, cluster info) for every merged event, in first-report order."""
    from .clusters import _has_tables
    conn = db.conn
    base = ("SELECT e.*, a.url AS article_url, a.source AS article_source, a.language AS article_language "
            "FROM events e JOIN articles a ON a.id = e.article_id")
    if _has_tables(db):
        q = (f"SELECT x.*, c.id AS cid, c.n_mentions, c.n_articles, c.n_sources, c.first_report, c.last_report "
             f"FROM ({base}) x LEFT JOIN event_cluster m ON m.event_id = x.id "
             "LEFT JOIN event_clusters c ON c.id = m.cluster_id "
             "WHERE c.id IS NULL OR c.rep_event_id = x.id ORDER BY x.pub_date, x.article_id, x.trigger_start")
    else:
        q = (f"SELECT x.*, NULL AS cid, NULL AS n_mentions, NULL AS n_articles, NULL AS n_sources, "
             f"NULL AS first_report, NULL AS last_report FROM ({base}) x "
             "ORDER BY x.pub_date, x.article_id, x.trigger_start")
    cur = conn.execute(q)
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            return
        for r in rows:
            yield dict(r)


def _mention_ids(db, cid: str | None, eid: str) -> list[str]:
    if not cid:
        return [eid]
    return [r[0] for r in db.conn.execute("SELECT event_id FROM event_cluster WHERE cluster_id = ? "
                                          "ORDER BY event_id", (cid,))]


def _story(db, cache: dict, article_id: str) -> tuple[str, str, str]:
    if article_id not in cache:
        if len(cache) > 10_000:
            cache.clear()
        got = {"PERSON": [], "ORG": [], "LOC": []}
        for text, label in db.conn.execute("SELECT DISTINCT text, label FROM entities WHERE article_id = ? "
                                           "ORDER BY start", (article_id,)):
            k = "LOC" if label in ("GPE", "LOC", "FAC") else label
            if k in got and text not in got[k]:
                got[k].append(text)
        cache[article_id] = tuple(";".join(got[k]) for k in ("PERSON", "ORG", "LOC"))
    return cache[article_id]


def _event_date(r) -> str:
    """The one day a row needs: the event's day; for a longer interval read in the text ("in 1991") its
    first day, so the row lands in the right year and month; only an undated event (no interval start
    from the text) falls back to the first report. The interval itself is in the DateStart/End columns."""
    s, e = r.get("date_start"), r.get("date_end")
    if s and s == e:
        return s[:10]
    if s and r.get("date_basis") == "text":
        return s[:10]
    return (r.get("first_report") or r["pub_date"])[:10]


def cameo_quad(root: str) -> str:
    """CAMEO's quad class of a root code (01-05, 06-08, 09-13, 14-20), as GDELT defines QuadClass."""
    n = int(root)
    return ("VERBAL COOPERATION" if n <= 5 else "MATERIAL COOPERATION" if n <= 8 else
            "VERBAL CONFLICT" if n <= 13 else "MATERIAL CONFLICT")


def _codes(r) -> tuple[str, str, str, str]:
    """(event code, base code, root code, POLECAT quad) of a mention. The POLECAT quad is the PLOVER
    type's; GDELT's QuadClass comes from the CAMEO root (``cameo_quad``), so each layout is consistent
    with its own scale."""
    plover = r.get("plover_type") or r["type"]
    root, quad = PLOVER.get(plover, ("", ""))
    cameo = (r.get("cameo") or "").strip()
    if cameo[:2].isdigit():
        root = cameo[:2]
        return cameo, cameo[:3], root, quad or cameo_quad(root)
    return (root + "0" if root else ""), (root + "0" if root else ""), root, quad


def _intensity(r, root: str, quad: str) -> float | None:
    """POLECAT-style intensity on the Goldstein scale: the CAMEO root's value when that root lies in the
    PLOVER type's quad, else the value of the type's default root (never a conflict score on a
    cooperation quad). ``root`` and ``quad`` as ``_codes`` gives them."""
    if root and quad and cameo_quad(root) != quad:
        root = PLOVER.get(r.get("plover_type") or r["type"], (root, ""))[0]
    return GOLDSTEIN.get(root)


def _sectors(s: str | None) -> list[str]:
    return (s or "").split()


def _counts(r) -> tuple[int, int, int]:
    return (r.get("n_mentions") or 1, r.get("n_articles") or 1, r.get("n_sources") or 1)


def polecat_row(db, r: dict, cache: dict) -> dict:
    code, _, root, quad = _codes(r)
    people, orgs, locs = _story(db, cache, r["article_id"])
    ev = json.loads(r["json"]) if r.get("json") else {}
    feature = ((ev.get("location") or {}).get("feature")) or ""
    ss, ts = _sectors(r.get("source_sectors")), _sectors(r.get("target_sectors"))
    n_m, n_a, n_s = _counts(r)
    return {
        "Event ID": r.get("cid") or r["id"], "Event Date": _event_date(r), "Event Type": r["type"],
        "Event Mode": r.get("mode") or "", "Event Intensity": _intensity(r, root, quad),
        "Quad Code": quad, "Contexts": ";".join((r.get("contexts") or "").split()),
        "Actor Name": r.get("source_name") or "", "Actor Country": r.get("source_country") or "",
        "Actor COW": "", "Primary Actor Sector": ss[0] if ss else "", "Actor Sectors": ";".join(ss),
        "Actor Title": "", "Actor Name Raw": r.get("source_text") or "", "Wikipedia Actor ID": "",
        "Recipient Name": r.get("target_name") or "", "Recipient Country": r.get("target_country") or "",
        "Recipient COW": "", "Primary Recipient Sector": ts[0] if ts else "", "Recipient Sectors": ";".join(ts),
        "Recipient Title": "", "Recipient Name Raw": r.get("target_text") or "", "Wikipedia Recipient ID": "",
        "Placename": r.get("location_name") or "",
        "City": (r.get("location_name") or "") if feature == "city" else "",
        "State": (r.get("location_name") or "") if feature == "adm1" else "",
        "Country": r.get("location_country") or "", "Latitude": r.get("lat"), "Longitude": r.get("lon"),
        "GeoNames ID": r.get("location_geonameid"), "Raw Placename": r.get("location_name") or "",
        "Feature Type": feature, "Source": r.get("article_source") or "", "Publication Date": r["pub_date"][:10],
        "Story People": people, "Story Organizations": orgs, "Story Locations": locs,
        "Language": r.get("article_language") or "en", "Version": r.get("ontology_version") or "",
        "Date Start": r.get("date_start") or "", "Date End": r.get("date_end") or "",
        "Date Basis": r.get("date_basis") or "", "Modality": r.get("modality") or "",
        "Mentions": n_m, "Articles": n_a, "Sources": n_s,
        "First Report": (r.get("first_report") or r["pub_date"])[:10],
        "Last Report": (r.get("last_report") or r["pub_date"])[:10], "Story ID": r["article_id"],
        "Evidence": r.get("sentence_text") or "",
        "Mention IDs": ";".join(_mention_ids(db, r.get("cid"), r["id"])),
    }


def _geo_type(country: str | None, feature: str) -> int | None:
    if not feature:
        return None
    us = country == "USA"
    return {"country": 1, "adm1": 2 if us else 5, "city": 3 if us else 4}.get(feature, 4)


def gdelt_row(db, r: dict, cache: dict) -> dict:
    code, base, root, quad = _codes(r)
    d = _event_date(r)
    dd = date.fromisoformat(d)
    n_m, n_a, n_s = _counts(r)
    ev = json.loads(r["json"]) if r.get("json") else {}
    feature = ((ev.get("location") or {}).get("feature")) or ""
    out = {"GLOBALEVENTID": r.get("cid") or r["id"], "SQLDATE": int(dd.strftime("%Y%m%d")),
           "MonthYear": int(dd.strftime("%Y%m")), "Year": dd.year,
           "FractionDate": round(dd.year + (dd.timetuple().tm_yday - 1) / 365.0, 4)}
    for i, side in ((1, "source"), (2, "target")):
        sec = _sectors(r.get(f"{side}_sectors"))
        out.update({f"Actor{i}Code": r.get(f"{side}_code") or "", f"Actor{i}Name": r.get(f"{side}_name") or "",
                    f"Actor{i}CountryCode": r.get(f"{side}_country") or "", f"Actor{i}KnownGroupCode": "",
                    f"Actor{i}EthnicCode": "", f"Actor{i}Religion1Code": "", f"Actor{i}Religion2Code": "",
                    f"Actor{i}Type1Code": sec[0] if len(sec) > 0 else "",
                    f"Actor{i}Type2Code": sec[1] if len(sec) > 1 else "",
                    f"Actor{i}Type3Code": sec[2] if len(sec) > 2 else ""})
    out.update({"IsRootEvent": int((r.get("sentence_start") or 0) < 400), "EventCode": code,
                "EventBaseCode": base, "EventRootCode": root,
                "QuadClass": _QUAD_NUM.get(cameo_quad(root)) if root else None,
                "GoldsteinScale": GOLDSTEIN.get(root), "NumMentions": n_m, "NumSources": n_s,
                "NumArticles": n_a, "AvgTone": None})
    for p in ("Actor1", "Actor2"):
        out.update({f"{p}Geo_{c}": None for c in _GEO})
    out.update({"ActionGeo_Type": _geo_type(r.get("location_country"), feature),
                "ActionGeo_FullName": r.get("location_name"), "ActionGeo_CountryCode": r.get("location_country"),
                "ActionGeo_ADM1Code": None, "ActionGeo_ADM2Code": None, "ActionGeo_Lat": r.get("lat"),
                "ActionGeo_Long": r.get("lon"), "ActionGeo_FeatureID": r.get("location_geonameid")})
    out.update({"DATEADDED": int(r["pub_date"][:10].replace("-", "")),
                "SOURCEURL": r.get("article_url") or r["article_id"],
                "PLOVERType": r.get("plover_type") or r["type"], "DateStart": r.get("date_start"),
                "DateEnd": r.get("date_end"), "Modality": r.get("modality"),
                "FirstReport": (r.get("first_report") or r["pub_date"])[:10],
                "LastReport": (r.get("last_report") or r["pub_date"])[:10], "Evidence": r.get("sentence_text")})
    return out


LAYOUTS = {"polecat": (POLECAT_COLUMNS, polecat_row), "gdelt": (GDELT_COLUMNS, gdelt_row)}


def export_layout(db, out: str | Path, format: str = "csv", layout: str = "polecat") -> int:
    """Write merged events in the ``layout`` columns to ``out`` (csv or parquet); returns the row count."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r} (polecat, gdelt)")
    if format not in ("csv", "parquet"):
        raise ValueError(f"layout {layout!r} exports csv or parquet, not {format!r}")
    import pandas as pd
    columns, make = LAYOUTS[layout]
    out = Path(out)
    cache: dict = {}
    n = 0
    writer = None
    first = True

    def flush(rows):
        nonlocal writer, first
        if format == "csv":  # integer columns stay integers where some rows are empty (not 6252001.0)
            df = pd.DataFrame(rows, columns=columns)
            df = df.astype({c: "Int64" for c in columns if c in _INT})
            df.to_csv(out, index=False, mode="w" if first else "a", header=first)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq
            schema = _schema(columns, layout)
            table = pa.Table.from_pylist([_typed(r, schema) for r in rows], schema=schema)
            if writer is None:
                writer = pq.ParquetWriter(str(out), table.schema)
            writer.write_table(table)
        first = False

    rows = []
    for r in _merged_rows(db):
        rows.append(make(db, r, cache))
        n += 1
        if len(rows) >= CHUNK:
            flush(rows)
            rows = []
    if rows or first:
        flush(rows)
    if writer is not None:
        writer.close()
    return n


_INT = {"Mentions", "Articles", "Sources", "GeoNames ID", "SQLDATE", "MonthYear", "Year", "IsRootEvent",
        "QuadClass", "NumMentions", "NumSources", "NumArticles", "DATEADDED", "ActionGeo_Type",
        "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_FeatureID", "Actor1Geo_FeatureID", "Actor2Geo_FeatureID"}
_FLOAT = {"Event Intensity", "Latitude", "Longitude", "FractionDate", "GoldsteinScale", "AvgTone",
          "ActionGeo_Lat", "ActionGeo_Long", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long"}


def _typed(row: dict, schema) -> dict:
    out = {}
    for f in schema:
        v = row.get(f.name)
        if v is None or v == "" and f.type != "string":
            out[f.name] = None
        elif str(f.type) == "int64":
            out[f.name] = int(v)
        elif str(f.type) == "double":
            out[f.name] = float(v)
        else:
            out[f.name] = str(v)
    return out


def _schema(columns, layout):
    """A fixed Parquet schema so every chunk (and an empty export) has the same column types."""
    import pyarrow as pa
    return pa.schema([(c, pa.int64() if c in _INT else pa.float64() if c in _FLOAT else pa.string())
                      for c in columns])
