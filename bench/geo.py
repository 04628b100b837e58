"""Toponym resolution benchmark on LGL and GeoVirus (gold toponyms), plus end-to-end recall with our NER.

    .venv/bin/python bench/geo.py                     # both sets, gold spans, speed, load time and RSS
    .venv/bin/python bench/geo.py --e2e               # also end-to-end recall with spaCy NER + PlaceResolver
    .venv/bin/python bench/geo.py --errors 40 --set lgl   # print wrong resolutions
    .venv/bin/python bench/geo.py --half both --no-load   # also odd / even articles of each set (held-out check)

Metrics: accuracy@161 km (a prediction with the gold GeoNames id, or for GeoVirus the gold Wikipedia
entity, counts as right), mean and median error (km), AUC of the log-error curve (Gritta et al. 2018;
lower is better), toponyms/s. ``acc161_dist``, ``mean_km_dist`` and ``auc_dist`` are the same by distance
alone (no credit for the right id or entity: the prediction's point must be within 161 km of the gold
point — GeoNames' point for LGL, Wikipedia's for GeoVirus).
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from tacitus.places.gazetteer import get_gazetteer, haversine  # noqa: E402
from tacitus.places.resolve import resolve_spans  # noqa: E402


def load_lgl(path):
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        gold = []
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            gold.append((int(t.findtext("start")), int(t.findtext("end")), float(g.findtext("lat")),
                         float(g.findtext("lon")), int(g.get("geonameid") or 0)))
        docs.append((text, gold))
    return docs


def load_geovirus(path):
    docs = []
    for a in ET.parse(path).getroot().iter("article"):
        text = a.findtext("text") or ""
        gold = []
        for loc in a.iter("location"):
            s, e = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
            page = (loc.findtext("page") or "").rsplit("/", 1)[-1]
            gold.append((s, e, float(loc.findtext("lat")), float(loc.findtext("lon")), page))
        docs.append((text, gold))
    return docs


def same_entity(gaz, page: str, i: int, lat: float | None = None, lon: float | None = None) -> bool:
    """GeoVirus gives a Wikipedia page per toponym: an area feature (country, division, continent, region)
    whose own name is the page title is the gold entity itself (as a matching GeoNames id is in LGL)."""
    from urllib.parse import unquote
    from tacitus.places.gazetteer import ADM1, ADM2, CONTINENT, COUNTRY, REGION
    if gaz.feat[i] not in (ADM1, ADM2, CONTINENT, COUNTRY, REGION):
        return False
    title = unquote(page).replace("_", " ")
    qual = title.split(" (", 1)[1].rstrip(")").lower() if " (" in title else ""
    if qual:  # "Georgia (U.S. state)" is not the country Georgia: the qualifier must fit the feature
        if any(w in qual for w in ("state", "province", "region", "county")) and gaz.feat[i] not in (ADM1, ADM2, REGION):
            return False
        if "country" in qual and gaz.feat[i] != COUNTRY:
            return False
        if not any(w in qual for w in ("state", "province", "region", "county", "country")):
            return False
    title = title.split(" (")[0].split(",")[0]
    cands = [c for c in gaz.lookup(title) if gaz.feat[c] in (ADM1, ADM2, CONTINENT, COUNTRY, REGION)]
    if i not in cands:
        return False
    if lat is None:
        return True
    # several areas share the title ("Niger": the country and the Nigerian state): the gold entity is
    # the one nearest the gold point
    return i == min(cands, key=lambda c: haversine(lat, lon, gaz.lat[c], gaz.lon[c]))


def auc(errors):
    """Area under the curve of sorted log(1+error) normalised by log(20039 km) (0 = perfect)."""
    if not errors:
        return float("nan")
    ys = sorted(math.log(1 + e) / math.log(20039) for e in errors)
    if len(ys) == 1:
        return ys[0]
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / (len(ys) - 1)


def evaluate(docs, show_errors=0):
    gaz = get_gazetteer()
    errors, right, n, unresolved = [], 0, 0, 0
    strict_right = 0
    dist_errors = []
    shown = 0
    for _ in range(2):  # the second, warm run is timed (name caches filled)
        t0 = time.perf_counter()
        results = []
        for text, gold in docs:
            spans = [(s, e) for s, e, *_ in gold]
            results.append(resolve_spans(text, spans, gaz))
        dt = time.perf_counter() - t0
    for (text, gold), res in zip(docs, results):
        for (s, e, lat, lon, gid), i in zip(gold, res):
            n += 1
            if i is None:
                err = 20039.0
                unresolved += 1
            elif isinstance(gid, int) and gid and gaz.gid[i] == gid:
                err = 0.0
            elif isinstance(gid, str) and gid and same_entity(gaz, gid, i, lat, lon):
                err = 0.0
            else:
                err = haversine(lat, lon, gaz.lat[i], gaz.lon[i])
            d = haversine(lat, lon, gaz.lat[i], gaz.lon[i]) if i is not None else 20039.0
            strict_right += d <= 161
            dist_errors.append(d)
            errors.append(err)
            ok = err <= 161
            right += ok
            if not ok and shown < show_errors:
                shown += 1
                got = gaz.entry(i) if i is not None else None
                ctx = text[max(0, s - 40):e + 30].replace("\n", " ")
                print(f"  {text[s:e]!r:28} gold=({lat:.2f},{lon:.2f}) got={got.name + '/' + got.country + '/' + str(got.feature) if got else None}"
                      f" err={err:.0f}  …{ctx}…")
    return {"toponyms": n, "acc161": right / n, "acc161_dist": strict_right / n, "mean_km": statistics.fmean(errors),
            "median_km": statistics.median(errors), "auc": auc(errors), "mean_km_dist": statistics.fmean(dist_errors),
            "median_km_dist": statistics.median(dist_errors), "auc_dist": auc(dist_errors), "unresolved": unresolved,
            "toponyms_per_s": n / dt if dt else float("inf")}


def e2e_recall(docs, limit=None):
    """Share of gold toponyms whose span overlaps an entity our pipeline gave a place (and within 161 km)."""
    from tacitus.pipeline import Pipeline
    pipe = Pipeline()
    found = right = n = 0
    for k, (text, gold) in enumerate(docs[:limit] if limit else docs):
        art = pipe.extract(text, date="2020-01-01")
        places = [(e.start, e.end, e.place) for e in art.entities if e.place is not None]
        for s, e, lat, lon, gid in gold:
            n += 1
            hit = next((p for a, b, p in places if a < e and s < b), None)
            if hit is not None:
                found += 1
                gaz = get_gazetteer()
                same = isinstance(gid, str) and gid and hit.geonameid and any(
                    gaz.gid[i] == hit.geonameid and same_entity(gaz, gid, i) for i in gaz.lookup(hit.name))
                if (isinstance(gid, int) and gid and hit.geonameid == gid) or same or \
                        haversine(lat, lon, hit.lat, hit.lon) <= 161:
                    right += 1
    return {"gold": n, "recall": found / n, "recall_correct161": right / n}


def load_stats():
    """Gazetteer load time and extra RSS, measured in a fresh process (cache already built)."""
    code = ("import time,re\n"
            "def rss(): return int(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1))/1024\n"
            "from tacitus.places.gazetteer import Gazetteer\nr0=rss();t=time.perf_counter();g=Gazetteer.load()\n"
            "print(time.perf_counter()-t, rss()-r0, len(g.names))")
    get_gazetteer()  # make sure the cache exists
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).stdout.split()
    return {"load_s": float(out[0]), "extra_rss_mb": float(out[1])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=["lgl", "geovirus", "both"], default="both")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--e2e", action="store_true")
    ap.add_argument("--e2e-limit", type=int, default=None)
    ap.add_argument("--half", choices=["odd", "even", "both"], default=None,
                    help="articles with odd / even index only (both: print each half); held-out check")
    ap.add_argument("--no-load", action="store_true", help="skip the fresh-process load measurement")
    a = ap.parse_args()
    sets = {"lgl": lambda: load_lgl(SHARED / "data/geo/lgl.xml"),
            "geovirus": lambda: load_geovirus(SHARED / "data/geo/GeoVirus.xml")}
    if not a.no_load:
        print("gazetteer:", load_stats())
    for name, loader in sets.items():
        if a.set not in (name, "both"):
            continue
        docs = loader()
        halves = {"odd": docs[1::2], "even": docs[0::2]}
        if a.half in halves:
            docs = halves[a.half]
        r = evaluate(docs, a.errors)
        print(f"{name}: " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()))
        if a.half == "both":
            for h, d in halves.items():
                r = evaluate(d)
                right = round(r["acc161"] * r["toponyms"])
                print(f"  {name} {h}: acc161={r['acc161']:.4f} ({right}/{r['toponyms']}), "
                      f"acc161_dist={r['acc161_dist']:.4f}, unresolved={r['unresolved']}")
        if a.e2e:
            r = e2e_recall(docs, a.e2e_limit)
            print(f"{name} end-to-end: " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                                      for k, v in r.items()))


if __name__ == "__main__":
    main()
