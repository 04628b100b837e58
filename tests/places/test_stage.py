"""The places stage on real parses: entity places, the example article, event locations."""
from tacitus.model import Event, Participant, Span
from tacitus.places import EventLocator
from tests.places.helpers_places import places_ctx


def _ctx(nlp, text):
    return places_ctx(nlp, text)


def _event(ctx, trigger_word):
    doc = ctx.doc
    tok = next(t for t in doc if t.text == trigger_word)
    sent = tok.sent
    return Event(type="X", trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
                 sentence=Span(sent.start_char, sent.end_char), head_token=tok.i)


def _located_event(nlp, text, trigger_word):
    """The event of ``trigger_word`` in ``text`` after the places stage and the event locator."""
    ctx = _ctx(nlp, text)
    ev = _event(ctx, trigger_word)
    ctx.events = [ev]
    EventLocator()(ctx)
    return ev


def test_places_example_article_rome(example_article):
    romes = [e for e in example_article.entities if e.text == "Rome"]
    assert romes and all(e.place and e.place.geonameid == 3169070 and e.place.country == "ITA" for e in romes)
    italy = [e for e in example_article.entities if e.text == "Italy"]
    assert italy and italy[0].place.country == "ITA"


def test_places_event_location_from_own_clause(nlp):
    ev = _located_event(nlp, "Protesters clashed with police in Nairobi on Monday. The president visited Paris.",
                        "clashed")
    assert ev.location is not None and ev.location.name == "Nairobi"


def test_places_no_location_from_another_sentence(nlp):
    ev = _located_event(nlp, "The talks collapsed. Delegates later flew home to Geneva.", "collapsed")
    assert ev.location is None


def test_places_metonymy_is_not_a_location(nlp):
    ev = _located_event(nlp, "Washington warned Pyongyang against another test.", "warned")
    assert ev.location is None


def test_places_dateline_is_the_fallback(nlp):
    ev = _located_event(nlp, "NAIROBI (Reuters) - Police arrested three men on Monday.", "arrested")
    assert ev.location is not None and ev.location.country == "KEN"


def test_places_dateline_names_a_city():
    from tacitus.places.stage import find_dateline
    p = find_dateline("WASHINGTON (Reuters) - The president said ...")
    assert p.name == "Washington" and p.feature == "city" and p.country == "USA"


def test_places_relative_where_clause(nlp):
    ev = _located_event(nlp, "NATO condemned the attack in Kabul, where gunmen killed 12 soldiers.", "killed")
    assert ev.location is not None and ev.location.name == "Kabul"


def test_places_noun_trigger_keeps_its_place(nlp):
    ev = _located_event(nlp, "The bombing in Kabul killed five people, officials in Washington said.", "bombing")
    assert ev.location is not None and ev.location.name == "Kabul"
