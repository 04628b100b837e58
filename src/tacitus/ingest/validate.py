"""Record validation: every record is either good or rejected with a clear reason."""
from __future__ import annotations

import re
from datetime import date, datetime

from ..model import Record, Reject

MAX_TEXT_CHARS = 1_000_000
MIN_TEXT_CHARS = 2  # a headline-length snippet is a valid input ("Police fired tear gas.")

# Very common English function words; a long text with almost none of them is not English.
_EN_WORDS = frozenset("""the of and to a in is was that for on with as by at from it he she they said his her
their has have had be been were are not but an this which or will would who its after over than
about into more also new when one two there we you i our""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Function words of other common Latin-script languages: a text is non-English when one of these
# outscores English clearly. (Short headline-like English full of names scores low on all of them.)
_OTHER_WORDS = {
    "de": frozenset("der die das und ist nicht mit den dem des ein eine einer auf für von sich auch als wurde "
                    "hat sind zu im bei nach wie aus".split()),
    "fr": frozenset("le la les et est une des du dans pour que qui sur pas par avec sont au aux cette ont "
                    "été il elle mais".split()),
    "es": frozenset("el la los las y es una del en que por con para se su sus al como más pero fue han "
                    "este esta".split()),
    "it": frozenset("il la le gli e è una del della che per con non sono di nel alla dei delle questo ha "
                    "anche".split()),
    "pt": frozenset("o a os as e é um uma do da dos das em que por com para não se foi são ao mais "
                    "pelo pela".split()),
    "nl": frozenset("de het een en is van dat niet met op voor zijn aan ook als bij door er naar maar "
                    "werd".split()),
}


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
