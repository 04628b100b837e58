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
    t = Table(title=title, show_lines=True, expand=True)
    cols = ["date_value", "date_start", "date_end", "type", "cameo", "source_code", "source_name", "target_code",
            "target_name", "location_name", "modality", "sentence_text"]
    for c in cols:
        t.add_column(c.replace("_", " "), overflow="fold", ratio=3 if c == "sentence_text" else 1)
    for r in rows:
        t.add_row(*[Text("" if r.get(c) is None else str(r.get(c))) for c in cols])
    _console.print(t)
