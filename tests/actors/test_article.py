"""The example article (issue 2 acceptance, entity side) and role fillers via actor_for_span."""
from datetime import date

from tacitus.actors import ActorResolver, actor_for_span
from tacitus.pipeline import Context


def _ents(article, text):
    return [e for e in article.entities if e.text == text]


def test_actors_example_jo_song_gil(example_article):
    jo = _ents(example_article, "Jo Song-gil")[0]
    assert jo.label == "PERSON"
    assert jo.actor.country == "PRK" and jo.actor.sectors[:2] == ["GOV", "DIP"] and jo.actor.code == "PRKGOV"
    shorts = _ents(example_article, "Jo")
    assert shorts and all(e.actor.name == "Jo Song-gil" for e in shorts)


def test_actors_example_groups_and_organizations(example_article):
    it = [e for e in example_article.entities if e.text == "Italian authorities"][0]
    assert it.actor.code == "ITAGOV"
    nis_desc = [e for e in example_article.entities if e.text.startswith("South Korea") and e.label == "NOUN"][0]
    assert nis_desc.actor.country == "KOR" and nis_desc.actor.sectors[:2] == ["GOV", "SPY"]
    nis = [e for e in example_article.entities if "National Intelligence Service" in e.text][0]
    assert nis.actor.country == "KOR" and nis.actor.sectors[:2] == ["GOV", "SPY"]
    jd = _ents(example_article, "Joongang Ilbo")[0]
    assert jd.label == "ORG" and jd.actor.kind == "organization" and "MED" in jd.actor.sectors
    daily = _ents(example_article, "the daily")[0]
    assert daily.actor.name == "Joongang Ilbo"
    assert _ents(example_article, "Italy")[0].actor.country == "ITA"


def test_actors_example_defectors(example_article):
    thae = _ents(example_article, "Thae Yong-ho")[0]
    assert thae.actor.country == "PRK" and "GOV" in thae.actor.sectors
    mun = _ents(example_article, "Mun Jong-nam")[0]
    assert mun.actor.country == "PRK"


def test_actors_actor_for_span_role_fillers(nlp):
    text = ("South Korea's intelligence agency declined to comment. The North's regime said nothing. "
            "Lee Sang-min, a spokesman for the ministry, said he knew nothing. The unnamed official left.")
    doc = nlp(text)
    ctx = Context(text=text, dct=date(2019, 1, 3), doc=doc)
    ActorResolver()(ctx)

    def span_of(s, occurrence=0):
        start = text.index(s)
        return doc.char_span(start, start + len(s), alignment_mode="expand")
    a = actor_for_span(ctx, span_of("South Korea's intelligence agency"))
    assert a.country == "KOR" and a.sectors[:2] == ["GOV", "SPY"]
    assert actor_for_span(ctx, span_of("The North's regime")).country == "PRK"
    he = doc.char_span(text.index(" he ") + 1, text.index(" he ") + 3)
    assert actor_for_span(ctx, he).name == "Lee Sang-min"
    off = actor_for_span(ctx, span_of("The unnamed official"))
    assert off.sectors == ["GOV"] and off.country is None


def test_actors_user_dictionary_applies_in_articles_by_date(tmp_path, nlp):
    from tacitus.actors import load_user_dictionary, reset_user_dictionary
    y = tmp_path / "d.yaml"
    y.write_text("actors:\n  - name: Jane Roe\n    aliases: [Roe]\n    country: FRA\n    outside: [OPP]\n"
                 "    roles:\n      - {country: FRA, sectors: [GOV], from: 2020-01-01, to: 2020-12-31}\n",
                 encoding="utf-8")
    text = "Jane Roe met the press in Lyon on Monday. Roe said she would stay."
    reset_user_dictionary()
    try:
        load_user_dictionary(y)
        for dct, code in ((date(2020, 6, 1), "FRAGOV"), (date(2022, 6, 1), "FRAOPP")):
            ctx = Context(text=text, dct=dct, doc=nlp(text))
            ActorResolver()(ctx)
            roes = [e for e in ctx.entities if e.text in ("Jane Roe", "Roe")]
            assert roes and all(e.actor.code == code and e.actor.id == "person:jane-roe" for e in roes)
    finally:
        reset_user_dictionary()


def test_actors_dateline_and_possessive_owner(nlp):
    from tacitus.places import PlaceResolver
    text = ("SEOUL (Reuters) - North Korea fired a missile on Saturday. The South's Joint Chiefs of Staff said "
            "the missile flew 600 km. Iran's Foreign Ministry said nothing.")
    ctx = Context(text=text, dct=date(2019, 5, 4), doc=nlp(text))
    ActorResolver()(ctx)
    PlaceResolver()(ctx)
    seoul = [e for e in ctx.entities if e.text == "SEOUL"][0]
    assert seoul.label == "GPE" and seoul.actor is None and seoul.place.country == "KOR"
    jcs = [e for e in ctx.entities if "Joint Chiefs" in e.text][0]
    assert jcs.actor.code == "KORMIL"
    fm = [e for e in ctx.entities if e.text == "Foreign Ministry"][0]
    assert fm.actor.country == "IRN" and fm.actor.id == "org:irn:foreign-ministry"
