"""Event locations on real news: how many events get a place, of which kind, and a review sample.

    python bench/locate.py [--n 200] [--seed 17] [--sample /tmp/locate_sample.jsonl] [--judged FILE]

Corpus: N articles drawn at random (``--seed``) from ``../shared/data/timelines/T17/*/articles.jsonl``
(``id``, ``time``, ``text``). The texts are PTB-tokenized ("-LRB-", " 's", " ,"); they are lightly
detokenized first, and the web-page header of the Reuters pages ("HONG KONG | Tue May 12 , 2009 8:56 am
EDT ") is cut so that the story starts at its dateline ("HONG KONG (Reuters) - ..."). Skips cleanly (exit 0)
without ../shared.

Speed: the spaCy parses are cached as a ``DocBin`` and the state of every article after all stages but
the event locator (entities with their places, events, dateline) is pickled next to it (``--cache``,
default /tmp/tacitus_locate), so a second run only runs ``places.EventLocator``: before/after comparisons
see exactly the same events even while other stages change. ``--live`` re-runs every stage on the cached
parses (and refreshes the pickled state).

Reports: events; share with a location, and of those the share that is only the dateline; share of
events whose evidence sentence holds a resolved toponym (GPE/LOC/FAC with a place) but got no location;
the feature mix of the locations (country / adm1 / city ...).

``--sample FILE`` writes a review sample (JSON Lines; ``.tsv`` writes a TSV): ``--k-located`` located
events and ``--k-unlocated`` unlocated events whose sentence has a toponym, each with its key
(``article:trigger_start:type``), sentence, event type, trigger, source/target text, the chosen place and
the other toponyms of the sentence.

``--judged FILE`` scores the current output against hand judgments (JSON Lines, one per event:
``{"key": ..., "verdicts": {"Kabul": "right", "Afghanistan": "coarse", "Washington": "wrong"},
"expected": "Kabul" | null}``; ``expected`` is the place the event should get, null when no place in
the text says where it happened). Located events: right / too coarse / wrong by the verdict of the
chosen place's name; a name with no verdict is listed as "unjudged" (judge it and add it). Unlocated
events: "missed" when ``expected`` is a place, "correctly unlocated" when null.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import pickle
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "timelines" / "T17"

_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"-LCB-", "{"), (r"-RCB-", "}"),
        (r"``\s*", '"'), (r"\s*''", '"'), (r"\\/", "/"), (r"\(\s+", "("), (r"\s+\)", ")"),
        (r" (n't|'s|'re|'ve|'ll|'d|'m|') ", r"\1 "), (r" ([,.;:!?%])(?=\s|$)", r"\1"), (r"\$ (?=\d)", "$"), (r"(?<![\w#])# (?=\d)", "£"),
        (r"` ", "'"), (r" \n", "\n")]
# "HONG KONG | Tue May 12 , 2009 8:56 am EDT " before the Reuters dateline
_WEB_HEADER = re.compile(r"^[A-Z][A-Za-z ,.'-]{1,60} \| \w{3} \w{3} \d{1,2} , \d{4} [\d:]+ [ap]m \w{2,4} ")


def detokenize(text: str) -> str:
    text = _WEB_HEADER.sub("", text)
    for pat, rep in _PTB:
        text = re.sub(pat, rep, text)
    # straight double quotes, alternately opening (sticks to the next word) and closing (to the previous)
    parts = text.split('"')
    for k in range(1, len(parts)):
        if k % 2:  # parts[k] follows an opening quote
            parts[k] = parts[k].lstrip(" ")
        else:  # parts[k - 1] precedes a closing quote
            parts[k - 1] = parts[k - 1].rstrip(" ")
    text = '"'.join(parts)
    return text


def load_corpus(n: int, seed: int) -> list[tuple[str, str, str]]:
    """N random T17 articles (id, date, detokenized text); [] without ../shared."""
    if not SHARED.is_dir():
        return []
    pool = []
    for f in sorted(SHARED.glob("*/articles.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                o = json.loads(line)
                t = o.get("text") or ""
                if len(t) >= 200:
                    pool.append((f"{f.parent.name}/{o.get('id')}", str(o.get("date") or o.get("time"))[:10], t))
    rng = random.Random(seed)
    picked = rng.sample(pool, min(n, len(pool)))
    return [(i, d, detokenize(t)) for i, d, t in picked]


def prepared(corpus, cache: Path, live: bool):
    """Docs and the pre-locator state (entities, events, dateline, timexes) of each article."""
    import spacy
    from spacy.tokens import DocBin
    from tacitus.ingest.validate import parse_date
    from tacitus.pipeline import SPACY_MODEL, Context, default_stages
    nlp = spacy.load(SPACY_MODEL)
    key = hashlib.sha1("\x00".join(t for _, _, t in corpus).encode()).hexdigest()[:12]
    cache.mkdir(parents=True, exist_ok=True)
    dpath, spath = cache / f"docs_{len(corpus)}_{key}.spacy", cache / f"state_{len(corpus)}_{key}.pkl"
    if not dpath.exists():
        t0 = time.perf_counter()
        docs = list(nlp.pipe((t for _, _, t in corpus), batch_size=32))
        DocBin(docs=docs, store_user_data=True).to_disk(dpath)
        print(f"parsed {len(docs)} articles in {time.perf_counter() - t0:.1f} s (cached in {dpath})")
    docs = list(DocBin().from_disk(dpath).get_docs(nlp.vocab))
    if live or not spath.exists():
        stages = [s for s in default_stages() if s.name != "places.event_locator"]
        states = []
        for (i, d, t), doc in zip(corpus, docs):
            ctx = Context(text=t, dct=parse_date(d) or date(2000, 1, 1), doc=doc, id=i)
            for s in stages:
                s(ctx)
            states.append((ctx.timexes, ctx.entities, ctx.events, ctx.dateline))
        spath.write_bytes(pickle.dumps(states))
        print(f"stages before the locator run and cached in {spath}")
    states = pickle.loads(spath.read_bytes())
    return docs, states


def run(corpus, docs, states):
    """Run the event locator; one record per event."""
    from tacitus.ingest.validate import parse_date
    from tacitus.pipeline import Context
    from tacitus.places import EventLocator
    from tacitus.places.stage import DATELINE, PLACE_LABELS
    loc = EventLocator()
    rows = []
    for (i, d, t), doc, (tx, ents, evs, dl) in zip(corpus, docs, states):
        ctx = Context(text=t, dct=parse_date(d) or date(2000, 1, 1), doc=doc, id=i)
        ctx.timexes, ctx.entities, ctx.dateline = tx, ents, dl
        ctx.events = pickle.loads(pickle.dumps(evs))
        loc(ctx)
        first = [s.start_char for s in list(doc.sents)[:3]]
        for ev in ctx.events:
            s = ev.sentence
            topo = [e for e in ents if e.place is not None and e.label in PLACE_LABELS and s.start <= e.start < s.end]
            p = ev.location
            m = DATELINE.match(t) if dl is not None else None
            dl_end = m.end() if m else 0
            # the dateline's own words are no toponym of the sentence for the locator
            from_dateline = p is not None and dl is not None and p == dl and \
                not any(e.place == p and e.start >= dl_end for e in topo)
            rows.append({
                "key": f"{i}:{ev.trigger.start}:{ev.type}", "article": i, "date": d,
                "sentence": t[s.start:s.end].replace("\n", " "), "type": ev.plover_type or ev.type,
                "trigger": ev.trigger.text,
                "source": ev.source.text if ev.source else None, "target": ev.target.text if ev.target else None,
                "place": p.name if p else None, "feature": p.feature if p else None,
                "country": p.country if p else None, "from_dateline": from_dateline,
                "dateline": dl.name if dl else None,
                "sentence_index": sum(1 for a in first if a <= s.start),
                "toponyms": [f"{e.text} ({e.place.name}, {e.place.feature})" for e in topo],
                "toponym_names": [e.place.name for e in topo],
            })
    return rows


def report(rows) -> dict:
    n = len(rows)
    located = [r for r in rows if r["place"]]
    by_dl = [r for r in located if r["from_dateline"]]
    missed = [r for r in rows if not r["place"] and r["toponym_names"]]
    with_topo = [r for r in rows if r["toponym_names"]]
    mix = collections.Counter(r["feature"] for r in located)
    out = {"events": n, "located": len(located), "located_share": len(located) / n if n else 0.0,
           "dateline_only": len(by_dl), "in_sentence": len(located) - len(by_dl),
           "with_toponym": len(with_topo), "unlocated_with_toponym": len(missed),
           "unlocated_with_toponym_share": len(missed) / n if n else 0.0, "feature_mix": dict(mix.most_common())}
    print(f"events: {n}")
    print(f"located: {len(located)} ({out['located_share']:.1%}); from the sentence {out['in_sentence']}, "
          f"dateline only {len(by_dl)}")
    print(f"sentence has a resolved toponym: {len(with_topo)} ({len(with_topo) / max(1, n):.1%}); of all events, "
          f"unlocated with a toponym in the sentence: {len(missed)} ({out['unlocated_with_toponym_share']:.1%})")
    print("location features: " + ", ".join(f"{k} {v} ({v / max(1, len(located)):.0%})" for k, v in mix.most_common()))
    return out


def write_sample(rows, path: str, k_loc: int, k_unloc: int, seed: int) -> None:
    rng = random.Random(seed)
    located = [r for r in rows if r["place"]]
    missed = [r for r in rows if not r["place"] and r["toponym_names"]]
    sample = rng.sample(located, min(k_loc, len(located))) + rng.sample(missed, min(k_unloc, len(missed)))
    cols = ["key", "type", "trigger", "place", "feature", "from_dateline", "toponyms", "source", "target", "sentence"]
    with open(path, "w", encoding="utf-8") as f:
        if path.endswith(".tsv"):
            f.write("\t".join(cols) + "\n")
            for r in sample:
                f.write("\t".join("; ".join(r[c]) if isinstance(r[c], list) else str(r[c] or "") for c in cols) + "\n")
        else:
            for r in sample:
                f.write(json.dumps({c: r[c] for c in cols}, ensure_ascii=False) + "\n")
    print(f"review sample: {len(sample)} events -> {path}")


def score(rows, path: str) -> dict:
    judged = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                judged[o["key"]] = o
    by_key = {r["key"]: r for r in rows}
    c = collections.Counter()
    unjudged = []
    for k, j in judged.items():
        r = by_key.get(k)
        if r is None:
            c["absent"] += 1
            continue
        if r["place"]:
            v = j.get("verdicts", {}).get(r["place"])
            if v is None:
                unjudged.append(r)
                v = "unjudged"
            c["located:" + v] += 1
        else:
            c["unlocated:" + ("missed" if j.get("expected") else "correct")] += 1
    loc = sum(v for k, v in c.items() if k.startswith("located:") and k != "located:unjudged")
    right = c["located:right"]
    print(f"judged {len(judged)}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    if loc:
        print(f"precision (right / judged located): {right / loc:.3f} ({right}/{loc}); "
              f"right or too coarse: {(right + c['located:coarse']) / loc:.3f}")
    for r in unjudged:
        print(f"  UNJUDGED {r['key']} -> {r['place']} ({r['feature']}) | {r['trigger']} | {r['sentence'][:160]}")
    return dict(c)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200, help="articles")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--sample", help="write a review sample here (.jsonl or .tsv)")
    ap.add_argument("--k-located", type=int, default=60)
    ap.add_argument("--k-unlocated", type=int, default=40)
    ap.add_argument("--judged", help="score against hand judgments (JSON Lines, see the module doc)")
    ap.add_argument("--dump", help="write every event record here (JSON Lines)")
    ap.add_argument("--cache", default="/tmp/tacitus_locate")
    ap.add_argument("--live", action="store_true", help="re-run every stage, not only the locator")
    args = ap.parse_args(argv)
    corpus = load_corpus(args.n, args.seed)
    if not corpus:
        print(f"skip: no T17 articles under {SHARED}")
        return 0
    docs, states = prepared(corpus, Path(args.cache), args.live)
    t0 = time.perf_counter()
    rows = run(corpus, docs, states)
    print(f"corpus: {len(corpus)} articles (seed {args.seed}); locator run {time.perf_counter() - t0:.2f} s")
    report(rows)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.sample:
        write_sample(rows, args.sample, args.k_located, args.k_unlocated, args.seed)
    if args.judged:
        score(rows, args.judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
