"""``tacitus serve``: the web UI and JSON API over a database (thin: the app lives in tacitus.web)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: str = typer.Option("tacitus.db", "--db", help="SQLite database file."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
        port: int = typer.Option(8000, "--port", help="Port."),
        index: bool = typer.Option(True, "--index/--no-index",
                                   help="Create the web indexes if missing (one-time; needs write access)."),
    ) -> None:
        """Serve the web UI (events, map, actors, articles, search) and the JSON API (docs at /docs).

        Example: tacitus serve --db tacitus.db --port 8000   then open http://127.0.0.1:8000/
        """
        from pathlib import Path
        import uvicorn
        from ..web import create_app
        if not Path(db).exists():
            raise typer.BadParameter(f"no database at {db} (create one with: tacitus ingest --db {db} FILES)")
        if index:
            from ..store.webqueries import ensure_indexes, missing_indexes
            if missing_indexes(db):
                typer.echo("creating the web indexes (once per database; minutes on millions of events)…", err=True)
            made = ensure_indexes(db)
            if made:
                typer.echo(f"created web indexes: {', '.join(made)}", err=True)
        typer.echo(f"Tacitus on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
