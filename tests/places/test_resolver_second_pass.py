"""PlaceResolver and find_dateline fixes of the event-location second pass, on real spaCy: a person's
surname is no town, a room or department named after someone or something is no place, a country is not
displaced by a town known by its name only as an alternate one, and a dateline city is the city."""
from __future__ import annotations

import pytest

from tacitus.places.stage import find_dateline
from tests.places.helpers_places import places_ctx


def _places(nlp, text):
    ctx = places_ctx(nlp, text)
    return {e.text: (e.place.name if e.place else None) for e in ctx.entities if e.label in ("GPE", "LOC", "FAC")}


def _place_of(nlp, text, name):
    ctx = places_ctx(nlp, text)
    return [e.place.name if e.place else None for e in ctx.entities if e.text.startswith(name)
            and e.label in ("GPE", "LOC", "FAC")]


def test_surname_of_a_person_in_the_article_is_no_town(nlp):
    text = ("Michael Jackson died in 2009. Dr Murray has pleaded not guilty to a charge of involuntary "
            "manslaughter in Jackson's June 2009 death.")
    assert all(p is None for p in _place_of(nlp, text, "Jackson"))
    text = ("BP chief executive Tony Hayward testified on Thursday. A Texas Republican drew some attention "
            "away from Hayward by offering an apology.")
    assert all(p is None for p in _place_of(nlp, text, "Hayward"))


def test_surname_after_in_is_still_the_town(nlp):
    text = "Police in Jackson, Mississippi, arrested Tony Jackson on Monday."
    assert _place_of(nlp, text, "Jackson")[0] == "Jackson"


def test_rooms_and_departments_named_after_something_are_no_place(nlp):
    text = "President Obama meets BP executives in the White House's Roosevelt Room."
    assert "Roosevelt" not in _places(nlp, text)
    text = "The Justice Department has not ruled out using the racketeering law against BP."
    assert "Justice" not in _places(nlp, text)


def test_country_not_displaced_by_alternate_town_name(nlp):
    # "Turkey" is an old name of New Providence, N.J.; a page full of New Jersey towns must not move it there
    text = ("Tonight on the radio: concerts from Summit, Morristown, Madison, Chatham and Berkeley Heights. "
            "Later, Harold Pinter, who went to Turkey with the playwright Arthur Miller, talks about the trip. "
            "They were visiting Turkey to draw attention to writers in prison.")
    assert set(_place_of(nlp, text, "Turkey")) == {"Turkey"}


@pytest.mark.parametrize("text,name,feature", [
    ("NEW YORK -- Korn's Jonathan Davis is urging artists to boycott BP.", "New York City", "city"),
    ("NEW YORK (Reuters) - Bank of America has ordered its traders not to trade with BP.", "New York City", "city"),
    ("WASHINGTON (Reuters) - The Senate voted on Monday.", "Washington", "city"),
    ("HOUSTON -- BP said on Monday.", "Houston", "city"),
])
def test_dateline_city(text, name, feature):
    p = find_dateline(text)
    assert (p.name, p.feature) == (name, feature)
