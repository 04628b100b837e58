"""Every example line in the time resource files (``# ex: TEXT => TYPE VALUE [MOD]``) is a test case."""
from __future__ import annotations

from datetime import date

import pytest

from tacitus.time.resources import load
from tacitus.time.tagger import tag
from tacitus.time.values import valid_value

RES = load("en")


def _id(ex):
    return f"{ex.source}:{ex.text[:40]}"


@pytest.mark.parametrize("ex", RES.examples, ids=_id)
def test_resource_example(ex):
    got = tag(ex.text, date.fromisoformat(ex.dct))
    at_span = [t for t in got if (t.start, t.end) == ex.span]
    if ex.type == "NONE":
        assert not at_span, f"unexpected timex {at_span} in {ex.text!r}"
        return
    assert at_span, f"no timex on {ex.text[ex.span[0]:ex.span[1]]!r}; got {[(t.text, t.value) for t in got]}"
    t = at_span[0]
    assert (t.type, t.value) == (ex.type, ex.value)
    if ex.mod is not None:
        assert t.mod == ex.mod
    assert valid_value(t.value)


def test_resources_every_rule_file_has_examples():
    files = {r.source.split(":")[0] for r in RES.rules}
    with_examples = {e.source.split(":")[0] for e in RES.examples}
    assert files <= with_examples
    assert len(RES.examples) >= len(RES.rules) // 2


def test_resources_rules_compile_with_names():
    names = [r.name for r in RES.rules]
    assert len(RES.rules) > 80
    assert all(r.regex is not None for r in RES.rules)
    assert len(set(names)) == len(names), "rule names are identifiers: keep them unique"


@pytest.mark.parametrize("pattern,word", [
    ("@n @unit ago", "ago"),
    ("(?:the )?year[- ](?:ago|earlier) quarter", "quarter"),
    ("fiscal(?: year)? (?P<y>%year)", "fiscal"),
    ("weeks? ago", "week"),
    ("(?:recent|past) years|the last few years", None),
    ("@^weekday @pod", None),
])
def test_resources_required_word(pattern, word):
    from tacitus.time.resources import required_word
    assert required_word(pattern) == word


def test_resources_required_word_is_in_every_example_match():
    """The pre-check word of a rule must occur in what the rule matches (else the rule would be skipped)."""
    for ex in RES.examples:
        if ex.type == "NONE":
            continue
        low = ex.text.lower()
        for r in RES.rules:
            m = r.regex.search(ex.text)
            if m and r.need:
                assert r.need in low[m.start():m.end()], (r.name, ex.text)


def test_resources_negative_examples_mark_a_span():
    """A '=> NONE' example must bracket the words that must not be tagged (else it asserts nothing)."""
    for ex in RES.examples:
        if ex.type == "NONE":
            assert ex.span != (0, len(ex.text)), ex.source
