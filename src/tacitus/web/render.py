"""Rendering helpers: span highlighting with escaping, date labels, server-rendered SVG charts.

Every piece of untrusted text goes through :func:`markupsafe.escape`; the only markup produced here is
ours. Highlighting works on character offsets into the text and supports overlapping spans by cutting
the text at every span boundary and tagging each piece with all the spans that cover it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape


@dataclass
class Span:
    start: int
    end: int
    cls: str
    title: str | None = None
    href: str | None = None


def highlight(text: str, spans: list[Span], base: int = 0) -> Markup:
    """``text`` (which starts at offset ``base`` of its article) with ``spans`` (article offsets) marked.
    Pieces covered by spans become ``<mark>`` (or ``<a>`` when a span links somewhere); all text is
    escaped."""
    text = text or ""
    n = len(text)
    local = []
    for s in spans:
        if s.start is None or s.end is None:
            continue
        a, b = max(0, s.start - base), min(n, s.end - base)
        if a < b:
            local.append((a, b, s))
    if not local:
        return Markup(escape(text))
    cuts = sorted({0, n, *(a for a, _, _ in local), *(b for _, b, _ in local)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        cover = [s for (sa, sb, s) in local if sa <= a and sb >= b]
        if not cover:
            out.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for s in cover for c in s.cls.split()))
        titles = "; ".join(dict.fromkeys(s.title for s in cover if s.title))
        href = next((s.href for s in cover if s.href), None)
        t = Markup(' title="{}"').format(titles) if titles else Markup("")
        if href:
            out.append(Markup('<a class="hl {}" href="{}"{}>{}</a>').format(classes, href, t, piece))
        else:
            out.append(Markup('<mark class="hl {}"{}>{}</mark>').format(classes, t, piece))
    return Markup("").join(out)


def event_sentence(row: dict, extra: list[Span] | None = None) -> Markup:
    """The evidence sentence of an event row with its trigger and role fillers highlighted."""
    base = row.get("sentence_start") or 0
    spans = list(extra or [])
    for role in ("source", "target"):
        s, e = row.get(f"{role}_start"), row.get(f"{role}_end")
        if s is not None and e is not None:
            name = row.get(f"{role}_name") or row.get(f"{role}_text")
            code = row.get(f"{role}_code")
            spans.append(Span(s, e, role, f"{role}: {name}" + (f" ({code})" if code else "")))
    if row.get("trigger_start") is not None:
        spans.append(Span(row["trigger_start"], row["trigger_end"], "trigger", f"trigger: {row.get('type')}"))
    return highlight(row.get("sentence_text") or "", spans, base)


def date_label(row: dict) -> str:
    """Human label for an event's date interval (``date_start``/``date_end``)."""
    s, e = row.get("date_start"), row.get("date_end")
    if s and e:
        if s == e:
            return s
        if s[:7] == e[:7] and s.endswith("-01"):
            return s[:7]
        if s[:4] == e[:4] and s.endswith("-01-01") and e.endswith("-12-31"):
            return s[:4]
        return f"{s} – {e}"
    if s:
        return f"after {s}"
    if e:
        return f"before {e}"
    return "date unknown"


def actor_url(actor_id: str | None) -> str | None:
    return f"/actors/{quote(actor_id, safe='')}" if actor_id else None


def qs(params: dict, **over) -> str:
    """A query string from ``params`` with ``over`` applied (None drops a key)."""
    d = {k: v for k, v in {**params, **over}.items() if v not in (None, "")}
    return ("?" + urlencode(d)) if d else ""


def count_label(n, exact: bool = True) -> str:
    """"1,234", "10,000+" (capped) or "many" (not counted)."""
    if n is None:
        return "many"
    return f"{n:,}" + ("" if exact else "+")


def fmt_int(n) -> str:
    return f"{n:,}" if isinstance(n, int) else ("" if n is None else str(n))


# -- charts -------------------------------------------------------------------------------------
def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm) and len(out) < 2400:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def _month_end(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    nxt = date(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


def timeline_svg(months: list[dict], link: str) -> Markup:
    """Bar chart of events per month (source part and target part stacked); bars link to the event list
    for that period (``link`` is a URL prefix ending in ``?...&``). More than ten years: bars per year."""
    rows = [m for m in months if m.get("month") and len(m["month"]) == 7 and m["month"][:4].isdigit()]
    if not rows:
        return Markup('<p class="muted">No dated events.</p>')
    data = {m["month"]: (m["n_source"] or 0, m["n_target"] or 0) for m in rows}
    keys = _months(rows[0]["month"], rows[-1]["month"])
    yearly = len(keys) > 120
    if yearly:
        agg: dict[str, list[int]] = {}
        for k in keys:
            a = agg.setdefault(k[:4], [0, 0])
            s, t = data.get(k, (0, 0))
            a[0] += s
            a[1] += t
        keys = sorted(agg)
        data = {k: tuple(v) for k, v in agg.items()}
    W, H, pad_l, pad_b, pad_t = 720, 170, 34, 22, 8
    n = len(keys)
    peak = max(sum(data.get(k, (0, 0))) for k in keys) or 1
    bw = (W - pad_l) / n
    ph = H - pad_b - pad_t
    parts = [Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="Events per {}">').format(
        W, H, "year" if yearly else "month")]
    for frac in (0.5, 1.0):
        y = pad_t + ph * (1 - frac)
        parts.append(Markup('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>'
                            '<text class="axis" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
            pad_l, W, y, y, pad_l - 4, y + 3, round(peak * frac)))
    for i, k in enumerate(keys):
        s, t = data.get(k, (0, 0))
        x = pad_l + i * bw
        since, until = (f"{k}-01-01", f"{k}-12-31") if yearly else (f"{k}-01", _month_end(k))
        hs, ht = ph * s / peak, ph * t / peak
        if s or t:
            parts.append(Markup('<a href="{}since={}&amp;until={}"><title>{}: {} as source, {} as target</title>').format(
                link, since, until, k, s, t))
            if s:
                parts.append(Markup('<rect class="bar-src" x="{:.2f}" y="{:.2f}" width="{:.2f}" height="{:.2f}"/>').format(
                    x + bw * 0.1, pad_t + ph - hs, max(bw * 0.8, 0.8), hs))
            if t:
                parts.append(Markup('<rect class="bar-tgt" x="{:.2f}" y="{:.2f}" width="{:.2f}" height="{:.2f}"/>').format(
                    x + bw * 0.1, pad_t + ph - hs - ht, max(bw * 0.8, 0.8), ht))
            parts.append(Markup("</a>"))
    # x labels: years (or every few years) under the axis
    years = sorted({k[:4] for k in keys})
    step = max(1, len(years) // 10)
    for yr in years[::step]:
        idx = keys.index(yr) if yearly else next(i for i, k in enumerate(keys) if k.startswith(yr))
        x = pad_l + idx * bw
        parts.append(Markup('<text class="axis" x="{:.1f}" y="{}">{}</text>').format(x + 1, H - 6, yr))
    parts.append(Markup('<line class="base" x1="{}" x2="{}" y1="{}" y2="{}"/></svg>').format(
        pad_l, W, pad_t + ph, pad_t + ph))
    return Markup("").join(parts)
