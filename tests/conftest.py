from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", ROOT.parent / "shared"))
EXAMPLE = ROOT / "examples" / "000_df06522f36d2b8de.txt"


def shared_path(*parts: str) -> Path:
    """Path into ../shared (dev data); tests using it skip cleanly when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared dev data not available: {p}")
    return p


@pytest.fixture(scope="session")
def nlp():
    from tacitus.pipeline import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from tacitus.pipeline import Pipeline
    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def example_article(pipeline):
    from tacitus.ingest import read
    rec = next(iter(read([EXAMPLE])))
    return pipeline.extract(rec.text, date=rec.date, id=rec.id)


@pytest.fixture
def tmp_db(tmp_path):
    return tmp_path / "test.db"
