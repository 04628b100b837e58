"""Record validation: every record is either good or rejected with a clear reason."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..model import Record, Reject

MAX_TEXT_CHARS = 1_000_000
MIN_TEXT_CHARS = 20

# Very common English function words; a long text with almost none of them is not English.
_EN_WORDS = frozenset("""the of and to a in is was that for on with as by at from it he she they said his her
their has have had be been were are not but an this which or will would who its after over than
about into more also new when one two there we you i our""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


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
    letters = _WORD.findall(text[:5000])
    if len(letters) >= 8 and english_score(text) < 0.08:
        return rej(f"not English (English function-word ratio {english_score(text):.2f}); "
                   "only English is supported")
    return None
