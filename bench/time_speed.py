#!/usr/bin/env python
"""Speed of the time stage alone (TIMEX3 tagging + normalization, no spaCy), in words per second on one
core, compared with bare spaCy ``nlp.pipe`` on the same texts.

    .venv/bin/python bench/time_speed.py                       # TBAQ texts from ../shared (or the example)
    .venv/bin/python bench/time_speed.py DIR --repeat 5 --no-spacy
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.time.tagger import tag  # noqa: E402
from tacitus.time.timeml import read_tml  # noqa: E402


def load_texts(d: Path | None) -> list[tuple[str, date]]:
    if d is not None and d.exists():
        return [(doc.text, doc.dct) for doc in (read_tml(p) for p in sorted(d.rglob("*.tml")))]
    ex = (ROOT / "examples" / "000_df06522f36d2b8de.txt").read_text(encoding="utf-8").split(None, 2)[2]
    return [(ex, date(2019, 1, 3))] * 200


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "timeml" / "TBAQ-cleaned"))
    ap.add_argument("--repeat", type=int, default=5, help="passes over the texts for the tagger (best is kept)")
    ap.add_argument("--no-spacy", action="store_true", help="skip the spaCy comparison")
    args = ap.parse_args(argv)
    texts = load_texts(Path(args.dir))
    words = sum(len(t.split()) for t, _ in texts)
    chars = sum(len(t) for t, _ in texts)
    tag(texts[0][0], texts[0][1])  # load and compile the resources outside the timing
    best = cpu = float("inf")
    n = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(tag(t, d)) for t, d in texts)
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    print(f"texts {len(texts)}  words {words}  chars {chars}  timexes {n}")
    print(f"time stage (tag + normalize): wall {best:.3f}s -> {words / best:,.0f} words/s;  "
          f"CPU {cpu:.3f}s -> {words / cpu:,.0f} words/s (one core)")
    if not args.no_spacy:
        from tacitus.pipeline import load_nlp
        nlp = load_nlp()
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((t for t, _ in texts), batch_size=32):
            pass
        sp, spc = time.perf_counter() - t0, time.process_time() - c0
        print(f"spaCy nlp.pipe ({nlp.meta.get('name', '?')}): wall {sp:.3f}s -> {words / sp:,.0f} words/s;  "
              f"CPU {spc:.3f}s -> {words / spc:,.0f} words/s")
        print(f"time stage / spaCy (CPU): {cpu / spc:.1%} of the parse time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
