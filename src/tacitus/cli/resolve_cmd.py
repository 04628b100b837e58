"""``tacitus geocode`` and ``tacitus actor``: resolve places and actors alone (thin wrappers)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .checks import check_date, existing_file


def register(app) -> None:
    @app.command("geocode")
    def geocode_cmd(file: Path = typer.Argument(..., help="JSON Lines file ('-' for stdin) of "
                                                "{\"id\", \"text\", \"spans\": [[start, end], ...]}")):
        """Resolve toponym spans to GeoNames places; prints {"id", "places": [place or null per span]}.

        Example: echo '{"id": 1, "text": "Rome, Italy", "spans": [[0, 4]]}' | tacitus geocode -
        """
        from ..places.resolve import geocode
        existing_file(file, "FILE")
        fh = sys.stdin if str(file) == "-" else open(file, encoding="utf-8")
        bad = 0
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text, spans = rec["text"], [(int(a), int(b)) for a, b in rec.get("spans", [])]
            except (ValueError, KeyError, TypeError) as exc:
                bad += 1
                typer.echo(f"line {n}: skipped: {exc}", err=True)
                continue
            places = geocode(text, spans)
            typer.echo(json.dumps({"id": rec.get("id"), "places": [
                None if p is None else {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
                                        "country": p.country, "feature": p.feature} for p in places]},
                ensure_ascii=False))
        if bad:
            raise typer.Exit(1)

    @app.command("actor")
    def actor_cmd(phrases: Optional[List[str]] = typer.Argument(None, help="Phrases to code"),
                  date: Optional[str] = typer.Option(None, "--date", help="Event date (YYYY-MM-DD) for "
                                                     "date-bounded roles in user dictionaries"),
                  input: Optional[Path] = typer.Option(None, "--input", help="JSON Lines of "
                                                       "{\"id\", \"text\", \"date\"?} ('-' for stdin)"),
                  dictionary: Optional[List[Path]] = typer.Option(None, "--dict", help="User dictionary "
                                                                  "(YAML or CSV); repeatable")):
        """Code phrases as actors; prints {"id"?, "text", "actor": {name, country, sectors, code} or null}.

        Example: tacitus actor "Armenian Prime Minister Nikol Pashinyan" "American warplanes"
        """
        from ..actors import load_user_dictionary, resolve_phrase
        from ..actors.userdict import DictionaryError
        from ..ingest.validate import parse_date
        for d in dictionary or []:
            existing_file(d, "--dict")
            try:
                load_user_dictionary(d)
            except DictionaryError as exc:  # names the file, line and reason already
                raise typer.BadParameter(str(exc), param_hint="--dict") from None
            except Exception as exc:  # a malformed dictionary is the user's to fix: say where and why
                raise typer.BadParameter(f"{d}: {exc}", param_hint="--dict") from None
        check_date("--date", date)

        def emit(text, d, rid=None, with_id=False):
            a = resolve_phrase(text, date=parse_date(d) if d else None)
            out = {"id": rid} if with_id else {}
            out["text"] = text
            out["actor"] = None if a is None else {"name": a.name, "country": a.country,
                                                   "sectors": list(a.sectors), "code": a.code}
            typer.echo(json.dumps(out, ensure_ascii=False))

        if input is not None:
            existing_file(input, "--input")
            fh = sys.stdin if str(input) == "-" else open(input, encoding="utf-8")
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    emit(rec["text"], rec.get("date") or date, rec.get("id"), True)
                except (ValueError, KeyError, TypeError) as exc:
                    typer.echo(f"line {n}: skipped: {exc}", err=True)
        for p in phrases or []:
            emit(p, date)
        if not phrases and input is None:
            typer.echo("give phrases or --input FILE", err=True)
            raise typer.Exit(2)
