"""The TIMEX3 tagger on the issue's expression classes, the example article, reference time and tense."""
from __future__ import annotations

from datetime import date

import pytest

from tacitus.time import tag
from tacitus.time.values import valid_value

DCT = date(2019, 1, 3)  # a Thursday


def one(text: str, dct: date = DCT, doc=None):
    got = tag(text, dct, doc=doc)
    assert len(got) == 1, [(t.text, t.value) for t in got]
    return got[0]


@pytest.mark.parametrize("text,typ,value,mod", [
    # absolute
    ("September 2017", "DATE", "2017-09", None),
    ("March 7, 2016", "DATE", "2016-03-07", None),
    ("2/3/09", "DATE", "2009-02-03", None),
    ("2017-09-03", "DATE", "2017-09-03", None),
    # relative to the publication date
    ("last month", "DATE", "2018-12", None),
    ("two years ago", "DATE", "2017", None),
    ("next Tuesday", "DATE", "2019-01-08", None),
    ("the past three decades", "DURATION", "P30Y", None),
    ("yesterday", "DATE", "2019-01-02", None),
    # parts
    ("early December", "DATE", "2018-12", "START"),
    ("late last July", "DATE", "2018-07", "END"),
    ("mid-2016", "DATE", "2016", "MID"),
    # seasons, quarters, decades, centuries
    ("last summer", "DATE", "2018-SU", None),
    ("Q3", "DATE", "2018-Q3", None),
    ("the 1990s", "DATE", "199", None),
    ("the 20th century", "DATE", "19", None),
    # fuzzy references
    ("now", "DATE", "PRESENT_REF", None),
    ("recently", "DATE", "PAST_REF", None),
    ("in the future", "DATE", "FUTURE_REF", None),
    # durations and sets
    ("about three years", "DURATION", "P3Y", "APPROX"),
    ("every week", "SET", "P1W", None),
    ("annually", "SET", None, None),
    # times
    ("2 a.m", "TIME", "2019-01-03T02:00", None),
    ("Thursday morning", "DATE", "2019-01-03TMO", None),
])
def test_tagger_issue_classes(text, typ, value, mod):
    got = tag(text, DCT)
    if value is None:  # "annually" is deliberately not tagged (mostly adjectival in news)
        assert got == [] or got[0].type == typ
        return
    t = one(text)
    assert t.text.strip() in text
    assert (t.type, t.value, t.mod) == (typ, value, mod)


@pytest.mark.parametrize("text,values", [
    ("from 1991 to 1996", ["1991", "1996"]),
    ("between January 4 and February 7", ["2019-01-04", "2019-02-07"]),
])
def test_tagger_ranges_are_two_timexes(text, values):
    assert [t.value for t in tag(text, DCT)] == values


def test_tagger_example_article(example_text):
    got = {t.text: t for t in tag(example_text, DCT)}
    assert got["Thursday"].value == "2019-01-03"
    assert (got["early last month"].value, got["early last month"].mod) == ("2018-12", "START")
    assert got["September 2017"].value == "2017-09"
    for y in ("2016", "1991", "1996"):
        assert got[y].value == y and got[y].type == "DATE"
    d = got["about three years"]
    assert (d.type, d.value, d.mod) == ("DURATION", "P3Y", "APPROX")


def test_tagger_sets_intervals_for_dates():
    t = one("He arrived in September 2017.")
    assert (t.interval_start, t.interval_end) == ("2017-09-01", "2017-09-30")
    t = one("It happened last week.")
    assert (t.value, t.interval_start, t.interval_end) == ("2018-W52", "2018-12-24", "2018-12-30")
    t = one("They met in the third quarter of 2018.")
    assert (t.interval_start, t.interval_end) == ("2018-07-01", "2018-09-30")


def test_tagger_reference_time_moves_with_the_text():
    got = tag("The plant opened on May 4, 2009. It closed two days later.", DCT)
    assert [t.value for t in got] == ["2009-05-04", "2009-05-06"]
    got = tag("In 2009 the plant opened; two months later it closed.", DCT)
    assert got[1].value == "2009"


def test_tagger_weekday_resolves_by_tense():
    assert one("He left on Tuesday.").value == "2019-01-01"
    assert one("He will leave on Tuesday.").value == "2019-01-08"
    # the publication weekday itself
    assert one("a Seoul newspaper said on Thursday").value == "2019-01-03"


def test_tagger_weekday_uses_the_parse(nlp):
    text = "The ministers meet again on Friday in Brussels."
    t = one(text, doc=nlp(text))
    assert t.value == "2019-01-04"


def test_tagger_bare_month_resolves_by_tense():
    assert one("The vote was held in December.").value == "2018-12"
    assert one("The vote will be held in February.").value == "2019-02"


def test_tagger_offsets_index_the_text(example_text):
    for t in tag(example_text, DCT):
        assert example_text[t.start:t.end] == t.text
        assert valid_value(t.value)


def test_tagger_does_not_tag_non_temporal_uses():
    assert tag("Prices could fall further if the daily Granma may say so.", DCT) == []
    assert tag("A 48-year-old man paid $1995 for 2000 shares.", DCT) == []


def test_tagger_empty_and_huge_numbers():
    assert tag("", DCT) == []
    assert all(valid_value(t.value) for t in tag("99999999999999999999 years ago", DCT))
    assert all(valid_value(t.value) for t in tag("in 9999 and 0001, 31/31/31, Feb. 30", DCT))


def test_tagger_anchor_says_where_the_value_came_from():
    got = {t.text: t.anchor for t in tag("In 2009 the plant opened; two months later, on Friday, it closed. "
                                         "It is open now. It took 5 years.", DCT)}
    assert got == {"2009": "absolute", "two months later": "reference", "Friday": "publication",
                   "now": "publication", "5 years": None}


def _values(text: str, dct: date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def test_tagger_forecast_quarter_does_not_become_the_reporting_period():
    # "the fourth quarter" (not over at the DCT, no past tense) is a forecast; "the year-ago period"
    # still compares with the reported third quarter
    text = ("Profit fell in the third quarter. Analysts expect the trend to continue into the fourth quarter. "
            "In the year-ago period, the company earned $101 million.")
    got = _values(text, date(1989, 10, 26))
    assert ("the year-ago period", "1988-Q3") in got
    # a fiscal quarter reported in the past tense or "ended ..." is the reporting period even if the
    # calendar quarter of the same name is not over
    text = ("The company reported a decline in fourth-quarter earnings. Net was $84.9 million, or $1.24 a share, "
            "a year earlier.")
    assert ("a year earlier", "1988-Q4") in _values(text, date(1989, 11, 2))
    text = "Net fell for its fourth quarter ended Sept. 30. In the year-ago quarter it earned $4 million."
    assert ("the year-ago quarter", "1988-Q4") in _values(text, date(1989, 11, 2))


def test_tagger_holiday_weekday_rule_with_offset():
    # 'wd:MM:W:N:K': the Nth weekday W of month MM plus K days (US Election Day: Monday + 1)
    assert _values("They vote on Election Day.", date(1998, 10, 26)) == [("Election Day", "1998-11-03")]
    assert _values("They voted on Election Day.", date(2000, 11, 20)) == [("Election Day", "2000-11-07")]
    assert _values("They vote on Election Day.", date(2020, 9, 1)) == [("Election Day", "2020-11-03")]


def test_tagger_plan_points_ahead_only_for_what_follows_it(nlp):
    # the parse: a time after "planned" is the planned event's; a fronted time is when the planning was
    text = "Protesters planned a large demonstration in Little Havana on Saturday."
    assert one(text, date(2000, 1, 7), doc=nlp(text)).value == "2000-01-08"
    text = "On Friday, the Kenyan government planned to pay the first 32 death claims, officials said."
    assert one(text, date(1998, 9, 30), doc=nlp(text)).value == "1998-09-25"
    # the text heuristic ("A|B" cues in tense.tsv) gives the same readings
    assert one("Protesters planned a large demonstration on Saturday.", date(2000, 1, 7)).value == "2000-01-08"
    assert one("On Friday, the government planned to pay the claims.", date(1998, 9, 30)).value == "1998-09-25"
    # "as (previously) planned" is a participle: the plan is past, and so is the time after it
    text = "The ground offensive began as previously planned Saturday night."
    assert one(text, date(1991, 2, 25), doc=nlp(text)).value == "1991-02-23TNI"
    assert one(text, date(1991, 2, 25)).value == "1991-02-23TNI"


def test_tagger_past_verb_moves_a_nearby_future_month_back(nlp):
    # said in October: a January governed by a past verb is last January, not the coming one
    dct = date(1989, 10, 27)
    text = "In January, American Medical brought in a new chief executive officer."
    assert one(text, dct, doc=nlp(text)).value == "1989-01"
    assert one(text, dct).value == "1989-01"  # text heuristic: a fronted time and a past cue after it
    # a reporting verb alone does not move it (the text heuristic's "said" is too noisy) ...
    assert one("The company said it will pay the dividend in January.", dct).value == "1990-01"
    text = "The company said it will pay the dividend in January."
    assert one(text, dct, doc=nlp(text)).value == "1990-01"
    # ... nor a present perfect, which reaches up to now ("has extended loans through January")
    text = "A group of lenders has extended the company $90 million in loans through January."
    assert one(text, dct, doc=nlp(text)).value == "1990-01"
    # ... and neither does a past verb when the past candidate is too far back
    text = "The company changed its fiscal year in December."
    assert one(text, date(1989, 1, 10), doc=nlp(text)).value == "1988-12"


def test_tagger_unknown_numbers_of_decades_and_centuries():
    # TimeBank writes decades in years and centuries as C
    assert _values("It was ruled from Moscow for centuries.", DCT) == [("centuries", "PXC")]
    assert _values("Families were cut off for decades.", DCT) == [("decades", "PXY")]
    assert _values("a decades-long battle", DCT) == [("decades-long", "PXY")]
    assert _values("two decades", DCT) == [("two decades", "P20Y")]


def test_tagger_sentence_initial_now_with_comma_is_a_discourse_marker():
    text = "It lost money for years. Now, following asset sales, it is profitable."
    assert [t.text for t in tag(text, DCT)] == ["years"]
    assert [t.text for t in tag("It lost money. Now, it is profitable.", DCT)] == []
    assert [t.value for t in tag("It lost money. Now it is profitable.", DCT)] == ["PRESENT_REF"]


def test_tagger_put_off_until_points_ahead(nlp):
    # "postponed/adjourned/delayed until <time>": a time after the report, with the parse and without it
    dct = date(2000, 3, 30)  # a Thursday
    for text, value in [("Officials postponed until Tuesday morning any action on the permit.", "2000-04-04TMO"),
                        ("The hearing was adjourned until Monday.", "2000-04-03"),
                        ("The talks were postponed on Tuesday.", "2000-03-28")]:
        assert one(text, dct, doc=nlp(text)).value == value
        assert one(text, dct).value == value


def test_tagger_parse_tense_pluperfect_schedule_until_and_ambiguous_past(nlp):
    dct = date(1989, 10, 30)  # a Monday
    cases = [
        # the schedule itself lies in the past
        ("The offer previously had been scheduled to expire at midnight Friday.", dct, "1989-10-27T24:00"),
        ("It had been due to expire Friday evening.", dct, "1989-10-27TEV"),
        ("The offer is scheduled to expire Friday.", dct, "1989-11-03"),
        # present perfect + "until": open until a time after the report
        ("The INS has given the Miami relatives until 9 a.m. Tuesday to sign a paper.", date(2000, 4, 3),
         "2000-04-04T09:00"),
        ("The embassy remained closed until Monday.", date(2000, 4, 5), "2000-04-03"),
        # "hurt" tagged as a present verb is not a scheduled event
        ("Weakness in technology stocks hurt the Nasdaq 100 Index, which fell 1.4% on Friday.", dct, "1989-10-27"),
    ]
    for text, d, value in cases:
        assert one(text, d, doc=nlp(text)).value == value, text


def test_tagger_weekday_of_a_named_week():
    # "Tuesday last week" / "Friday of next week": the weekday of that ISO week, one expression
    dct = date(2013, 3, 14)  # a Thursday
    assert (one("Police arrested him on Tuesday last week.", dct).text,
            one("Police arrested him on Tuesday last week.", dct).value) == ("Tuesday last week", "2013-03-05")
    assert one("The vote is on Friday of next week.", dct).value == "2013-03-22"
    assert one("Talks began Monday this week.", dct).value == "2013-03-11"
    # the possessive of a following week is not part of it
    assert [t.value for t in tag("On Tuesday, last week's ruling was upheld.", dct)][0] == "2013-03-12"


def test_tagger_day_before_or_after_a_weekday_or_holiday_and_holiday_weeks():
    assert one("The day before last Tuesday's hearing, lawyers met.", date(2000, 2, 24)).value == "2000-02-21"
    assert one("Stores were busy the day after Christmas.", date(2013, 12, 28)).value == "2013-12-26"
    assert one("He left the day before Thanksgiving.", DCT).value == "2018-11-21"
    # the week of a holiday: a week that has begun counts as past ("as Easter week began")
    assert one("Protesters prayed as Easter week began.", date(2000, 4, 17)).value == "2000-W16"
    assert one("Christmas week", DCT).value == "2018-W52"


def test_tagger_second_day_of_a_month_day_range():
    assert [t.value for t in tag("the NATO summit on April 24 and 25.", DCT)] == ["2019-04-24", "2019-04-25"]
    assert [t.value for t in tag("The talks are set for Jan. 29-30.", DCT)] == ["2019-01-29", "2019-01-30"]
    # not a count or an amount, nor a smaller number
    assert [t.value for t in tag("On March 3 and 12 people died.", DCT)] == ["2019-03-03"]
    assert [t.value for t in tag("Shares fell on March 3 and 2 percent more later.", DCT)] == ["2018-03-03"]


def test_tagger_infinitive_or_modal_is_not_a_past_cue():
    dct = date(2013, 3, 14)  # a Thursday
    assert one("The storm is expected to hit on Friday.", dct).value == "2013-03-15"
    assert one("The storm is expected to last through Friday.", dct).value == "2013-03-15"
    assert one("The storm could hit on Friday.", dct).value == "2013-03-15"
    assert one("The storm hit on Friday.", dct).value == "2013-03-08"
    assert one("The storm could have hit on Friday.", dct).value == "2013-03-08"
    # the verb "last" after "to" or a modal is not part of the duration
    assert one("The trial is expected to last six weeks.", dct).text == "six weeks"
    assert one("The talks could last months.", dct).text == "months"
    assert one("Prices fell compared to the last three years.", dct).text == "the last three years"


def test_tagger_extended_until_points_ahead(nlp):
    dct = date(2000, 4, 3)  # a Monday
    text = "The ceasefire was extended until Friday."
    assert one(text, dct).value == "2000-04-07"
    assert one(text, dct, doc=nlp(text)).value == "2000-04-07"
    text = "The INS extended its deadline until 9 a.m. Tuesday."
    assert one(text, dct, doc=nlp(text)).value == "2000-04-04T09:00"


def test_tagger_past_verb_right_before_a_nearby_future_date_moves_it_back():
    dct = date(2013, 12, 28)
    assert one("The law took effect in January.", dct).value == "2013-01"
    assert one("The plant opened on Jan. 2.", dct).value == "2013-01-02"
    # a cue farther off, a participle used as an adjective, a future or a perfect: the nearby date stays
    assert one("The company said the plant opens in January.", dct).value == "2014-01"
    assert one("It will redeem its preferred shares on Jan. 2.", dct).value == "2014-01-02"
    assert one("The offer was extended to Jan. 2.", dct).value == "2014-01-02"
    assert one("The company has promised to open the plant in January.", dct).value == "2014-01"


def test_tense_sentence_end_skips_title_and_month_abbreviations():
    from tacitus.time.tense import text_tense
    text = "In January, a week after the anniversary of Roe vs. Wade, a bomb killed a guard."
    s = text.index("January")
    assert text_tense(text, s, s + len("January")) == "past"
    got = tag("In January, a week after the anniversary of Roe vs. Wade, a bombing killed a guard.",
              date(1998, 10, 25))
    assert got[0].text == "January" and got[0].value == "1998-01"
    text = "On Friday, Sen. John Smith announced his retirement."
    s = text.index("Friday")
    assert text_tense(text, s, s + 6) == "past"


def test_tagger_programme_names_are_not_durations():
    assert tag("Gonzalez said on CBS's ''60 Minutes.''", DCT) == []
    assert one("He spoke for 60 minutes.").value == "PT60M"


def test_tagger_possessive_weekday_ahead_of_is_still_to_come():
    dct = date(2013, 3, 15)  # a Friday
    assert one("Candidates held final rallies ahead of Sunday's election.", dct).value == "2013-03-17"
    assert one("Security was tight ahead of Friday's prayers.", dct).value == "2013-03-15"
    assert one("Campaigning ended ahead of Thursday's vote.", dct).value == "2013-03-14"
    # without the cue a possessive weekday is a past one
    assert one("Sunday's election was peaceful.", dct).value == "2013-03-10"


def _values(text: str, dct: date = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize("text,dct,expected", [
    # a month without its year takes the year of the month that closes the range or list
    ("The index fell between January and March 2003.", date(2009, 4, 27),
     [("January", "2003-01"), ("March 2003", "2003-03")]),
    ("Prices rose from December to March 2003.", date(2009, 4, 27),
     [("December", "2002-12"), ("March 2003", "2003-03")]),
    ("It rained in January and February of 2003.", date(2009, 4, 27),
     [("January", "2003-01"), ("February of 2003", "2003-02")]),
    ("Between Jan. 4 and Feb. 7, 2003, it rained.", date(2009, 4, 27),
     [("Jan. 4", "2003-01-04"), ("Feb. 7, 2003", "2003-02-07")]),
    # the start of a range is not after its end
    ("It booked a loss from April to June.", date(2011, 2, 1), [("April", "2010-04"), ("June", "2010-06")]),
    # coordinated weekdays stay in one run of days; a reversed list that already agrees is kept
    ("An estimate could come Thursday or Friday.", date(2010, 6, 10),
     [("Thursday", "2010-06-10"), ("Friday", "2010-06-11")]),
    ("Statements were made Friday and Thursday.", date(1998, 2, 6),
     [("Friday", "1998-02-06"), ("Thursday", "1998-02-05")]),
])
def test_tagger_coordinated_dates_share_year_and_run(text, dct, expected):
    assert _values(text, dct) == expected


def test_tagger_coordination_leaves_separate_dates_alone():
    # two dates that are not joined keep their own readings
    assert _values("He left in January. In March 2003 he returned.", date(2009, 4, 27)) == \
        [("January", "2009-01"), ("March 2003", "2003-03")]


def test_tagger_british_weekday_date_is_one_expression():
    assert _values("It was printed on Saturday 26 June 2010.", date(2010, 6, 20)) == \
        [("Saturday 26 June 2010", "2010-06-26")]


def test_tagger_school_year_is_not_a_duration():
    assert _values("Other cases included five Year Seven pupils.") == []
    assert _values("the Year 2000 problem") == [("2000", "2000")]


def test_tagger_plan_seen_from_the_past_points_ahead():
    # "were to lead" (text heuristic, no parse): the coming Monday
    assert _values("Officials were to lead a delegation to the region on Monday.", date(2010, 5, 23)) == \
        [("Monday", "2010-05-24")]


@pytest.mark.parametrize("text,dct,value", [
    # a bare verb under a past verb shares its tense
    ("Anadarko saw its share price plummet 20 % on Tuesday, but recovered some 3 %.", date(2010, 6, 2),
     "2010-06-01"),
    # "due" points ahead even when the clause's verb is a present passive
    ("The company's second-quarter results due on Tuesday are expected to reveal a provision.",
     date(2010, 7, 26), "2010-07-27"),
])
def test_tagger_parse_tense_of_bare_verbs_and_due(nlp, text, dct, value):
    got = [t for t in tag(text, dct, doc=nlp(text)) if t.text == "Tuesday"]
    assert [t.value for t in got] == [value]


def test_tagger_present_verb_does_not_schedule_a_date_inside_a_noun_phrase(nlp):
    # "contradict" is present, but "in November" dates the report, not a scheduled contradiction
    text = "The findings contradict its initial report in November, which found no evidence of a flaw."
    assert [t.value for t in tag(text, date(2011, 1, 5), doc=nlp(text))] == ["2010-11"]
    text = "The ministers meet again on Friday in Brussels."
    assert [t.value for t in tag(text, DCT, doc=nlp(text))] == ["2019-01-04"]


def test_tagger_or_so_is_not_the_next_expressions_modifier():
    # found by the property tests: "or so" closing one expression was also read as the next one's prefix
    got = tag("martin luther king day or so 1998 centuries", DCT)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))
    assert got[0].text == "martin luther king day or so" and got[0].mod == "APPROX"


@pytest.mark.parametrize("text,values", [
    # a modal on the verb, or on the verb it is coordinated with, points ahead
    ("He said the pipe could arrive on Wednesday and be usable by Thursday or Friday.",
     ["2010-05-12", "2010-05-13", "2010-05-14"]),
    ("The storm might reach the coast on Friday.", ["2010-05-14"]),
    # a negated modal is past ability; a perfect modal is past
    ("He could not attend the meeting on Monday.", ["2010-05-10"]),
    ("Officials said the cap could have failed on Sunday.", ["2010-05-09"]),
])
def test_tagger_parse_modals_point_ahead(nlp, text, values):
    assert [t.value for t in tag(text, date(2010, 5, 12), doc=nlp(text))] == values
