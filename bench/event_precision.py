"""Event precision on modern news: a review file of every event the pipeline extracts from a seeded random
sample of T17 articles (../shared/data/timelines/T17/*/articles.jsonl), for judging by hand.

    .venv/bin/python bench/event_precision.py --n 40 --seed 7 --out /tmp/events_review.tsv
    .venv/bin/python bench/event_precision.py --n 40 --seed 7 --out /tmp/review.jsonl     # JSON Lines
    .venv/bin/python bench/event_precision.py --judged bench/...tsv                        # score a judged file

The articles are read with the project's own jsonl reader (``tacitus.ingest.read``), as bench/timeline.py
does; the T17 text is PTB-tokenized ("-LRB-", "` clarification '") and, as in bench/timeline.py, it is not
detokenized, so the figures are for the text the timeline benchmark ingests.

One row per event: article id, event id, sentence, trigger, type (PLOVER type in brackets for an extension
type), CAMEO, source text and code, target text and code, modality, confidence, and five empty judgement
columns: ``ok_event`` (is there such an event in the sentence?), ``ok_type``, ``ok_source``, ``ok_target``,
``ok_modality``, each y / n / - (not applicable), plus ``cause`` (free text, the error's cause).
``--judged FILE`` reads such a filled file and prints event precision, type / source / target / modality
accuracy (over the events judged real) and the causes. Counts per type are printed on every run.
Skips (exit 0) when ../shared is not there.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
T17 = SHARED / "timelines" / "T17"
sys.path.insert(0, str(ROOT / "src"))

COLUMNS = ["article", "event_id", "sentence", "trigger", "type", "cameo", "source", "source_code", "target",
           "target_code", "modality", "confidence", "ok_event", "ok_type", "ok_source", "ok_target",
           "ok_modality", "cause"]
JUDGED = ("ok_event", "ok_type", "ok_source", "ok_target", "ok_modality")


def sample_records(n: int, seed: int) -> list:
    """A seeded random sample of ``n`` T17 articles (over all topics), in sample order."""
    from tacitus.ingest import read
    paths = sorted(T17.glob("*/articles.jsonl"))
    recs = []
    for p in paths:
        for rec in read([str(p)], input_format="jsonl"):
            rec.id = f"{p.parent.name}/{rec.id}"
            recs.append(rec)
    rng = random.Random(seed)
    return rng.sample(recs, min(n, len(recs)))


def _code(part) -> str:
    if part is None or part.actor is None:
        return ""
    a = part.actor
    return a.code or a.country or ""


def _clean(s: str) -> str:
    return " ".join((s or "").split())


def event_rows(art) -> list[dict]:
    out = []
    for ev in art.events:
        sent = art.text[ev.sentence.start:ev.sentence.end]
        typ = ev.type if not ev.plover_type else f"{ev.type} [{ev.plover_type}]"
        out.append({
            "article": art.id, "event_id": ev.id or "", "sentence": _clean(sent), "trigger": ev.trigger.text,
            "type": typ, "cameo": ev.cameo or "",
            "source": _clean(ev.source.text) if ev.source else "", "source_code": _code(ev.source),
            "target": _clean(ev.target.text) if ev.target else "", "target_code": _code(ev.target),
            "modality": ev.modality, "confidence": f"{ev.confidence:.2f}",
            **{k: "" for k in JUDGED}, "cause": ""})
    return out


def write_rows(rows: list[dict], out: Path, columns: list[str] | None = None) -> None:
    """Rows as TSV (with ``columns``, default this script's) or, for a ``.jsonl`` path, JSON Lines."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".jsonl":
        with out.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, columns or COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_MINIMAL, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def read_rows(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def score(rows: list[dict]) -> dict:
    """Judged figures: event precision over judged rows; type / source / target / modality accuracy over
    the rows judged real events (a '-' verdict is not counted)."""
    judged = [r for r in rows if (r.get("ok_event") or "").strip() in ("y", "n")]
    real = [r for r in judged if r["ok_event"].strip() == "y"]
    res = {"judged": len(judged), "real": len(real),
           "precision": len(real) / len(judged) if judged else float("nan")}
    for k in JUDGED[1:]:
        vals = [r[k].strip() for r in real if (r.get(k) or "").strip() in ("y", "n")]
        res[k] = (sum(v == "y" for v in vals), len(vals))
    # all-right: a real event with the right type, source and target
    res["all_right"] = sum(all((r.get(k) or "").strip() in ("y", "-") for k in JUDGED[:4]) for r in real)
    res["causes"] = count_causes(judged)
    return res


def count_causes(rows: list[dict]) -> collections.Counter:
    """The judge's ``cause`` column ("a; b") counted over the rows."""
    causes = collections.Counter()
    for r in rows:
        for c in (r.get("cause") or "").split(";"):
            if c.strip():
                causes[c.strip()] += 1
    return causes


def print_score(res: dict) -> None:
    print(f"judged events: {res['judged']}; real events: {res['real']}; "
          f"event precision **{res['precision']:.3f}**")
    for k in JUDGED[1:]:
        ok, n = res[k]
        print(f"- {k[3:]} accuracy (of real events): {ok}/{n} = {ok / max(n, 1):.3f}")
    print(f"- real event with right type, source and target: {res['all_right']}/{res['judged']} = "
          f"{res['all_right'] / max(res['judged'], 1):.3f}")
    print("\n| cause | events |\n|---|---|")
    for c, n in res["causes"].most_common():
        print(f"| {c} | {n} |")


def review_parser(doc: str, n: int, seed: int, out: str) -> argparse.ArgumentParser:
    """The options every review script shares: sample size, seed, review file, judged file."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=n, help=f"articles to sample (default {n})")
    ap.add_argument("--seed", type=int, default=seed, help=f"sampling seed (default {seed})")
    ap.add_argument("--out", type=Path, default=Path(out), help="review file (.tsv, or .jsonl for JSON Lines)")
    ap.add_argument("--judged", type=Path, help="score a judged review file instead of running the pipeline")
    return ap


def analysed(recs) -> tuple[list, int]:
    """(analysed articles, number rejected) for sampled records, through the full pipeline."""
    from tacitus.model import Reject
    from tacitus.pipeline import Pipeline
    arts, rejects = [], 0
    for art in Pipeline().pipe(recs):
        if isinstance(art, Reject):
            rejects += 1
        else:
            arts.append(art)
    return arts, rejects


def run_review(args, score_fn, print_fn, rows_of, columns: list[str] | None = None):
    """The body the review scripts share: score a judged file (``--judged``), or sample T17, analyse the
    articles and write the review file. Returns ``(records, articles, rejects, rows)``, or None when there
    is nothing more to print (a judged file was scored, or the development data is missing)."""
    if args.judged:
        print_fn(score_fn(read_rows(args.judged)))
        return None
    if not T17.is_dir():
        print(f"skipped: {T17} not found (development data, not shipped)")
        return None
    recs = sample_records(args.n, args.seed)
    arts, rejects = analysed(recs)
    rows = [row for art in arts for row in rows_of(art)]
    write_rows(rows, args.out, columns)
    return recs, arts, rejects, rows


def main(argv=None) -> int:
    args = review_parser(__doc__, 40, 7, "/tmp/tacitus_event_review.tsv").parse_args(argv)
    done = run_review(args, score, print_score, event_rows)
    if done is None:
        return 0
    recs, arts, rejects, rows = done
    words = sum(len(art.text.split()) for art in arts)
    print(f"{len(recs)} articles (seed {args.seed}; {rejects} rejected), {words} words, {len(rows)} events "
          f"-> {args.out}")
    by_type = collections.Counter(r["type"] for r in rows)
    by_mod = collections.Counter(r["modality"] for r in rows)
    print("\n| type | events |\n|---|---|")
    for t, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0])):
        print(f"| {t} | {n} |")
    print("\nmodality: " + ", ".join(f"{m} {n}" for m, n in by_mod.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
