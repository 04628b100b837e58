import pytest

from tacitus.events import resources as R

EXAMPLES = R.examples("light_verbs.txt")


@pytest.mark.parametrize("ex", EXAMPLES, ids=[f"{e.file}:{e.line}" for e in EXAMPLES])
def test_light_verbs_example(code, ex):
    assert ex.expect in R.words("light_verbs.txt")
    events = code(ex.sentence).events
    assert events and events[0].source is not None, [(e.type, e.source) for e in events]
