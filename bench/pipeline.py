"""Whole-pipeline throughput against bare spaCy ``nlp.pipe`` on the same texts, in the same run.

    python bench/pipeline.py [--n 300] [--corpus PATH.jsonl]

Corpus: the T17 articles in ../shared (first N across topics) when present, else the bundled example
repeated. Prints words/s and articles/s for bare spaCy, the full pipeline, each stage's own time, and
the ingest job into a fresh SQLite file; peak RSS. Results are recorded in bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "timelines" / "T17"


def load_corpus(n: int, corpus: str | None) -> list[tuple[str, str, str]]:
    out = []
    files = [Path(corpus)] if corpus else sorted(SHARED.glob("*/articles.jsonl"))
    per = max(1, n // max(1, len(files)))
    for f in files:
        with f.open() as fh:
            k = 0
            for line in fh:
                o = json.loads(line)
                t = o.get("text") or ""
                if len(t) < 200:
                    continue
                out.append((str(o.get("id")), str(o.get("date") or o.get("time"))[:10], t))
                k += 1
                if k >= per:
                    break
    if not out:
        text = (ROOT / "examples" / "000_df06522f36d2b8de.txt").read_text().split(None, 2)[2]
        out = [(f"ex{i}", "2019-01-03", text) for i in range(n)]
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--corpus")
    args = ap.parse_args()
    import spacy
    from tacitus.ingest.validate import parse_date
    from tacitus.model import Article, Record
    from tacitus.pipeline import Pipeline, SPACY_MODEL, Context, default_stages

    docs = load_corpus(args.n, args.corpus)
    texts = [t for _, _, t in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words:,} words")

    nlp = spacy.load(SPACY_MODEL)
    # warm up
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=32))
    t_spacy = time.perf_counter() - t0

    # where spaCy's own time goes, component by component (same texts)
    comp_time = {}
    cdocs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        a = time.perf_counter()
        cdocs = list(proc.pipe(cdocs, batch_size=32))
        comp_time[name] = time.perf_counter() - a

    stages = default_stages()
    stage_time = {s.name: 0.0 for s in stages}
    t0 = time.perf_counter()
    for (i, d, t), doc in zip(docs, parsed):
        ctx = Context(text=t, dct=parse_date(d) or date(2000, 1, 1), doc=doc, id=i)
        for s in stages:
            a = time.perf_counter()
            s(ctx)
            stage_time[s.name] += time.perf_counter() - a
    t_stages = time.perf_counter() - t0

    pipe = Pipeline(nlp=nlp)
    recs = [Record(id=i, date=parse_date(d), text=t) for i, d, t in docs]
    t0 = time.perf_counter()
    n_events = 0
    analysed = []
    for art in pipe.pipe(recs):
        n_events += len(getattr(art, "events", []))
        analysed.append(art)
    t_pipe = time.perf_counter() - t0

    from tacitus.store import Database
    from tacitus.store.loader import ingest
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "b.db")
        t0 = time.perf_counter()
        s = ingest(db, iter(recs), pipeline=pipe)
        t_ingest = time.perf_counter() - t0
        # the scale-out path: `tacitus extract` output (JSON Lines) stored by `tacitus load`, no parsing
        import json
        from tacitus.store.loader import load
        part = Path(tmp) / "part.jsonl"
        part.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in analysed
                                if isinstance(a, Article)), encoding="utf-8")
        db2 = Database(Path(tmp) / "l.db")
        t0 = time.perf_counter()
        load(db2, [str(part)])
        t_load = time.perf_counter() - t0

    # the same pipeline with 2 spaCy processes (tacitus ingest --workers 2)
    pipe2 = Pipeline(nlp=nlp, workers=2)
    t0 = time.perf_counter()
    for _ in pipe2.pipe(recs, batch_size=64):
        pass
    t_pipe2 = time.perf_counter() - t0

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [("bare spaCy nlp.pipe", t_spacy), ("tacitus stages only (after parse)", t_stages),
            ("tacitus pipeline (parse + stages)", t_pipe), ("tacitus ingest (pipeline + SQLite)", t_ingest),
            ("tacitus load (extract output -> SQLite, no parse)", t_load),
            ("tacitus pipeline, --workers 2", t_pipe2)]
    print(f"\n| run | seconds | words/s | articles/s | vs bare spaCy |\n|---|---|---|---|---|")
    for name, t in rows:
        print(f"| {name} | {t:.2f} | {words / t:,.0f} | {len(texts) / t:.1f} | {t / t_spacy:.2f}x |")
    print("\n| stage | seconds | words/s | share of parse time |\n|---|---|---|---|")
    for name, t in stage_time.items():
        print(f"| {name} | {t:.3f} | {words / max(t, 1e-9):,.0f} | {100 * t / t_spacy:.1f}% |")
    tot = sum(comp_time.values())
    print("\n| spaCy component | seconds | share of spaCy time |\n|---|---|---|")
    for name, t in comp_time.items():
        print(f"| {name} | {t:.2f} | {100 * t / tot:.0f}% |")
    print(f"\nevents: {n_events}; stored: {s.stored}; peak RSS: {rss:.0f} MB; python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
