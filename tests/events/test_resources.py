"""Every '# ex:' line of the events resource files is a test case (STYLE.md: rules as data, each
example tested)."""
from __future__ import annotations

import re

import pytest

from tacitus.events import ontology as O
from tacitus.events import resources as R


def _ids(exs):
    return [f"{e.file}:{e.line}" for e in exs]


def _parse_expect(expect: str) -> tuple[str, dict[str, str]]:
    head, *rest = re.split(r"\s+(?=\w+=)", expect.strip(), maxsplit=0)
    fields = {}
    for part in rest:
        k, _, v = part.partition("=")
        fields[k] = v.strip()
    return head.strip(), fields


def _matching(events, typ, fields):
    out = []
    for e in events:
        if typ not in (e.type, e.plover_type):
            continue
        if "source" in fields and not (e.source and fields["source"] in e.source.text + " " +
                                       e.source.text.replace("’", "'")):
            if not (e.source and e.source.text in fields["source"]):
                continue
        if "target" in fields and not (e.target and (fields["target"] in e.target.text or
                                                     e.target.text in fields["target"])):
            continue
        if "modality" in fields and e.modality != fields["modality"]:
            continue
        out.append(e)
    return out


EVENT_EXAMPLES = (R.examples("triggers.tsv") + R.examples("roles.tsv") + R.examples("leader_participles.txt")
                  + R.examples("death_roles.tsv") + R.examples("inverted_reports.txt"))


@pytest.mark.parametrize("ex", EVENT_EXAMPLES, ids=_ids(EVENT_EXAMPLES))
def test_resources_trigger_example(code, ex):
    typ, fields = _parse_expect(ex.expect)
    events = code(ex.sentence).events
    if typ == "-":  # a negative example: no event at all
        assert events == [], [(e.type, e.trigger.text) for e in events]
        return
    got = [(e.type, e.trigger.text, e.source and e.source.text, e.target and e.target.text, e.modality)
           for e in events]
    assert _matching(events, typ, fields), f"{ex.sentence!r}: want {ex.expect}, got {got}"


MODALITY_EXAMPLES = R.examples("modality.tsv")


@pytest.mark.parametrize("ex", MODALITY_EXAMPLES, ids=_ids(MODALITY_EXAMPLES))
def test_resources_modality_example(code, ex):
    events = code(ex.sentence).events
    assert events, ex.sentence
    assert ex.expect in {e.modality for e in events}, [(e.trigger.text, e.modality) for e in events]


CONTEXT_EXAMPLES = R.examples("contexts.tsv")


@pytest.mark.parametrize("ex", CONTEXT_EXAMPLES, ids=_ids(CONTEXT_EXAMPLES))
def test_resources_context_example(code, ex):
    events = code(ex.sentence).events
    assert any(ex.expect in e.contexts for e in events), [(e.type, e.contexts) for e in events]


AGENT_EXAMPLES = R.examples("agents.txt")


@pytest.mark.parametrize("ex", AGENT_EXAMPLES, ids=_ids(AGENT_EXAMPLES))
def test_resources_agent_example(code, ex):
    assert ex.expect in R.words("agents.txt")
    assert code(ex.sentence).events


ONTOLOGY_EXAMPLES = R.examples("ontology.tsv")


@pytest.mark.parametrize("ex", ONTOLOGY_EXAMPLES, ids=_ids(ONTOLOGY_EXAMPLES))
def test_resources_ontology_example(ex):
    kind, plover, cameo = ex.expect.split()
    t = O.types()[ex.sentence]
    assert (t.kind, t.plover, t.cameo) == (kind, plover, cameo)


CAMEO_EXAMPLES = R.examples("cameo.tsv")


@pytest.mark.parametrize("ex", CAMEO_EXAMPLES, ids=_ids(CAMEO_EXAMPLES))
def test_resources_cameo_example(ex):
    parts = ex.expect.split()
    c = O.cameo_codes()[ex.sentence]
    assert c.type == parts[0]
    if len(parts) > 1:
        assert c.mode == parts[1]


LEGACY_EXAMPLES = R.examples("legacy_types.tsv")


@pytest.mark.parametrize("ex", LEGACY_EXAMPLES, ids=_ids(LEGACY_EXAMPLES))
def test_resources_legacy_example(ex):
    table = {f[0]: f[1] for _, f in R.rows("legacy_types.tsv")}
    assert table[ex.sentence] == ex.expect
    assert ex.expect in O.plover_types()


def test_resources_every_rule_type_is_in_the_ontology():
    from tacitus.events.lexicon import rules
    types = O.types()
    for rs in rules().values():
        for r in rs:
            assert r.type in types, (r.line, r.type)
            if r.mode:
                assert r.mode in types[r.type].modes, (r.line, r.type, r.mode)
            if r.cameo:
                assert r.cameo in O.cameo_codes() or r.cameo == types[r.type].cameo, (r.line, r.cameo)


def test_resources_ontology_has_the_16_plover_types_and_extensions():
    assert len(O.plover_types()) == 16
    assert {"DEFECT", "NUCLEAR_TEST", "DECLINE_COMMENT"} <= set(O.extension_types())
    for name in O.extension_types():
        assert O.nearest_plover(name) in O.plover_types()
    assert O.VERSION and O.VERSION != "unversioned"


NON_AGENT_EXAMPLES = R.examples("non_agents.txt")


@pytest.mark.parametrize("ex", NON_AGENT_EXAMPLES, ids=_ids(NON_AGENT_EXAMPLES))
def test_resources_non_agent_example(code, ex):
    assert ex.expect in R.words("non_agents.txt")
    assert code(ex.sentence).events == []


SECTOR_EXAMPLES = R.examples("political_sectors.txt")


@pytest.mark.parametrize("ex", SECTOR_EXAMPLES, ids=_ids(SECTOR_EXAMPLES))
def test_resources_political_sector_example(ex):
    assert ex.sentence.lower() in R.words("political_sectors.txt")


MESSAGE_EXAMPLES = R.examples("message_nouns.txt")


@pytest.mark.parametrize("ex", MESSAGE_EXAMPLES, ids=_ids(MESSAGE_EXAMPLES))
def test_resources_message_noun_example(code, ex):
    assert ex.expect in R.words("message_nouns.txt")
    ev = [e for e in code(ex.sentence).events if e.type == "REJECT"][0]
    assert ev.target is not None and ev.target.text in ("Kofi Annan", "Afghanistan")


def test_resources_trigger_rules_are_well_formed():
    from tacitus.events.lexicon import POS, rules
    known = {"dobj", "prep", "xcomp", "mod", "subj", "light", "head", "under", "mark"}
    flags = {"frame", "intent", "ambig", "reporting", "patientposs", "ofsource", "never", "modal",
             "stative", "negonly", "needtarget", "needembedded"}
    slots = {"dobj", "dative", "place"}
    for (lem, pos), rs in rules().items():
        assert pos in POS, (lem, pos)
        for r in rs:
            for c in r.when:
                assert c.rel in known or c.rel.startswith("pobj:"), (r.line, c.rel)
            assert r.flags <= flags, (r.line, r.flags - flags)
            for t in r.target:
                assert t in slots or t.isalpha(), (r.line, t)
    for _, f in R.rows("triggers.tsv"):
        assert len(f) == 8, f


HUMAN_EXAMPLES = R.examples("human_nouns.txt")


@pytest.mark.parametrize("ex", HUMAN_EXAMPLES, ids=_ids(HUMAN_EXAMPLES))
def test_resources_human_noun_example(code, ex):
    """A plain-people object is the recipient as it stands (no search of the complement for a place)."""
    assert ex.expect in R.words("human_nouns.txt")
    evs = [e for e in code(ex.sentence).events if e.target is not None]
    assert any(ex.expect in e.target.text.lower() or ex.expect + "s" in e.target.text.lower()
               or e.target.text.lower().endswith(ex.expect[:-2] + "en") for e in evs), \
        [(e.type, e.target and e.target.text) for e in code(ex.sentence).events]


FORCE_EXAMPLES = R.examples("force_nouns.txt")


@pytest.mark.parametrize("ex", FORCE_EXAMPLES, ids=_ids(FORCE_EXAMPLES))
def test_resources_force_noun_example(code, ex):
    """The passive subject of a withdrawal, when an armed force, is the doer."""
    assert ex.expect in R.words("force_nouns.txt")
    evs = [e for e in code(ex.sentence).events if e.type == "RETREAT"]
    assert evs and evs[0].source is not None and ex.expect in evs[0].source.text.lower(), \
        [(e.type, e.source and e.source.text) for e in code(ex.sentence).events]


INHABITED_EXAMPLES = R.examples("inhabited_places.txt")


@pytest.mark.parametrize("ex", INHABITED_EXAMPLES, ids=_ids(INHABITED_EXAMPLES))
def test_resources_inhabited_place_example(code, ex):
    """A populated place hit by a physical act stands for its people (CVL)."""
    assert ex.expect in R.words("inhabited_places.txt")
    evs = [e for e in code(ex.sentence).events if e.target is not None and e.target.actor is not None]
    assert any(e.target.actor.sectors[:1] == ["CVL"] for e in evs), \
        [(e.type, e.target and e.target.text, e.target and e.target.actor) for e in code(ex.sentence).events]


def test_resources_capital_recipient_is_its_government_unless_only_the_place(code):
    ev = [e for e in code("Sri Lanka broke off diplomatic relations with Tehran on Monday.").events if e.target][0]
    assert ev.target.text == "Tehran" and ev.target.actor.sectors == ["GOV"]
    ev = [e for e in code("Police imposed a curfew in Abidjan after the riots.").events if e.target][0]
    assert ev.target.actor.country == "CIV" and ev.target.actor.sectors == ["CVL"]


WEAPON_EXAMPLES = R.examples("weapon_nouns.txt")


@pytest.mark.parametrize("ex", WEAPON_EXAMPLES, ids=_ids(WEAPON_EXAMPLES))
def test_resources_weapon_noun_example(code, ex):
    """The weapon an attack is done with is not its recipient."""
    assert ex.expect in R.words("weapon_nouns.txt")
    evs = [e for e in code(ex.sentence).events if e.type == "ASSAULT"]
    assert evs and evs[0].target is not None and ex.expect not in evs[0].target.text.lower(), \
        [(e.type, e.target and e.target.text) for e in code(ex.sentence).events]


TOPIC_EXAMPLES = R.examples("topic_preps.txt")


@pytest.mark.parametrize("ex", TOPIC_EXAMPLES, ids=_ids(TOPIC_EXAMPLES))
def test_resources_topic_prep_example(code, ex):
    """A noun trigger in a topic phrase does not take the governing verb's roles."""
    assert ex.expect in R.words("topic_preps.txt")
    ctx = code(ex.sentence)
    verb = next(t for t in ctx.doc if t.dep_ == "ROOT")
    addressee = {c.i for p in verb.children if p.lower_ == "to" for c in p.subtree}
    for e in ctx.events:
        if e.head_token is not None and ctx.doc[e.head_token].pos_ == "NOUN" and e.target is not None:
            span = ctx.doc.char_span(e.target.start, e.target.end, alignment_mode="expand")
            assert not ({t.i for t in span} & addressee), (e.type, e.target.text)



CRIME_EXAMPLES = R.examples("crime_markers.tsv")


@pytest.mark.parametrize("ex", CRIME_EXAMPLES, ids=_ids(CRIME_EXAMPLES))
def test_resources_crime_marker_example(code, ex):
    """An unidentified armed actor is CRM where the text marks it as a criminal, else UAF; the event stays."""
    _, fields = _parse_expect("x " + ex.expect)
    evs = [e for e in code(ex.sentence).events if e.type == "ASSAULT" and e.source and e.source.actor]
    assert evs, [(e.type, e.source and e.source.actor) for e in code(ex.sentence).events]
    assert fields["source"] in evs[0].source.actor.sectors, [(e.source.text, e.source.actor.code) for e in evs]
