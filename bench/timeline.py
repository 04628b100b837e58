"""Timeline benchmark on T17 (journalists' timelines): date F1 and concatenated ROUGE-1/2 F.

For each topic ``<data>/<topic>/{articles,timelines}.jsonl``: ingest the articles into
``<workdir>/<topic>.db`` (idempotent: re-runs reuse the file), build a timeline with as many dates as the
gold timeline and round(average gold sentences per date) sentences per date, and score it:
- date F1: exact day match between predicted and gold dates;
- ROUGE-1/2 F: n-gram overlap of all predicted sentences vs all gold sentences, concatenated
  (lower-cased alphanumeric tokens, no stemming, no stop-word removal).
When a topic has several gold timelines, scores are averaged over them.
The summary also gives the mean per story (the topic name before "_": H1N1, MJ, bpoil, haiti — several
topics of one story share their articles' events, so a change should be judged story by story).

    .venv/bin/python bench/timeline.py --workdir /tmp/tacitus-t17 [--topics H1N1_bbc,MJ_bbc] [--limit 100]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timelines" / "T17"
_TOK = re.compile(r"[a-z0-9]+")


def ngrams(text: str, n: int) -> Counter:
    t = _TOK.findall(text.lower())
    return Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))


def rouge_f(pred: str, gold: str, n: int) -> float:
    p, g = ngrams(pred, n), ngrams(gold, n)
    hit = sum((p & g).values())
    if not hit:
        return 0.0
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def date_f1(pred: list[str], gold: list[str]) -> float:
    p, g = set(pred), set(gold)
    hit = len(p & g)
    if not hit:
        return 0.0
    prec, rec = hit / len(p), hit / len(g)
    return 2 * prec * rec / (prec + rec)


def load_gold(topic_dir: Path) -> list[list]:
    with (topic_dir / "timelines.jsonl").open() as f:
        return [json.loads(line) for line in f if line.strip()]


def ingest_topic(topic_dir: Path, db_path: Path, limit: int | None, workers: int = 1) -> dict:
    from tacitus.ingest import read
    from tacitus.store import Database
    from tacitus.store.loader import ingest
    db = Database(db_path)
    recs = read([str(topic_dir / "articles.jsonl")], input_format="jsonl")
    if limit:
        import itertools
        recs = itertools.islice(recs, limit)
    s = ingest(db, recs, workers=workers) if workers > 1 else ingest(db, recs)
    db.close()
    return s.to_dict()


def score_topic(db_path: Path, golds: list[list], weights=None) -> dict:
    from tacitus.store import Database
    from tacitus.timeline import build_timeline
    db = Database(db_path, readonly=True)
    res = Counter()
    for gold in golds:
        n = len(gold)
        k = max(1, round(sum(len(s) for _, s in gold) / n))
        tl = build_timeline(db, dates=n, sentences=k, weights=weights)
        res["date_f1"] += date_f1([e["date"] for e in tl], [d for d, _ in gold])
        pred_text = " ".join(s for e in tl for s in e["sentences"])
        gold_text = " ".join(s for _, ss in gold for s in ss)
        res["rouge1"] += rouge_f(pred_text, gold_text, 1)
        res["rouge2"] += rouge_f(pred_text, gold_text, 2)
        res["dates"] += n
        res["k"] += k
    db.close()
    return {k: v / len(golds) for k, v in res.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="T17 directory (one sub-directory per topic)")
    ap.add_argument("--workdir", default="/tmp/tacitus-t17", help="where the per-topic databases go")
    ap.add_argument("--topics", default="", help="comma-separated topics (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="ingest only the first N articles per topic")
    ap.add_argument("--workers", type=int, default=1, help="spaCy parsing processes for ingest")
    ap.add_argument("--no-ingest", action="store_true", help="score existing databases only")
    ap.add_argument("--json", action="store_true", help="print one JSON object per topic")
    a = ap.parse_args(argv)
    data, work = Path(a.data), Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    topics = [t for t in a.topics.split(",") if t] or sorted(p.name for p in data.iterdir() if p.is_dir())
    rows = []
    for t in topics:
        tdir = data / t
        dbp = work / f"{t}.db"
        t0 = time.perf_counter()
        info = {} if a.no_ingest else ingest_topic(tdir, dbp, a.limit, a.workers)
        t1 = time.perf_counter()
        r = score_topic(dbp, load_gold(tdir))
        r.update(topic=t, ingest_s=round(t1 - t0, 1), timeline_s=round(time.perf_counter() - t1, 2),
                 articles=info.get("stored"))
        rows.append(r)
        if a.json:
            print(json.dumps(r), flush=True)
        else:
            print(f"{t:24s} dates={int(r['dates']):3d} k={int(r['k'])} date_F1={r['date_f1']:.3f} "
                  f"R1={r['rouge1']:.3f} R2={r['rouge2']:.3f} ingest={r['ingest_s']}s "
                  f"timeline={r['timeline_s']}s", flush=True)
    if rows:
        m = {k: sum(r[k] for r in rows) / len(rows) for k in ("date_f1", "rouge1", "rouge2")}
        print(f"{'MEAN':24s} date_F1={m['date_f1']:.3f} R1={m['rouge1']:.3f} R2={m['rouge2']:.3f} "
              f"({len(rows)} topics)", flush=True)
        stories: dict[str, list[dict]] = {}
        for r in rows:
            stories.setdefault(r["topic"].split("_")[0], []).append(r)
        sm = {s: {k: sum(r[k] for r in rs) / len(rs) for k in ("date_f1", "rouge1", "rouge2")}
              for s, rs in stories.items()}
        print("STORIES  " + "  ".join(f"{s}: F1={v['date_f1']:.3f} R1={v['rouge1']:.3f} R2={v['rouge2']:.3f}"
                                      for s, v in sm.items()), flush=True)
        print(f"{'STORY MEAN':24s} date_F1={sum(v['date_f1'] for v in sm.values()) / len(sm):.3f} "
              f"({len(sm)} stories)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
