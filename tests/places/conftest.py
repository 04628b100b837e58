import pytest


@pytest.fixture(scope="session")
def gaz():
    from tacitus.places.gazetteer import get_gazetteer
    return get_gazetteer()
