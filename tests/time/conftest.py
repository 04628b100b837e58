from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def example_text():
    from tests.conftest import EXAMPLE
    return EXAMPLE.read_text(encoding="utf-8").split(None, 2)[2]
