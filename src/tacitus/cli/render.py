"""Terminal rendering of events (rich tables)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

import shutil
import sys

# Not a terminal (piped, CI): use a wide, fixed layout instead of 80 columns.
_console = Console(width=None if sys.stdout.isatty() else max(160, shutil.get_terminal_size((160, 40)).columns))


def snippet(text: str, s0: int, s1: int, t0: int, t1: int, width: int = 140) -> Text:
    """The evidence sentence, trimmed to about ``width`` characters around the trigger (shown bold).

    Article text is untrusted: it goes into a rich ``Text`` verbatim, never parsed as markup."""
    sent = text[s0:s1].replace("\n", " ")
    a, b = t0 - s0, t1 - s0
    left, right = 0, len(sent)
    if len(sent) > width:
        left = max(0, a - width // 2)
        right = min(len(sent), left + width)
        left = max(0, right - width)
    out = Text("…" if left else "")
    out.append(sent[left:a])
    out.append(sent[a:b], style="bold reverse")
    out.append(sent[b:right])
    if right < len(sent):
        out.append("…")
    return out


def _actor(p) -> str:
    if not p:
        return ""
    a = p.get("actor") or {}
    name = a.get("name") or p.get("text") or ""
    return f"{name} [{a.get('code')}]" if a.get("code") else name


def _date(d) -> str:
    if not d:
        return ""
    v = d.get("value") or ""
    rng = f"{d.get('start') or '…'} .. {d.get('end') or '…'}"
    return f"{v} [{d.get('basis')}]\n{rng}" if v else f"[{d.get('basis')}]\n{rng}"


def event_table(events: list[dict], title: str | None = None, text: str | None = None) -> Table:
    t = Table(title=title, show_lines=True, expand=True)
    for col, kw in (("date (basis)", {"ratio": 2}), ("type", {"ratio": 1}), ("source", {"ratio": 2}),
                    ("target", {"ratio": 2}), ("where", {"ratio": 1}), ("modality", {"ratio": 2}),
                    ("evidence", {"ratio": 5})):
        t.add_column(col, overflow="fold", **kw)
    for ev in events:
        loc = (ev.get("location") or {}).get("name") or ""
        cameo = f" {ev['cameo']}" if ev.get("cameo") else ""
        mod = ev.get("modality") or ""
        if ev.get("attribution"):
            mod += f" per {ev['attribution'].get('text')}"
        if text is not None:
            s, tr = ev["sentence"], ev["trigger"]
            evidence = snippet(text, s["start"], s["end"], tr["start"], tr["end"])
        else:
            evidence = Text(ev.get("sentence_text") or "")
        t.add_row(*(Text(x) for x in (_date(ev.get("date")), f"{ev['type']}{cameo}", _actor(ev.get("source")),
                                      _actor(ev.get("target")), loc, mod)), evidence)
    return t


def print_article_events(article: dict) -> None:
    _console.print(event_table(article["events"], title=f"{article['id']} ({article['date']}): "
                               f"{len(article['events'])} events", text=article["text"]))


def print_rows(rows: list[dict], title: str | None = None) -> None:
    """Stored events (flat rows of ``Database.event_rows``) in the same layout as ``extract -o table``."""
    t = Table(title=title, show_lines=True, expand=True)
    for col, ratio in (("date (basis)", 2), ("type", 1), ("source", 2), ("target", 2), ("where", 1),
                       ("modality", 2), ("evidence", 5), ("article", 2)):
        t.add_column(col, overflow="fold", ratio=ratio)
    for r in rows:
        def who(prefix):
            name = r.get(f"{prefix}_name") or r.get(f"{prefix}_text") or ""
            code = r.get(f"{prefix}_code")
            return f"{name} [{code}]" if code else name
        when = _date({"value": r.get("date_value"), "start": r.get("date_start"), "end": r.get("date_end"),
                      "basis": r.get("date_basis")})
        mod = (r.get("modality") or "") + (f" per {r['attribution_text']}" if r.get("attribution_text") else "")
        sent = r.get("sentence_text") or ""
        s0 = r.get("sentence_start") or 0
        if r.get("trigger_start") is not None:
            ev = snippet(sent, 0, len(sent), r["trigger_start"] - s0, r["trigger_end"] - s0)
        else:
            ev = Text(sent)
        cameo = f" {r['cameo']}" if r.get("cameo") else ""
        t.add_row(*(Text(x) for x in (when, f"{r.get('type')}{cameo}", who("source"), who("target"),
                                      r.get("location_name") or "", mod)), ev,
                  Text(f"{r.get('article_id')}\n{r.get('pub_date')}"))
    _console.print(t)
