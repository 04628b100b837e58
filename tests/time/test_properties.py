"""Property-based tests (hypothesis): the tagger never raises, emits valid TIMEX3 values and ordered
intervals, and is deterministic."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.time import tag
from tacitus.time.resources import load
from tacitus.time.values import valid_value

WORDS = sorted({k for t in load().tables.values() for k in t} |
               {"last", "next", "the", "ago", "later", "earlier", "since", "until", "on", "in", "of", "a.m.",
                "p.m.", "1998", "2019", "31", "12/31/99", "Q4", "1990s", "mid-", "early", "late", ",", ".",
                "'s", "9:30", "-", "th", "fiscal", "quarter", "now", "today", "yesterday", "about",
                "and", "or", "to", "between", "from", "through", "(", ")", "GMT", "16:53", "0600", "6.00"})
phrases = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([w.title() for w in WORDS])),
                   max_size=12).map(" ".join)
dcts = st.one_of(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)),
               st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(9999, 12, 25)]))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text, dct):
    got = tag(text, dct)
    for t in got:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert valid_value(t.value), t.value
        if t.interval_start and t.interval_end:
            assert t.interval_start <= t.interval_end
    starts = [t.start for t in got]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))  # no overlaps
    return got


@SETTINGS
@given(st.text(max_size=200), dcts)
def test_properties_any_string(text, dct):
    _check(text, dct)


@SETTINGS
@given(phrases, dcts)
def test_properties_temporal_word_soup(text, dct):
    got = _check(text, dct)
    again = tag(text, dct)
    assert [(t.start, t.end, t.type, t.value, t.mod) for t in got] == \
        [(t.start, t.end, t.type, t.value, t.mod) for t in again]


@SETTINGS
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=-50, max_value=50), dcts)
def test_properties_numbers_and_dates(n, k, dct):
    text = f"{n} years ago, in {n}, {abs(k)} days later, on {n % 13}/{n % 32}/{n}, the {n % 40}th century"
    _check(text, dct)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(phrases, dcts)
def test_properties_with_parse(nlp, text, dct):
    """With a spaCy Doc (tense from the parse) the same guarantees hold."""
    got = tag(text, dct, doc=nlp(text))
    assert all(valid_value(t.value) and text[t.start:t.end] == t.text for t in got)
