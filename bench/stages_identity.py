"""Output identity and per-stage timing of the stages after the spaCy parse (performance work check).

    python bench/stages_identity.py --n 300 --dump /tmp/stages_base.jsonl          # record a baseline
    python bench/stages_identity.py --n 300 --compare /tmp/stages_base.jsonl       # check + time again

Parses the first N T17 articles (``../shared/data/timelines/T17/*/articles.jsonl``, as in
``bench/pipeline.py``) once and caches the Docs as a spaCy ``DocBin`` under ``--cache`` (default
/tmp/tacitus_stages); later runs load the cache, so only the stages are timed. Every article's
``Article.to_dict()`` is written as one JSON line; ``--compare`` checks the new lines are byte-identical
to a previous dump and names the first differing articles and fields.

The time tagger's output (``ctx.timexes``) is cached with the Docs by default and replayed instead of
running ``time.timex`` (``--live-time`` runs it), so concurrent work on the time stage does not show
up as differences in the other stages; ``time.event_dater`` always runs live.

Timing: each stage's total over all articles, after a warm-up on the bundled example (gazetteer, tables
and dictionaries loaded). "pass 1" starts with the per-process memo caches (lru_cache on phrase lookups)
nearly empty, like a fresh ingest of N articles; "best of --repeat" is the steady state of a long run.
``--profile FILE`` writes a cProfile of pass 1. To time the code before a change against the code after
it, back to back on the same cached Docs, run the committed code from a snapshot:

    mkdir -p /tmp/base && git archive HEAD src | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base/src TACITUS_CACHE_DIR=/tmp/base_cache python bench/stages_identity.py --n 300 --dump /tmp/base.jsonl
    python bench/stages_identity.py --n 300 --compare /tmp/base.jsonl

Skips cleanly (exit 0) without ../shared.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "timelines" / "T17"


def load_corpus(n: int) -> list[tuple[str, str, str]]:
    """The first articles of each T17 topic (the same reader as bench/pipeline.py); [] without ../shared."""
    if not SHARED.is_dir():
        return []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pipeline import load_corpus as pipeline_corpus  # bench/pipeline.py
    return pipeline_corpus(n, None)


def parsed_docs(corpus, cache: Path, nlp):
    """Docs for the corpus, from the DocBin cache when it matches the texts, else parsed and cached."""
    from spacy.tokens import DocBin
    key = hashlib.sha1("\x00".join(t for _, _, t in corpus).encode()).hexdigest()[:12]
    path = cache / f"docs_{len(corpus)}_{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), key
    docs = list(nlp.pipe((t for _, _, t in corpus), batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    # reload so the first and later runs see exactly the same (deserialized) Docs
    return list(DocBin().from_disk(path).get_docs(nlp.vocab)), key


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--dump", help="write the JSON lines here")
    ap.add_argument("--compare", help="check byte identity against this earlier dump")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes (best of)")
    ap.add_argument("--cache", default="/tmp/tacitus_stages")
    ap.add_argument("--live-time", action="store_true", help="run the time tagger instead of replaying it")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="stopwatch: wall time (perf_counter) or this process's CPU time (process_time; steadier "
                         "when other jobs share the cores)")
    ap.add_argument("--profile", help="write a cProfile of the first pass of the stages to this file")
    args = ap.parse_args()

    corpus = load_corpus(args.n)
    if not corpus:
        print(f"skip: no T17 articles under {SHARED}")
        return 0
    import spacy
    from tacitus.ingest.validate import parse_date
    from tacitus.model import Record
    from tacitus.pipeline import Pipeline, SPACY_MODEL, default_stages

    nlp = spacy.load(SPACY_MODEL)
    docs, key = parsed_docs(corpus, Path(args.cache), nlp)
    words = sum(len(t.split()) for _, _, t in corpus)
    print(f"corpus: {len(corpus)} articles, {words:,} words (docs cache key {key})")

    stages = default_stages()
    tagger = stages[0]
    assert tagger.name == "time.timex", tagger.name
    tx_path = Path(args.cache) / f"timexes_{len(corpus)}_{key}.pkl"
    if args.live_time or not tx_path.exists():
        from tacitus.pipeline import Context
        timexes = []
        for (i, d, t), doc in zip(corpus, docs):
            ctx = Context(text=t, dct=parse_date(d) or date(2000, 1, 1), doc=doc, id=i)
            tagger(ctx)
            timexes.append(ctx.timexes)
        if not tx_path.exists():
            tx_path.write_bytes(pickle.dumps(timexes))
            print(f"time tagger output cached in {tx_path}")
    frozen = pickle.loads(tx_path.read_bytes())

    class Replay:
        name = "time.timex (replayed)"

        def __init__(self):
            self.i = 0

        def __call__(self, ctx):
            ctx.timexes = pickle.loads(pickle.dumps(frozen[self.i]))
            self.i += 1

    recs = [Record(id=i, date=parse_date(d), text=t) for i, d, t in corpus]

    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    def one_pass(profile=None):
        st = default_stages()
        if not args.live_time:
            st[0] = Replay()
        times = {s.name: 0.0 for s in st}
        pipe = Pipeline(nlp=nlp, stages=[])
        lines = []
        for rec, doc in zip(recs, docs):
            # Pipeline._stages with a stopwatch around each stage
            timed = []
            for s in st:
                def run(ctx, s=s):
                    a = clock()
                    s(ctx)
                    times[s.name] += clock() - a
                timed.append(run)
            pipe.stages = timed
            if profile:
                profile.enable()
            art = pipe._stages(rec, doc)
            if profile:
                profile.disable()
            lines.append(json.dumps(art.to_dict(), ensure_ascii=False, sort_keys=True))
        return times, lines

    # warm-up on the bundled example (loads the gazetteer and tables) so pass 1 times only analysis;
    # pass 1 then starts with the per-process memo caches nearly empty, as a fresh ingest does
    ex = sorted((ROOT / "examples").glob("*.txt"))
    if ex:
        from tacitus.pipeline import Context
        ctx = Context(text=ex[0].read_text().split(None, 2)[2], dct=date(2019, 1, 3), id="warm")
        ctx.doc = nlp(ctx.text)
        for s in default_stages():
            s(ctx)
    best: dict[str, float] = {}
    first: dict[str, float] = {}
    lines = None
    prof = None
    if args.profile:  # the first pass, profiled (its times are inflated by the profiler)
        import cProfile
        prof = cProfile.Profile()
    for r in range(max(1, args.repeat)):
        times, ln = one_pass(prof if r == 0 else None)
        if lines is None:
            lines = ln
            first = dict(times)
        elif ln != lines:
            print("WARNING: output differs between passes (state leaking across runs)")
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)

    if prof is not None:
        prof.dump_stats(args.profile)
        print(f"profile written to {args.profile}")

    print("\n| stage (%s seconds) | pass 1 | best of %d | words/s (pass 1) |\n|---|---|---|---|"
          % (args.clock, max(1, args.repeat)))
    for k, v in best.items():
        print(f"| {k} | {first[k]:.3f} | {v:.3f} | {words / max(first[k], 1e-9):,.0f} |")
    mine = [sum(v for k, v in d.items() if k.split(".")[0] in ("actors", "places", "events")) for d in (first, best)]
    print(f"| actors + places + events (incl. event_locator) | {mine[0]:.3f} | {mine[1]:.3f} | |")

    if args.dump:
        Path(args.dump).write_text("".join(x + "\n" for x in lines), encoding="utf-8")
        print(f"dump: {args.dump} ({len(lines)} articles)")
    if args.compare:
        old = Path(args.compare).read_text(encoding="utf-8").splitlines()
        if len(old) != len(lines):
            print(f"DIFFERENT: {len(old)} vs {len(lines)} articles")
            return 1
        bad = [i for i, (a, b) in enumerate(zip(old, lines)) if a != b]
        if not bad:
            print(f"IDENTICAL: {len(lines)} articles, byte for byte")
            return 0
        print(f"DIFFERENT: {len(bad)} of {len(lines)} articles")
        for i in bad[:5]:
            a, b = json.loads(old[i]), json.loads(lines[i])
            keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
            print(f"  article {corpus[i][0]} (#{i}): fields {keys}")
            if "events" in keys:
                ea, eb = a["events"], b["events"]
                for j, (x, y) in enumerate(zip(ea, eb)):
                    if x != y:
                        print("    event", j, "fields", [k for k in x if x.get(k) != y.get(k)])
                        break
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
