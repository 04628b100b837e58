"""Calendar values: a date at some granularity, its TIMEX3 string, its interval, and shifts.

A :class:`Point` is a (possibly coarse) calendar position: a century, decade, year, half, quarter,
season, month, week, day or time of day. ``value()`` gives the TIMEX3 value string and
``interval()`` the first and last ISO day it covers. ``shift(point, n)`` moves it by ``n`` of its
own units (``2018-12`` shifted by -1 is ``2018-11``; ``2019-W01`` by -1 is ``2018-W52``).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

GRANS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time")
MINYEAR, MAXYEAR = 1, 9999

# TIMEX3 value grammar (TimeML 1.2.1), used by tests and as a final guard in the tagger.
_DATE_RE = (r"(?:\d{2}|\d{3}|\d{4}|\d{2}XX|\d{3}X|XXXX)"
            r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE|XX))?|-Q[1-4X]|-H[12X]|"
            r"-(?:SP|SU|FA|WI))?")
_TIME_RE = r"T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT)"
_DUR_RE = (r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|E|C|L|WE|H))+"
           r"(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+")
_SET_RE = r"XXXX(?:-(?:WXX(?:-\d)?|XX(?:-\d{2}|-XX)?|\d{2}(?:-\d{2})?|SP|SU|FA|WI))?(?:" + _TIME_RE + ")?"
VALUE_RE = re.compile(
    rf"^(?:(?:{_DATE_RE})(?:{_TIME_RE})?|{_DUR_RE}|{_SET_RE}|PRESENT_REF|PAST_REF|FUTURE_REF|"
    rf"XXXX-XX-XX(?:{_TIME_RE})?|T\d{{2}}(?::\d{{2}})?)$")


def valid_value(v: str) -> bool:
    return bool(VALUE_RE.match(v or ""))


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASONS = ("WI", "SP", "SU", "FA")


def season_of(d: date) -> tuple[int, str]:
    """Meteorological season containing ``d`` (winter belongs to the year of its December)."""
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    return d.year, ("SP" if m <= 5 else "SU" if m <= 8 else "FA")


@dataclass(frozen=True)
class Point:
    gran: str
    year: int
    sub: int = 0  # half 1-2, quarter 1-4, season index 0-3 (WI SP SU FA), month 1-12, ISO week
    day: int = 0  # day of month (gran day/time)
    month: int = 0  # month for day/time granularity
    pod: str | None = None  # part of day (MO AF EV NI MI) for gran time
    hour: int | None = None
    minute: int | None = None
    weekend: bool = False

    # -- constructors ---------------------------------------------------------------------
    @staticmethod
    def of_day(d: date) -> "Point":
        return Point("day", d.year, month=d.month, day=d.day)

    def as_date(self) -> date:
        """The first day of the point (used as an anchor)."""
        return self.interval()[0]

    # -- formatting -------------------------------------------------------------------------
    def value(self) -> str:
        y = self.year
        g = self.gran
        if g == "century":
            return f"{y // 100:02d}"
        if g == "decade":
            return f"{y // 10:03d}"
        if g == "year":
            return f"{y:04d}"
        if g == "half":
            return f"{y:04d}-H{self.sub}"
        if g == "quarter":
            return f"{y:04d}-Q{self.sub}"
        if g == "season":
            return f"{y:04d}-{SEASONS[self.sub]}"
        if g == "month":
            return f"{y:04d}-{self.sub:02d}"
        if g == "week":
            return f"{y:04d}-W{self.sub:02d}" + ("-WE" if self.weekend else "")
        base = f"{y:04d}-{self.month:02d}-{self.day:02d}"
        if g == "day":
            return base
        if self.hour is not None:
            t = f"T{self.hour:02d}:{(self.minute or 0):02d}"
            return base + t
        return base + "T" + (self.pod or "DT")

    def granularity(self) -> str:
        return {"half": "month", "time": "time"}.get(self.gran, self.gran)

    # -- interval ---------------------------------------------------------------------------
    def interval(self) -> tuple[date, date]:
        y, g = self.year, self.gran
        if g == "century":
            s = (y // 100) * 100
            return date(max(s, 1), 1, 1), date(min(s + 99, MAXYEAR), 12, 31)
        if g == "decade":
            s = (y // 10) * 10
            return date(max(s, 1), 1, 1), date(min(s + 9, MAXYEAR), 12, 31)
        if g == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if g == "half":
            return (date(y, 1, 1), date(y, 6, 30)) if self.sub == 1 else (date(y, 7, 1), date(y, 12, 31))
        if g == "quarter":
            m0 = 3 * (self.sub - 1) + 1
            return date(y, m0, 1), date(y, m0 + 2, calendar.monthrange(y, m0 + 2)[1])
        if g == "season":
            code = SEASONS[self.sub]
            a, b = SEASON_MONTHS[code]
            if code == "WI":
                ey = y + 1  # ValueError past year 9999: the caller drops the expression
                return date(y, 12, 1), date(ey, 2, calendar.monthrange(ey, 2)[1])
            return date(y, a, 1), date(y, b, calendar.monthrange(y, b)[1])
        if g == "month":
            return date(y, self.sub, 1), date(y, self.sub, calendar.monthrange(y, self.sub)[1])
        if g == "week":
            mon = date.fromisocalendar(y, self.sub, 1)
            if self.weekend:
                return mon + timedelta(days=5), mon + timedelta(days=6)
            return mon, mon + timedelta(days=6)
        d = date(y, self.month, self.day)
        return d, d


def at(d: date, gran: str) -> Point:
    """The point of granularity ``gran`` that contains day ``d``."""
    if gran == "century":
        return Point("century", d.year)
    if gran == "decade":
        return Point("decade", d.year)
    if gran == "year":
        return Point("year", d.year)
    if gran == "half":
        return Point("half", d.year, 1 if d.month <= 6 else 2)
    if gran == "quarter":
        return Point("quarter", d.year, (d.month - 1) // 3 + 1)
    if gran == "season":
        y, s = season_of(d)
        return Point("season", y, SEASONS.index(s))
    if gran == "month":
        return Point("month", d.year, d.month)
    if gran == "week":
        iy, iw, _ = d.isocalendar()
        return Point("week", iy, iw)
    return Point("day", d.year, month=d.month, day=d.day)


def shift(p: Point, n: int) -> Point:
    """Move ``p`` by ``n`` of its own units."""
    if n == 0:
        return p
    g = p.gran
    if g == "century":
        return replace(p, year=_clampy(p.year + 100 * n))
    if g == "decade":
        return replace(p, year=_clampy(p.year + 10 * n))
    if g == "year":
        return replace(p, year=_clampy(p.year + n))
    if g in ("half", "quarter", "season", "month"):
        per = {"half": 2, "quarter": 4, "season": 4, "month": 12}[g]
        base = 1 if g != "season" else 0
        k = p.year * per + (p.sub - base) + n
        y, s = divmod(k, per)
        return replace(p, year=_clampy(y), sub=s + base)
    if g == "week":
        d = date.fromisocalendar(p.year, p.sub, 1) + timedelta(weeks=n)
        iy, iw, _ = d.isocalendar()
        return replace(p, year=iy, sub=iw)
    d = date(p.year, p.month, p.day) + timedelta(days=n)
    return replace(p, year=d.year, month=d.month, day=d.day)


def _clampy(y: int) -> int:
    return min(max(y, MINYEAR + 1), MAXYEAR - 1)


def add_days(d: date, n: int) -> date:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return d


def add_unit(d: date, unit: str, n: float) -> date:
    """Calendar arithmetic on a day: ``d`` plus ``n`` units (Y M W D DE CE Q)."""
    n = int(n)
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit == "W":
            return d + timedelta(weeks=n)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
        if months is None:
            return d
        k = d.year * 12 + d.month - 1 + n * months
        y, m = divmod(k, 12)
        y = _clampy(y)
        return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))
    except (OverflowError, ValueError):
        return d
