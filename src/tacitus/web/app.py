"""The web app factory: ``create_app(db_path, settings)`` → a FastAPI app serving HTML pages, their
``.json`` twins and a JSON API under ``/api``. Everything it shows comes from the library
(:mod:`tacitus.store` and :mod:`tacitus.store.webqueries`); every asset is served by the app itself."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from . import render

HERE = Path(__file__).parent


@dataclass
class Settings:
    """Plain values only (STYLE: config holds values)."""
    title: str = "Tacitus"
    page_size: int = 50
    max_page_size: int = 200
    max_offset: int = 10000          # deeper pages: narrow the filters instead
    count_cap: int = 10000           # filtered counts stop here ("10,000+")
    map_points: int = 1500
    cache_seconds: float = 120.0     # overview / option lists
    warm: bool = True                # compute them in the background at start-up
    extra: dict[str, Any] = field(default_factory=dict)


class Cache:
    """TTL cache for expensive, slowly changing aggregates (counts, option lists). A stale value is
    served while one background thread recomputes it, so no request waits after the first fill."""

    def __init__(self, ttl: float):
        self.ttl, self._d, self._lock, self._busy = ttl, {}, threading.Lock(), set()

    def get(self, key: str, fn: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            hit = self._d.get(key)
            if hit and now - hit[0] >= self.ttl and key not in self._busy:
                self._busy.add(key)
                threading.Thread(target=self._refresh, args=(key, fn), daemon=True).start()
        if hit:
            return hit[1]
        val = fn()
        with self._lock:
            self._d[key] = (time.monotonic(), val)
        return val

    def _refresh(self, key: str, fn: Callable[[], Any]) -> None:
        try:
            val = fn()
            with self._lock:
                self._d[key] = (time.monotonic(), val)
        except Exception:  # keep serving the stale value
            pass
        finally:
            with self._lock:
                self._busy.discard(key)


CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _env() -> Environment:
    env = Environment(loader=PackageLoader("tacitus.web", "templates"),
                      autoescape=select_autoescape(["html", "svg", "xml"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(fmt_int=render.fmt_int, date_label=render.date_label, actor_url=render.actor_url,
                       event_sentence=render.event_sentence)
    env.globals.update(qs=render.qs, count_label=render.count_label)
    return env


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """Build the app for one SQLite database (opened read-only, one connection per request)."""
    from ..store import Database
    settings = settings or Settings()
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    Database(db_path, readonly=True).close()  # fail early on a file that is not a database

    app = FastAPI(title=f"{settings.title} API", version="1",
                  description="Evidence-backed events extracted from dated news articles. Every HTML page "
                              "also has a JSON twin at the same URL with .json.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.db_path = db_path
    app.state.env = _env()
    app.state.cache = Cache(settings.cache_seconds)
    app.state.env.globals.update(site_title=settings.title)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        t0 = time.perf_counter()
        resp = await call_next(request)
        resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}"
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        return resp

    def wants_json(request: Request) -> bool:
        p = request.url.path
        return p.startswith("/api/") or p.endswith(".json") or p == "/openapi.json"

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if wants_json(request):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        html = app.state.env.get_template("error.html").render(status=exc.status_code, detail=exc.detail,
                                                              request=request, nav="")
        return HTMLResponse(html, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', [])[1:])}: {e.get('msg')}" for e in exc.errors())
        if wants_json(request):
            return JSONResponse({"error": msgs, "status": 400}, status_code=400)
        html = app.state.env.get_template("error.html").render(status=400, detail=msgs, request=request, nav="")
        return HTMLResponse(html, status_code=400)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        logging.getLogger("tacitus.web").exception("error serving %s", request.url.path)
        detail = "Something went wrong on our side; the error is in the server log."
        if wants_json(request):
            return JSONResponse({"error": detail, "status": 500}, status_code=500)
        html = app.state.env.get_template("error.html").render(status=500, detail=detail, request=request, nav="")
        return HTMLResponse(html, status_code=500)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})

    def cached(key: str, fn: Callable):
        """``fn(conn)`` cached under ``key``; computed on its own read-only connection."""
        def run():
            db = Database(db_path, readonly=True)
            try:
                return fn(db.conn)
            finally:
                db.close()
        return app.state.cache.get(key, run)
    app.state.cached = cached

    def warm():  # fill the overview caches before the first visitor asks
        from ..store import webqueries as wq
        try:
            cached("overview", wq.overview)
            cached("types", wq.type_counts)
            cached("countries", wq.country_options)
            cached("top_actors", lambda c: wq.top_actors(c, 15))
            from . import geo
            geo.countries()  # parse the world outlines once
        except Exception:
            pass
    if settings.warm:
        threading.Thread(target=warm, daemon=True).start()

    from .routers import home, events, articles, actors, map as map_, search, timeline, docs
    for r in (home, events, articles, actors, map_, search, timeline, docs):
        app.include_router(r.router)
    return app
