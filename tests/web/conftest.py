from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .corpus import build


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(web_db):
    from tacitus.web import create_app
    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture(scope="session")
def indexed_client(tmp_path_factory):
    """The same corpus with the web indexes and planner statistics (the plans of a big database)."""
    from tacitus.store.webqueries import ensure_indexes
    from tacitus.web import create_app
    path = build(tmp_path_factory.mktemp("webidx") / "web.db")
    ensure_indexes(path)
    with TestClient(create_app(path)) as c:
        yield c


@pytest.fixture(params=["plain", "indexed"])
def any_client(request, client, indexed_client):
    return client if request.param == "plain" else indexed_client
