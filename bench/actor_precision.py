"""Actor-code precision on modern news: a review file of the source and target actor of every event the
pipeline extracts from a seeded random sample of T17 articles (2009-2011 news), for judging by hand.

    .venv/bin/python bench/actor_precision.py --n 50 --seed 5 --out /tmp/actor_review.tsv
    .venv/bin/python bench/actor_precision.py --n 50 --seed 5 --out /tmp/actor_review.jsonl   # JSON Lines
    .venv/bin/python bench/actor_precision.py --judged FILE.tsv                               # score it

The sample and the article reader are bench/event_precision.py's (imported, not copied), so ``--n`` and
``--seed`` draw the same articles as there.

One row per role (source, target) of every event that has a role span: article id, article date, event id,
role, span text, resolved actor name, kind, country, sectors, code, trigger, sentence, and four empty
judgement columns: ``ok_country``, ``ok_sectors``, ``ok_code`` (y / n / - not judged: the span is no
actor, or is not what the sentence gives), and ``cause`` (free text; several causes ``;``-separated).
Judge the actor as the sentence presents it, at the article's date: the country and the sectors CAMEO /
PLOVER would give it (IGOs: country = IGO code, e.g. UNO; the UN Secretary-General is coded IGOUNO).
``ok_code`` is right when country and first sector are right (the composite code).
``--judged FILE`` prints country / sector / code accuracy over the judged rows and the causes.
Skips (exit 0) when ../shared is not there.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import event_precision as ep  # noqa: E402  (the T17 sampling and reader)

COLUMNS = ["article", "date", "event_id", "role", "span", "name", "kind", "country", "sectors", "code",
           "trigger", "sentence", "ok_country", "ok_sectors", "ok_code", "cause"]
JUDGED = ("ok_country", "ok_sectors", "ok_code")


def actor_rows(art) -> list[dict]:
    out = []
    date = (art.date or "")[:10]
    for ev in art.events:
        sent = art.text[ev.sentence.start:ev.sentence.end]
        for role in ("source", "target"):
            part = getattr(ev, role)
            if part is None:
                continue
            a = part.actor
            out.append({
                "article": art.id, "date": date, "event_id": ev.id or "", "role": role,
                "span": ep._clean(part.text), "name": ep._clean(a.name) if a else "",
                "kind": (a.kind or "") if a else "", "country": (a.country or "") if a else "",
                "sectors": ",".join(a.sectors) if a else "", "code": (a.code or "") if a else "",
                "trigger": ev.trigger.text, "sentence": ep._clean(sent),
                **{k: "" for k in JUDGED}, "cause": ""})
    return out


def score(rows: list[dict]) -> dict:
    res = {}
    judged = [r for r in rows if any((r.get(k) or "").strip() in ("y", "n") for k in JUDGED)]
    res["judged"] = len(judged)
    for k in JUDGED:
        vals = [(r.get(k) or "").strip() for r in judged]
        vals = [v for v in vals if v in ("y", "n")]
        res[k] = (sum(v == "y" for v in vals), len(vals))
    res["causes"] = ep.count_causes(judged)
    return res


def print_score(res: dict) -> None:
    print(f"judged actor codes: {res['judged']}")
    for k in JUDGED:
        ok, n = res[k]
        print(f"- {k[3:]} accuracy: {ok}/{n} = {ok / max(n, 1):.3f}")
    print("\n| cause | actor codes |\n|---|---|")
    for c, n in res["causes"].most_common():
        print(f"| {c} | {n} |")


def main(argv=None) -> int:
    args = ep.review_parser(__doc__, 50, 5, "/tmp/tacitus_actor_review.tsv").parse_args(argv)
    done = ep.run_review(args, score, print_score, actor_rows, COLUMNS)
    if done is None:
        return 0
    recs, arts, rejects, rows = done
    events = sum(len(art.events) for art in arts)
    coded = sum(bool(r["country"] or r["sectors"]) for r in rows)
    print(f"{len(recs)} articles (seed {args.seed}; {rejects} rejected), {events} events, {len(rows)} role "
          f"spans ({coded} coded with a country or sector) -> {args.out}")
    by_sector = collections.Counter((r["sectors"].split(",")[0] or "-") for r in rows)
    print("first sector: " + ", ".join(f"{s} {n}" for s, n in by_sector.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
