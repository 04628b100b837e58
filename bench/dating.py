#!/usr/bin/env python
"""Event dating against the event-timex TLINKs of TBAQ-cleaned (TimeBank + AQUAINT, TimeML 1.2.1).

For every TimeML EVENT whose instance is a verb or a noun, the script runs our pipeline pieces on the
document text with its DCT -- spaCy (``tacitus.pipeline.load_nlp``), our timex tagger
(``tacitus.time.TimexTagger``, not the gold TIMEX3) and the event dater (``tacitus.time.EventDater``, on
all the document's events at once, the trigger head found as the pipeline finds it; TimeML class
REPORTING -> ``Event.reporting``) -- and compares the timex our date comes from (``EventDate.timex``,
basis "text") with the gold TLINKs of the event:

- **anchored** events have a TLINK to a non-DCT timex with relType IS_INCLUDED / DURING / SIMULTANEOUS /
  BEGINS / ENDS / BEGUN_BY / ENDED_BY / INCLUDES (either direction). *Coverage* = share of them for which
  we pick some timex; *precision* = share of our picks that overlap a gold anchor timex of the event;
  *accuracy* = correct picks / anchored events. "tagger has it" = share of anchored events one of whose
  gold anchor timexes overlaps a timex of our tagger (a ceiling for accuracy).
- **ordered** events have no anchor link to a non-DCT timex but a BEFORE / AFTER / IBEFORE / IAFTER one:
  how often we pick that timex, and whether our date is then an open bound in the gold direction (event
  BEFORE the timex -> our mod BEFORE / ON_OR_BEFORE; AFTER -> AFTER / ON_OR_AFTER).
- **unlinked** events have no TLINK to a non-DCT timex (only to the DCT, or none): the *false-anchor
  rate* is the share of them we date from a non-DCT timex. TimeBank's TLINKs are far from complete
  (annotators linked a fraction of the pairs), so part of these "false" anchors are right; read the rate
  as an upper bound and the error list by hand.

    .venv/bin/python bench/dating.py ../shared/data/timeml/TBAQ-cleaned/
    .venv/bin/python bench/dating.py ../shared/data/timeml/TBAQ-cleaned/ --half odd --errors 30
    .venv/bin/python bench/dating.py DIR --cache /tmp/tbaq.spacy      # keep the parses between runs
                                                                      # (delete it when spaCy changes)

Only TimeBank/ and AQUAINT/ under DIR are read (testpipeline/ duplicates them).
"""
from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tacitus.model import Event, Span  # noqa: E402
from tacitus.pipeline import Context  # noqa: E402
from tacitus.time import EventDater, TimexTagger  # noqa: E402
from tacitus.time.timeml import dct_of, doc_id, text_and_spans  # noqa: E402

ANCHOR = {"IS_INCLUDED", "DURING", "DURING_INV", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY",
          "INCLUDES"}
ORDER = {"BEFORE", "AFTER", "IBEFORE", "IAFTER"}
# the relation seen from the event when the TLINK goes timex -> event
INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
           "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS",
           "ENDS": "ENDED_BY", "ENDED_BY": "ENDS", "DURING": "DURING_INV", "DURING_INV": "DURING"}
OPEN = {"BEFORE": {"BEFORE", "ON_OR_BEFORE"}, "IBEFORE": {"BEFORE", "ON_OR_BEFORE"},
        "AFTER": {"AFTER", "ON_OR_AFTER"}, "IAFTER": {"AFTER", "ON_OR_AFTER"}}


@dataclass
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str
    cls: str
    pos: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (relType seen from the event, tid)


@dataclass
class GoldDoc:
    id: str
    dct: date
    text: str
    events: list[GoldEvent]
    timexes: dict[str, tuple[int, int, str, str, str]]  # tid -> (start, end, text, type, value), in-text


def read_links(path: Path) -> GoldDoc:
    """Text, DCT, EVENTs (offsets into the text), in-text TIMEX3 and event-timex TLINKs of a .tml file."""
    root = ET.parse(str(path)).getroot()
    text, spans = text_and_spans(root.find("TEXT"), ("EVENT", "TIMEX3"))
    events: dict[str, GoldEvent] = {}
    timexes: dict[str, tuple[int, int, str, str, str]] = {}
    for el, start, end in spans:
        if el.tag == "EVENT":
            events[el.get("eid")] = GoldEvent(el.get("eid"), start, end, text[start:end], el.get("class", ""))
        else:
            timexes[el.get("tid")] = (start, end, text[start:end], el.get("type", ""), el.get("value", ""))
    by_eiid: dict[str, GoldEvent] = {}
    for mi in root.iter("MAKEINSTANCE"):
        ev = events.get(mi.get("eventID"))
        if ev is not None:
            by_eiid[mi.get("eiid")] = ev
            ev.pos = ev.pos or mi.get("pos", "")
    for tl in root.iter("TLINK"):
        rel = tl.get("relType", "")
        ei, tid = tl.get("eventInstanceID"), tl.get("relatedToTime")
        if ei is None or tid is None:
            ei, tid = tl.get("relatedToEventInstance"), tl.get("timeID")
            rel = INVERSE.get(rel, rel)
        if ei in by_eiid and tid is not None:
            by_eiid[ei].links.append((rel, tid))
    return GoldDoc(doc_id(root, path.stem), dct_of(root), text,
                   sorted(events.values(), key=lambda e: e.start), timexes)


def parse_all(nlp, texts: list[str], cache: Path | None):
    """spaCy Docs for ``texts``, parsed once (and kept in ``cache``, a DocBin file, when given)."""
    from spacy.tokens import DocBin
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=8))
    if cache is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(gdocs: list[GoldDoc], docs, errors: dict | None = None) -> Counter:
    c = Counter()
    for g, doc in zip(gdocs, docs):
        ctx = Context(text=g.text, dct=g.dct, doc=doc, id=g.id)
        TimexTagger()(ctx)
        pairs = []
        for ge in g.events:
            if ge.pos not in ("VERB", "NOUN"):
                continue
            ev = Event(type="TIMEML", trigger=Span(ge.start, ge.end, ge.text), sentence=Span(0, len(g.text)),
                       reporting=ge.cls == "REPORTING")
            ctx.events.append(ev)
            pairs.append((ge, ev))
        EventDater()(ctx)
        sys_spans = [(t.start, t.end) for t in ctx.timexes]
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        for ge, ev in pairs:
            intext = [(r, tid) for r, tid in ge.links if tid in g.timexes]
            anchors = [g.timexes[tid] for r, tid in intext if r in ANCHOR]
            ordered = [(r, g.timexes[tid]) for r, tid in intext if r in ORDER]
            d = ev.date
            pick = (d.timex.start, d.timex.end) if d.basis == "text" and d.timex is not None else None
            kind = "anchored" if anchors else "ordered" if ordered else "unlinked"
            c[kind] += 1
            c[kind, ge.pos] += 1
            if pick is not None and kind != "anchored":
                c[kind, "picked"] += 1
            sent = next(((a, b) for a, b in sents if a <= ge.start < b), (ge.start, ge.end))
            if kind == "anchored":
                # the subset whose gold anchor is a date or time (a duration or a set gives no date)
                groups = ["anchored"] + (["dated"] if any(a[3] in ("DATE", "TIME") for a in anchors) else [])
                tagged = any(overlaps(a[:2], s) for a in anchors for s in sys_spans)
                ok = pick is not None and any(overlaps(a[:2], pick) for a in anchors)
                # lenient: another mention of the gold anchor's date ("Friday" twice) also counts
                same_value = ok or pick is not None and any(a[4] and a[4] == d.value for a in anchors)
                for grp in groups:
                    c[grp, "n"] += 1
                    c[grp, "tagger"] += tagged
                    c[grp, "picked"] += pick is not None
                    c[grp, "correct"] += ok
                    c[grp, "value"] += same_value
                if pick is None:
                    _err(errors, "MISS" if len(groups) == 2 else "MISS-DURATION", g, sent, ge, ev, anchors)
                elif not ok:
                    _err(errors, "WRONG", g, sent, ge, ev, anchors)
            elif kind == "ordered":
                if pick is None:
                    continue
                hit = [r for r, t in ordered if overlaps(t[:2], pick)]
                c["ordered", "same_timex"] += bool(hit)
                if hit:
                    agree = d.mod in OPEN[hit[0]]
                    c["ordered", "direction"] += agree
                    if not agree:
                        _err(errors, "ORDER", g, sent, ge, ev, [t for _, t in ordered], hit[0])
            elif pick is not None:
                _err(errors, "FALSE", g, sent, ge, ev, [])
    return c


def _err(errors, kind, g, sent, ge, ev, gold, rel=""):
    if errors is None:
        return
    d = ev.date
    a, b = sent
    ctxt = (g.text[a:ge.start] + "[" + ge.text + "]" + g.text[ge.end:b]).replace("\n", " ").strip()
    got = f"{d.timex.text!r} {d.mod or ''}".strip() if d.timex is not None else f"({d.basis})"
    gold_s = " / ".join(repr(t[2]) for t in gold)
    errors.setdefault(kind, []).append(f"{g.id} | {ge.text} | gold {rel} {gold_s} | ours {got} | {ctxt}")


def report(c: Counter) -> str:
    def pct(a, b):
        return f"{a / b:.3f}" if b else "-"
    lines = []
    for grp, what in (("anchored", "anchored events (IS_INCLUDED/DURING/SIMULTANEOUS/BEGINS/ENDS/BEGUN_BY/"
                                    "ENDED_BY/INCLUDES to a non-DCT timex)"),
                      ("dated", "  of which anchored to a DATE/TIME timex")):
        n, pk, ok = c[grp, "n"], c[grp, "picked"], c[grp, "correct"]
        lines.append(f"{what}: {n}; tagger has a gold anchor for {pct(c[grp, 'tagger'], n)}")
        lines.append(f"    coverage {pct(pk, n)} ({pk})  precision {pct(ok, pk)} ({ok})  "
                     f"accuracy {pct(ok, n)}  [precision counting a pick with the gold anchor's value "
                     f"as right: {pct(c[grp, 'value'], pk)}]")
    lines[0] += f" [verbs {c['anchored', 'VERB']}, nouns {c['anchored', 'NOUN']}]"
    lines += [
        f"ordered events {c['ordered']} (BEFORE/AFTER/IBEFORE/IAFTER to a non-DCT timex only): picked "
        f"{c['ordered', 'picked']}, same timex {c['ordered', 'same_timex']}, open bound in the gold "
        f"direction {c['ordered', 'direction']} "
        f"({pct(c['ordered', 'direction'], c['ordered', 'same_timex'])})",
        f"unlinked events {c['unlinked']} (no TLINK to a non-DCT timex; gold links incomplete): "
        f"false-anchor rate {pct(c['unlinked', 'picked'], c['unlinked'])} ({c['unlinked', 'picked']})",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="TBAQ-cleaned directory (its TimeBank/ and AQUAINT/ are read)")
    ap.add_argument("--half", choices=("odd", "even"), help="every other file of the sorted list")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors of each kind")
    ap.add_argument("--cache", type=Path, help="DocBin file to keep the spaCy parses between runs")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    files = sorted(p for sub in ("TimeBank", "AQUAINT") for p in (root / sub).glob("*.tml"))
    if args.half:
        files = files[(0 if args.half == "even" else 1)::2]
    if not files:
        print(f"no .tml files under {root}/TimeBank or {root}/AQUAINT", file=sys.stderr)
        return 2
    gdocs = [read_links(f) for f in files]
    from tacitus.pipeline import load_nlp
    nlp = load_nlp()
    t0 = time.perf_counter()
    cache = args.cache
    if cache is not None and args.half:
        cache = cache.with_name(f"{cache.stem}.{args.half}{cache.suffix}")
    docs = parse_all(nlp, [g.text for g in gdocs], cache)
    t1 = time.perf_counter()
    errs: dict | None = {} if args.errors else None
    c = score(gdocs, docs, errs)
    t2 = time.perf_counter()
    print("$ " + " ".join(["bench/dating.py"] + (argv if argv is not None else sys.argv[1:])))
    print(f"files {len(gdocs)}  words {sum(len(g.text.split()) for g in gdocs)}  verb/noun events "
          f"{c['anchored'] + c['ordered'] + c['unlinked']}  (parse {t1 - t0:.1f}s, tag+date {t2 - t1:.1f}s)")
    print(report(c))
    if errs:
        for k in ("MISS", "MISS-DURATION", "WRONG", "ORDER", "FALSE"):
            lst = errs.get(k, [])
            print(f"\n== {k} ({len(lst)})")
            for e in lst[: args.errors]:
                print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
