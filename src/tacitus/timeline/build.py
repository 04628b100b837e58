"""Timeline building: scope -> day salience -> top days -> evidence sentences per day."""
from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .select import Candidate, select_sentences, tokens

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

# Type weight of merged events: material and conflictual events make the news more than statements.
TYPE_WEIGHTS = {
    "ASSAULT": 2.0, "COERCE": 1.6, "MOBILIZE": 1.4, "PROTEST": 1.4, "SANCTION": 1.4, "AID": 1.3,
    "AGREE": 1.3, "COOPERATE": 1.2, "RETREAT": 1.2, "CONCEDE": 1.2, "THREATEN": 1.1, "REJECT": 1.0,
    "ACCUSE": 1.0, "REQUEST": 0.9, "SUPPORT": 0.9, "CONSULT": 0.8,
}


POOL_FACTOR, POOL_MIN = 10, 50  # days re-ranked with merged events: the best 10 x N (at least 50) by the text


@dataclass
class Weights:
    """Relative weights of the salience signals (each signal is normalized to sum 1 over days)."""
    mentions: float = 1.0  # articles referring to the day
    later: float = 2.0  # of which: articles published after the day, weighted by the gap
    published: float = 0.5  # articles published on the day
    next_day: float = 0.3  # articles published the day after (reports of yesterday)
    events: float = 0.1  # merged events dated that day (sources x type weight)
    max_lead: int = 5  # lead sentences of an article used as evidence of its publication day
    lead_bonus: float = 1.0  # score factor of lead sentences against sentences naming the day
    recap_bonus: float = 1.5  # score factor of a sentence naming the day in an article published at least
    recap_gap: int = 7  # ``recap_gap`` days after it: a retrospective summary ("On 20 April the rig exploded")
    gap_log: bool = True  # a reference counts log(1 + days between the day and the referring article)
    max_gap: int = 30
    compress: float = 1.0  # each signal is raised to this power before normalizing (1 = linear; < 1 damps
    # the largest bursts; 0.5 and 0.75 were within noise of 1 on T17, see bench/RESULTS-timeline.md)
    max_before: int | None = 30  # days before the first article of the scope still eligible (None: any);
    # older dates (birth dates, 9/11, earlier disasters) are background, not events of the coverage


def day_of(value: str | None) -> str | None:
    """The ISO day a TIMEX3 value denotes, or None when it is coarser than a day."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _shift(d: str, n: int) -> str:
    return (date.fromisoformat(d) + timedelta(days=n)).isoformat()


# -- scope -------------------------------------------------------------------------------------
SCOPE_BUDGET = 5000  # scope rows (events, mentions, matching sentences) read in full; above it, a sample


class Timeline(list):
    """The list of dates, with ``sample``: None when every scope row was read, else
    ``{"rows": n, "step": k}`` when a huge scope was estimated from every k-th of its n rows; ``actor``:
    how the actor scope matched (:class:`tacitus.store.actorfilter.ActorMatch`, the same as the event
    filters') or None; ``notes``: what the user should know about the scope."""
    sample: dict | None = None
    actor = None
    notes: list[str] = []


def _sampling_step(n: int) -> int:
    """Every how many rows to read so that about ``SCOPE_BUDGET`` of ``n`` are kept (1 = all)."""
    return max(1, math.ceil(n / SCOPE_BUDGET))


def _step(conn, count_sql: str, args) -> tuple[int, int]:
    """(rows, k): how many rows a scope query matches (the count walks an index only; no row is read)
    and its sampling step."""
    n = conn.execute(f"SELECT count(*) FROM ({count_sql})", args).fetchone()[0]
    return n, _sampling_step(n)


def _scope(db, actor=None, query=None, country=None, sample: dict | None = None, match: list | None = None
           ) -> tuple[set[int] | None, list[tuple[str, tuple]]]:
    """Sentence rowids the timeline is about (None: every sentence) and the SQL conditions (on events
    ``e``) that select the events of that scope. Every lookup goes through an index. A scope of more than
    ``SCOPE_BUDGET`` rows (a top actor with 100k events, a common word) is read as a systematic sample,
    every k-th row by rowid; ``sample`` (a dict) then records the rows and the step; ``match`` (a list)
    receives the actor filter's :class:`tacitus.store.actorfilter.ActorMatch`."""
    from ..store import fts_query
    conn = db.conn
    sets: list[set[int]] = []
    conds: list[tuple[str, tuple]] = []

    def note(n: int, k: int) -> None:
        if k > 1 and sample is not None:
            sample["rows"] = max(sample.get("rows", 0), n)
            sample["step"] = max(sample.get("step", 1), k)

    if query:
        q = ("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", (fts_query(query),))
        n, k = _step(conn, *q)
        note(n, k)
        sets.append({r[0] for r in conn.execute(q[0] + (f" AND rowid % {k} = 0" if k > 1 else ""), q[1])})
    if actor:
        # the shared actor filter (tacitus.store.actorfilter): exact id/name/alias/code, else a name or
        # alias substring, else the raw role text; its actors' events and entity mentions
        from ..store.actorfilter import match_actor
        m = match_actor(conn, actor)
        if match is not None:
            match.append(m)
        # a UNION of two lookups (source, target) instead of an OR that scans every event
        branches = []
        for role in ("source", "target"):
            sql, args = m.where("e", roles=(role,))
            branches.append((f"SELECT e.rowid FROM events e WHERE {sql}", tuple(args)))
        cond = _sampled_events(conn, branches, note)
        conds.append(cond)
        s = _event_sentences(conn, cond)
        if m.ids:
            s |= _entity_sentences(conn, *m.ids_sql("en.actor_id"), note)
        sets.append(s)
    if country:
        c = country.upper()
        cond = _sampled_events(conn, [("SELECT rowid FROM events WHERE source_country = ?", (c,)),
                                      ("SELECT rowid FROM events WHERE target_country = ?", (c,))], note)
        conds.append(cond)
        s = _entity_sentences(conn, "en.actor_id IN (SELECT id FROM actors WHERE country = ?)", (c,), note)
        s |= _entity_sentences(conn, "en.geonameid IN (SELECT geonameid FROM places WHERE country = ?)", (c,),
                               note)
        sets.append(s | _event_sentences(conn, cond))
    if not sets:
        return None, conds
    out = sets[0]
    for s in sets[1:]:
        out &= s
    return out, conds


def _json(xs) -> str:
    return json.dumps(sorted(xs))


def _entity_sentences(conn, cond: str, args, note) -> set[int]:
    n, k = _step(conn, f"SELECT en.rowid FROM entities en WHERE {cond}", args)
    note(n, k)
    samp = f" AND en.rowid % {k} = 0" if k > 1 else ""
    return {r[0] for r in conn.execute(
        # CROSS JOIN keeps the entities (few, by index) as the outer loop, never a scan of all sentences
        f"SELECT DISTINCT s.rowid FROM entities en CROSS JOIN sentences s ON s.article_id = en.article_id "
        f"AND s.start <= en.start AND s.\"end\" >= en.\"end\" WHERE {cond}{samp}", args)}


def _sampled_events(conn, branches: list[tuple[str, tuple]], note) -> tuple[str, tuple]:
    """The condition on events ``e`` selecting the union of the rowid queries ``branches`` (each an index
    lookup): all of them, or every k-th by rowid when there are more than ``SCOPE_BUDGET``. Each branch is
    counted on its index alone, and the sample is taken inside each branch, so no query ever sorts or
    de-duplicates the whole scope."""
    n = sum(conn.execute(f"SELECT count(*) FROM ({q})", a).fetchone()[0] for q, a in branches)
    k = _sampling_step(n)
    note(n, k)
    args = tuple(x for _, a in branches for x in a)
    if k > 1:
        union = " UNION ".join(f"{q} AND rowid % {k} = 0" for q, _ in branches)
        rows = [r[0] for r in conn.execute(union, args)]
        return "e.rowid IN (SELECT value FROM json_each(?))", (_json(rows),)
    return f"e.rowid IN ({' UNION '.join(q for q, _ in branches)})", args


def _event_sentences(conn, cond: tuple[str, tuple]) -> set[int]:
    return {r[0] for r in conn.execute(
        f"SELECT s.rowid FROM events e CROSS JOIN sentences s ON s.article_id = e.article_id "
        f"AND s.start <= e.sentence_start AND s.\"end\" >= e.sentence_start WHERE {cond[0]}", cond[1])}


# -- loading -----------------------------------------------------------------------------------
_DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"


@dataclass
class _Sent:
    rowid: int
    article_id: str
    idx: int
    start: int
    end: int
    text: str
    pub: str
    days: set = field(default_factory=set)


def _article_days(db, scope: set[int] | None) -> dict[str, set[str]]:
    """Days each article refers to (day-granular DATE/TIME values), within the scope sentences."""
    q = "SELECT t.article_id, t.value FROM timexes t"
    args: tuple = ()
    if scope is not None:
        q += (' JOIN sentences s ON s.article_id = t.article_id AND t.start >= s.start AND t.start < s."end" '
              "AND s.rowid IN (SELECT value FROM json_each(?))")
        args = (_json(scope),)
    q += " WHERE t.type IN ('DATE', 'TIME') AND t.value GLOB ?"
    out: dict[str, set[str]] = defaultdict(set)
    for aid, value in db.conn.execute(q, (*args, _DAY_GLOB)):
        d = day_of(value)
        if d:
            out[aid].add(d)
    return out


def _copy_keys(db, article_ids) -> dict[str, str]:
    """Syndication key of each article: the words of its first 400 characters."""
    out = {}
    for aid, head in db.conn.execute("SELECT id, substr(text, 1, 400) FROM articles WHERE id IN "
                                     "(SELECT value FROM json_each(?))", (_json(article_ids),)):
        out[aid] = " ".join(tokens(head))
    return out


def _load_sentences(db, article_ids, scope: set[int] | None) -> dict[str, list[_Sent]]:
    """Sentences of the given articles (within the scope), each with the days its timexes refer to."""
    conn = db.conn
    ids = _json(article_ids)
    pubs = {r[0]: r[1][:10] for r in conn.execute(
        "SELECT id, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
    q = ('SELECT s.rowid, s.article_id, s.idx, s.start, s."end", s.text FROM sentences s '
         "WHERE s.article_id IN (SELECT value FROM json_each(?))")
    args: tuple = (ids,)
    if scope is not None:
        q += " AND s.rowid IN (SELECT value FROM json_each(?))"
        args = (ids, _json(scope))
    sents: dict[str, list[_Sent]] = defaultdict(list)
    for r in conn.execute(q, args):
        sents[r[1]].append(_Sent(r[0], r[1], r[2], r[3], r[4], r[5], pubs.get(r[1], "")))
    for lst in sents.values():
        lst.sort(key=lambda s: s.start)
    starts = {a: [s.start for s in lst] for a, lst in sents.items()}
    for aid, start, value in conn.execute(
            "SELECT article_id, start, value FROM timexes WHERE type IN ('DATE', 'TIME') AND value GLOB ? "
            "AND article_id IN (SELECT value FROM json_each(?))", (_DAY_GLOB, ids)):
        lst = sents.get(aid)
        d = day_of(value)
        if not lst or d is None:
            continue
        i = bisect.bisect_right(starts[aid], start) - 1
        if i >= 0 and lst[i].start <= start < lst[i].end:
            lst[i].days.add(d)
    return sents


def _events_by_day(db, scope_articles: set[str] | None, conds: list[tuple[str, tuple]], days) -> dict[str, list[dict]]:
    """Merged events (or single mentions when merging has not run) of the scope dated to one of ``days``
    by the mention itself (asserted, not negated)."""
    from ..store.clusters import _has_tables
    conn = db.conn
    where = ["e.date_start IN (SELECT value FROM json_each(?))", "e.date_start = e.date_end",
             "e.date_basis != 'unknown'", "NOT e.negated", "COALESCE(e.modality, '') NOT IN ('hypothetical', 'future')"]
    args: list = [_json(days)]
    for c, a in conds:
        where.append(c)
        args += a
    w = " WHERE " + " AND ".join(where)
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    merged = _has_tables(db)
    join = " LEFT JOIN event_cluster m ON m.event_id = e.id LEFT JOIN event_clusters c ON c.id = m.cluster_id" \
        if merged else ""
    cols = ("e.id, e.article_id, e.type, e.source_name, e.target_name, e.date_start, e.date_end, e.date_basis, "
            "e.sentence_text, e.modality, e.negated")
    cols += ", c.id AS cid, c.n_sources" if merged else ""
    for r in conn.execute(f"SELECT {cols} FROM events e{join}{w}", args):
        r = dict(r)
        if scope_articles is not None and r["article_id"] not in scope_articles:
            continue
        key = r.get("cid") or r["id"]
        d = r["date_start"][:10]
        ev = out[d].get(key)
        if ev is None:
            out[d][key] = {"id": key, "type": r["type"], "source": r["source_name"], "target": r["target_name"],
                           "n_sources": r.get("n_sources") or 1, "sentence": r["sentence_text"],
                           "mentions": [r["id"]]}
        else:
            ev["mentions"].append(r["id"])
    return {d: sorted(v.values(), key=lambda x: (-x["n_sources"], x["id"])) for d, v in out.items()}


# -- salience ----------------------------------------------------------------------------------
def _norm(c: Counter, power: float = 1.0) -> dict[str, float]:
    """``c`` raised to ``power`` (compressing the largest values when < 1), scaled to sum 1."""
    if power != 1.0:
        c = {k: v ** power for k, v in c.items() if v > 0}
    tot = sum(c.values())
    return {k: v / tot for k, v in c.items()} if tot else {}


def event_weights(events_by_day: dict[str, list[dict]]) -> Counter:
    evw = Counter()
    for d, evs in events_by_day.items():
        for ev in evs:
            evw[d] += math.log1p(ev["n_sources"]) * TYPE_WEIGHTS.get(ev["type"], 1.0)
    return evw


def day_salience(article_days, pubs, events_by_day, scope_articles, w: Weights,
                 copy_keys: dict[str, str] | None = None) -> dict[str, float]:
    """Salience of each day: a weighted sum of signals, each normalized to sum 1 over days.

    - ``mentions``: articles with a sentence referring to the day (syndicated copies of an article, same
      opening words, counted once);
    - ``later``: the same for articles published after the day, each weighted by log(1 + gap in days,
      capped at ``max_gap``) — a day still recalled weeks later is a key date;
    - ``published`` / ``next_day``: articles published on the day / the day after;
    - ``events``: merged events dated to the day, log(1 + sources) x type weight.

    Each signal is raised to ``w.compress`` (1: linear) before it is normalized.
    """
    mentions, later = Counter(), Counter()
    seen = set()
    for aid in sorted(article_days, key=lambda a: (pubs.get(a, ""), a)):
        key = (copy_keys or {}).get(aid)
        if key:
            if key in seen:  # a syndicated copy of an article already counted
                continue
            seen.add(key)
        pub = pubs.get(aid, "")
        for d in article_days[aid]:
            mentions[d] += 1
            if pub > d:
                gap = (date.fromisoformat(pub) - date.fromisoformat(d)).days
                later[d] += math.log1p(min(gap, w.max_gap)) if w.gap_log else 1.0
    # counted per day, then shifted per distinct day (not per article: a 100k-article database)
    published = Counter(pubs.values()) if scope_articles is None else Counter(
        pubs[a] for a in scope_articles if a in pubs)
    published.pop("", None)
    nxt = Counter({_shift(d, -1): n for d, n in published.items()})
    p = w.compress
    parts = [(w.mentions, _norm(mentions, p)), (w.later, _norm(later, p)), (w.published, _norm(published, p)),
             (w.next_day, _norm(nxt, p)), (w.events, _norm(event_weights(events_by_day), p))]
    score: dict[str, float] = defaultdict(float)
    for weight, sig in parts:
        for d, v in sig.items():
            score[d] += weight * v
    return score


# -- main --------------------------------------------------------------------------------------
def build_timeline(db, actor: str | None = None, query: str | None = None, country: str | None = None,
                   since: str | None = None, until: str | None = None, dates: int = 10, sentences: int = 2,
                   weights: Weights | None = None) -> Timeline:
    """The ``dates`` most important days (in date order), each with ``sentences`` evidence sentences.
    ``.sample`` of the result says when a huge scope was estimated from a sample of its rows."""
    w = weights or Weights()
    sample: dict = {}
    matches: list = []
    scope, conds = _scope(db, actor=actor, query=query, country=country, sample=sample, match=matches)
    scope_articles = None if scope is None else {r[0] for r in db.conn.execute(
        "SELECT DISTINCT article_id FROM sentences WHERE rowid IN (SELECT value FROM json_each(?))", (_json(scope),))}
    # publication dates: every article for a whole-database timeline, else only the scope's articles
    # (every later use of ``pubs`` is about scope articles; this keeps scoped timelines fast on big files)
    if scope_articles is None:
        pubs = {r[0]: r[1][:10] for r in db.conn.execute("SELECT id, date FROM articles")}
    else:
        pubs = {r[0]: r[1][:10] for r in db.conn.execute(
            "SELECT id, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", (_json(scope_articles),))}
    # 1. salience of every day, from counts only (no sentence text is read)
    article_days = _article_days(db, scope)
    score = day_salience(article_days, pubs, {}, scope_articles, w, _copy_keys(db, article_days))
    scope_pubs = [pubs[a] for a in (scope_articles if scope_articles is not None else pubs) if pubs.get(a)]
    last_pub = max(scope_pubs, default=None)
    # no day after the last article; none long before the first one, unless ``since`` asks for it
    first = since[:10] if since else None
    if not since and scope_pubs and w.max_before is not None:
        first = _shift(min(scope_pubs), -w.max_before)
    days = [d for d in score if (not first or d >= first) and (not until or d <= until[:10])
            and (last_pub is None or d <= last_pub)]
    days.sort(key=lambda d: (-score[d], d))
    # merged events re-rank the best days by the text (an index lookup per day, not a scan of all events)
    pool = days[:max(POOL_FACTOR * dates, POOL_MIN)]
    events_by_day = _events_by_day(db, scope_articles, conds, pool) if pool else {}
    for d, v in _norm(event_weights(events_by_day), w.compress).items():
        score[d] += w.events * v
    pool.sort(key=lambda d: (-score[d], d))
    # the best days and as many reserves: a day for which no evidence sentence and no event turns up is
    # replaced by the next one (a date must come with something to read)
    chosen = sorted(pool[:max(2 * dates, 0)])
    # 2. evidence for the chosen days only: sentences naming the day, lead sentences of its articles
    chosen_set = set(chosen)
    near = chosen_set | {_shift(d, 1) for d in chosen}
    arts = {a for a, ds in article_days.items() if ds & chosen_set}
    arts |= {a for a in (scope_articles if scope_articles is not None else pubs) if pubs.get(a) in near}
    sents = _load_sentences(db, arts, scope) if chosen else {}
    cands: dict[str, list[Candidate]] = defaultdict(list)
    for lst in sents.values():
        for s in lst:
            for d in s.days & chosen_set:
                recap = s.pub and (date.fromisoformat(s.pub) - date.fromisoformat(d)).days >= w.recap_gap
                prior = (w.recap_bonus if recap else 1.0) / len(s.days)
                cands[d].append(Candidate(s.text, s.article_id, s.pub, s.start, prior))
            if s.idx < w.max_lead and not s.days:
                for d in (s.pub, _shift(s.pub, -1)) if s.pub else ():
                    if d in chosen_set:
                        cands[d].append(Candidate(s.text, s.article_id, s.pub, s.start, w.lead_bonus))
    df = Counter()
    n_docs = 0
    for lst in sents.values():
        for s in lst:
            n_docs += 1
            df.update(set(tokens(s.text)))
    out = Timeline()
    out.sample = sample or None
    out.actor = matches[0] if matches else None
    out.notes = [m.note for m in matches if m.note]
    shown = [d for d in sorted(chosen, key=lambda d: (-score[d], d)) if cands.get(d) or events_by_day.get(d)]
    for d in sorted(shown[:max(dates, 0)]):
        picked = select_sentences(cands.get(d, []), sentences, df, n_docs)
        evs = events_by_day.get(d, [])
        out.append({"date": d, "score": round(score[d], 6), "sentences": [c.text for c in picked],
                    "sources": [{"article_id": c.article_id, "pub_date": c.pub, "start": c.start} for c in picked],
                    "events": [{k: v for k, v in e.items() if k != "mentions"} | {"n_mentions": len(e["mentions"])}
                               for e in evs[:10]]})
    return out
