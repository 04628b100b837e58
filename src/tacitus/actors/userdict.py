"""User dictionaries: actors and aliases from YAML or CSV files, with date-bounded roles.

YAML::

    actors:
      - name: Moon Jae-in
        aliases: [Moon, President Moon]
        country: KOR
        sectors: [GOV]
        roles:                      # optional; the role whose dates hold the event date wins
          - {country: KOR, sectors: [GOV], from: 2017-05-10, to: 2022-05-09}
          - {country: KOR, sectors: [OPP], to: 2017-05-09}

CSV (one row per role; repeat the name for more roles)::

    name,aliases,country,sectors,from,to
    Moon Jae-in,Moon|President Moon,KOR,GOV,2017-05-10,2022-05-09

Files are loaded with :func:`load_user_dictionary` or listed in ``$TACITUS_ACTOR_DICT`` (os.pathsep
separated). See docs/actors.md.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from ..model import Actor
from .registry import actor_id


@dataclass
class Role:
    country: str | None
    sectors: list[str]
    start: Date | None = None
    end: Date | None = None

    def holds(self, d: Date | None) -> bool:
        if d is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= d) and (self.end is None or d <= self.end)


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    kind: str = "person"
    roles: list[Role] = field(default_factory=list)
    outside: list[str] | None = None  # sectors when a date is given and no dated role holds
    builtin: bool = False

    def holds(self, d: Date | None) -> bool:
        return d is not None and any((r.start or r.end) and r.holds(d) for r in self.roles)

    def last_end_before(self, d: Date | None) -> Date:
        ends = [r.end or r.start for r in self.roles if (r.end or r.start) and d is not None and (r.end or r.start) <= d]
        return max(ends) if ends else Date.min

    def actor(self, d: Date | None) -> Actor:
        country, sectors = self.country, self.sectors
        timed = [r for r in self.roles if r.start or r.end]
        hit = next((r for r in timed if r.holds(d)), None) if d is not None else None
        if hit is not None:
            country, sectors = hit.country or country, hit.sectors or sectors
        elif self.roles and not timed:
            country, sectors = self.roles[0].country or country, self.roles[0].sectors or sectors
        elif timed and d is not None:
            if self.outside is not None:
                sectors = list(self.outside)
            else:
                sectors = [s for s in sectors if s not in {x for r in timed for x in r.sectors}] or []
        a = Actor(name=self.name, country=country, sectors=list(sectors), kind=self.kind)
        # the id of the entry itself, whatever role holds at the date (a person's is person:<slug>)
        a.id = actor_id(Actor(name=self.name, country=self.country, sectors=list(self.sectors), kind=self.kind))
        return a


def _date(v) -> Date | None:
    if v in (None, ""):
        return None
    if isinstance(v, Date):
        return v
    return Date.fromisoformat(str(v).strip())


def _list(v) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [x.strip() for x in v.replace(",", "|").split("|") if x.strip()]
    return [str(x) for x in v]


class UserDictionary:
    def __init__(self):
        self.entries: list[Entry] = []
        self.index: dict[str, list[Entry]] = {}

    def add(self, e: Entry) -> None:
        self.entries.append(e)
        for n in dict.fromkeys([e.name, *e.aliases]):
            self.index.setdefault(n.casefold(), []).append(e)

    def load(self, path: str | Path, builtin: bool = False) -> "UserDictionary":
        p = Path(path)
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            for d in data.get("actors", data if isinstance(data, list) else []):
                roles = [Role(r.get("country"), _list(r.get("sectors")), _date(r.get("from")), _date(r.get("to")))
                         for r in d.get("roles") or []]
                self.add(Entry(name=d["name"], aliases=_list(d.get("aliases")), country=d.get("country"),
                               sectors=_list(d.get("sectors")), kind=d.get("kind", "person"), roles=roles,
                               outside=_list(d["outside"]) if "outside" in d else None, builtin=builtin))
        elif p.suffix.lower() in (".csv", ".tsv"):
            delim = "\t" if p.suffix.lower() == ".tsv" else ","
            with open(p, encoding="utf-8", newline="") as f:
                by_name: dict[str, Entry] = {}
                for row in csv.DictReader(f, delimiter=delim):
                    name = (row.get("name") or "").strip()
                    if not name:
                        continue
                    e = by_name.get(name)
                    if e is None:
                        e = by_name[name] = Entry(name=name, kind=(row.get("kind") or "person").strip())
                    e.aliases += [a for a in _list(row.get("aliases")) if a not in e.aliases]
                    r = Role((row.get("country") or "").strip() or None, _list(row.get("sectors")),
                             _date(row.get("from")), _date(row.get("to")))
                    if r.start or r.end:
                        e.roles.append(r)
                    else:
                        e.country, e.sectors = r.country or e.country, r.sectors or e.sectors
                for e in by_name.values():
                    self.add(e)
        else:
            raise ValueError(f"unsupported dictionary format: {p.suffix} (use .yaml, .yml, .csv or .tsv)")
        return self

    def lookup(self, name: str, d=None) -> Actor | None:
        """The actor for a name or alias at date ``d``: user entries before built-in ones; among entries
        sharing an alias ("Bush"), the one in office on that date, else the latest one before it."""
        es = self.index.get(name.strip().casefold())
        if not es:
            return None
        if isinstance(d, str):
            d = _date(d)
        user = [e for e in es if not e.builtin]
        es = user or es
        e = next((x for x in es if x.holds(d)), None)
        if e is None:
            e = max(es, key=lambda x: x.last_end_before(d)) if d is not None else es[-1]
        return e.actor(d)


_UD: UserDictionary | None = None


BUILTIN = Path(__file__).resolve().parents[1] / "resources" / "en" / "actors" / "leaders.yaml"


def user_dictionary() -> UserDictionary:
    global _UD
    if _UD is None:
        _UD = UserDictionary()
        if os.environ.get("TACITUS_NO_BUILTIN_LEADERS") != "1":
            _UD.load(BUILTIN, builtin=True)
        for p in (os.environ.get("TACITUS_ACTOR_DICT") or "").split(os.pathsep):
            if p.strip():
                _UD.load(p.strip())
    return _UD


def load_user_dictionary(path: str | Path) -> UserDictionary:
    """Add a user dictionary file to the process-wide dictionary used by the resolver."""
    return user_dictionary().load(path)


def reset_user_dictionary() -> None:
    global _UD
    _UD = None
