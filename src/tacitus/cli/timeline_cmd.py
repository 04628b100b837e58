"""``tacitus timeline``: the most important dates of an actor, a topic or the database, with evidence."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from .store_cmd import ACTOR_HELP


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def timeline(
        db: str = typer.Option("tacitus.db", "--db", help="SQLite database file."),
        actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP),
        query: Optional[str] = typer.Option(None, "--query", help="Full-text query: only sentences matching it."),
        country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 of actors/places."),
        since: Optional[str] = typer.Option(None, "--since", help="First date of the timeline (YYYY-MM-DD)."),
        until: Optional[str] = typer.Option(None, "--until", help="Last date of the timeline (YYYY-MM-DD)."),
        dates: int = typer.Option(10, "--dates", min=1, help="Number of dates."),
        sentences: int = typer.Option(2, "--sentences", min=1, help="Evidence sentences per date."),
        format: str = typer.Option("table", "--format", help="table|jsonl|md"),
    ) -> None:
        """Print the most important dates in order, each with its best evidence sentences.

        Example: tacitus timeline --db news.db --actor "BP" --since 2010-04-01 --dates 15 --format md
        """
        from ..timeline import build_timeline
        from .checks import check_date
        from .store_cmd import _open
        check_date("--since", since)
        check_date("--until", until)
        if format not in ("table", "jsonl", "md"):
            raise typer.BadParameter("--format must be table, jsonl or md")
        database = _open(db)
        tl = build_timeline(database, actor=actor, query=query, country=country, since=since, until=until,
                            dates=dates, sentences=sentences)
        database.close()
        for n in tl.notes:
            sys.stderr.write(f"note: {n}\n")
        if tl.sample:
            sys.stderr.write(f"note: estimated from a sample; the scope has about {tl.sample['rows']:,} rows and every "
                             f"{tl.sample['step']}th was read (narrow it for an exact timeline)\n")
        if format == "jsonl":
            for e in tl:
                sys.stdout.write(json.dumps(e, ensure_ascii=False) + "\n")
        elif format == "md":
            for e in tl:
                sys.stdout.write(f"## {e['date']}\n\n")
                for s in e["sentences"]:
                    sys.stdout.write(f"- {' '.join(s.split())}\n")
                for ev in e["events"][:5]:
                    who = " → ".join(x for x in (ev.get("source"), ev.get("target")) if x)
                    sys.stdout.write(f"- *{ev['type']}*{': ' + who if who else ''} ({ev['n_sources']} sources)\n")
                sys.stdout.write("\n")
        else:
            from rich.console import Console
            from rich.table import Table
            t = Table(title=f"timeline: {len(tl)} dates", show_lines=True)
            t.add_column("date", no_wrap=True)
            t.add_column("evidence", overflow="fold")
            t.add_column("events", overflow="fold")
            for e in tl:
                evs = ", ".join(f"{ev['type']}×{ev['n_sources']}" for ev in e["events"][:5])
                t.add_row(e["date"], "\n".join("• " + " ".join(s.split()) for s in e["sentences"]), evs)
            Console().print(t)
