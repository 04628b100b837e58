"""Fifth precision pass on modern news (bench/event_precision.py, fresh T17 sample seed 53; bench/RESULTS-events.md
"Precision on modern news"): trigger senses and one non-agent doer. "conceded that ..." admits a fact; "not willing
to comment" is no agreement; "Meet the Press" is a programme; "offered strategies" is advice; "shooting the idea down"
is no shooting; "protected by copyright law" is no aid; "that blast killed" has no doer. Every sentence runs through real spaCy and every stage; each negative has a positive twin. The sentences are
written for these tests."""
from __future__ import annotations

import pytest

from tests.events.news_helpers import evs as _evs


def _types(ctx, trigger):
    return [e.type for e in ctx.events if e.trigger.text == trigger]


NEGATIVES = [
    ("The Canadian minister conceded that the accident was a turning point for the industry .", "conceded"),
    ("The Brazilian minister was not willing to comment on the reports .", "willing"),
    ("The situation is getting worse , '' Senator Kerry said on NBC 's '' Meet the Press . ''", "Meet"),
    ("Opposition politicians offered better strategies to the Iraqi government .", "offered"),
    ("Iraqi officials offered several ideas for ending the crisis .", "offered"),
    ("The Russian government is not shooting the idea down either .", "shooting"),
    ("All materials herein are protected by United States copyright law .", "protected"),
    ("That blast killed 11 workers and spilled millions of barrels of oil .", "killed"),
]

POSITIVES = [
    ("President Dos Santos conceded to demands from UNITA .", "conceded", "CONCEDE"),
    ("Syria says it is willing to withdraw its troops from Lebanon .", "willing", "AGREE"),
    ("Senator Kerry met the Iraqi president in Baghdad .", "met", "CONSULT"),
    ("The Iraqi government offered to hold talks with the rebels .", "offered", "AGREE"),
    ("The rebels shot down a government helicopter .", "shot down", "ASSAULT"),
    ("UN troops protected the refugees in Darfur .", "protected", "AID"),
    ("A car bomb blast killed 11 soldiers in Baghdad .", "killed", "ASSAULT"),
]


@pytest.mark.parametrize("text,trigger", NEGATIVES)
def test_pass5_sense_gives_no_event(code, text, trigger):
    ctx = code(text)
    assert not _types(ctx, trigger), _evs(ctx)


@pytest.mark.parametrize("text,trigger,typ", POSITIVES)
def test_pass5_twin_keeps_its_event(code, text, trigger, typ):
    ctx = code(text)
    assert typ in _types(ctx, trigger), _evs(ctx)
