#!/usr/bin/env python
"""TempEval-3 task A scores on modern news: T17 articles (2009-2011) with hand-made TIMEX3 gold.

TBAQ (``bench/timex.py``) is 1989-2000 newswire whose gold contradicts itself on several conventions. This
is a second, independent check of the same kind as a held-out TimeML test: eight sets of 48 T17 articles
(BBC, Guardian, Reuters, Fox News, Washington Post; swine flu, Michael Jackson, the BP oil spill, Haiti),
picked at random (150-800 words, round-robin over topics; seeds 2026-2033, each set without the
earlier sets' articles) and annotated by hand with TIMEX3 (span, type, value, mod) by annotators who never
saw the tagger or its output, following TimeML 1.2.1 and the issue's conventions ("Thursday morning" =
2019-01-03TMO). Each set was scored once before anyone read it (set 1 with the tagger as it was, each
later set after the fixes read from the sets before it): those first figures are the out-of-sample ones
(``bench/RESULTS-time.md``). Sets 1-7 were read afterwards; set 8, scored with the final tagger of
2026-11-27, was not.

The gold is stand-off (``bench/data/t17_timex_gold.jsonl``: document, DCT and character offsets into the
T17 text), so no article text is copied into the repository; the texts are read from ``../shared``. Without
``../shared`` the script says so and exits 0.

    .venv/bin/python bench/timex_news.py                 # all eight sets (384 documents), text only
    .venv/bin/python bench/timex_news.py --set 2         # set 2 only
    .venv/bin/python bench/timex_news.py --nlp           # + spaCy tense
    .venv/bin/python bench/timex_news.py --part A        # the even-numbered documents (B: odd)
    .venv/bin/python bench/timex_news.py --errors 50     # show errors
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from tacitus.time.timeml import GoldTimex, TmlDoc  # noqa: E402
from timex import run_and_print, score  # noqa: E402,F401  (score: used by tests via this module)

GOLD = ROOT / "bench" / "data" / "t17_timex_gold.jsonl"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timelines" / "T17"


def load(gold: Path = GOLD, data: Path = DEFAULT_DATA, which: int | None = None) -> list[TmlDoc]:
    """The gold documents, their text read from T17. ``FileNotFoundError`` without the T17 data;
    ``ValueError`` when an offset does not point at its span's text."""
    texts: dict[tuple[str, str], str] = {}
    read_topics: set[str] = set()
    docs = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if which is not None and g.get("set") != which:
            continue
        topic = g["topic"]
        if topic not in read_topics:
            read_topics.add(topic)
            with open(data / topic / "articles.jsonl", encoding="utf-8") as fh:
                for ln in fh:
                    a = json.loads(ln)
                    texts[(topic, str(a["id"]))] = a["text"]
        text = texts[(topic, g["article"])]
        tx = []
        for t in g["timexes"]:
            if text[t["start"]:t["end"]] != t["text"]:
                raise ValueError(f"{g['doc']}: offset {t['start']} is {text[t['start']:t['end']]!r}, "
                                 f"not {t['text']!r}")
            tx.append(GoldTimex(t["start"], t["end"], t["text"], t["type"], t["value"], t.get("mod")))
        docs.append(TmlDoc(id=g["doc"], dct=date.fromisoformat(g["dct"]), text=text, timexes=tx))
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="T17 directory (default ../shared/...)")
    ap.add_argument("--nlp", action="store_true", help="parse with spaCy and use the parse for tense")
    ap.add_argument("--set", type=int, choices=range(1, 9), metavar="N", help="score one set only (1-8)")
    ap.add_argument("--part", choices=("A", "B"), help="A: even-numbered documents, B: odd-numbered")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors of each kind")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}: nothing to score", file=sys.stderr)
        return 0
    docs = load(GOLD, args.data, args.set)
    if args.part:
        docs = docs[(0 if args.part == "A" else 1)::2]
    run_and_print(docs, args.nlp, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
