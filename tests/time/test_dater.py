"""EventDater: each event dated from the temporal expression that governs it (real spaCy parses)."""
from __future__ import annotations

from datetime import date

import pytest

from tacitus.pipeline import Context
from tacitus.time import EventDater
from tacitus.time.dater import granularity_of
from tests.time.helpers_time import add_event, date_all, make_ctx


@pytest.fixture(scope="module")
def example_ctx(nlp, example_text):
    ctx = make_ctx(nlp, example_text)
    specs = [("disappeared", 0, False, None), ("sought", 0, False, None), ("said", 0, True, None),
             ("asked", 0, False, None), ("declined", 0, True, None), ("defection", 1, False, None),
             ("fled", 0, False, None), ("expelled", 0, False, None), ("test", 0, False, None),
             ("living", 0, False, None), ("defected", 0, False, None),
             ("defected", 1, False, "Ko Yong-hwan"), ("defected", 1, False, "Hyon Song-il"),
             ("took", 0, False, None)]
    evs = {}
    for trig, occ, rep, src in specs:
        evs[(trig, occ, src)] = add_event(ctx, trig, occ, reporting=rep, source=src)
    date_all(ctx)
    return {k: v.date for k, v in evs.items()}


def d(dates, trig, occ=0, src=None):
    x = dates[(trig, occ, src)]
    return x.value, x.start, x.end, x.basis


def test_dater_example_request_early_last_month(example_ctx):
    x = example_ctx[("asked", 0, None)]
    assert (x.value, x.start, x.end, x.granularity, x.basis, x.mod) == \
        ("2018-12", "2018-12-01", "2018-12-31", "month", "text", "START")
    assert x.timex.text == "early last month"


def test_dater_example_reporting_said_on_thursday(example_ctx):
    assert d(example_ctx, "said") == ("2019-01-03", "2019-01-03", "2019-01-03", "text")


def test_dater_example_decline_to_comment_gets_publication_date(example_ctx):
    assert d(example_ctx, "declined") == ("2019-01-03", "2019-01-03", "2019-01-03", "publication")


def test_dater_example_reported_clause_is_not_the_report_date(example_ctx):
    # "X has disappeared ..., a newspaper said on Thursday": Thursday dates the report only
    for trig in ("disappeared", "sought"):
        assert d(example_ctx, trig) == (None, None, "2019-01-03", "unknown")


def test_dater_example_expulsion_after_the_test(example_ctx):
    assert d(example_ctx, "expelled") == ("2017-09", "2017-09-01", None, "text")
    assert example_ctx[("expelled", 0, None)].mod == "AFTER"
    assert d(example_ctx, "test") == ("2017-09", "2017-09-01", "2017-09-30", "text")


def test_dater_example_since_gives_open_end(example_ctx):
    assert d(example_ctx, "living") == ("2015", "2015-01-01", None, "text")
    assert d(example_ctx, "defection", 1) == ("2016", "2016-01-01", None, "text")


def test_dater_example_when_clause_takes_its_timex(example_ctx):
    assert d(example_ctx, "fled") == ("2016", "2016-01-01", "2016-12-31", "text")


def test_dater_example_respectively(example_ctx):
    assert d(example_ctx, "defected", 1, "Ko Yong-hwan")[:3] == ("1991", "1991-01-01", "1991-12-31")
    assert d(example_ctx, "defected", 1, "Hyon Song-il")[:3] == ("1996", "1996-01-01", "1996-12-31")


def test_dater_example_past_duration_window(example_ctx):
    assert d(example_ctx, "defected") == ("P30Y", "1989-01-03", "2019-01-03", "text")


def test_dater_example_undated_asylum_is_unknown_not_publication(example_ctx):
    # a relative clause/apposition with no timex: unknown, before publication
    assert d(example_ctx, "took") == (None, None, "2019-01-03", "unknown")


@pytest.mark.parametrize("text,trigger,expected", [
    ("Troops have been stationed there since March 2016.", "stationed", ("2016-03-01", None, "ON_OR_AFTER")),
    ("The talks collapsed after the election in May 2014.", "collapsed", ("2014-05-01", None, "AFTER")),
    ("The talks collapsed after May 2014.", "collapsed", ("2014-06-01", None, "AFTER")),
    ("The rebels withdrew before June 2015.", "withdrew", (None, "2015-05-31", "BEFORE")),
    ("The ceasefire held until March 2017.", "held", (None, "2017-03-31", "ON_OR_BEFORE")),
    ("The army occupied the town from 1991 to 1996.", "occupied", ("1991-01-01", "1996-12-31", None)),
    ("Police arrested him on Tuesday.", "arrested", ("2019-01-01", "2019-01-01", None)),
])
def test_dater_relations(nlp, text, trigger, expected):
    ctx = make_ctx(nlp, text)
    ev = add_event(ctx, trigger)
    date_all(ctx)
    assert (ev.date.start, ev.date.end, ev.date.mod) == expected
    assert ev.date.basis == "text"


def test_dater_relative_clause_timex_governs_only_its_verb(nlp):
    text = "The minister, who resigned in 2015, criticised the government."
    ctx = make_ctx(nlp, text)
    resigned = add_event(ctx, "resigned")
    criticised = add_event(ctx, "criticised")
    date_all(ctx)
    assert resigned.date.value == "2015"
    assert (criticised.date.value, criticised.date.end, criticised.date.basis) == (None, "2019-01-03", "unknown")


def test_dater_apposition_timex_governs_only_itself(nlp):
    text = "Smith, a general dismissed in 2012, attacked the city."
    ctx = make_ctx(nlp, text)
    attacked = add_event(ctx, "attacked")
    dismissed = add_event(ctx, "dismissed")
    date_all(ctx)
    assert dismissed.date.value == "2012"
    assert attacked.date.basis == "unknown"


def test_dater_future_event_without_timex(nlp):
    ctx = make_ctx(nlp, "The government will raise taxes.")
    ev = add_event(ctx, "raise")
    date_all(ctx)
    assert (ev.date.start, ev.date.end, ev.date.basis) == ("2019-01-03", None, "unknown")


def test_dater_xcomp_inherits_from_governing_verb(nlp):
    ctx = make_ctx(nlp, "On Monday the rebels agreed to release the hostages.")
    ev = add_event(ctx, "release")
    date_all(ctx)
    assert ev.date.value == "2018-12-31"


def test_dater_reporting_weekday_and_publication(nlp):
    ctx = make_ctx(nlp, "The ministry denied the report.")
    ev = add_event(ctx, "denied", reporting=True)
    date_all(ctx)
    assert (ev.date.value, ev.date.start, ev.date.end, ev.date.basis) == \
        ("2019-01-03", "2019-01-03", "2019-01-03", "publication")


def test_dater_without_parse_falls_back_to_sentence(nlp):
    text = "Rebels seized the town in March 2015."
    ctx = make_ctx(nlp, text)
    ev = add_event(ctx, "seized")
    ev.head_token = None
    ctx.doc = None
    EventDater()(ctx)
    assert (ev.date.value, ev.date.basis) == ("2015-03", "text")


def test_dater_no_events_is_a_no_op():
    ctx = Context(text="Nothing happened.", dct=date(2019, 1, 3))
    EventDater()(ctx)
    assert ctx.events == []


@pytest.mark.parametrize("value,gran", [
    ("2018-12", "month"), ("2018-12-01", "day"), ("2018-W01", "week"), ("2018-Q3", "quarter"),
    ("2018-SU", "season"), ("2018", "year"), ("199", "decade"), ("19", "century"),
    ("2019-01-03TMO", "time"), ("PAST_REF", "unknown"),
])
def test_dater_granularity_of(value, gran):
    assert granularity_of(value) == gran


def test_dater_nominal_object_of_a_reaction_keeps_its_own_time(nlp):
    text = "On Thursday the council condemned the bombing of the embassy."
    ctx = make_ctx(nlp, text)
    bombing = add_event(ctx, "bombing")
    condemned = add_event(ctx, "condemned")
    date_all(ctx)
    assert condemned.date.value == "2019-01-03"
    assert bombing.date.basis == "unknown"


def test_dater_nominal_object_of_a_carrier_verb(nlp):
    ctx = make_ctx(nlp, "The army launched an offensive on Tuesday.")
    ev = add_event(ctx, "offensive")
    date_all(ctx)
    assert ev.date.value == "2019-01-01"
