"""Loading the time resources: tables (``tables/*.tsv``), pattern fragments (``patterns.tsv``) and rules
(``rules/*.rules``). The engine knows nothing about English; everything language-specific lives in
``tacitus/resources/<lang>/time/``.

Formats
-------
- ``tables/NAME.tsv``: ``key<TAB>value`` lines. ``%NAME`` in a pattern matches any key
  (case-insensitive, longest first); ``%^NAME`` matches only capitalized keys (case-sensitive).
  A group named ``NAME`` (or ``NAME2``…) is normalized through the table.
- ``patterns.tsv``: ``NAME<TAB>REGEX`` fragments, used as ``%NAME``; fragments may refer to others.
- ``rules/*.rules``: one rule per line::

      NAME  TYPE  PATTERN  =>  VALUE  [key=val ...]

  ``@NAME`` in PATTERN is short for ``(?P<NAME>%NAME)``; a space matches any run of whitespace.
  VALUE is a literal TIMEX3 value or an engine function call ``fn(arg,arg)`` whose arguments are
  literals or ``$group``. Options: ``mod=``, ``prio=`` (higher wins among equal spans),
  ``after=REGEX`` / ``notafter=REGEX`` (the text before the match must / must not end with it),
  ``before=REGEX`` / ``notbefore=REGEX`` (the text after the match must / must not start with it).
- Every file may carry example comments ``# ex: TEXT => TYPE VALUE [MOD] [dct=YYYY-MM-DD]``; in TEXT,
  ``[...]`` marks the expected span (default: the whole text). The test suite runs every example.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RES_ROOT = Path(__file__).resolve().parents[1] / "resources"


class ResourceError(ValueError):
    pass


@dataclass
class Rule:
    name: str
    type: str
    pattern: str  # the source pattern
    value: str
    opts: dict = field(default_factory=dict)
    source: str = ""  # file:line
    regex: re.Pattern | None = None
    prio: int = 0
    mod: str | None = None
    need: str | None = None  # a literal word every match contains (lowercase): cheap pre-check


@dataclass
class Example:
    text: str  # without brackets
    span: tuple[int, int]
    type: str
    value: str
    mod: str | None
    dct: str
    source: str


@dataclass
class Resources:
    lang: str
    tables: dict[str, dict[str, str]]
    fragments: dict[str, str]
    rules: list[Rule]
    examples: list[Example]


_EX_RE = re.compile(r"^#\s*ex:\s*(?P<text>.+?)\s*=>\s*(?P<type>DATE|TIME|DURATION|SET|NONE)"
                    r"(?:\s+(?P<value>\S+))?(?P<rest>.*)$")


def _parse_example(line: str, source: str) -> Example | None:
    m = _EX_RE.match(line.strip())
    if not m:
        return None
    raw = m["text"].strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    if "[" in raw and "]" in raw:
        i = raw.index("[")
        j = raw.index("]", i)
        text = raw[:i] + raw[i + 1:j] + raw[j + 1:]
        span = (i, j - 1)
    else:
        text, span = raw, (0, len(raw))
    mod, dct = None, "2019-01-03"
    for tok in (m["rest"] or "").split():
        if tok.startswith("dct="):
            dct = tok[4:]
        else:
            mod = tok
    return Example(text, span, m["type"], m["value"] or "", mod, dct, source)


def _alternation(keys, capital: bool = False) -> str:
    """A prefix-factored (trie) alternation of ``keys``: much faster in ``re`` than a flat one.
    Longer keys are tried before their prefixes, so the longest key wins."""
    trie: dict = {}
    for k in keys:
        if capital:
            k = k[:1].upper() + k[1:]
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    end = "" in node
    alts = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        alts.append(piece + _trie_regex(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


_REF_RE = re.compile(r"([%@])(\^?)([A-Za-z_]+?)(\d*)\b")


def _expand(pat: str, tables, fragments, depth: int = 0) -> str:
    if depth > 8:
        raise ResourceError(f"fragment recursion too deep in {pat!r}")

    def sub(m):
        sigil, cap, name, num = m.groups()
        if sigil == "%":
            name, num = name + num, ""
        if name in tables:
            body = _alternation(tables[name], capital=bool(cap))
            if cap:
                body = "(?-i:" + body + ")"
        elif name in fragments:
            body = "(?:" + _expand(fragments[name], tables, fragments, depth + 1) + ")"
        else:
            raise ResourceError(f"unknown pattern reference {sigil}{name}")
        if sigil == "@":
            return f"(?P<{name}{num}>{body})"
        return body

    return _REF_RE.sub(sub, pat)


def _space(pat: str) -> str:
    # a literal space in a pattern means "any whitespace" (outside character classes)
    out, in_class, esc = [], False, False
    for ch in pat:
        if esc:
            out.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
            out.append(ch)
            continue
        if ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        if ch == " " and not in_class:
            out.append(r"(?:\s+)")  # grouped, so that " ?" is an optional space ("5am", "5 am")
        else:
            out.append(ch)
    return "".join(out)


def required_word(pat: str) -> str | None:
    """The longest literal word that every match of the (source) pattern must contain, if any:
    letters outside any group, class or escape, not made optional by a quantifier."""
    depth, i, n = 0, 0, len(pat)
    words: list[str] = []
    in_class = False
    while i < n:
        ch = pat[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            i += 1
            continue
        if ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None  # top-level alternation: nothing is required
        elif ch in "%@$":
            i += 1
            while i < n and (pat[i].isalnum() or pat[i] in "^_"):
                i += 1
            continue
        elif ch.isalpha() and depth == 0:
            j = i
            while j < n and pat[j].isalpha():
                j += 1
            if j >= n or pat[j] not in "?*{":
                words.append(pat[i:j].lower())
            elif j - i > 1:
                words.append(pat[i:j - 1].lower())
            i = j
            continue
        i += 1
    words = [w for w in words if len(w) >= 3]
    return max(words, key=len) if words else None


def compile_pattern(pat: str, tables, fragments) -> re.Pattern:
    body = _expand(_space(pat), tables, fragments)
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


def _read_lines(path: Path):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        yield i, line


@lru_cache(maxsize=16)
def read_roles(path: Path) -> dict[str, dict[str, frozenset[str]]]:
    """A word list ``word<TAB>role[<TAB>flag,flag]`` (``dating.tsv``, ``tense_verbs.tsv``): role -> {word:
    flags}; a word may have several roles. Comment lines (``#``) and blank lines are skipped."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2:
            continue
        out.setdefault(cols[1], {})[cols[0].lower()] = frozenset(cols[2].split(",")) if len(cols) > 2 else frozenset()
    return out


def _read_table(path: Path, examples: list[Example], lower_keys: bool = False) -> dict[str, str]:
    """A two-column tab-separated table; its ``# ex:`` comment lines are appended to ``examples``."""
    table: dict[str, str] = {}
    for i, line in _read_lines(path):
        if line.startswith("#"):
            ex = _parse_example(line, f"{path.name}:{i}")
            if ex:
                examples.append(ex)
            continue
        if not line.strip():
            continue
        k, _, v = line.partition("\t")
        table[k.strip().lower() if lower_keys else k.strip()] = v.strip()
    return table


@lru_cache(maxsize=4)
def load(lang: str = "en") -> Resources:
    base = RES_ROOT / lang / "time"
    examples: list[Example] = []
    tables = {p.stem: _read_table(p, examples, lower_keys=True) for p in sorted((base / "tables").glob("*.tsv"))}
    fragments = _read_table(base / "patterns.tsv", examples)
    pt = base / "tense.tsv"  # the tense cues' examples are tagger examples too
    if pt.exists():
        _read_table(pt, examples)
    rules: list[Rule] = []
    for p in sorted((base / "rules").glob("*.rules")):
        for i, line in _read_lines(p):
            src = f"{p.name}:{i}"
            s = line.strip()
            if not s:
                continue
            if s.startswith("#"):
                ex = _parse_example(s, src)
                if ex:
                    examples.append(ex)
                continue
            left, sep, right = s.rpartition(" => ")
            if not sep:
                raise ResourceError(f"{src}: rule without ' => '")
            name, typ, pat = left.split(None, 2)
            rparts = right.split()
            value, opts = rparts[0], {}
            for o in rparts[1:]:
                k, _, v = o.partition("=")
                opts[k] = v
            if typ not in ("DATE", "TIME", "DURATION", "SET", "NONE"):
                raise ResourceError(f"{src}: bad type {typ}")
            r = Rule(name, typ, pat.strip(), value, opts, src, prio=int(opts.get("prio", 0)),
                     mod=opts.get("mod"), need=required_word(pat.strip()))
            try:
                r.regex = compile_pattern(r.pattern, tables, fragments)
                for key in ("after", "notafter"):
                    if key in opts:
                        opts[key] = re.compile("(?:" + _expand(_space(opts[key]), tables, fragments)
                                               + r")\s*$", re.IGNORECASE)
                for key in ("before", "notbefore"):
                    if key in opts:
                        opts[key] = re.compile(r"\s*(?:" + _expand(_space(opts[key]), tables, fragments)
                                               + ")", re.IGNORECASE)
            except re.error as exc:
                raise ResourceError(f"{src}: bad pattern: {exc}") from exc
            rules.append(r)
    return Resources(lang, tables, fragments, rules, examples)
