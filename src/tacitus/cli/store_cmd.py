"""``tacitus ingest | load | events | export | rejects | stats``: the SQLite database commands."""
from __future__ import annotations

import csv
import json
import sys
from typing import List, Optional

import typer

from .checks import check_date

DB_OPT = typer.Option("tacitus.db", "--db", help="SQLite database file.")
ACTOR_HELP = ("Source or target actor: its id, name, alias or code (PRKGOV; PRK or GOV: every North Korean "
              "or government actor), any case; else a part of a name; else the raw role text (docs/actors.md).")


def _filters(actor, country, type, since, until, text, modality=None):
    """Check the query options (a typo must not silently return no rows) and return them as filters."""
    import re
    from ..model import MODALITIES
    check_date("--since", since)
    check_date("--until", until)
    if modality is not None:
        modality = modality.lower()
        if modality not in MODALITIES:
            raise typer.BadParameter(f"--modality must be one of {', '.join(MODALITIES)}, got {modality!r}")
    if country is not None:
        country = country.upper()
        if not re.fullmatch(r"[A-Z]{3}", country):
            raise typer.BadParameter(f"--country takes an ISO 3166-1 alpha-3 code (e.g. PRK), got {country!r}")
    return dict(actor=actor, country=country, type=type, since=since, until=until, text=text, modality=modality)


def _actor_note(database, actor) -> None:
    """Say on stderr when an actor filter was capped or fell back to the raw role text."""
    if actor and actor.strip():
        note = database.match_actor(actor).note
        if note:
            sys.stderr.write(f"note: {note}\n")


def _open(db: str):
    """The database, read-only; a missing file is a clear error, not a traceback."""
    from pathlib import Path
    from ..store import Database
    if not Path(db).is_file():
        raise typer.BadParameter(f"no database at {db} (create one with: tacitus ingest --db {db} FILES)",
                                 param_hint="--db")
    return Database(db, readonly=True)


def _run_job(label: str, db: str, quiet: bool, job) -> None:
    """Run an ingest/load job (``job(on_progress)`` -> IngestSummary) with a progress bar on stderr and
    print the summary: counts, speed and reject reasons."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    console = Console(stderr=True)
    if quiet:
        s = job(None)
    else:
        with Progress(TextColumn(f"[bold]{label}"), BarColumn(), TextColumn("{task.fields[status]}"),
                      TimeElapsedColumn(), console=console, transient=False) as prog:
            task = prog.add_task(label, total=None, status="starting…")

            def on_progress(s):
                rate = s.stored / s.seconds if s.seconds else 0.0
                prog.update(task, completed=s.read, status=f"{s.read} read, {s.stored} stored, "
                            f"{s.skipped} duplicates, {s.rejected} rejected, {s.events} events, "
                            f"{rate:.1f} articles/s")
            s = job(on_progress)
    d = s.to_dict()
    console.print(f"[bold]done[/]: {d['read']} read, {d['stored']} stored, {d['skipped_duplicates']} "
                  f"already stored, {d['rejected']} rejected, {d['events']} events in {d['seconds']} s "
                  f"({d['articles_per_second'] or 0} articles/s) → {db}")
    for reason, n in d["reject_reasons"].items():
        console.print(f"  rejected {n}: {reason}")
    if d["rejected"]:
        console.print(f"  see them with: tacitus rejects --db {db}")
        if not d["stored"] and not d["skipped_duplicates"]:
            raise typer.Exit(1)  # every record was rejected


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin."),
        db: str = DB_OPT,
        input_format: str = typer.Option("auto", "--input-format", "-f", help="auto|txt|jsonl|csv|html|timeml"),
        date: Optional[str] = typer.Option(None, "--date", help="Default publication date YYYY-MM-DD."),
        batch_size: int = typer.Option(64, "--batch-size", help="Articles per committed batch."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        workers: int = typer.Option(1, "--workers", "-w", help="spaCy parsing processes (use the CPU cores)."),
    ) -> None:
        """Analyse articles and store them in SQLite (idempotent; resumable; bad records go to rejects).

        Example: tacitus ingest --db news.db articles/
        """
        from ..ingest import read
        from ..store import Database
        from ..store.loader import ingest as run
        check_date("--date", date)
        database = Database(db)
        records = read(inputs, input_format=input_format, default_date=date)
        _run_job("ingest", db, quiet, lambda on_progress: run(database, records, batch_size=batch_size,
                                                              on_progress=on_progress, workers=workers))
        database.close()

    @app.command("load")
    def load(
        inputs: List[str] = typer.Argument(..., help="JSON Lines from `tacitus extract` (files, directories, -)."),
        db: str = DB_OPT,
        batch_size: int = typer.Option(256, "--batch-size", help="Articles per committed batch."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """Store already-analysed articles (`tacitus extract` output) without parsing them again.

        Scale out: split the input, run `tacitus extract` on each part on any machine, then load every
        part into one database. Idempotent by content; bad lines go to rejects with file:line.

        Example: tacitus load --db news.db parts/*.jsonl
        """
        from ..store import Database
        from ..store.loader import load as run
        database = Database(db)
        _run_job("load", db, quiet, lambda on_progress: run(database, inputs, batch_size=batch_size,
                                                            on_progress=on_progress))
        database.close()

    @app.command("events")
    def events(
        db: str = DB_OPT,
        actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP),
        country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 of source/target/place."),
        type: Optional[str] = typer.Option(None, "--type", help="PLOVER type (e.g. REQUEST) or CAMEO code."),
        since: Optional[str] = typer.Option(None, "--since", help="Events that may have happened on/after."),
        until: Optional[str] = typer.Option(None, "--until", help="Events that may have happened on/before."),
        text: Optional[str] = typer.Option(None, "--text", help="Full-text search in evidence sentences."),
        modality: Optional[str] = typer.Option(None, "--modality", help="asserted|negated|hypothetical|future|attempted|reported"),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most N rows."),
        format: str = typer.Option("table", "--format", help="table|jsonl|csv"),
    ) -> None:
        """Query stored events.

        Example: tacitus events --db tacitus.db --country PRK --since 2018-01-01 --format table
        """
        from ..store import EVENT_COLUMNS
        if format not in ("table", "jsonl", "csv"):
            raise typer.BadParameter("--format must be table, jsonl or csv")
        f = _filters(actor, country, type, since, until, text, modality)
        database = _open(db)
        _actor_note(database, actor)
        if format == "jsonl":
            rows = database.event_json(**f)[:limit] if limit else database.event_json(**f)
            for ev in rows:
                sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
        elif format == "csv":
            rows = database.event_rows(limit=limit, **f)
            w = csv.DictWriter(sys.stdout, fieldnames=EVENT_COLUMNS)
            w.writeheader()
            w.writerows(rows)
        elif format == "table":
            from .render import print_rows
            rows = database.event_rows(limit=limit, **f)
            print_rows(rows, title=f"{len(rows)} events")
        else:
            raise typer.BadParameter("--format must be table, jsonl or csv")

    @app.command("export")
    def export(
        out: str = typer.Argument(..., help="Output file."),
        db: str = DB_OPT,
        format: str = typer.Option("csv", "--format", help="csv|jsonl|parquet"),
        layout: str = typer.Option("tacitus", "--layout", help="tacitus|polecat|gdelt column layout (csv/parquet)."),
    ) -> None:
        """Export all events to CSV, JSON Lines or Parquet.

        Example: tacitus export --db tacitus.db --format parquet events.parquet
        """
        if format not in ("csv", "jsonl", "parquet"):
            raise typer.BadParameter("--format must be csv, jsonl or parquet")
        if layout not in ("tacitus", "polecat", "gdelt"):
            raise typer.BadParameter("--layout must be tacitus, polecat or gdelt")
        if layout != "tacitus" and format == "jsonl":
            raise typer.BadParameter("the polecat and gdelt layouts are tables: use --format csv or parquet")
        database = _open(db)
        if layout != "tacitus":
            from ..store.exports import export_layout
            n = export_layout(database, out, format=format, layout=layout)
        else:
            n = database.export(out, format=format)
        typer.echo(f"{n} events → {out}", err=True)

    @app.command("rejects")
    def rejects(db: str = DB_OPT, format: str = typer.Option("table", "--format", help="table|jsonl")) -> None:
        """List input records that were rejected, with the reason.

        Example: tacitus rejects --db tacitus.db
        """
        if format not in ("table", "jsonl"):
            raise typer.BadParameter("--format must be table or jsonl")
        rows = _open(db).rejects()
        if format == "jsonl":  # the same keys as `tacitus extract --rejects` writes
            for r in rows:
                out = {"origin": r["origin"], "id": r["record_id"], "reason": r["reason"],
                       "snippet": r.get("snippet") or ""}
                out.update({k: v for k, v in r.items() if k not in ("origin", "record_id", "reason", "snippet")})
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            return
        from rich.console import Console
        from rich.table import Table
        t = Table(title=f"{len(rows)} rejected records")
        for c in ("origin", "record_id", "reason"):
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(r["origin"], r["record_id"] or "", r["reason"])
        Console().print(t)

    @app.command("stats")
    def stats(db: str = DB_OPT) -> None:
        """Counts of articles, events, actors, places, rejects.

        Example: tacitus stats --db tacitus.db
        """
        typer.echo(json.dumps(_open(db).stats(), indent=2))
