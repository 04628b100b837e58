"""The one meaning of an actor filter (``tacitus events --actor X``, ``db.events(actor=X)``, the web's
``actor=X``, ``tacitus timeline --actor X``, the map). Parameterized SQL only.

A user's string is matched against the actor registry (``actors`` + ``actor_aliases``), case-insensitively
(SQLite ``NOCASE``/``LIKE``: ASCII letters), by the first rule that finds something:

1. **exact**: the string equals an actor's id (``person:jo-song-gil``), name (``Jo Song-gil``), one of its
   aliases (``Jo``, ``the regime``) or one of its codes — the composite code (``PRKGOV``, ``IGOUNO``,
   ``---GOV``), or, for a three-letter string, its country (``PRK``: every North Korean actor) or one of its
   sectors (``GOV``: every government actor) → every such actor;
2. **substring**: the string is part of an actor's name (``Song-gil``, ``Korea``) → those actors, the
   ``ACTOR_MATCH_CAP`` most mentioned ones (the match says when there were more);
3. **text**: no actor in the registry matches → events whose raw role text (or role name) contains the
   string ("the West", an uncoded role, a phrase of a mention that is no alias).

An event matches when its source or its target is one of the matched actors (rule 3: when either role's
text contains the string). Unlike ``--country``, an actor filter never looks at the event's location.

:func:`match_actor` resolves a string once; :meth:`ActorMatch.where` turns it into the SQL condition on
the events table (index-friendly: ``source_actor_id IN (...) OR target_actor_id IN (...)``, one index
lookup per id and role).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

# Substring matches keep the most mentioned actors, at most this many (an exact match is never capped).
ACTOR_MATCH_CAP = 50
# Up to this many ids are inlined as placeholders; more go in one JSON parameter (json_each), which keeps
# huge code matches under SQLite's parameter limit with the same plan (an index lookup per id).
_INLINE_IDS = 100


def like_pattern(text: str) -> tuple[str, str]:
    """(``%text%``, ``ESCAPE`` clause) for a literal substring test ``col LIKE ?<clause>``: the user's
    ``%``, ``_`` and ``\\`` are plain characters (the clause is empty when there are none: cheaper)."""
    if not any(ch in text for ch in "%_\\"):
        return f"%{text}%", ""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%", " ESCAPE '\\'"


@dataclass(frozen=True)
class ActorMatch:
    """How a user's actor string resolved: ``how`` is ``exact``, ``substring`` or ``text`` (no registry
    actor: raw role text); ``ids`` the matched actor ids (empty for ``text``); ``more`` is true when a
    substring matched more than ``ACTOR_MATCH_CAP`` actors (only the most mentioned are kept)."""
    query: str
    how: str
    ids: tuple[str, ...] = ()
    more: bool = False

    @property
    def note(self) -> str | None:
        """A sentence for the user when the match is not plain (capped, or raw text), else None."""
        if self.how == "text":
            return f"No coded actor matches “{self.query}”; matching the raw text of event roles instead."
        if self.more:
            return (f"“{self.query}” is part of more than {ACTOR_MATCH_CAP:,} actor names: matching the "
                    f"{ACTOR_MATCH_CAP:,} most mentioned; give an exact name, alias, id or code to narrow it.")
        return None

    def ids_sql(self, column: str) -> tuple[str, list]:
        """``column IN (<matched ids>)`` and its parameters (never matches for a ``text`` match)."""
        if len(self.ids) <= _INLINE_IDS:
            return f"{column} IN ({','.join('?' * len(self.ids))})", list(self.ids)
        return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(self.ids))]

    def where(self, alias: str = "e", roles: tuple[str, ...] = ("source", "target"),
              prefix: str = "") -> tuple[str, list]:
        """The SQL condition on the events table (aliased ``alias``) for the given roles, and its
        parameters. ``prefix`` goes before every column: ``"+"`` keeps SQLite from using an index for
        it (the web's planner uses ``"{p}"`` and decides later)."""
        parts, args = [], []
        for role in roles:
            if self.how == "text":
                like, esc = like_pattern(self.query)
                parts.append(f"{prefix}{alias}.{role}_text LIKE ?{esc} OR {prefix}{alias}.{role}_name LIKE ?{esc}")
                args += [like, like]
            else:
                sql, a = self.ids_sql(f"{prefix}{alias}.{role}_actor_id")
                parts.append(sql)
                args += a
        return "(" + " OR ".join(parts) + ")", args


def match_actor(conn: sqlite3.Connection, text: str, cap: int = ACTOR_MATCH_CAP) -> ActorMatch:
    """Resolve a user's actor string against the registry (rules in the module docstring). Index
    lookups for ids, names and aliases; the actors table is scanned only for a string shaped like a code
    (3 or 6 letters/dashes), an id in another case, or a substring (it is small next to events)."""
    q = (text or "").strip()
    one = lambda sql, *a: {r[0] for r in conn.execute(sql, a)}  # noqa: E731
    exact = one("SELECT id FROM actors WHERE id = ?", q)
    exact |= one("SELECT actor_id FROM actor_aliases WHERE alias = ?", q)  # the column is NOCASE
    exact |= one("SELECT id FROM actors WHERE name = ? COLLATE NOCASE", q)  # index actors_name (NOCASE)
    if ":" in q and not exact:  # an id typed in another case ("COUNTRY:prk")
        exact |= one("SELECT id FROM actors WHERE id = ? COLLATE NOCASE", q)
    up = q.upper()
    if len(q) in (3, 6) and q.isascii() and all(ch.isalpha() or ch == "-" for ch in q):
        # codes are stored upper case: the composite code; a 3-letter string is also a country (an index
        # lookup) or a sector of the space-separated list
        exact |= one("SELECT id FROM actors WHERE code = ?", up)
        if len(q) == 3 and up.isalpha():
            exact |= one("SELECT id FROM actors WHERE country = ?", up)
            exact |= one("SELECT id FROM actors WHERE instr(' ' || sectors || ' ', ?) > 0", f" {up} ")
    if exact:
        return ActorMatch(q, "exact", tuple(sorted(exact)))
    like, esc = like_pattern(q)
    sub = [r[0] for r in conn.execute(
        f"SELECT id FROM actors WHERE name LIKE ?{esc} ORDER BY n_mentions DESC, id LIMIT ?", (like, cap + 1))]
    if sub:
        return ActorMatch(q, "substring", tuple(sorted(sub[:cap])), more=len(sub) > cap)
    return ActorMatch(q, "text")

