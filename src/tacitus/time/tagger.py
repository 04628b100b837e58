"""The TIMEX3 engine: match the rules of ``resources/<lang>/time``, keep the longest non-overlapping
matches, normalize each against the publication date (DCT), the reference time and the clause tense.

``tag(text, dct, doc=None)`` -> list of :class:`tacitus.model.Timex`, sorted by start.

Value functions (the ``VALUE`` column of a rule) are the methods ``f_<name>`` of :class:`_Norm`;
they receive the rule's arguments with ``$group`` replaced by the normalized group text.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import replace
from datetime import date

from ..model import Timex
from . import values as V
from .resources import Resources, compile_pattern, load
from .tense import adjacent_past, doc_perfect, doc_tense, text_tense

UNIT_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
             "CE": "century", "H": "time", "MIN": "time", "S": "time", "WE": "week", "SU": "season",
             "H1": "half"}
NEAR_DAYS = 90
NEAR_MONTHS = 3
PERIOD_FOCUS_CHARS = 3000  # a reporting period (quarter, half) stays in focus this far, until a span of time
WD_NEAREST = 1  # with no tense, a weekday at most this many days ahead is taken as the coming one
GRAN_ORDER = {g: i for i, g in enumerate(V.GRANS)}
_CLOCK_HOURS = {"H": 1, "MIN": 1 / 60, "S": 1 / 3600}


def _clock_days(k: float, unit: str, sign) -> int:
    """Whole days in ``k`` hours/minutes/seconds, signed ("3 hrs ago" -> 0, "36 hours later" -> 1)."""
    return int(k * _CLOCK_HOURS[unit] // 24) * int(sign)


_CALL_RE = re.compile(r"^(\w+)\((.*)\)$")
# a clock time and its day are one expression when nothing but a comma stands between them ("10 p.m.
# Wednesday", "Nov. 9, 9 p.m."); across "on" / "at" they are two, as TimeML leaves prepositions out
# ("2200 GMT on Tuesday": the time takes the day's date all the same)
_MERGE_GAP = re.compile(r"^\s*(?:,\s*)?$", re.IGNORECASE)


class Skip(Exception):
    """Raised by a value function when the match is not a temporal expression after all."""


def parse_number(s: str, table: dict[str, str]) -> str:
    """'twenty-four' -> '24', '1,000' -> '1000', 'several' -> 'X', 'half a' -> '0.5'."""
    s = (s or "").strip().lower()
    if not s:
        return "1"
    m = re.fullmatch(r"(\d+)\s+(?:1/2|and a half)", s)
    if m:
        return m.group(1) + ".5"
    m = re.fullmatch(r"(.+?)\s+and a half", s)
    if m:  # "two and a half"
        v = parse_number(m.group(1), table)
        return v if v == "X" else str(float(v) + 0.5)
    d = s.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", d):
        return d.lstrip("0") or "0" if "." not in d else d
    if s in table:
        return table[s]
    total, cur, unknown = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", s):
        v = table.get(w)
        if v is None:
            if w in ("and",):
                continue
            if re.fullmatch(r"\d+", w):
                cur += int(w)
                continue
            return "X"
        if v == "X":
            unknown = True
            continue
        f = float(v)
        if f == 100 and cur:
            cur *= 100
        elif f == 1000 and cur:
            total += cur * 1000
            cur = 0
        else:
            cur += f
    total += cur
    if total == 0:
        return "X" if unknown else "1"
    return str(int(total)) if total == int(total) else str(total)


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


class _Norm:
    """Evaluation context of one document: DCT, reference time and tense lookup."""

    def __init__(self, res: Resources, text: str, dct: date, doc=None):
        self.res, self.text, self._dct, self.doc = res, text, dct, doc
        self.ref: V.Point | None = None  # last mentioned calendar point
        self.span = (0, 0)
        self._tense = None
        self.used_dct = False
        self.seen: dict = {}  # month-day already resolved in this text -> (point, anchored on the DCT)

    @property
    def dct(self) -> date:
        """The publication date; reading it marks the current value as DCT-anchored."""
        self.used_dct = True
        return self._dct

    # -- helpers --------------------------------------------------------------------------
    _tense_src = "text"

    def tense(self) -> str | None:
        if self._tense is None:
            t = doc_tense(self.doc, self.span[0], self.span[1]) if self.doc is not None else None
            self._tense_src = "doc" if t else "text"
            self._tense = t or text_tense(self.text, self.span[0], self.span[1], self.res.lang) or ""
        return self._tense or None

    def dctp(self, gran: str) -> V.Point:
        return V.at(self.dct, gran)

    def refp(self) -> V.Point:
        return self.ref if self.ref is not None else V.Point.of_day(self.dct)

    def direction(self, d: str) -> int | None:
        """'-1'/'0'/'1' explicit, 't' = by tense (None when unknown)."""
        if d in ("-1", "0", "1"):
            return int(d)
        t = self.tense()
        return -1 if t == "past" else 1 if t == "future" else None

    def pick(self, cands: list[V.Point], d: str) -> V.Point:
        """Choose among candidate points around the DCT: the latest that has started (past), the first
        not yet over (future), else the closest."""
        dirn = self.direction(d)
        if dirn == -1:
            ok = [c for c in cands if c.interval()[0] <= self.dct]
            if ok:
                return max(ok, key=lambda c: c.interval()[0])
        elif dirn == 1:
            ok = [c for c in cands if c.interval()[1] >= self.dct]
            if ok:
                return min(ok, key=lambda c: c.interval()[0])

        if dirn is None:
            for c in cands:  # the one we are in ("the winter", said in January)
                a, b = c.interval()
                if a <= self.dct <= b:
                    return c

        def dist(c):
            a, b = c.interval()
            if a <= self.dct <= b:
                return 0
            return min(abs((a - self.dct).days), abs((b - self.dct).days)) * (1 if a <= self.dct else 1.3)

        return min(cands, key=dist)

    def year_of(self, y: str) -> int:
        y = y.strip().lstrip("'’")
        n = int(y)
        if len(y) <= 2:
            n = self._century_for(n, ahead=10)
        if not 1 < n < 9999:
            raise Skip
        return n

    def _century_for(self, n: int, ahead: int) -> int:
        """A two-digit year ('98, '90s) in the century that puts it at most ``ahead`` years after the DCT."""
        base = (self.dct.year // 100) * 100
        for c in (base, base - 100):
            if c + n <= self.dct.year + ahead:
                return c + n
        return base - 100 + n

    # -- value functions ------------------------------------------------------------------
    def f_lit(self, v):
        return v

    def f_date(self, y, m, d):
        m_i, d_i = int(m), int(d)
        if not (1 <= m_i <= 12 and 1 <= d_i <= 31):
            raise Skip
        if y and y != "_":
            yi = self.year_of(y)
            try:
                date(yi, m_i, d_i)
            except ValueError:
                raise Skip
            p = V.Point("day", yi, month=m_i, day=d_i)
            self.seen.setdefault(("md", m_i, d_i), (p, False))
            return p
        if ("md", m_i, d_i) in self.seen:
            p, via_dct = self.seen[("md", m_i, d_i)]  # "Feb. 1" again in the same story: the same day
            if via_dct:
                self.dct  # noqa: B018 -- marks the value as anchored on the publication date
            return p
        p = self._date_no_year(m_i, d_i)
        self.seen[("md", m_i, d_i)] = (p, True)
        return p

    def _date_no_year(self, m_i, d_i):
        cands = []
        for yi in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            try:
                date(yi, m_i, d_i)
                cands.append(V.Point("day", yi, month=m_i, day=d_i))
            except ValueError:
                pass
        if not cands:
            raise Skip
        near = min(cands, key=lambda c: abs((c.as_date() - self.dct).days))
        if abs((near.as_date() - self.dct).days) <= NEAR_DAYS and self._near_ok(near, 183):
            return near  # a day given without its year is almost always the nearby one
        return self.pick(cands, "t")

    def _near_ok(self, p: V.Point, horizon_days: int) -> bool:
        """The nearby candidate is kept unless the tense clearly points the other way, to a candidate
        within ``horizon_days`` ("will be held in October", said in January)."""
        t = self.tense()
        a, b = p.interval()
        if t == "future" and b < self.dct:
            nxt = V.shift(p, 1) if p.gran == "year" else replace(p, year=p.year + 1)
            return (nxt.interval()[0] - self.dct).days > horizon_days
        if t == "past" and a > self.dct and (
                self._tense_src == "doc" and not doc_perfect(self.doc, self.span[0])
                or _FRONTED.search(self.text, max(0, self.span[0] - 12), self.span[0])
                and _FRONTED_END.match(self.text, self.span[1])):
            # the governing verb itself is in the past ("In January, the company brought in a new chief",
            # said in October): the past candidate, unless it lies more than ``horizon_days`` back
            prv = V.shift(p, -1) if p.gran == "year" else replace(p, year=p.year - 1)
            return (self.dct - prv.interval()[1]).days > horizon_days
        if t == "past" and a > self.dct and self._tense_src == "text" \
                and adjacent_past(self.text, self.span[0], self.res.lang):
            return False  # "took effect in January", said in December: a past verb right before the date
        return True  # text "past" cues farther off ("said") are too noisy to move a nearby future date

    def f_dmy_num(self, a, b, y):
        """Numeric dates: 2/3/09 (US month/day), 13/3/09 (day/month when the first is > 12)."""
        a_i, b_i = int(a), int(b)
        if a_i > 12 and b_i <= 12:
            a_i, b_i = b_i, a_i
        return self.f_date(y, str(a_i), str(b_i))

    def f_ym(self, y, m):
        return V.Point("month", self.year_of(y), int(m))

    def f_year(self, y):
        return V.Point("year", self.year_of(y))

    def f_decade(self, y):
        y = y.strip().lstrip("'’")
        n = self._century_for(int(y), ahead=5) if len(y) <= 2 else int(y)
        if not 0 < n < 9990:
            raise Skip
        if len(y) == 4 and n % 100 == 0 and n != 2000:
            return V.Point("century", n)  # "the 1800s" is the nineteenth century (but "the 2000s" a decade)
        return V.Point("decade", n)

    def f_decade_word(self, w):
        words = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
        w = w.lower()
        if w not in words:
            raise Skip
        return V.Point("decade", 1920 + 10 * words.index(w))

    def f_century_any(self, n, ordn, word):
        if n:
            return self.f_century(n)
        if ordn:
            return self.f_century(ordn)
        w = re.sub(r"[\s-]+", " ", (word or "").lower())
        m = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty first": 21}.get(w)
        if m is None:
            raise Skip
        return self.f_century(str(m))

    def f_season_y(self, s, y):
        return V.Point("season", self.year_of(y), V.SEASONS.index(s))

    def f_weekend(self, d="t"):
        """'the weekend': the one just past (past tense or unknown), the coming one (future)."""
        wd = self.dct.isoweekday()
        wk = self.dctp("week")
        dirn = self.direction(d)
        if wd < 6 and dirn != 1:
            wk = V.shift(wk, -1)
        return replace(wk, weekend=True)

    def f_century(self, n):
        c = int(float(n))
        if not 1 <= c <= 30:
            raise Skip
        return V.Point("century", (c - 1) * 100)

    def f_rel(self, unit, n):
        """DCT-anchored: the unit containing the DCT, moved by n ("last month", "next year")."""
        gran = UNIT_GRAN.get(unit, unit)
        k = _num(n) if n not in ("", None) else 0
        if k is None:
            raise Skip
        if unit == "WE" and k == 0 and self.dct.isoweekday() < 6 and self.tense() == "past":
            k = -1  # "BP responded this weekend", said on a Tuesday: the weekend just past
        elif unit == "W" and k == 0 and n in ("0", "this"):
            wd, t = self.dct.isoweekday(), self.tense()
            if wd == 7 and t == "future":
                k = 1  # "BP reports its results this week", in a Sunday paper: the week starting tomorrow
        p = V.shift(self.dctp(gran), int(k))
        if unit == "WE":
            p = replace(p, weekend=True)
        return p

    def f_ago(self, unit, n, sign="-1"):
        """'two years ago' / 'three days from now': the DCT moved by n units, at that unit's granularity."""
        gran = UNIT_GRAN.get(unit, unit)
        if gran == "time":
            gran = "day"
        k = _num(n)
        if k is None:
            raise Skip
        if unit in ("H", "MIN", "S"):  # "3 hrs ago": the publication day, unless it runs past a day
            days = _clock_days(k, unit, sign)
            return V.Point.of_day(V.add_days(self.dct, days))
        if k != int(k):
            k = int(round(k))
        k = int(k) * int(sign)
        if gran == "decade":
            return V.shift(V.Point("year", self.dct.year), 10 * k)
        if gran == "century":
            return V.shift(V.Point("year", self.dct.year), 100 * k)
        if gran == "week" and unit == "W":
            return V.shift(self.dctp("week"), k)
        return V.shift(self.dctp(gran), k)

    def f_later(self, unit, n, sign="1"):
        """'two months later' / 'a year earlier': moved from the last mentioned date."""
        ref = self.ref
        if unit == "Y" and _num(n) == 1 and sign == "-1" and \
                (ref is None or ref.year >= self.dct.year - 1 or self._period_in_focus()):
            # "up from $4 million a year earlier": the current reporting period, as "a year ago"
            return self.f_yearago()
        ref = self.refp()
        self.used_ref = True
        k = _num(n)
        if k is None:
            raise Skip
        if unit in ("H", "MIN", "S"):  # "an hour later": the same day, unless it runs past a day
            days = _clock_days(k, unit, sign)
            g = ref.gran if GRAN_ORDER.get(ref.gran, 0) < GRAN_ORDER["day"] else "day"
            return V.at(V.add_days(ref.as_date(), days), g)
        k = int(k) * int(sign)
        gran = UNIT_GRAN.get(unit, unit)
        if gran == "time":
            gran = "day"
        if gran in ("decade", "century"):
            k *= 10 if gran == "decade" else 100
            gran = "year"
        if gran == "year" and ref.gran in ("quarter", "month", "half", "season"):
            return V.shift(ref, k * {"quarter": 4, "month": 12, "half": 2, "season": 4}[ref.gran])
        d = V.add_unit(ref.as_date(), {"week": "W", "day": "D", "month": "M", "year": "Y",
                                       "quarter": "Q"}.get(gran, "D"), k)
        # the coarser of the two granularities: "in 2009 ... two months later" stays 2009
        g = gran if GRAN_ORDER.get(gran, 0) <= GRAN_ORDER.get(ref.gran, 0) or ref.gran == "time" else ref.gran
        if g == "time":
            g = "day"
        return V.at(d, g)

    def f_refrel(self, unit, n):
        """'the next day', 'the following week', 'that day': the reference's unit moved by n."""
        ref = self.refp()
        self.used_ref = True
        gran = UNIT_GRAN.get(unit, unit)
        k = int(_num(n) or 0)
        if GRAN_ORDER.get(ref.gran, 0) < GRAN_ORDER.get(gran, 0) and ref.gran not in ("time",):
            if k == 0:
                return ref
            raise Skip
        return V.shift(V.at(ref.as_date(), gran), k)

    def f_wd(self, wd, d="t"):
        """A weekday: 'last' (-1) / 'next' (1) / 'this' (0) / by tense ('t'; past when unknown)."""
        w = int(wd)
        delta = w - self.dct.isoweekday()
        if d == "0":
            return V.Point.of_day(V.add_days(self.dct, delta))
        dirn = -1 if d == "p" else self.direction(d)
        if dirn is None and WD_NEAREST:
            k = delta % 7
            dirn = 1 if 0 < k <= WD_NEAREST else -1
        if dirn == 1:
            k = delta % 7
            if d == "1" and k == 0:
                k = 7
            return V.Point.of_day(V.add_days(self.dct, k))
        k = (-delta) % 7
        if d == "-1" and k == 0:
            k = 7
        return V.Point.of_day(V.add_days(self.dct, -k))

    def f_wd_before_last(self, wd):
        """'the Thursday before last': the week before last Thursday."""
        last = self.f_wd(wd, "-1")
        return V.Point.of_day(V.add_days(last.as_date(), -7))

    def f_refwd(self, wd, d):
        """'the previous Friday' / 'the following Monday': the weekday before/after the reference day
        (the publication date when no day is under discussion)."""
        r = self.ref
        if r is not None and r.gran in ("day", "time"):
            self.used_ref = True
            base = date(r.year, r.month, r.day)
        else:
            base = self.dct
        delta = int(wd) - base.isoweekday()
        k = ((delta % 7) or 7) if d == "1" else -(((-delta) % 7) or 7)
        return V.Point.of_day(V.add_days(base, k))

    def f_mon(self, m, d="t"):
        mi = int(m)
        y = self.dct.year
        cands = [V.Point("month", yy, mi) for yy in (y - 1, y, y + 1)]
        if d == "0":
            return V.Point("month", y, mi)
        if d == "-1":
            ok = [c for c in cands if c.interval()[1] < self.dct]
            return max(ok, key=lambda c: c.year)
        if d == "1":
            ok = [c for c in cands if c.interval()[0] > self.dct]
            return min(ok, key=lambda c: c.year)
        k0 = self.dct.year * 12 + self.dct.month
        near = min(cands, key=lambda c: abs(c.year * 12 + c.sub - k0))
        if abs(near.year * 12 + near.sub - k0) <= NEAR_MONTHS and self._near_ok(near, 300):
            return near  # a month named without its year is almost always a nearby one
        return self.pick(cands, "t")

    def f_season(self, s, d="t"):
        i = V.SEASONS.index(s)
        cur = self.dctp("season")
        cands = [V.Point("season", yy, i) for yy in (cur.year - 1, cur.year, cur.year + 1)]
        if d == "0":
            this = V.Point("season", self.dct.year, i)
            t = self.tense()
            if t == "future" and this.interval()[1] < self.dct:
                return V.Point("season", self.dct.year + 1, i)  # "should be released this spring", in November
            return this
        if d == "-1":
            ok = [c for c in cands if c.interval()[1] < self.dct]
            return max(ok, key=lambda c: c.year)
        if d == "1":
            ok = [c for c in cands if c.interval()[0] > self.dct]
            return min(ok, key=lambda c: c.year)
        return self.pick(cands, "t")

    def f_quarter(self, q, y="_"):
        qi = int(float(q))
        if not 1 <= qi <= 4:
            raise Skip
        if y == "thisyear":
            return V.Point("quarter", self.dct.year, qi)
        if y not in ("_", ""):
            return V.Point("quarter", self.year_of(y), qi)
        # a quarter named without its year is the latest one that has begun (news reports results),
        # unless this year's is still to come and the clause looks ahead ("can reinstate a dividend with
        # the Q4 results", said in September)
        this = V.Point("quarter", self.dct.year, qi)
        if this.interval()[0] > self.dct and self.tense() == "future":
            return this
        cands = [V.Point("quarter", yy, qi) for yy in (self.dct.year - 1, self.dct.year)]
        return self.pick(cands, "-1")

    def f_half(self, h, y="_"):
        hi = int(float(h))
        if not 1 <= hi <= 2:
            raise Skip
        if y not in ("_", ""):
            return V.Point("half", self.year_of(y), hi)
        cands = [V.Point("half", yy, hi) for yy in (self.dct.year - 1, self.dct.year, self.dct.year + 1)]
        return self.pick(cands, "-1" if self.tense() != "future" else "1")

    def f_mon_year(self, m, d):
        return V.Point("month", self.dct.year + int(d), int(m))

    def f_season_spelled(self, s, w):
        return V.Point("season", self.f_spelled_year(w).year, V.SEASONS.index(s))

    def f_ym_spelled(self, m, w):
        return V.Point("month", self.f_spelled_year(w).year, int(m))

    def f_week_of(self, m, d):
        """'the week of March 6': the ISO week holding that day."""
        p = self.f_date("_", m, d)
        return V.at(p.as_date(), "week")

    def f_half_rel(self, h, d):
        hi = int(float(h))
        if hi not in (1, 2):
            raise Skip
        return V.Point("half", self.dct.year + int(d or 0), hi)

    def f_quarter_rel(self, q, d):
        qi = int(float(q))
        if not 1 <= qi <= 4:
            raise Skip
        return V.Point("quarter", self.dct.year + int(d or 0), qi)

    def f_spelled_year(self, w):
        w = re.sub(r"[\s-]+", " ", w.lower()).replace(" and ", " ")
        nums = self.res.tables["number"]
        if w.startswith("two thousand"):
            rest = w[len("two thousand"):].strip()
            return V.Point("year", 2000 + (int(parse_number(rest, nums)) if rest else 0))
        first, _, rest = w.partition(" ")
        rest = rest.replace("oh ", "")
        if rest == "hundred":
            r = 0
        else:
            v = parse_number(rest, nums)
            if v == "X":
                raise Skip
            r = int(float(v))
        return V.Point("year", (19 if first == "nineteen" else 20) * 100 + r)

    def f_holiday(self, h, unit="", off="", d="t"):
        """A holiday: 'MM-DD' (fixed), 'thanksgiving', 'wd:MM:W:N[:K]' (the Nth ISO weekday W of month MM,
        N=-1 the last, plus K days) or 'easter:K' (K days from Easter Sunday); the nearest one, by tense.
        ``unit`` "week" gives the ISO week holding it ("Easter week"); ``off`` "before"/"after" moves the day
        ("the day after Christmas")."""
        if h == "thanksgiving":
            h = "wd:11:4:4"
        k_off = {"before": -1, "after": 1}.get(off, 0)
        week = unit.lower() == "week"
        movable = h.startswith(("wd:", "easter:"))
        if not (movable or week or k_off or d != "t"):
            m, _, dd = h.partition("-")
            return self.f_date("_", m, dd)
        mm, _, dd = h.partition("-")

        def day_of(y):
            return self._holiday_day(h, y) if movable else date(y, int(mm), int(dd))

        cands = []
        for y in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            if 1 < y < 9999:
                day = V.add_days(day_of(y), k_off)
                cands.append(V.at(day, "week") if week else V.Point.of_day(day))
        if not cands:
            raise Skip
        # "last / next Thanksgiving": the latest one before the report, the first one after it ("this
        # Christmas", said on 3 January, is the one just past: read like a bare holiday, below)
        if d in ("-1", "1"):
            if d == "-1":
                return max((c for c in cands if c.interval()[0] < self.dct), key=lambda c: c.interval()[0])
            return min((c for c in cands if c.interval()[0] > self.dct), key=lambda c: c.interval()[0])
        near = [c for c in cands if abs((c.interval()[0] - self.dct).days) <= 7]
        if near:  # a holiday within a week of the report is that one, whatever the tense ("Memorial Day
            return near[0]  # recess", written the Friday before)
        return self.pick(cands, "t")

    @staticmethod
    def _holiday_day(h, y):
        if h.startswith("easter:"):
            return V.add_days(_easter(y), int(h.split(":")[1]))
        _, mm, w, n, *k = h.split(":")
        mm, w, n, k = int(mm), int(w), int(n), int(k[0]) if k else 0
        if n > 0:
            d = date(y, mm, 1)
            return V.add_days(d, (w - d.isoweekday()) % 7 + 7 * (n - 1) + k)
        d = date(y, mm, calendar.monthrange(y, mm)[1])
        return V.add_days(d, -((d.isoweekday() - w) % 7) + k)

    def f_refday(self, d):
        """'April 24 and 25', 'Jan. 29-30': day ``d`` of the month of the day just named."""
        r = self.ref
        if r is None or r.gran != "day" or int(d) <= r.day:
            raise Skip
        try:
            date(r.year, r.month, int(d))
        except ValueError:
            raise Skip
        self.used_ref = True
        return V.Point("day", r.year, month=r.month, day=int(d))

    def f_past_event(self, y, m, d):
        """A day known by its date ("the Sept. 11 attacks"): that day, once it is past at the DCT (else the
        ordinary reading of the month-day is used)."""
        p = date(int(y), int(m), int(d))
        if p >= self.dct:
            raise Skip
        return V.Point.of_day(p)

    def f_wdfrom(self, wd, k):
        """The first weekday ``wd`` on or after the DCT moved by ``k`` days ("ahead of Sunday's election":
        from the day before the report on)."""
        base = V.add_days(self.dct, int(k))
        return V.Point.of_day(V.add_days(base, (int(wd) - base.isoweekday()) % 7))

    def f_wdweek(self, wd, d):
        """'Tuesday of last week', 'Friday next week': the weekday in the ISO week before / after / of the
        publication date."""
        base = V.add_days(self.dct, 1 - self.dct.isoweekday() + 7 * int(d))
        return V.Point.of_day(V.add_days(base, int(wd) - 1))

    def f_wdoff(self, wd, d, off):
        """'the day before (last) Tuesday': the weekday (by direction word, or by tense) moved by a day."""
        p = self.f_wd(wd, d if d not in ("", "_") else "t")
        return V.Point.of_day(V.add_days(p.as_date(), {"before": -1, "after": 1}[off]))

    def f_lastq(self, n="-1"):
        """'the quarter', 'the latest quarter': the last completed quarter before the DCT."""
        return V.shift(self.dctp("quarter"), int(n))

    def f_yearago_q(self):
        per = self.period
        if per is not None and per.gran == "quarter" and self._period_near():
            self.used_ref = True
            return V.shift(per, -4)
        return V.shift(V.shift(self.dctp("quarter"), -1), -4)

    def f_yearago(self, sign="-1"):
        """'a year ago', 'year-earlier', 'the year-ago quarter': one year back, keeping the granularity of
        a quarter/month under discussion."""
        if self._period_in_focus():
            ref = self.period
            per = {"quarter": 4, "half": 2}[ref.gran]
            self.used_ref = True
            return V.shift(ref, per * int(sign))
        return V.shift(self.dctp("year"), int(sign))

    def _period_in_focus(self) -> bool:
        """A reporting period (quarter, half) is under discussion: the last one mentioned, with no span of
        time since ("the nine months"); other dates in between ("this year") do not end it."""
        return self.period is not None and self._period_near() \
            and not (self._dur_pos is not None and self._dur_pos > self._period_pos)

    def _period_near(self) -> bool:
        return self._period_pos is not None and self.span[0] - self._period_pos <= PERIOD_FOCUS_CHARS

    period: V.Point | None = None  # last mentioned reporting period (quarter, half)
    _period_pos: int | None = None

    _dur_pos: int | None = None

    used_ref = False

    def f_pod(self, base, pod):
        """Part of a day: base is a day offset from the DCT ('0' this, '-1' yesterday) or 'wd:N'."""
        if base.startswith("wd:"):
            day = self.f_wd(base[3:])
        elif base == "ref":
            r = self.refp()
            if r.gran not in ("day", "time"):
                raise Skip
            day = V.Point("day", r.year, month=r.month, day=r.day)
        else:
            day = V.Point.of_day(V.add_days(self.dct, int(base)))
        return replace(day, gran="time", pod=pod)

    def f_refpod(self, n, pod, need=""):
        """'the next morning': the day after the reference day (the publication date when no day was
        mentioned), part of day; with ``need`` = "ref" a day must have been mentioned ("that night")."""
        if need == "ref" and self.ref is None:
            raise Skip
        r = self.refp()
        self.used_ref = True
        if r.gran not in ("day", "time"):
            raise Skip
        day = V.shift(V.Point("day", r.year, month=r.month, day=r.day), int(n))
        return replace(day, gran="time", pod=pod)

    def f_dpod(self, y, m, d, pod):
        p = self.f_date(y, m, d)
        return replace(p, gran="time", pod=pod)

    def f_clock(self, h, mi, ampm, base="0"):
        """Clock time on the DCT day (merged with an adjacent date later)."""
        hh = int(h)
        mm = int(mi) if mi not in ("", "_") else 0
        a = (ampm or "").lower().replace(".", "").replace(" ", "")
        if a.startswith("p") and hh < 12:
            hh += 12
        elif a.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            raise Skip
        day = V.Point.of_day(V.add_days(self.dct, int(base)))
        return replace(day, gran="time", hour=hh, minute=mm)

    def f_dur_half(self, n, unit):
        """'a year and a half', 'two hours and a half': n units plus half a unit."""
        k = _num(n)
        if k is None:
            raise Skip
        return duration(str(k + 0.5), unit)

    def f_dur2(self, n, unit, n2, unit2):
        """'an hour and 13 minutes', 'three years and six months': one duration of two units."""
        order = ("CE", "DE", "Y", "M", "W", "D", "H", "MIN", "S")
        if unit not in order or unit2 not in order or order.index(unit) >= order.index(unit2) \
                or _num(n) is None or _num(n2) is None or unit in ("CE", "DE") or unit2 == "W":
            raise Skip
        head, part = duration(n or "1", unit), duration(n2 or "1", unit2)
        if "T" in part:
            return head + part.split("T", 1)[1] if "T" in head else head + part[1:]
        return head + part[1:]

    def f_dur(self, n, unit):
        k = _num(n)
        if k is not None and unit in ("Q", "WE", "M", "W", "D") and 1000 <= k <= 2100 and "," not in n:
            raise Skip  # "the 1988 quarter" is a date, not 1988 quarters
        return duration(n or "1", unit)

    def f_quarter_like_ref(self, y):
        """'the 1988 quarter/period': the quarter under discussion, in that year."""
        ref = self.ref
        if ref is None or ref.gran != "quarter":
            if not (self._period_in_focus() and self.period.gran == "quarter"):
                raise Skip
            ref = self.period
        self.used_ref = True
        return V.Point("quarter", self.year_of(y), ref.sub)

    def f_set(self, v):
        return v


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    wk = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wk) // 451
    month, day = divmod(h + wk - 7 * m + 114, 31)
    return date(y, month, day + 1)


def duration(n: str, unit: str) -> str:
    k = _num(n)
    if k is None:
        k_s = "X"
    else:
        if k != int(k):  # half a year -> P6M, 2 1/2 years -> P2Y6M, half an hour -> PT30M
            sub = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
                   "DE": (10, "Y"), "CE": (100, "Y"), "MIN": (60, "S")}.get(unit)
            if sub:
                whole, frac = int(k), k - int(k)
                part = duration(str(round(frac * sub[0])), sub[1])
                if whole == 0:
                    return part
                head = duration(str(whole), unit)
                if "T" in part and "T" not in head:
                    return head + part[1:]
                return head + part.split("T", 1)[-1] if "T" in part else head + part[1:]
        k_s = str(int(round(k))) if k == int(k) else f"{k:g}"
    # Decades and centuries as TimeBank writes them: a known number in years (P20Y), an unknown number
    # of decades in years (PXY, "decades-long"), an unknown number of centuries as PXC ("for centuries").
    if unit == "DE":
        return f"P{int(k) * 10}Y" if k_s != "X" else "PXY"
    if unit == "CE":
        return f"P{int(k) * 100}Y" if k_s != "X" else "PXC"
    if unit == "WE":
        return f"P{int(k) * 2}D" if k_s != "X" else "PXWE"
    if unit in ("H", "MIN", "S"):
        return f"PT{k_s}{'M' if unit == 'MIN' else unit}"
    return f"P{k_s}{unit}"


def _group_value(res: Resources, name: str, raw: str | None) -> str:
    if raw is None:
        return ""
    base = name.rstrip("0123456789")
    key = re.sub(r"\s+", " ", raw.strip().lower()).rstrip(".")
    if base in ("n", "num"):
        return parse_number(raw, res.tables["number"])
    table = res.tables.get(base)
    if table is not None:
        v = table.get(key)
        if v is None:
            v = table.get(key.replace("-", " ")) or table.get(key.replace(" ", "-"))
        return v if v is not None else key
    return raw.strip()


def _call(norm: _Norm, expr: str, groups: dict[str, str]):
    m = _CALL_RE.match(expr)
    if not m:
        return _subst(expr, groups)
    fn = getattr(norm, "f_" + m.group(1), None)
    if fn is None:
        raise ValueError(f"unknown value function {m.group(1)}")
    args = [_subst(a.strip(), groups) for a in m.group(2).split(",")] if m.group(2).strip() else []
    return fn(*args)


def _subst(a: str, groups: dict[str, str]) -> str:
    if "$" not in a:
        return a
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: groups.get(m.group(1) or m.group(2), "") or "", a)


_TRIGGER: dict[str, re.Pattern] = {}
_PAD_L, _PAD_R = 45, 35
_SEP = "\x00"


def _windows(res: Resources, text: str) -> list[tuple[int, int]]:
    """Spans of text around trigger words (merged), snapped to whitespace."""
    rx = _TRIGGER.get(res.lang)
    if rx is None:
        if "trigger" in res.fragments:
            rx = compile_pattern("%trigger", res.tables, res.fragments)
            rx = re.compile(rx.pattern[: -len(r"(?![\w])")] + r"s?(?![\w])", rx.flags)  # "Tuesdays"
        else:
            rx = re.compile(r"[\s\S]+")
        _TRIGGER[res.lang] = rx
    n = len(text)
    wins: list[list[int]] = []
    for m in rx.finditer(text):
        a, b = m.start() - _PAD_L, m.end() + _PAD_R
        if wins and a <= wins[-1][1]:
            wins[-1][1] = max(wins[-1][1], b)
        else:
            wins.append([a, b])
    out = []
    for a, b in wins:
        if a <= 0:
            a = 0
        else:
            while a > 0 and not text[a - 1].isspace():
                a -= 1
        if b >= n:
            b = n
        else:
            while b < n and not text[b].isspace():
                b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _candidates(res: Resources, text: str):
    wins = _windows(res, text)
    if not wins:
        return []
    if len(wins) == 1 and wins[0] == (0, len(text)):
        sub, offs = text, [(0, 0)]
    else:
        parts, offs, pos = [], [], 0
        for a, b in wins:
            offs.append((pos, a))
            parts.append(text[a:b])
            pos += b - a + 1
        sub = _SEP.join(parts)
    starts = [o[0] for o in offs]
    low = sub.lower()
    out = []
    for r in res.rules:
        if r.need is not None and r.need not in low:
            continue
        for m in r.regex.finditer(sub):
            cs, ce = m.span()
            if cs == ce:
                continue
            k = bisect.bisect_right(starts, cs) - 1
            delta = offs[k][1] - offs[k][0]
            s, e = cs + delta, ce + delta
            m = _Shifted(m, delta)
            o = r.opts
            if o:
                if "after" in o and not o["after"].search(text, max(0, s - 60), s):
                    continue
                if "notafter" in o and o["notafter"].search(text, max(0, s - 60), s):
                    continue
                if "before" in o and not o["before"].match(text, e, e + 60):
                    continue
                if "notbefore" in o and o["notbefore"].match(text, e, e + 60):
                    continue
            out.append((s, e, r, m))
    return out


class _Shifted:
    """A match found in the window text, with spans mapped back to the original text."""
    __slots__ = ("_m", "_d")

    def __init__(self, m, d):
        self._m, self._d = m, d

    def groupdict(self):
        return self._m.groupdict()

    def span(self):
        a, b = self._m.span()
        return a + self._d, b + self._d


def _select(cands):
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2].prio, c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        s, e = c[0], c[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


_MOD_PREFIX: dict[str, re.Pattern] = {}


def _mod_prefix(res: Resources) -> re.Pattern:
    rx = _MOD_PREFIX.get(res.lang)
    if rx is None:
        keys = sorted(res.tables.get("mod", {}), key=len, reverse=True)
        alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys if not k.endswith("-"))
        rx = re.compile(r"(?<![\w-])(?P<mod>" + alts + r")(?:\s+|-)$", re.IGNORECASE)
        _MOD_PREFIX[res.lang] = rx
    return rx


# which mods may extend the span of which type
_MOD_TYPES = {"START": ("DATE", "TIME"), "END": ("DATE", "TIME"), "MID": ("DATE", "TIME"),
              "APPROX": ("DURATION", "TIME"), "MORE_THAN": ("DURATION",),
              "LESS_THAN": ("DURATION",), "EQUAL_OR_MORE": ("DURATION",), "EQUAL_OR_LESS": ("DURATION",)}


def tag(text: str, dct: date, doc=None, lang: str = "en") -> list[Timex]:
    """Find and normalize the TIMEX3 expressions of ``text`` published on ``dct``."""
    if not text:
        return []
    res = load(lang)
    norm = _Norm(res, text, dct, doc)
    cands = _candidates(res, text)
    items = []  # [start, end, type, value(str|Point), mod, rule, anchor]
    for attempt in range(4):
        # a candidate whose value function refuses it (Skip) is dropped and the selection redone, so a
        # shorter reading can take its place; a few passes settle it (later failures are just dropped)
        chosen = _select(list(cands))
        items = []
        norm.ref, norm._dur_pos = None, None
        norm.period, norm._period_pos = None, None
        norm.seen = {}
        failed: list = []
        for c in chosen:
            s, e, r, m = c
            if r.type == "NONE":
                continue
            norm.span = (s, e)
            norm._tense = None
            norm.used_ref = False
            norm.used_dct = False
            groups = {k: _group_value(res, k, v) for k, v in m.groupdict().items()}
            try:
                val = _call(norm, r.value, groups)
            except (Skip, ValueError, OverflowError, KeyError, IndexError):
                failed.append(c)
                continue
            mod = r.mod or (groups.get("mod") or None) or ("APPROX" if groups.get("orso") else None)
            if isinstance(val, V.Point) and not norm.used_ref:
                norm.ref = val  # expressions resolved from the reference do not move it
                if val.gran in ("quarter", "half") and _reported(norm, val, text, e):
                    norm.period, norm._period_pos = val, s
            elif r.type == "DURATION":
                norm._dur_pos = s
            anchor = None
            if isinstance(val, V.Point) or val in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
                anchor = "reference" if norm.used_ref else "publication" \
                    if norm.used_dct or not isinstance(val, V.Point) else "absolute"
            items.append([s, e, r.type, val, mod, r, anchor])
        if not failed:
            break
        gone = {id(c) for c in failed}
        cands = [c for c in cands if id(c) not in gone]
    items = _merge(text, items)
    _coordinate(res, text, items)
    items = _extend_mods(res, text, items)
    out = []
    for s, e, typ, val, mod, r, anchor in items:
        if isinstance(val, V.Point):
            try:
                value = val.value()
                a, b = val.interval()
            except (ValueError, OverflowError):  # beyond the calendar (year 9999 + next week)
                continue
            ia, ib = a.isoformat(), b.isoformat()
            if val.gran == "time" and typ == "DATE" and val.hour is not None:
                typ = "TIME"
        else:
            value, ia, ib = str(val), None, None
            if value == "PRESENT_REF":
                ia = ib = dct.isoformat()
            elif value == "PAST_REF":
                ib = dct.isoformat()
            elif value == "FUTURE_REF":
                ia = dct.isoformat()
        if not V.valid_value(value):
            continue
        out.append(Timex(start=s, end=e, text=text[s:e], type=typ, value=value, mod=mod,
                         interval_start=ia, interval_end=ib,
                         anchor=anchor))
    return out


# a time fronted at the start of a sentence ("In January, the company brought in ..."): the verb that
# follows is its own clause's verb, so a past cue there is reliable
_FRONTED = re.compile(r"(?:^|[.!?][\"'”’]*\s+|\n\s*)(?:In|During|By|Since)\s+$")
_FRONTED_END = re.compile(r",")
_ENDED = re.compile(r"\s+end(?:ed|ing)\b")


def _reported(norm: _Norm, val: V.Point, text: str, end: int) -> bool:
    """A quarter/half that can be the reporting period of "a year ago" / "the year-ago period": one that is
    over by the DCT, or a (fiscal) one reported in the past tense or "ended Sept. 30". A quarter still to
    come ("a further decline in the fourth quarter", said in October) is a forecast, not the period."""
    return val.interval()[1] < norm._dct or bool(_ENDED.match(text, end)) or norm.tense() == "past"


def _merge(text: str, items):
    """Merge a clock time with an adjacent day ("10 p.m. Wednesday", "Nov. 9, 9 p.m.")."""
    # the same moment restated in another zone, alone in brackets right after a clock time ("10:35 a.m.
    # (0735 GMT) Friday") is no second expression; "(4 a.m. EDT Thursday)" says more, and stays
    items = [it for k, it in enumerate(items) if not (k and _restates(text, items[k - 1], it))]
    out = []
    i = 0
    while i < len(items):
        cur = items[i]
        if i + 1 < len(items):
            nxt = items[i + 1]
            gap = text[cur[1]:nxt[0]]
            a, b = cur[3], nxt[3]
            if isinstance(a, V.Point) and isinstance(b, V.Point) and _MERGE_GAP.match(gap):
                clock, day = (a, b) if _is_clock(a) else (b, a)
                if _is_clock(clock) and day.gran == "day":
                    p = replace(clock, year=day.year, month=day.month, day=day.day)
                    day_item = cur if day is a else nxt
                    out.append([cur[0], nxt[1], "TIME", p, cur[4] or nxt[4], cur[5], day_item[6]])
                    i += 2
                    continue
        out.append(cur)
        i += 1
    # a clock time with a day nearby in the same sentence takes that day
    # ("at about 10:35 a.m. (0735 GMT) Friday" -> Friday's date)
    for k, it in enumerate(out):
        p = it[3]
        if not (_is_clock(p) and it[6] == "publication"):
            continue
        for j in (k + 1, k - 1):
            if not 0 <= j < len(out):
                continue
            other = out[j]
            q = other[3]
            lo, hi = (it[1], other[0]) if j > k else (other[1], it[0])
            if isinstance(q, V.Point) and q.gran == "day" and 0 <= hi - lo <= 40 and \
                    not _SENT_BREAK.search(text, lo, hi):
                it[3] = replace(p, year=q.year, month=q.month, day=q.day)
                it[6] = other[6]
                break
    return out


_SENT_BREAK = re.compile(r"[.!?;]\s|\n")
_RESTATED = re.compile(r"\s*\(\s*")
_CLOSED = re.compile(r"\s*\)")


def _is_clock(p) -> bool:
    """A point with a clock time (not a part of day)."""
    return isinstance(p, V.Point) and p.gran == "time" and p.hour is not None


def _restates(text: str, prev, it) -> bool:
    """``it`` is a clock time in brackets right after the clock time ``prev``."""
    m = _RESTATED.match(text, prev[1])
    return bool(m) and m.end() == it[0] and bool(_CLOSED.match(text, it[1])) and _is_clock(prev[3]) \
        and _is_clock(it[3])


# two dates joined as a range or a list: "between January and March 2003", "Thursday or Friday"
_RANGE_GAP = re.compile(r"\s*(?:to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_COORD_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)


def _coordinate(res: Resources, text: str, items) -> None:
    """Dates joined by and/or/to/through read as one range or list, so they share what only one of them
    says.

    - A month or day without its year takes the year of the one after it ("between January and March
      2003" -> 2003-01; "from December to March 2003" -> 2002-12).
    - The first month of a range never lies after its last ("recorded from April to June", said in
      February: the April before that June).
    - A weekday read from the tense alone, more than six days from the weekday before it, moves to the
      first such day after it ("could come Thursday or Friday": the Friday after that Thursday).
    """
    wd_names = res.tables.get("weekday", {})
    for a, b in zip(items, items[1:]):
        p, q = a[3], b[3]
        gap = text[a[1]:b[0]]
        if not (isinstance(p, V.Point) and isinstance(q, V.Point)) or p.gran != q.gran \
                or not _COORD_GAP.match(gap):
            continue
        if p.gran in ("month", "day") and a[6] == "publication" and b[6] == "absolute":
            _take_year(a, q, "absolute")
        elif p.gran == "month" and a[6] == b[6] == "publication" and _RANGE_GAP.match(gap) \
                and p.interval()[0] > q.interval()[0]:
            _take_year(a, q, "publication")
        elif p.gran == "day" and b[6] == "publication" and b[5].value == "wd($weekday,t)" \
                and text[b[0]:b[1]].lower() in wd_names and text[a[0]:a[1]].lower() in wd_names:
            d0 = p.as_date()
            k = (int(wd_names[text[b[0]:b[1]].lower()]) - d0.isoweekday()) % 7
            if k and abs((q.as_date() - d0).days) >= 7:  # "Friday and Thursday" already agree
                b[3] = V.Point.of_day(V.add_days(d0, k))


def _take_year(item, last: V.Point, anchor: str) -> None:
    """Put the month/day of ``item`` in the year that makes it start a range ending at ``last``."""
    p = item[3]
    first_month = p.sub if p.gran == "month" else p.month
    last_month = last.sub if last.gran == "month" else last.month
    year = last.year if first_month <= last_month else last.year - 1
    if year == p.year:
        return
    try:
        new = replace(p, year=year)
        new.interval()
    except ValueError:  # February 29 in a common year
        return
    item[3], item[6] = new, anchor


def _extend_mods(res: Resources, text: str, items):
    rx = _mod_prefix(res)
    mods = res.tables.get("mod", {})
    prev_end = 0
    for it in items:
        s = it[0]
        m = rx.search(text, max(prev_end, s - 25), s)
        if m:
            word = re.sub(r"\s+", " ", m.group("mod").lower())
            mod = mods.get(word)
            if word in ("earlier", "later") and not _DEICTIC.match(text, s):
                mod = None  # "earlier this year" is one expression, "Earlier Friday" is an adverb + day
            if mod and it[2] in _MOD_TYPES.get(mod, ()) and not (it[2] == "DURATION" and
                                                                   text[s:s + 4].lower() == "the "):
                it[0] = m.start()
                it[4] = it[4] or mod
        m2 = _OR_SO.match(text, it[1])
        if m2 and it[2] in ("DURATION", "DATE"):
            it[1] = m2.end()
            it[4] = it[4] or "APPROX"
        prev_end = it[1]  # after "or so": the next expression's modifier cannot reach back into it
    return items


_DEICTIC = re.compile(r"(?:this|last|next|that)\b", re.IGNORECASE)
_OR_SO = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
