#!/usr/bin/env python
"""TempEval-3 task A scorer for the Tacitus TIMEX3 tagger.

Runs the tagger over every ``.tml`` file under DIR (text + DCT of each file), compares with the gold
TIMEX3 and prints strict/relaxed span P/R/F1, type F1 and value F1 (= relaxed F1 x accuracy of the
attribute on relaxed matches), as in the TempEval-3 evaluation toolkit.

    .venv/bin/python bench/timex.py ../shared/data/timeml/TBAQ-cleaned/            # text only
    .venv/bin/python bench/timex.py ../shared/data/timeml/TBAQ-cleaned/ --nlp      # + spaCy tense
    .venv/bin/python bench/timex.py DIR --errors 50                                 # show errors
    .venv/bin/python bench/timex.py DIR --half odd                                  # every other file
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tacitus.time.tagger import tag  # noqa: E402
from tacitus.time.timeml import read_tml  # noqa: E402


def prf(match: int, nsys: int, ngold: int) -> tuple[float, float, float]:
    p = match / nsys if nsys else 0.0
    r = match / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs, nlp=None, errors: list | None = None) -> dict:
    c = Counter()
    for d in docs:
        doc = nlp(d.text) if nlp is not None else None
        sys_t = tag(d.text, d.dct, doc=doc)
        c["sys"] += len(sys_t)
        c["gold"] += len(d.timexes)
        used = set()
        for g in d.timexes:
            best = None
            for i, s in enumerate(sys_t):
                if i in used or s.end <= g.start or s.start >= g.end:
                    continue
                ov = min(s.end, g.end) - max(s.start, g.start)
                if best is None or ov > best[0]:
                    best = (ov, i)
            if best is None:
                if errors is not None:
                    ctx = d.text[max(0, g.start - 40):g.end + 40].replace("\n", " ")
                    errors.append(("FN", d.id, d.dct, g.text, g.type, g.value, ctx, "", ""))
                continue
            s = sys_t[best[1]]
            used.add(best[1])
            c["relaxed"] += 1
            strict = s.start == g.start and s.end == g.end
            c["strict"] += strict
            c["type"] += s.type == g.type
            c["value"] += s.value == g.value
            if errors is not None and (not strict or s.value != g.value or s.type != g.type):
                errors.append(("SPAN" if s.value == g.value else "VAL", d.id, d.dct, g.text, g.type,
                               g.value, s.text, s.type, s.value))
        if errors is not None:
            for i, s in enumerate(sys_t):
                if i not in used:
                    ctx = d.text[max(0, s.start - 40):s.end + 40].replace("\n", " ")
                    errors.append(("FP", d.id, d.dct, s.text, s.type, s.value, ctx, "", ""))
    sp, sr, sf = prf(c["strict"], c["sys"], c["gold"])
    rp, rr, rf = prf(c["relaxed"], c["sys"], c["gold"])
    tacc = c["type"] / c["relaxed"] if c["relaxed"] else 0.0
    vacc = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    return {"gold": c["gold"], "system": c["sys"], "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf, "type_acc": tacc, "type_f1": rf * tacc,
            "value_acc": vacc, "value_f1": rf * vacc}


def run_and_print(docs, use_nlp: bool = False, n_errors: int = 0) -> dict:
    """Score ``docs`` (optionally with spaCy tense), print the TempEval-3 figures and up to ``n_errors``
    errors of each kind, and return the scores."""
    nlp = None
    if use_nlp:
        from tacitus.pipeline import load_nlp
        nlp = load_nlp()
    errs: list | None = [] if n_errors else None
    t0 = time.perf_counter()
    r = score(docs, nlp, errs)
    dt = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    print(f"files {len(docs)}  words {words}  gold {r['gold']}  system {r['system']}  "
          f"({'with spaCy tense' if nlp else 'text only'}, {dt:.1f}s)")
    print(f"strict   P {r['strict_p']:.3f}  R {r['strict_r']:.3f}  F1 {r['strict_f1']:.3f}")
    print(f"relaxed  P {r['relaxed_p']:.3f}  R {r['relaxed_r']:.3f}  F1 {r['relaxed_f1']:.3f}")
    print(f"type     F1 {r['type_f1']:.3f}  (accuracy {r['type_acc']:.3f})")
    print(f"value    F1 {r['value_f1']:.3f}  (accuracy {r['value_acc']:.3f})")
    if errs:
        by: dict[str, list] = {}
        for e in errs:
            by.setdefault(e[0], []).append(e)
        for k, lst in by.items():
            print(f"\n== {k} ({len(lst)})")
            for e in lst[:n_errors]:
                print("  " + " | ".join(str(x) for x in e[1:]))
    return r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="directory with .tml files (searched recursively)")
    ap.add_argument("--nlp", action="store_true", help="parse with spaCy and use the parse for tense")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors of each kind")
    ap.add_argument("--half", choices=("odd", "even"), help="score only every other file (sorted by path): "
                    "a two-way split of DIR to check that a change helps on both halves")
    args = ap.parse_args(argv)
    files = sorted(Path(args.dir).rglob("*.tml"))
    if not files:
        print(f"no .tml files under {args.dir}", file=sys.stderr)
        return 2
    # the same document twice (TBAQ-cleaned ships AP900815-0044 again under testpipeline/) would be
    # scored twice: keep the first copy, and say so
    docs, seen, dups = [], set(), []
    for f in files:
        d = read_tml(f)
        key = (d.id, d.dct, d.text)
        if key in seen:
            dups.append(f)
            continue
        seen.add(key)
        docs.append(d)
    for f in dups:
        print(f"skipped {f}: the same document (id, date and text) as an earlier file", file=sys.stderr)
    if args.half:
        docs = docs[(0 if args.half == "even" else 1)::2]
    run_and_print(docs, args.nlp, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
