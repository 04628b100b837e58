"""Event date precision on modern news: a review file of every event the pipeline extracts from a seeded
random sample of T17 articles (the same sampling as bench/event_precision.py), with the date the dater
gave it, for judging by hand.

    .venv/bin/python bench/date_precision.py --n 60 --seed 71 --out /tmp/date_review.tsv
    .venv/bin/python bench/date_precision.py --judged bench/...tsv        # score a judged file

One row per event: article id, publication date, event id, sentence, trigger, type, date start / end,
granularity, basis (``text`` / ``publication`` / ``unknown``), mod, the timex text that dated it
(``EventDate.timex``), modality, and empty judgement columns:

- ``ok_date`` for a dated event (basis text or publication): ``right`` / ``wrong`` / ``too wide`` /
  ``too narrow`` (the interval holds the right date but is much wider than the clause says / excludes part
  of it), ``-`` = not judged (not a real event, an unreadable fragment);
- ``should_date`` for an ``unknown`` event: ``yes`` (its own clause gives a date: a miss) / ``no`` / ``-``,
  with ``right_date`` the date it should have had;
- ``cause`` (free text, ";"-separated).

``--judged FILE`` prints the share dated, the judged date precision (right / all judged dated events, and
lenient: right + too wide), the share of judged ``unknown`` events whose own clause gives a date (missed)
and a cause table. Skips (exit 0) when ../shared is not there.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_precision import review_parser, run_review  # noqa: E402

COLUMNS = ["article", "pub_date", "event_id", "sentence", "trigger", "type", "date_start", "date_end",
           "granularity", "basis", "mod", "timex", "modality", "ok_date", "should_date", "right_date", "cause"]
VERDICTS = ("right", "wrong", "too wide", "too narrow")


def _clean(s: str) -> str:
    return " ".join((s or "").split())


def event_rows(art) -> list[dict]:
    out = []
    for ev in art.events:
        d = ev.date
        tx = ""
        if d.timex is not None:
            tx = d.timex.text or art.text[d.timex.start:d.timex.end]
        out.append({
            "article": art.id, "pub_date": art.date, "event_id": ev.id or "",
            "sentence": _clean(art.text[ev.sentence.start:ev.sentence.end]), "trigger": ev.trigger.text,
            "type": ev.type, "date_start": d.start or "", "date_end": d.end or "",
            "granularity": d.granularity, "basis": d.basis, "mod": d.mod or "", "timex": _clean(tx),
            "modality": ev.modality, "ok_date": "", "should_date": "", "right_date": "", "cause": ""})
    return out


def score(rows: list[dict]) -> dict:
    dated = [r for r in rows if r.get("basis") != "unknown"]
    unknown = [r for r in rows if r.get("basis") == "unknown"]
    jd = [r for r in dated if (r.get("ok_date") or "").strip() in VERDICTS]
    ju = [r for r in unknown if (r.get("should_date") or "").strip() in ("yes", "no")]
    verdicts = collections.Counter(r["ok_date"].strip() for r in jd)
    by_basis = collections.defaultdict(collections.Counter)
    for r in jd:
        by_basis[r["basis"]][r["ok_date"].strip()] += 1
    causes = collections.Counter()
    for on, judged, key, fine in (("dated", jd, "ok_date", "right"), ("unknown", ju, "should_date", "no")):
        for r in judged:
            if r[key].strip() == fine:
                continue
            for c in (r.get("cause") or "").split(";"):
                if c.strip():
                    causes[(on, c.strip())] += 1
    return {"events": len(rows), "dated": len(dated), "text": sum(r["basis"] == "text" for r in rows),
            "publication": sum(r["basis"] == "publication" for r in rows), "judged_dated": len(jd),
            "verdicts": verdicts, "by_basis": by_basis, "judged_unknown": len(ju),
            "missed": sum(r["should_date"].strip() == "yes" for r in ju), "causes": causes}


def print_score(res: dict) -> None:
    n = max(res["events"], 1)
    print(f"events: {res['events']}; dated {res['dated']} ({res['dated'] / n:.1%}: text {res['text']}, "
          f"publication {res['publication']}); unknown {res['events'] - res['dated']}")
    v, jd = res["verdicts"], max(res["judged_dated"], 1)
    print(f"judged dated events: {res['judged_dated']}; date precision (right / judged) "
          f"**{v['right'] / jd:.3f}**; lenient (right + too wide) {(v['right'] + v['too wide']) / jd:.3f}; "
          + ", ".join(f"{k} {v[k]}" for k in VERDICTS))
    for b, c in sorted(res["by_basis"].items()):
        t = sum(c.values())
        print(f"- basis {b}: {c['right']}/{t} right = {c['right'] / max(t, 1):.3f}")
    ju = max(res["judged_unknown"], 1)
    print(f"judged unknown events: {res['judged_unknown']}; own clause gives a date (missed): "
          f"{res['missed']}/{res['judged_unknown']} = **{res['missed'] / ju:.3f}**")
    print("\n| on | cause | events |\n|---|---|---|")
    for (on, c), k in res["causes"].most_common():
        print(f"| {on} | {c} | {k} |")


def main(argv=None) -> int:
    args = review_parser(__doc__, 60, 71, "/tmp/tacitus_date_review.tsv").parse_args(argv)
    done = run_review(args, score, print_score, event_rows, COLUMNS)
    if done is None:
        return 0
    recs, arts, rejects, rows = done
    print(f"{len(recs)} articles (seed {args.seed}; {rejects} rejected), {len(rows)} events -> {args.out}")
    basis = collections.Counter(r["basis"] for r in rows)
    gran = collections.Counter(r["granularity"] for r in rows if r["basis"] != "unknown")
    print("basis: " + ", ".join(f"{b} {k}" for b, k in basis.most_common()))
    print("granularity of dated events: " + ", ".join(f"{g} {k}" for g, k in gran.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
