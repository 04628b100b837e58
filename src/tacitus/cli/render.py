"""Terminal rendering of events (rich tables)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

_console = Console()


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
    rng = f"{d.get('start') or '…'}..{d.get('end') or '…'}"
    return f"{v} ({rng}, {d.get('basis')})" if v else f"{rng} ({d.get('basis')})"


def event_table(events: list[dict], title: str | None = None, text: str | None = None) -> Table:
    t = Table(title=title, show_lines=True, expand=True)
    for col, kw in (("type", {}), ("source", {}), ("target", {}), ("date", {}), ("where", {}),
                    ("modality", {}), ("evidence", {"ratio": 3})):
        t.add_column(col, overflow="fold", **kw)
    for ev in events:
        loc = (ev.get("location") or {}).get("name") or ""
        cameo = f" {ev['cameo']}" if ev.get("cameo") else ""
        mod = ev.get("modality") or ""
        if ev.get("attribution"):
            mod += f" per {ev['attribution'].get('text')}"
        if text is not None:
            s = ev["sentence"]
            evidence = text[s["start"]:s["end"]]
        else:
            evidence = ev.get("sentence_text") or ""
        t.add_row(f"{ev['type']}{cameo}", _actor(ev.get("source")), _actor(ev.get("target")), _date(ev.get("date")),
                  loc, mod, evidence)
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
        t.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in cols])
    _console.print(t)
