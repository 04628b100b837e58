"""Web UI and JSON API over a Tacitus SQLite database: ``create_app(db_path, settings)``."""
from .app import Settings, create_app  # noqa: F401
