"""Cross-article actor registry: canonical actors with aliases and stable ids.

Ids are deterministic, so the same actor gets the same id in every article and every run:
``person:jo-song-gil``, ``org:kor:joongang-ilbo``, ``country:PRK``, ``igo:UNO``, ``group:ITAGOV``. A registry
file (JSON) adds aliases that map other names to a canonical id (``Jo`` -> ``person:jo-song-gil``); user
dictionaries seed it.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from ..model import Actor


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower().replace("’", "'")
    s = re.sub(r"^(the|a|an)\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def actor_id(a: Actor) -> str:
    kind = a.kind or "group"
    if kind == "igo" and a.country:
        return f"igo:{a.country}"
    if kind == "country" and a.country and not a.sectors:
        return f"country:{a.country}"
    if kind == "person":
        return f"person:{slug(a.name)}"
    if kind == "organization":  # generic names ("Foreign Ministry") are told apart by their country
        return f"org:{a.country.lower()}:{slug(a.name)}" if a.country else f"org:{slug(a.name)}"
    if a.code and not a.country:
        # a role noun with no name and no country is no shared actor: "a diplomatic source", "a delegation"
        # and "the chief financial officer" must not all become one "group:---GOV"; the head noun keeps
        # them apart (and "---" still marks the id as a bare sector, not an identity)
        # ex: "A delegation arrived" -> group:---GOV:delegation; "a diplomatic source said" -> group:---GOV:source
        head = head_noun(a.name)
        return f"group:{a.code}:{head}" if head else f"group:{a.code}"
    return f"group:{a.code or slug(a.name)}"


# words after which a noun phrase's head is over ("officials of the ministry", "a source close to ...")
_HEAD_STOPS = {"of", "from", "in", "at", "for", "with", "who", "that", "which", "to", "on", "close", "near", "and",
               "or", "said", "says"}


def head_noun(name: str) -> str:
    """The (singular) head noun of a common-noun phrase: "A leading international credit-rating agency" ->
    "agency", "officials of the ministry" -> "official"."""
    out = []
    for w in (w for w in slug(name).split("-") if w):
        if w in _HEAD_STOPS and out:
            break
        out.append(w)
    if not out:
        return ""
    w = out[-1]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


class ActorRegistry:
    """Canonical actors keyed by id, with an alias index (case-insensitive)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else None
        self.actors: dict[str, dict] = {}
        self.aliases: dict[str, str] = {}
        if self.path and self.path.exists():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.actors = data.get("actors", {})
            self.aliases = data.get("aliases", {})

    def add(self, actor: Actor, aliases: list[str] = ()) -> str:
        """Register an actor (and aliases); returns its canonical id."""
        canon = self.lookup(actor.name)
        aid = canon or actor.id or actor_id(actor)
        rec = self.actors.setdefault(aid, {"name": actor.name, "country": actor.country,
                                           "sectors": list(actor.sectors), "kind": actor.kind, "aliases": []})
        for al in [actor.name, *aliases]:
            key = al.casefold()
            if key not in self.aliases:
                self.aliases[key] = aid
            if al != rec["name"] and al not in rec["aliases"]:
                rec["aliases"].append(al)
        return aid

    def lookup(self, name: str) -> str | None:
        return self.aliases.get(name.casefold())

    def canonical(self, actor: Actor) -> Actor:
        """The registry's actor for this one (same id and canonical name), or the actor itself."""
        aid = self.lookup(actor.name) or actor.id
        rec = self.actors.get(aid)
        if rec is None:
            return actor
        return Actor(name=rec["name"], country=actor.country or rec["country"],
                     sectors=actor.sectors or rec["sectors"], kind=rec["kind"], id=aid)

    def add_article(self, entities) -> None:
        """Register every coded actor of an article; short names that corefer become aliases."""
        for e in entities:
            if e.actor is None:
                continue
            aid = self.add(e.actor)
            if e.text != e.actor.name and e.label in ("PERSON", "ORG"):
                key = e.text.casefold()
                self.aliases.setdefault(key, aid)

    def save(self, path: str | Path | None = None) -> None:
        p = Path(path or self.path)
        p.write_text(json.dumps({"actors": self.actors, "aliases": self.aliases}, ensure_ascii=False, indent=1),
                     encoding="utf-8")
