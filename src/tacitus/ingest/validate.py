"""Record validation: every record is either good or rejected with a clear reason."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..model import Record, Reject

MAX_TEXT_CHARS = 1_000_000
MIN_TEXT_CHARS = 2  # a headline-length snippet is a valid input ("Police fired tear gas.")

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FUNCTION_WORDS_FILE = Path(__file__).resolve().parents[1] / "resources" / "en" / "ingest" / "function_words.tsv"


def _load_function_words() -> dict[str, frozenset[str]]:
    """Function words per language (data file): English, and other common Latin-script languages that
    a text is compared with. Short headline-like English full of names scores low on all of them."""
    out = {}
    for line in FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, _, words = line.partition("\t")
            out[lang.strip()] = frozenset(words.split())
    return out


_FUNCTION_WORDS = _load_function_words()
_EN_WORDS = _FUNCTION_WORDS["en"]
_OTHER_WORDS = {k: v for k, v in _FUNCTION_WORDS.items() if k != "en"}


def parse_date(value) -> date | None:
    """ISO date (YYYY-MM-DD, or a full ISO timestamp) -> date; anything else -> None. Never guesses."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$", s)
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if not (1000 <= d.year <= 2999):
        return None
    return d


def english_score(text: str, sample: int = 5000) -> float:
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0
    return sum(w in _EN_WORDS for w in words) / len(words)


def language_problem(text: str, sample: int = 5000) -> str | None:
    """A reason if the text is clearly not English, else None (short or name-heavy English passes)."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 40:
        return None
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    if latin / len(letters) < 0.5:
        return f"not English (mostly non-Latin script: {100 - 100 * latin // len(letters)}% of letters)"
    words = _WORD.findall(head.lower())
    if len(words) < 8:
        return None
    en = sum(w in _EN_WORDS for w in words) / len(words)
    lang, other = max(((k, sum(w in v for w in words) / len(words)) for k, v in _OTHER_WORDS.items()),
                      key=lambda kv: kv[1])
    if other >= 0.12 and other > 2 * en:
        return (f"not English (looks like '{lang}': function-word ratio {other:.2f} vs English {en:.2f}); "
                "only English is supported")
    return None


def validate(rec: Record) -> Reject | None:
    def rej(reason: str) -> Reject:
        return Reject(origin=rec.origin, id=rec.id, reason=reason, snippet=(rec.text or "")[:120]
                      if isinstance(rec.text, str) else "")

    if rec.error:
        return rej(rec.error)
    if rec.date is None:
        return rej("missing or invalid publication date (give one in the record or with --date YYYY-MM-DD)")
    if rec.text is None or not isinstance(rec.text, str):
        return rej("missing text")
    text = rec.text
    if not text.strip():
        return rej("empty text")
    if "\x00" in text:
        return rej("binary content (NUL bytes) in text")
    ctrl = sum(1 for c in text[:10000] if ord(c) < 32 and c not in "\n\r\t\f")
    if ctrl > 10:
        return rej(f"binary content ({ctrl} control characters in the first 10,000)")
    if len(text) > MAX_TEXT_CHARS:
        return rej(f"text too long: {len(text):,} characters (limit {MAX_TEXT_CHARS:,}); split the article")
    if len(text.strip()) < MIN_TEXT_CHARS:
        return rej(f"text too short: {len(text.strip())} characters (minimum {MIN_TEXT_CHARS})")
    problem = language_problem(text)
    if problem:
        return rej(problem)
    return None
