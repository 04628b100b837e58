"""The foundation issue's acceptance events a-f on the example article (dates are the time stage's)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events(example_article):
    return example_article.events


def _find(events, typ, trigger=None):
    return [e for e in events if typ in (e.type, e.plover_type) and
            (trigger is None or e.trigger.text.lower().startswith(trigger))]


def test_example_a_request_protection_reported_by_joongang(events):
    (ev,) = _find(events, "REQUEST", "asked")
    assert ev.source.text == "Jo Song-gil"
    assert ev.target.text == "Italian authorities"
    assert "asylum" in ev.contexts
    assert ev.modality == "reported"
    assert ev.attribution is not None and "Joongang Ilbo" in ev.attribution.text
    if ev.source.actor is not None:  # actors stage
        assert ev.source.actor.country == "PRK"
    if ev.target.actor is not None:
        assert ev.target.actor.country == "ITA"


def test_example_a_attempted_defection(events):
    (ev,) = [e for e in _find(events, "DEFECT") if e.trigger.text == "defect"]
    assert ev.modality == "attempted"
    assert ev.source.text == "Jo Song-gil"
    assert ev.attribution is not None and "Joongang Ilbo" in ev.attribution.text


def test_example_b_italy_protects_him(events):
    (ev,) = _find(events, "AID", "protecting")
    assert ev.target.text == "him"
    assert ev.modality == "reported"


def test_example_c_italy_expels_ambassador(events):
    (ev,) = _find(events, "SANCTION", "expelled")
    assert ev.mode == "expel" and ev.cameo == "166"
    assert ev.source.text == "Italy"
    assert "Mun Jong-nam" in ev.target.text
    assert ev.attribution is not None and "Joongang Ilbo" in ev.attribution.text
    if ev.source.actor is not None:
        assert ev.source.actor.country == "ITA"


def test_example_d_sixth_nuclear_test(events):
    (ev,) = _find(events, "NUCLEAR_TEST", "test")
    assert ev.plover_type == "MOBILIZE"
    assert ev.source.text == "the North"
    assert "cbrn" in ev.contexts


@pytest.mark.parametrize("who,where", [("Thae Yong-ho", "the South"), ("Ko Yong-hwan", "the South"),
                                       ("Hyon Song-il", "the South"), ("Jang Sung-gil", "the United States")])
def test_example_e_defections(events, who, where):
    evs = [e for e in _find(events, "DEFECT") if e.target and e.target.text == where]
    if who == "Thae Yong-ho":  # parsed as "deputy ambassador to London Thae Yong-ho"
        assert any(e.trigger.text == "fled" for e in evs)
        return
    assert any(e.source and e.source.text == who for e in evs), [(e.source, e.target) for e in evs]


def test_example_e_coordinated_subjects_are_two_events(events):
    evs = [e for e in _find(events, "DEFECT", "defected") if e.target and e.target.text == "the South"]
    assert {e.source.text for e in evs} == {"Ko Yong-hwan", "Hyon Song-il"}
    assert len({e.trigger.start for e in evs}) == 1


def test_example_e_jang_took_asylum(events):
    (ev,) = [e for e in _find(events, "DEFECT", "took")]
    assert ev.source.text == "Jang Sung-gil" and ev.mode == "asylum"
    assert "asylum" in ev.contexts


def test_example_f_nis_declines_comment(events):
    (ev,) = _find(events, "DECLINE_COMMENT", "declined")
    assert ev.cameo == "011" and ev.plover_type == "REJECT"
    assert ev.reporting is True
    assert "intelligence agency" in ev.source.text
    assert ev.modality == "asserted"


def test_example_f_spokesman_does_not_comment(events):
    (ev,) = _find(events, "DECLINE_COMMENT", "comment")
    assert ev.source.text.startswith("a spokesman") and ev.reporting


def test_example_hypothetical_first_defection(events):
    (ev,) = _find(events, "DEFECT", "defection")
    assert ev.modality == "hypothetical"
    assert ev.source.text == "a North Korean diplomat"


def test_example_every_event_carries_evidence_and_version(example_article):
    text = example_article.text
    from tacitus.events import ontology as O
    for ev in example_article.events:
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert ev.sentence.start <= ev.trigger.start < ev.trigger.end <= ev.sentence.end
        assert ev.ontology_version == O.VERSION
        assert ev.head_token is not None
        assert 0 < ev.confidence <= 1
        for part in (ev.source, ev.target, ev.attribution):
            if part is not None:
                assert text[part.start:part.end] == part.text


def test_example_e_list_members_inherit_the_group(events):
    # "Several diplomats working overseas have defected ... They include Ko Yong-hwan and Hyon Song-il":
    # the group takes North Korea from the earlier "North Korean diplomats", its members take the group's code
    evs = [e for e in _find(events, "DEFECT", "defected") if e.source]
    group = [e for e in evs if e.source.text == "Several diplomats"]
    assert group and group[0].source.actor.code == "PRKGOV"
    members = [e for e in evs if e.source.text in ("Ko Yong-hwan", "Hyon Song-il")]
    assert len(members) == 2 and all(e.source.actor.code == "PRKGOV" for e in members)
