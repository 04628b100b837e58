"""Evidence sentence selection for one day: centrality in the day's candidates, without redundancy."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"[a-z0-9]+")
STOP = frozenset("""a an the of to in on at for from by with and or but as is are was were be been being has
have had it its this that these those he she they we you i his her their our them him not no said says say
will would could should may might can also after before than then there here who whom which what when where
while into over about up out more most s t said mr mrs ms""".split())
MIN_TOKENS, MAX_TOKENS = 6, 40  # words; timeline entries are short (T17 gold: 21 on average)
REDUNDANCY = 0.4  # Jaccard overlap above which a sentence repeats one already chosen


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOP]


@dataclass
class Candidate:
    text: str
    article_id: str
    pub: str
    start: int
    weight: float  # prior: 1 for a sentence naming the day, less for a lead sentence of that day


def select_sentences(cands: list[Candidate], k: int, df: Counter, n_docs: int) -> list[Candidate]:
    """The ``k`` most central candidates (TF-IDF cosine to the centroid, times the prior), no repeats."""
    if k <= 0 or not cands:
        return []
    seen, uniq = set(), []
    for c in sorted(cands, key=lambda c: (c.pub, c.article_id, c.start)):
        key = " ".join(tokens(c.text))
        n = len(c.text.split())
        if key in seen or not key or n < MIN_TOKENS or n > MAX_TOKENS:
            continue
        seen.add(key)
        uniq.append(c)
    if not uniq:
        return []
    idf = lambda t: math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0  # noqa: E731
    vecs = []
    centroid: Counter = Counter()
    for c in uniq:
        tf = Counter(tokens(c.text))
        v = {t: (1 + math.log(n)) * idf(t) for t, n in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {t: x / norm for t, x in v.items()}
        vecs.append(v)
        for t, x in v.items():
            centroid[t] += x * c.weight
    cn = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    scored = []
    for c, v in zip(uniq, vecs):
        sim = sum(x * centroid.get(t, 0.0) for t, x in v.items()) / cn
        scored.append((sim * c.weight, c, set(v)))
    scored.sort(key=lambda x: (-x[0], x[1].pub, x[1].article_id, x[1].start))
    out, bags = [], []
    for _, c, bag in scored:
        if any(len(bag & b) / (len(bag | b) or 1) > REDUNDANCY for b in bags):
            continue
        out.append(c)
        bags.append(bag)
        if len(out) >= k:
            break
    return out
