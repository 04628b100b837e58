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

CSV, the same dictionary (one row per role; a row without dates sets what YAML gives outside ``roles``)::

    name,aliases,kind,country,sectors,outside,from,to
    Moon Jae-in,Moon|President Moon,person,KOR,GOV,,,
    Moon Jae-in,,,KOR,GOV,,2017-05-10,2022-05-09
    Moon Jae-in,,,KOR,OPP,,,2017-05-09

Both formats are read into the same :class:`Entry` objects by one set of field parsers, so they code
alike; a bad row or entry raises :class:`DictionaryError` with the file, line (or entry) and reason.

Files are loaded with :func:`load_user_dictionary` or listed in ``$TACITUS_ACTOR_DICT`` (os.pathsep
separated). See docs/actors.md.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from datetime import date as Date, datetime
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


KINDS = ("person", "organization", "group", "igo", "country")
# CSV columns (and YAML keys of an entry); ``from``/``to`` are the dates of a CSV row's role
CSV_COLUMNS = ("name", "aliases", "kind", "country", "sectors", "outside", "from", "to")


class DictionaryError(ValueError):
    """A bad user dictionary: the message names the file, the line (CSV) or entry (YAML), and why."""


def _date(v, what: str = "date") -> Date | None:
    if v in (None, ""):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, Date):
        return v
    try:
        return Date.fromisoformat(str(v).strip())
    except ValueError:
        raise ValueError(f"{what} must be an ISO date YYYY-MM-DD, got {str(v).strip()!r}") from None


def _split(v, seps: str) -> list[str]:
    """A cell or YAML value as a list: a YAML list as it is; a string split on the ``seps`` characters."""
    if v is None or v == "":
        return []
    if isinstance(v, (list, tuple)):
        return [str(x).strip() for x in v if x is not None and str(x).strip()]
    s = str(v)
    for sep in seps[1:]:
        s = s.replace(sep, seps[0])
    return [x.strip() for x in s.split(seps[0]) if x.strip()]


def _aliases(v) -> list[str]:
    """Aliases: a list, or a string separated by ``|`` (a comma belongs to a name: "Bush, George W.")."""
    return list(dict.fromkeys(_split(v, "|")))


def _codes(v, what: str) -> list[str]:
    """Sector codes: a list, or a string separated by ``|``, ``,`` or spaces; upper case, 3 letters."""
    out = [x.upper() for x in _split(v, "|, ")]
    bad = [x for x in out if not (len(x) == 3 and x.isascii() and x.isalpha())]
    if bad:
        raise ValueError(f"{what} must be 3-letter codes (GOV, MIL, …), got {', '.join(map(repr, bad))}")
    return list(dict.fromkeys(out))


def _country(v) -> str | None:
    if v is None or str(v).strip() == "":
        return None
    c = str(v).strip().upper()
    if not (len(c) == 3 and c.isascii() and c.isalpha()):
        raise ValueError(f"country must be an ISO 3166-1 alpha-3 or IGO code (KOR, UNO), got {str(v).strip()!r}")
    return c


def _kind(v) -> str | None:
    if v is None or str(v).strip() == "":
        return None
    k = str(v).strip().lower()
    if k not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {str(v).strip()!r}")
    return k


def _role(country, sectors, start, end) -> Role:
    r = Role(_country(country), _codes(sectors, "sectors"), _date(start, "from"), _date(end, "to"))
    if r.start and r.end and r.start > r.end:
        raise ValueError(f"from {r.start} is after to {r.end}")
    return r


def _set_defaults(e: Entry, given: dict, fixed: set[str], where: str) -> None:
    """Give an entry its undated values (country, sectors, outside, kind), refusing a second different
    value for one of them (``fixed``: the fields already set explicitly)."""
    for k, v in given.items():
        if v is None or (k == "sectors" and not v):
            continue
        if k in fixed and getattr(e, k) != v:
            raise ValueError(f"{k} {v!r} contradicts {getattr(e, k)!r} given {where} for {e.name!r}")
        setattr(e, k, v)
        fixed.add(k)


class UserDictionary:
    """Entries by name and alias. YAML and CSV files are read into the same :class:`Entry` objects (one
    code path for every field), so the same dictionary written in either format codes the same way."""

    def __init__(self):
        self.entries: list[Entry] = []
        self.index: dict[str, list[Entry]] = {}

    def add(self, e: Entry) -> None:
        self.entries.append(e)
        for n in dict.fromkeys([e.name, *e.aliases]):
            self.index.setdefault(n.casefold(), []).append(e)

    def load(self, path: str | Path, builtin: bool = False) -> "UserDictionary":
        """Add the entries of a ``.yaml``/``.yml`` or ``.csv``/``.tsv`` file. A bad file raises
        :class:`DictionaryError` naming the file, the line (CSV) or entry (YAML) and the reason; nothing
        of that file is added then."""
        p = Path(path)
        suf = p.suffix.lower()
        if suf in (".yaml", ".yml"):
            entries = _read_yaml(p, builtin)
        elif suf in (".csv", ".tsv"):
            entries = _read_csv(p, builtin, "\t" if suf == ".tsv" else ",")
        else:
            raise DictionaryError(f"{p}: unsupported dictionary format {p.suffix!r} (use .yaml, .yml, .csv or .tsv)")
        for e in entries:
            self.add(e)
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


def _read_yaml(p: Path, builtin: bool) -> list[Entry]:
    """``actors:`` (or a top-level list) of entries: name, aliases, kind, country, sectors, outside,
    roles (each: country, sectors, from, to). A role without dates is the entry's undated coding (what a
    CSV row without dates sets)."""
    import yaml
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{p}: not valid YAML: {exc}") from None
    data = data or {}
    items = data if isinstance(data, list) else data.get("actors") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DictionaryError(f"{p}: expected a list of entries under 'actors:'")
    out = []
    for i, d in enumerate(items, 1):
        where = f"{p}: entry {i}"
        try:
            if not isinstance(d, dict):
                raise ValueError("an entry must be a mapping with at least a name")
            name = str(d.get("name") or "").strip()
            where += f" ({name})" if name else ""
            if not name:
                raise ValueError("no name")
            e = Entry(name=name, aliases=[a for a in _aliases(d.get("aliases")) if a != name], builtin=builtin)
            fixed: set[str] = set()
            _set_defaults(e, {"kind": _kind(d.get("kind")), "country": _country(d.get("country")),
                              "sectors": _codes(d.get("sectors"), "sectors"),
                              "outside": _codes(d["outside"], "outside") if d.get("outside") is not None else None},
                          fixed, "in the entry")
            roles = d.get("roles") or []
            if not isinstance(roles, list):
                raise ValueError("roles must be a list")
            undated = []
            for j, r in enumerate(roles, 1):
                if not isinstance(r, dict):
                    raise ValueError(f"role {j} must be a mapping (country, sectors, from, to)")
                try:
                    role = _role(r.get("country"), r.get("sectors"), r.get("from"), r.get("to"))
                except ValueError as exc:
                    raise ValueError(f"role {j}: {exc}") from None
                if role.start or role.end:
                    e.roles.append(role)
                else:
                    undated.append(role)
            for role in undated:  # an undated role is the entry's undated coding (it wins over the entry's)
                if role.country:
                    e.country = role.country
                if role.sectors:
                    e.sectors = role.sectors
        except ValueError as exc:
            raise DictionaryError(f"{where}: {exc}") from None
        out.append(e)
    return out


def _read_csv(p: Path, builtin: bool, delim: str) -> list[Entry]:
    """One row per role (``from``/``to``) or, without dates, the entry's undated coding; rows with the
    same name are one entry. Columns (any order and case): name, aliases, kind, country, sectors,
    outside, from, to; ``aliases`` are ``|``-separated, ``sectors``/``outside`` ``|``- or comma-separated."""
    by_name: dict[str, tuple[Entry, set[str]]] = {}
    with open(p, encoding="utf-8-sig", newline="") as f:  # utf-8-sig: a spreadsheet's byte-order mark
        reader = csv.reader(f, delimiter=delim)
        header = next(reader, None)
        if header is None:
            return []
        cols = [h.strip().lower() for h in header]
        if "name" not in cols:
            raise DictionaryError(f"{p}:{reader.line_num}: no 'name' column in the header {header!r} "
                                  f"(columns: {', '.join(CSV_COLUMNS)})")
        dup = sorted({c for c in cols if c and cols.count(c) > 1})
        if dup:
            raise DictionaryError(f"{p}:{reader.line_num}: column {dup[0]!r} appears twice in the header")
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            try:
                if len(cells) > len(cols):
                    raise ValueError(f"{len(cells)} cells but {len(cols)} columns (quote a value that holds "
                                     f"a {'comma' if delim == ',' else 'tab'})")
                row = {c: (cells[i] if i < len(cells) else "") for i, c in enumerate(cols)}
                name = row["name"].strip()
                if not name:
                    raise ValueError("no name")
                role = _role(row.get("country"), row.get("sectors"), row.get("from"), row.get("to"))
                outside = _codes(row["outside"], "outside") if row.get("outside", "").strip() else None
                kind = _kind(row.get("kind"))
                e, fixed = by_name.get(name) or (Entry(name=name, builtin=builtin), set())
                by_name.setdefault(name, (e, fixed))
                e.aliases += [a for a in _aliases(row.get("aliases")) if a != name and a not in e.aliases]
                _set_defaults(e, {"kind": kind, "outside": outside}, fixed, "on an earlier row")
                if role.start or role.end:
                    e.roles.append(role)
                else:
                    _set_defaults(e, {"country": role.country, "sectors": role.sectors}, fixed,
                                  "on an earlier row without dates")
            except ValueError as exc:
                raise DictionaryError(f"{p}:{line}: {exc}") from None
    return [e for e, _ in by_name.values()]
