"""EventDater: each event dated from the temporal expression that governs it (real spaCy parses)."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.model import Timex
from tacitus.pipeline import Context
from tacitus.time import EventDater
from tacitus.time.dater import granularity_of, mod_interval, timex_interval
from tests.time.helpers_time import EXAMPLE_DCT, add_event, date_all, dated, make_ctx


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
    # "early last month" (2018-12, mod START): the first third of the month, not the whole month
    x = example_ctx[("asked", 0, None)]
    assert (x.value, x.start, x.end, x.granularity, x.basis, x.mod) == \
        ("2018-12", "2018-12-01", "2018-12-10", "month", "text", "START")
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
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.start, ev.date.end, ev.date.mod) == expected
    assert ev.date.basis == "text"


def test_dater_relative_clause_timex_governs_only_its_verb(nlp):
    text = "The minister, who resigned in 2015, criticised the government."
    resigned, criticised = dated(nlp, text, "resigned", "criticised")
    assert resigned.date.value == "2015"
    assert (criticised.date.value, criticised.date.end, criticised.date.basis) == (None, "2019-01-03", "unknown")


def test_dater_apposition_timex_governs_only_itself(nlp):
    text = "Smith, a general dismissed in 2012, attacked the city."
    attacked, dismissed = dated(nlp, text, "attacked", "dismissed")
    assert dismissed.date.value == "2012"
    assert attacked.date.basis == "unknown"


def test_dater_future_event_without_timex(nlp):
    [ev] = dated(nlp, "The government will raise taxes.", "raise")
    assert (ev.date.start, ev.date.end, ev.date.basis) == ("2019-01-03", None, "unknown")


def test_dater_xcomp_inherits_from_governing_verb(nlp):
    [ev] = dated(nlp, "On Monday the rebels agreed to release the hostages.", "release")
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
    bombing, condemned = dated(nlp, text, "bombing", "condemned")
    assert condemned.date.value == "2019-01-03"
    assert bombing.date.basis == "unknown"


def test_dater_nominal_object_of_a_carrier_verb(nlp):
    [ev] = dated(nlp, "The army launched an offensive on Tuesday.", "offensive")
    assert ev.date.value == "2019-01-01"


# -- QA review: a weekday in the same clause must date the event (DCT 2024-05-08, a Wednesday) ---------
QA_DCT = date(2024, 5, 8)
FRI, MON, WED = "2024-05-03", "2024-05-06", "2024-05-08"


@pytest.mark.parametrize("text,triggers,day", [
    # no carrier entry for impose; the triggers the events stage uses, and the verb
    ("The EU imposed sanctions on Belarus on Friday.", ["sanctions", "imposed"], FRI),
    # "from Germany" is not a temporal phrase: "on Monday" stays on the verb
    ("Ukraine requested military aid from Germany on Monday.", ["requested"], MON),
    # the date phrase is parsed onto the object noun ("ceasefire"), which is no event noun with its own date
    ("Hamas and Israel agreed to a ceasefire on Monday.", ["agreed"], MON),
    # "staged" is lemmatized "stag"
    ("Protesters staged a rally in Paris on Monday.", ["rally", "staged"], MON),
    ("Gunmen opened fire on a bus in Kabul on Monday.", ["fire", "opened"], MON),
    ("The US imposed a travel ban on visitors from the country on Monday.", ["ban", "imposed"], MON),
    ("On Friday, Obama suggested a new fund as he condemned the company.", ["suggested", "condemned"], FRI),
    # a to-complement's date of the past week dates the ordering too
    ("The ministry ordered the diplomats to leave the country on Wednesday.", ["ordered", "leave"], WED),
    # variants
    ("Police on Monday arrested three men.", ["arrested"], MON),
    ("Police arrested a man from Kabul on Monday.", ["arrested"], MON),
    ("Workers went on strike on Monday.", ["strike", "went"], MON),
    ("Israel launched air strikes on targets in Gaza on Friday.", ["strikes", "launched"], FRI),
    ("Speaking on Friday, Obama blamed BP for the spill.", ["blamed"], FRI),
    ("Egypt started seizing and slaughtering pigs on Monday.", ["seizing", "slaughtering"], MON),
    ("On Friday, Mr Obama was due to meet advisers.", ["meet"], FRI),
    ("On Friday, Obama suggested BP was trying to duck responsibility, as he condemned the spectacle.",
     ["suggested", "condemned"], FRI),
    ("Cobra is to meet at 11am today to discuss swine flu.", ["meet", "discuss"], WED),
])
def test_dater_weekday_in_the_same_clause(nlp, text, triggers, day):
    evs = dated(nlp, text, *triggers, dct=QA_DCT)
    for t, ev in zip(triggers, evs):
        assert (t, ev.date.start, ev.date.end, ev.date.basis) == (t, day, day, "text")


def test_dater_future_complement_next_week(nlp):
    ctx = make_ctx(nlp, "The army said it would continue the strikes next week.", QA_DCT)
    said = add_event(ctx, "said", reporting=True)
    cont, strikes = add_event(ctx, "continue"), add_event(ctx, "strikes")
    date_all(ctx)
    for ev in (cont, strikes):
        assert (ev.date.value, ev.date.start, ev.date.end, ev.date.basis) == \
            ("2024-W20", "2024-05-13", "2024-05-19", "text")
    # the report is not dated by the reported future
    assert (said.date.value, said.date.basis) == (WED, "publication")


@pytest.mark.parametrize("text", [
    "The EU imposed sanctions on Belarus on Friday.",
    "Ukraine requested military aid from Germany on Monday.",
    "Hamas and Israel agreed to a ceasefire on Monday.",
    "Protesters staged a rally in Paris on Monday.",
    "Gunmen opened fire on a bus in Kabul on Monday.",
    "The US imposed a travel ban on visitors from the country on Monday.",
    "On Friday, Obama suggested a new fund as he condemned the company.",
    "The ministry ordered the diplomats to leave the country on Wednesday.",
])
def test_dater_qa_sentences_through_the_pipeline(pipeline, text):
    """Whatever triggers the events stage picks, every event of these sentences has the weekday's date."""
    art = pipeline.extract(text, QA_DCT)
    day = {"Friday": FRI, "Monday": MON, "Wednesday": WED}[re.search(r"(\w+day)", text).group(1)]
    assert art.events
    for ev in art.events:
        assert (ev.trigger.text, ev.date.start, ev.date.end, ev.date.basis) == (ev.trigger.text, day, day, "text")


def test_dater_qa_future_sentence_through_the_pipeline(pipeline):
    art = pipeline.extract("The army said it would continue the strikes next week.", QA_DCT)
    assert art.events
    for ev in art.events:
        if ev.reporting:
            assert ev.date.basis == "publication"
        else:
            assert (ev.date.start, ev.date.end, ev.date.basis) == ("2024-05-13", "2024-05-19", "text")


@pytest.mark.parametrize("text,trigger", [
    # a possessive or prenominal date belongs to its noun
    ("The council condemned Sunday's attack.", "condemned"),
    # a topic, not a time
    ("China banned all discussion concerning June 4 1989.", "banned"),
    # a later date on a to-complement is the complement's own ...
    ("The rebels agreed to release the hostages next week.", "agreed"),
    # ... and so is an old one
    ("A judge has ordered the doctor to stand trial over the singer's death in 2009.", "ordered"),
    # a deadline of the complement does not date the order
    ("The ministry ordered the diplomats to leave the country by Friday.", "ordered"),
    # "as" of comparison, in another tense
    ("The company delayed a decision on Friday, as politicians have demanded.", "demanded"),
    # vague expressions are not moved off their noun
    ("He called for a force for the future.", "called"),
    # only verbs of occurrence pass their time to their subject
    ("The killing of the students led to prosperity today.", "killing"),
    # a relative clause keeps its own time
    ("The minister, who resigned on Monday, criticised the government.", "criticised"),
    # lift is no carrier: the sanctions are older than their lifting
    ("The EU lifted the sanctions on Belarus on Friday.", "sanctions"),
])
def test_dater_does_not_lift_foreign_dates(nlp, text, trigger):
    [ev] = dated(nlp, text, trigger, dct=QA_DCT)
    assert ev.date.basis == "unknown", (ev.date.value, ev.date.start, ev.date.end)


@pytest.mark.parametrize("text,trigger,value", [
    ("Eleven workers were killed in Sunday's explosion.", "killed", "2024-05-05"),
    ("An April 20 explosion killed 11 workers.", "killed", "2024-04-20"),
    ("Officials blamed the April 20 explosion that killed 11 workers.", "killed", "2024-04-20"),
    ("He spoke at Monday's summit in Brussels.", "spoke", MON),
])
def test_dater_event_noun_with_its_own_date(nlp, text, trigger, value):
    [ev] = dated(nlp, text, trigger, dct=QA_DCT)
    assert (ev.date.start, ev.date.end, ev.date.basis) == (value, value, "text")


def test_dater_event_noun_date_does_not_date_the_reaction(nlp):
    [ev] = dated(nlp, "Officials blamed the April 20 explosion that killed 11 workers.", "blamed", dct=QA_DCT)
    assert ev.date.basis == "unknown"


def test_dater_from_is_temporal_only_with_a_timex(nlp):
    [ev] = dated(nlp, "The Soviet Union withdrew from Afghanistan in 1989.", "withdrew", dct=QA_DCT)
    assert (ev.date.start, ev.date.end, ev.date.mod) == ("1989-01-01", "1989-12-31", None)


# -- early / mid / late: an honest part of the period ---------------------------------------------------
@pytest.mark.parametrize("text,trigger,expected", [
    ("They met early last month.", "met", ("2024-04", "2024-04-01", "2024-04-10", "START")),
    ("They met in mid-December.", "met", ("2023-12", "2023-12-11", "2023-12-20", "MID")),
    ("They met in late December.", "met", ("2023-12", "2023-12-21", "2023-12-31", "END")),
    ("They met in early 2015.", "met", ("2015", "2015-01-01", "2015-04-30", "START")),
    ("They met in late 2015.", "met", ("2015", "2015-09-01", "2015-12-31", "END")),
    # "earlier"/"later" this period: up to / from the publication date
    ("They met earlier this week.", "met", ("2024-W19", "2024-05-06", WED, "START")),
    ("They will meet later this year.", "meet", ("2024", WED, "2024-12-31", "END")),
    # "before the end of May" is by the end of May
    ("The deal must be signed before the end of May.", "signed", ("2024-05", None, "2024-05-31", "BEFORE")),
])
def test_dater_mod_intervals(nlp, text, trigger, expected):
    [ev] = dated(nlp, text, trigger, dct=QA_DCT)
    assert (ev.date.value, ev.date.start, ev.date.end, ev.date.mod) == expected
    assert ev.date.basis == "text"


@pytest.mark.parametrize("a,b,mod,expected", [
    ("2018-12-01", "2018-12-31", "START", ("2018-12-01", "2018-12-10")),
    ("2018-12-01", "2018-12-31", "MID", ("2018-12-11", "2018-12-20")),
    ("2018-12-01", "2018-12-31", "END", ("2018-12-21", "2018-12-31")),
    ("2019-02-01", "2019-02-28", "END", ("2019-02-19", "2019-02-28")),
    ("2015-01-01", "2015-12-31", "MID", ("2015-05-01", "2015-08-31")),
    ("2019-07-01", "2019-09-30", "START", ("2019-07-01", "2019-07-31")),
    ("1990-01-01", "1999-12-31", "START", ("1990-01-01", "1992-12-31")),
    ("1990-01-01", "1999-12-31", "END", ("1996-01-01", "1999-12-31")),
    ("2024-05-13", "2024-05-19", "START", ("2024-05-13", "2024-05-14")),
    ("2024-05-13", "2024-05-19", "END", ("2024-05-17", "2024-05-19")),
    ("2019-01-01", "2019-01-01", "END", ("2019-01-01", "2019-01-01")),
    ("2018-12-01", "2018-12-31", "APPROX", ("2018-12-01", "2018-12-31")),
])
def test_dater_mod_interval_thirds(a, b, mod, expected):
    got = mod_interval(date.fromisoformat(a), date.fromisoformat(b), mod)
    assert tuple(x.isoformat() for x in got) == expected


# -- rules measured on TBAQ event-timex TLINKs (bench/dating.py) -----------------------------------------

@pytest.mark.parametrize("text,trigger,value", [
    # a nominal event in an at/in/during phrase of a verb is the setting of the verb's event
    ("Officials spoke at a news conference in Nairobi on Wednesday.", "conference", "2019-01-02"),
    ("Castro read the message on Wednesday at a rally in Havana.", "rally", "2019-01-02"),
    ("Eleven people were killed in a bombing on Sunday.", "bombing", "2018-12-30"),
])
def test_dater_nominal_setting_shares_the_verb_date(nlp, text, trigger, value):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.value, ev.date.basis) == (value, "text")


def test_dater_nominal_case_of_a_legal_verb_keeps_its_own_time(nlp):
    # "charged ... in the slaying": the slaying is the (earlier) case, not the setting of the charge
    slaying, charged = dated(nlp, "He was charged with murder on Thursday in the slaying of a doctor.",
                             "slaying", "charged")
    assert charged.date.value == "2019-01-03"
    assert slaying.date.basis == "unknown" and slaying.date.timex is None


def test_dater_nominal_setting_not_through_on(nlp):
    # "commented on the attack": "on" gives the topic, not the setting; the verb stays undated too
    [ev] = dated(nlp, "The senator voted on the budget on Monday.", "budget")
    assert ev.date.basis == "unknown" and ev.date.timex is None


def test_dater_date_phrase_inside_a_nominal_events_arguments(nlp):
    # "in August" hangs on "mine", inside the arguments of the nominal event "strike": it dates the strike
    strike, cost = dated(nlp, "The strike by miners at the Grasberg mine in August cost the company millions.",
                         "strike", "cost")
    assert (strike.date.value, strike.date.start, strike.date.end) == ("2018-08", "2018-08-01", "2018-08-31")
    assert cost.date.basis == "unknown"


def test_dater_date_phrase_inside_a_nominal_stops_at_another_event_noun(nlp):
    # "in March 2018" hangs on "plant": it dates the explosion (the first event noun on the way up), not
    # the report about it
    report, explosion = dated(nlp, "A report about the explosion at the plant in March 2018 blamed the "
                              "operator.", "report", "explosion")
    assert (explosion.date.value, explosion.date.basis) == ("2018-03", "text")
    assert report.date.basis == "unknown" and report.date.timex is None


def test_dater_as_clause_with_a_passive_main_verb(nlp):
    # "was shot at 10 p.m. as he stood": simple past passive and simple past share the time
    stood, shot = dated(nlp, "Slepian was shot at 10 p.m. as he stood in his kitchen.", "stood", "shot")
    assert shot.date.value == stood.date.value == "2019-01-03T22:00"
    assert stood.date.timex.text == "10 p.m."


def test_dater_as_clause_in_another_tense_stays_apart(nlp):
    [ev] = dated(nlp, "Slepian was shot at 10 p.m., as critics have long warned.", "warned")
    assert ev.date.basis == "unknown"


@pytest.mark.parametrize("text,trigger,value", [
    ("The stock began trading this summer at $14 apiece.", "began", "2019-SU"),
    ("Intel said it would start producing chips next week.", "start", "2019-W02"),
    ("The company stopped paying a dividend in the third quarter of 1984.", "stopped", "1984-Q3"),
])
def test_dater_aspectual_verb_takes_its_complements_date(nlp, text, trigger, value):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.value, ev.date.basis) == (value, "text")


def test_dater_non_aspectual_verb_does_not_take_its_complements_date(nlp):
    # "agreed to release them next week": the release is next week, the agreement is not
    [ev] = dated(nlp, "The ministry agreed to release them next week.", "agreed")
    assert ev.date.basis == "unknown" and ev.date.timex is None


def test_dater_conjuncts_in_two_tenses_do_not_share_a_date(nlp):
    sought, own = dated(nlp, "GM sought clearance last week but does not own any shares yet.", "sought", "own")
    assert sought.date.value == "2018-W52"
    assert own.date.basis == "unknown" and own.date.timex is None
    [bought] = dated(nlp, "GM sought clearance last week and bought shares.", "bought")
    assert bought.date.value == "2018-W52"


# -- huge durations --------------------------------------------------------------------------------------

HUGE = "1" + "0" * 307


@pytest.mark.parametrize("value,text,expected", [
    (f"P{HUGE}Y", "the past 10^307 years", (date.min, EXAMPLE_DCT)),
    (f"P{HUGE}0Y", "the next 10^308 years", (EXAMPLE_DCT, date.max)),  # float("1e308") * 365.25 is inf
    ("P5000Y", "the past 5000 years", (date.min, EXAMPLE_DCT)),  # before year 1: clamped, not None
    ("P3Y", "the past three years", (date(2016, 1, 4), EXAMPLE_DCT)),
])
def test_dater_huge_duration_is_clamped(value, text, expected):
    assert timex_interval(Timex(0, len(text), text, "DURATION", value), EXAMPLE_DCT) == expected


def test_dater_huge_numeral_duration_through_tagger_and_dater(nlp):
    # the tagger turns a 308-digit numeral into a huge DURATION value; dating used to raise OverflowError
    text = f"Diplomats defected over the past {HUGE} years."
    ctx = make_ctx(nlp, text)
    assert any(t.type == "DURATION" and len(t.value) > 12 for t in ctx.timexes)
    ev = add_event(ctx, "defected")
    date_all(ctx)
    assert (ev.date.start, ev.date.end, ev.date.basis) == ("0001-01-01", "2019-01-03", "text")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10 ** 400), st.sampled_from("YMWD"),
       st.sampled_from(["the past", "the last", "the next", "the coming", "some"]),
       st.one_of(st.dates(), st.sampled_from([date.min, date.max])))
def test_properties_duration_interval_never_raises(n, unit, words, dct):
    got = timex_interval(Timex(0, 1, f"{words} {n} units", "DURATION", f"P{n}{unit}"), dct)
    if got is not None:
        a, b = got
        assert a is None or b is None or a <= b
        assert dct in (a, b)


# -- second pass (bench/dating.py error lists) -------------------------------------------------------------

@pytest.mark.parametrize("text,trigger,timex", [
    # the figure's own period dates the verb whose subject it is, ahead of the base of the comparison
    ("Third-quarter sales dropped 11% to $1.27 billion from $1.43 billion a year ago.", "dropped",
     "Third-quarter"),
    ("Travelers Corp.'s third-quarter net income rose 11%.", "rose", "third-quarter"),
    ("Last year's results were hurt by restructuring charges.", "hurt", "Last year"),
    ("Norton said net income for the third quarter fell 6% to $20.6 million.", "fell", "the third quarter"),
    # a nominal change in/of a figure with its period
    ("The company reported a 77% drop in third-quarter net income.", "drop", "third-quarter"),
    # the figure itself, with a period in a for-phrase of its verb
    ("The company expects to report net income of 15 cents a share for the third quarter.", "income",
     "the third quarter"),
])
def test_dater_figure_period(nlp, text, trigger, timex):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.basis, ev.date.mod, ev.date.timex.text) == ("text", None, timex)
    assert ev.date.granularity in ("quarter", "year")


def test_dater_figure_period_not_for_a_present_perfect(nlp):
    # restating happens now, not in the year-ago period; the figure itself keeps its period
    restated, rose = dated(nlp, "The year-ago results have been restated, and third-quarter net income rose 5%.",
                           "restated", "rose")
    assert restated.date.basis == "unknown" and restated.date.timex is None
    assert (rose.date.basis, rose.date.timex.text) == ("text", "third-quarter")


@pytest.mark.parametrize("text,trigger,timex", [
    ("U.S. authorities scheduled a news conference for later today in New York.", "conference", "today"),
    ("Protesters planned a large demonstration in Little Havana on Saturday.", "demonstration", "Saturday"),
    ("A memorial service planned for Saturday was canceled.", "service", "Saturday"),
    ("The issue is expected to dominate a NATO summit set for Washington in April.", "summit", "April"),
    ("With the general election due this September, the figures could not have come at a worse time.",
     "election", "this September"),
])
def test_dater_scheduled_event_takes_the_schedule_date(nlp, text, trigger, timex):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.basis, ev.date.timex.text) == ("text", timex)


def test_dater_scheduled_event_not_an_old_plan_or_an_announcement(nlp):
    # an old date dates the planning; an announcement's date is not that of what it announces
    attack, arrest, demo = dated(nlp, "In 2015 the group planned the attack. It was not known if the arrest "
                                 "announced today stemmed from the indictment. They planned a demonstration for "
                                 "Friday.",
                                 "attack", "arrest", "demonstration")
    assert attack.date.basis == "unknown" and arrest.date.basis == "unknown"
    assert (demo.date.basis, demo.date.timex.text) == ("text", "Friday")


def test_dater_carrier_participle_and_its_noun_share_a_date(nlp):
    # "remarks made last week": the participle of a carrier verb dates the nominal event it modifies ...
    [remarks] = dated(nlp, "Syria indicated its interest in talks in remarks made last week by its ambassador.",
                      "remarks")
    assert (remarks.date.basis, remarks.date.timex.text) == ("text", "last week")
    # ... and takes the date of the noun it modifies ("a ceremony held ...", "the Feb. 23 accord signed ...")
    held, signed = dated(nlp, "Poland formally joined NATO on Friday at a ceremony held in Missouri. The sites "
                         "were laid down by the Feb. 23 accord signed by Kofi Annan.", "held", "signed")
    assert (held.date.basis, held.date.timex.text) == ("text", "Friday")
    assert (signed.date.basis, signed.date.timex.text) == ("text", "Feb. 23")


@pytest.mark.parametrize("text,trigger,timex", [
    # a day of the past week on a purpose clause dates the past verb it modifies, as on a to-complement
    ("Two rival bidders extended their offers to acquire the vaccine maker Friday.", "extended", "Friday"),
    ("Du Pont's stock rose $2.50 a share to close at $117.375 in composite trading yesterday.", "rose",
     "yesterday"),
])
def test_dater_past_weekday_on_a_purpose_clause(nlp, text, trigger, timex):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.basis, ev.date.timex.text) == ("text", timex)


def test_dater_purpose_clause_keeps_a_later_date(nlp):
    # "to discuss ... next week": the meeting is not next week's
    met, extended = dated(nlp, "The ministers met to discuss the budget next week. Two rival bidders extended "
                         "their offers to acquire the vaccine maker Friday.", "met", "extended")
    assert met.date.basis == "unknown"
    assert extended.date.timex.text == "Friday"


def test_dater_ing_participle_of_a_carrier_object(nlp):
    # "issued a joint statement Friday saying ...": the statement's saying is its issuing
    ctx = make_ctx(nlp, "The ambassadors of Hungary and Poland issued a joint statement Friday saying the three "
                   "countries' entry into NATO will consolidate Europe's security.")
    saying = add_event(ctx, "saying", reporting=True)
    date_all(ctx)
    assert (saying.date.basis, saying.date.timex.text) == ("text", "Friday")


@pytest.mark.parametrize("text,trigger,timex", [
    # "when" parsed as an advmod of its clause still opens a same-time clause
    ("President Bush implied as much yesterday when reporters asked whether the ban would apply to food.",
     "asked", "yesterday"),
    ("In Los Angeles that lesson was brought home today when tons of earth cascaded down a hillside.",
     "cascaded", "today"),
])
def test_dater_when_clause_parsed_with_an_advmod(nlp, text, trigger, timex):
    [ev] = dated(nlp, text, trigger)
    assert (ev.date.basis, ev.date.timex.text) == ("text", timex)


def test_dater_since_clause_with_its_own_date_bounds_the_main_verb(nlp):
    built, agreed = dated(nlp, "Seventy-five million copies of the rifle have been built since it entered "
                          "production in February 1947. Since KKR bought RJR in February 1989, it has agreed to "
                          "sell assets.", "built", "agreed")
    assert (built.date.start, built.date.end, built.date.mod, built.date.basis) == \
        ("1947-02-01", None, "ON_OR_AFTER", "text")
    assert (agreed.date.start, agreed.date.end, agreed.date.mod) == ("1989-02-01", None, "ON_OR_AFTER")


def test_dater_after_clause_with_a_later_date_does_not_bound_a_past_verb(nlp):
    promised, built = dated(nlp, "Howard promised to put the question to a national referendum next year after "
                            "delegates voted for a republic. Copies have been built since it entered production "
                            "in February 1947.", "promised", "built")
    assert promised.date.basis == "unknown" and promised.date.timex is None
    assert built.date.mod == "ON_OR_AFTER"


def test_dater_past_date_after_the_object_of_a_present_verb(nlp):
    # a past date cannot date "is considering": it is the request's
    [request] = dated(nlp, "In addition, the department is still considering a request last week from the boy's "
                      "father in Cuba.", "request")
    assert (request.date.basis, request.date.timex.text) == ("text", "last week")
