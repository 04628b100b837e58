"""Events benchmark.

1. PLOVER GSR (../shared/data/events/PLOVER_GSR_CAMEO.txt, gold sentences coded with an older
   18-type PLOVER, mapped by resources/en/events/legacy_types.tsv): type accuracy, per-type P/R/F1,
   macro-F1; source/target country and sector accuracy (through the actors stage) and role-span
   accuracy (our source/target span overlaps the gold actor text).
2. No-event precision: sentences of non-political news (T17 H1N1 and MJ topics) that yield an event.
3. Probe sets: the written conflict / protest / police and no-event sentences of
   tests/events/test_probes.py.
4. Speed: events-stage time as a share of spaCy parse time.

    .venv/bin/python bench/events.py            # all figures (markdown)
    .venv/bin/python bench/events.py --errors   # plus the misclassified GSR sentences, every role whose
                                                # country is not matched, every role whose sector is
                                                # not matched (country right), and the T17 hits
    .venv/bin/python bench/events.py --errors --half odd   # role errors of one half only

Role scoring (per gold source / target list of a GSR record; records whose gold role is absent or not a
list of actors are not scored). The event scored is the one whose trigger overlaps the gold (EVT: ...)
markup (highest confidence), else the sentence's highest-confidence event; no event or no role span is
a miss.
- country: right when our actor's country is one of the gold codes (pre-ISO codes mapped: JAP, VTN,
  ITL). The GSR codes international organisations and their officials as "IGO": an actor of kind igo
  or whose country is an IGO code of actors/igos.tsv (UNO, ARL, ...; "Kofi Annan, UN secretary-general"
  is a person coded UNO) matches. "NGO": an igo/ngo actor, or an NGO-sector actor with no national
  country. "IMG" (transnational militarized group, al-Qaeda): our groups.tsv codes those with no
  country, kind organization, sector REB/MIL.
- sector: scored only where the gold gives a sector code (the GSR's "***" = unknown is not scored);
  PLOVER's JRN / MED / CIV are CAMEO's MED / HLH / CVL (the codes the actors stage uses); right when the
  gold sector is among ours.
Both are also given for the two halves of the GSR (even / odd records in file order) as an overfitting
check.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from tacitus.events import ontology as O  # noqa: E402
from tacitus.events import resources as R  # noqa: E402
from tacitus.pipeline import Context, Pipeline, load_nlp  # noqa: E402


def load_gsr(path: Path) -> list[dict]:
    s = path.read_text(encoding="utf-8")
    s = re.sub(r",\s*([\]}])", r"\1", s)
    recs = [r for r in json.loads(s) if r.get("text") and r.get("event") != "DOCUMENT"]
    legacy = {f[0]: f[1] for _, f in R.rows("legacy_types.tsv")}
    for r in recs:
        r["gold_type"] = legacy.get(r["event"], r["event"])
    return recs


def markup_spans(rec: dict, tag: str) -> list[tuple[int, int]]:
    """Character spans in rec['text'] of the '(TAG: ...)' pieces of the markup."""
    text = rec["text"]
    info = rec.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    out = []
    for m in re.finditer(r"\((" + tag + r")[^:]*:\s*([^)]*)\)", markup):
        piece = m.group(2).strip()
        for word in [piece] + piece.split():
            i = text.find(word)
            if i >= 0 and len(word) > 1:
                out.append((i, i + len(word)))
                if word == piece:
                    break
    return out


def actors(field) -> list[dict]:
    return field if isinstance(field, list) else []


def country_of(code: str | None) -> str | None:
    if not code:
        return None
    # a few GSR records use pre-ISO codes
    return {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}.get(code[:3], code[:3])


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# Sector codes: the GSR follows PLOVER (JRN journalists, MED medical, CIV civilians); the actors stage
# keeps CAMEO's (MED media, HLH health, CVL civilians). "***" means "unknown" in the GSR: not scored.
SECTOR_MAP = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}


def _igo_codes() -> frozenset[str]:
    from tacitus.actors.lexicon import tables
    return frozenset(code for code, _, _ in tables().igos.values())


def country_match(gcountries: set, act: dict | None) -> bool:
    """Does our actor carry one of the gold countries? The GSR codes every international organisation
    (and its officials: "Kofi Annan, UN secretary-general") as "IGO", non-governmental ones as "NGO",
    and transnational armed groups (al-Qaeda) as "IMG"; the actors stage gives the organisation's own
    code (UNO, EUR, NAT, ...) as the actor's country, an NGO sector, and no country for the
    transnational groups of groups.tsv."""
    if not act:
        return False
    c = act.get("country")
    if c and c in gcountries:
        return True
    kind = act.get("kind")
    secs = set(act.get("sectors") or [])
    if "IGO" in gcountries and (kind == "igo" or (c and c in _igo_codes())):
        return True
    if "NGO" in gcountries and (kind in ("igo", "ngo") or ("NGO" in secs and not (c and len(c) == 3
                                                                                    and c not in _igo_codes()))):
        return True
    if "IMG" in gcountries and (kind == "igo" or (c is None and kind == "organization" and secs & {"REB", "MIL"})):
        return True
    return False


def score_role(text: str, gold: list[dict], part: dict | None, act: dict | None) -> dict:
    """Country / sector / span verdicts for one role of one GSR sentence (see the module docstring)."""
    gcountries = {country_of(x.get("code")) for x in gold} - {None}
    gsectors = {SECTOR_MAP.get(s, s) for x in gold for s in [(x.get("sector") or "")[:3].upper()]
                if s.isalpha()}
    gspans = []
    for x in gold:
        t = (x.get("actorText") or "").strip()
        i = text.find(t) if t else -1
        if i >= 0:
            gspans.append((i, i + len(t)))
    span_ok = bool(part and any(overlaps((part["start"], part["end"]), s) for s in gspans))
    sector_ok = None
    if gsectors:
        sector_ok = bool(act and set(act.get("sectors") or []) & gsectors)
    return {"country_ok": country_match(gcountries, act), "span_ok": span_ok, "sector_ok": sector_ok}


def pick(events: list[dict], evt_spans) -> dict | None:
    aligned = [e for e in events if any(overlaps((e["trigger"]["start"], e["trigger"]["end"]), s)
                                        for s in evt_spans)]
    pool = aligned or events
    return max(pool, key=lambda e: e["confidence"]) if pool else None


def analyse(pipe: Pipeline, items: list[tuple[str, str]]):
    """Run spaCy and every stage on (date, text) pairs, without the reader's validation (the GSR
    has one-sentence records that the language check would reject as too short)."""
    from datetime import date
    out = []
    for (d, text), doc in zip(items, pipe.nlp.pipe(t for _, t in items)):
        ctx = Context(text=text, dct=date.fromisoformat(d[:10]), doc=doc, id=str(len(out)))
        for stage in pipe.stages:
            stage(ctx)
        out.append(ctx)
    return out


def _auc(right: list, wrong: list) -> float:
    """ROC AUC of confidence for right vs wrong typed events (0.5 = no signal)."""
    pairs = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return pairs / (len(right) * len(wrong)) if right and wrong else float("nan")


def gsr(pipe: Pipeline, show_errors: bool = False) -> dict:
    recs = load_gsr(SHARED / "events" / "PLOVER_GSR_CAMEO.txt")
    arts = analyse(pipe, [("2000-01-01", r["text"]) for r in recs])
    gold, pred, conf = [], [], []
    role = collections.Counter()
    errors = []
    role_errors = []
    for rec_i, (r, a) in enumerate(zip(recs, arts)):
        evs = [e.to_dict() for e in a.events]
        evt = markup_spans(r, "EVT")
        ev = pick(evs, evt)
        role["aligned"] += any(overlaps((e["trigger"]["start"], e["trigger"]["end"]), s) for e in evs for s in evt)
        p = (ev["plover_type"] if ev else "NONE")
        gold.append(r["gold_type"])
        pred.append(p)
        conf.append(ev["confidence"] if ev else None)
        if p != r["gold_type"]:
            errors.append((r["gold_type"], p, ev["trigger"]["text"] if ev else "-", r["text"]))
        for side in ("source", "target"):
            g = actors(r.get(side))
            if not g:
                continue
            part = ev and ev.get(side)
            act = part and part.get("actor")
            sc = score_role(r["text"], g, part, act)
            role[side + "_n"] += 1
            role[side + "_country"] += sc["country_ok"]
            role[side + "_span"] += sc["span_ok"]
            if sc["span_ok"]:
                role[side + "_span_n"] += 1
                role[side + "_span_country"] += sc["country_ok"]
            if sc["sector_ok"] is not None:
                role[side + "_sector_n"] += 1
                role[side + "_sector"] += sc["sector_ok"]
            half = "odd" if rec_i % 2 else "even"
            role[f"{half}_{side}_n"] += 1
            role[f"{half}_{side}_country"] += sc["country_ok"]
            if sc["sector_ok"] is not None:
                role[f"{half}_{side}_sector_n"] += 1
                role[f"{half}_{side}_sector"] += sc["sector_ok"]
            if not sc["country_ok"] or sc["sector_ok"] is False:
                role_errors.append(("country" if not sc["country_ok"] else "sector", half, side, [(x.get("actorText"), x.get("code"), x.get("sector")) for x in g],
                                    part["text"] if part else None,
                                    (act.get("country"), act.get("sectors")) if act else None, r["text"]))
    per = per_type(gold, pred)
    macro = sum(v[2] for v in per.values()) / len(per)
    halves = {}
    for name, rem in (("even", 0), ("odd", 1)):
        hg = [g for i, g in enumerate(gold) if i % 2 == rem]
        hp = [p for i, p in enumerate(pred) if i % 2 == rem]
        hper = per_type(hg, hp)
        halves[name] = {"n": len(hg), "macro_f1": sum(v[2] for v in hper.values()) / len(hper)}
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    coverage = sum(p != "NONE" for p in pred) / len(pred)
    # does confidence sort errors to the bottom? AUC of confidence for right vs wrong typed events
    right = [c for g, p, c in zip(gold, pred, conf) if c is not None and g == p]
    wrong = [c for g, p, c in zip(gold, pred, conf) if c is not None and g != p]
    auc = _auc(right, wrong)
    for name, rem in (("even", 0), ("odd", 1)):
        halves[name]["auc"] = _auc(
            [c for i, (g, p, c) in enumerate(zip(gold, pred, conf)) if i % 2 == rem and c is not None and g == p],
            [c for i, (g, p, c) in enumerate(zip(gold, pred, conf)) if i % 2 == rem and c is not None and g != p])
    return {"n": len(gold), "accuracy": acc, "auc": auc, "conf_right": sum(right) / max(len(right), 1),
            "conf_wrong": sum(wrong) / max(len(wrong), 1), "macro_f1": macro, "per_type": per, "coverage": coverage,
            "role": role, "errors": errors, "role_errors": role_errors, "halves": halves}


def per_type(gold: list[str], pred: list[str]) -> dict:
    """type -> (precision, recall, F1, gold count) over the gold types."""
    per = {}
    for t in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == t and p == t)
        fp = sum(1 for g, p in zip(gold, pred) if g != t and p == t)
        fn = sum(1 for g, p in zip(gold, pred) if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[t] = (prec, rec, f1, tp + fn)
    return per


def t17_sentences(n_per_topic: int = 150, seed: int = 17) -> list[tuple[str, str]]:
    out = []
    for topic, dirs in (("H1N1", ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters")), ("MJ", ("MJ_bbc",))):
        sents = []
        for d in dirs:
            p = SHARED / "timelines" / "T17" / d / "articles.jsonl"
            if not p.exists():
                continue
            for line in p.read_text(encoding="utf-8").splitlines():
                art = json.loads(line)
                for s in art["text"].split("\n"):
                    s = s.strip()
                    if 40 <= len(s) <= 400:
                        sents.append((art.get("time", "2009-01-01"), s))
        random.Random(seed).shuffle(sents)
        out += [(topic, d, s) for d, s in sents[:n_per_topic]]
    return out


def no_event(pipe: Pipeline, show: bool = False) -> dict:
    sents = t17_sentences()
    arts = analyse(pipe, [(d, s) for _, d, s in sents])
    by = collections.Counter()
    hits = []
    for (topic, _, s), a in zip(sents, arts):
        by[topic + "_n"] += 1
        if a.events:
            by[topic + "_hit"] += 1
            hits.append((topic, [(e.type, e.trigger.text, round(e.confidence, 2)) for e in a.events], s))
    return {"by": by, "hits": hits}


def probes(pipe: Pipeline) -> dict:
    """The written probe sets of tests/events/test_probes.py (conflict / protest / police sentences
    with their expected type; disaster / crime / sport / market sentences with none)."""
    sys.path.insert(0, str(ROOT / "tests" / "events"))
    import test_probes as P
    rec = analyse(pipe, [("2020-01-01", s) for _, s in P.RECALL])
    neg = analyse(pipe, [("2020-01-01", s) for s in P.NO_EVENT])
    hit = sum(t in {e.plover_type or e.type for e in c.events} for (t, _), c in zip(P.RECALL, rec))
    noisy = sum(bool(c.events) for c in neg)
    return {"recall": hit / len(P.RECALL), "n_recall": len(P.RECALL),
            "noisy": noisy / len(P.NO_EVENT), "n_noevent": len(P.NO_EVENT)}


def speed(nlp, texts: list[str]) -> dict:
    from tacitus.events import EventExtractor
    from datetime import date
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    ext = EventExtractor()
    t0 = time.perf_counter()
    for d, t in zip(docs, texts):
        ext(Context(text=t, dct=date(2000, 1, 1), doc=d))
    events = time.perf_counter() - t0
    return {"parse_s": parse, "events_s": events, "share": events / parse}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list GSR errors and T17 hits")
    ap.add_argument("--half", choices=("even", "odd"), help="with --errors: list only this half's role errors")
    args = ap.parse_args(argv)
    nlp = load_nlp()
    pipe = Pipeline(nlp=nlp)
    g = gsr(pipe, args.errors)
    print(f"## PLOVER GSR (n={g['n']}, ontology {O.VERSION})\n")
    print(f"- type accuracy: **{g['accuracy']:.3f}**  (sentences with any event: {g['coverage']:.3f}; "
          f"with an event whose trigger overlaps the gold trigger: {g['role']['aligned'] / g['n']:.3f})")
    print(f"- type macro-F1 (over {len(g['per_type'])} gold types): **{g['macro_f1']:.3f}**")
    print(f"- confidence: mean {g['conf_right']:.3f} on right types vs {g['conf_wrong']:.3f} on wrong ones; "
          f"ROC AUC {g['auc']:.3f}")
    r = g["role"]
    for side in ("source", "target"):
        n = r[side + "_n"] or 1
        sn = r[side + "_sector_n"] or 1
        print(f"- {side}: country accuracy {r[side + '_country'] / n:.3f} (n={r[side + '_n']}), "
              f"sector accuracy {r[side + '_sector'] / sn:.3f} (n={r[side + '_sector_n']}), "
              f"span overlap with gold actor {r[side + '_span'] / n:.3f}; country accuracy where the span "
              f"overlaps {r[side + '_span_country'] / max(r[side + '_span_n'], 1):.3f}")
    print("\n| half (GSR records) | n | type macro-F1 | source country | target country | source sector | target sector "
          "| confidence AUC |\n|---|---|---|---|---|---|---|---|")
    for half in ("even", "odd"):
        h = g["halves"][half]
        cells = []
        for key in ("source_country", "target_country", "source_sector", "target_sector"):
            side, what = key.split("_")
            num = r[f"{half}_{side}_{what}"]
            den = r[f"{half}_{side}_n"] if what == "country" else r[f"{half}_{side}_sector_n"]
            cells.append(f"{num / max(den, 1):.3f}")
        print(f"| {half} | {h['n']} | {h['macro_f1']:.3f} | " + " | ".join(cells) + f" | {h['auc']:.3f} |")
    print("\n| type | P | R | F1 | n |\n|---|---|---|---|---|")
    for t, (p, rc, f, n) in sorted(g["per_type"].items()):
        print(f"| {t} | {p:.2f} | {rc:.2f} | {f:.2f} | {n} |")
    ne = no_event(pipe)
    by = ne["by"]
    print("\n## No-event precision (T17 H1N1 + MJ sentences, seed 17)\n")
    tot_n = by["H1N1_n"] + by["MJ_n"]
    tot_h = by["H1N1_hit"] + by["MJ_hit"]
    print(f"- sentences yielding an event: **{tot_h}/{tot_n} = {tot_h / max(tot_n, 1):.3f}** "
          f"(H1N1 {by['H1N1_hit']}/{by['H1N1_n']}, MJ {by['MJ_hit']}/{by['MJ_n']})")
    pr = probes(pipe)
    print(f"\n## Probe sets (tests/events/test_probes.py)\n\n- recall of the right PLOVER type on "
          f"{pr['n_recall']} conflict/protest/police sentences: **{pr['recall']:.3f}**\n"
          f"- disaster/crime/sport/market sentences yielding an event: **{pr['noisy']:.3f}** "
          f"(n={pr['n_noevent']})")
    sp = speed(nlp, [s for _, _, s in t17_sentences()] + [x["text"] for x in load_gsr(SHARED / "events" / "PLOVER_GSR_CAMEO.txt")])
    print(f"\n## Speed\n\n- events stage {sp['events_s']:.2f}s vs spaCy parse {sp['parse_s']:.2f}s "
          f"= **{100 * sp['share']:.1f}%** of parse time")
    if args.errors:
        print("\n## GSR errors (gold, predicted, trigger, text)\n")
        for e in g["errors"]:
            print(f"- {e[0]} -> {e[1]} [{e[2]}] {e[3][:220]}")
        for what in ("country", "sector"):
            print(f"\n## GSR role errors: {what} not matched (half, side, gold actors, our span, our "
                  f"country/sectors, text)\n")
            for kind, half, side, gl, span, act, text in g["role_errors"]:
                if kind == what and args.half in (None, half):
                    print(f"- {half} {side} gold={gl} ours={span!r} {act} | {text[:220]}")
        print("\n## T17 sentences with events\n")
        for topic, evs, s in ne["hits"]:
            print(f"- {topic} {evs} {s[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
