import json

import pytest
from typer.testing import CliRunner

from tacitus.actors import ActorRegistry, load_user_dictionary, reset_user_dictionary, resolve_phrase
from tacitus.cli import app


@pytest.mark.parametrize("text,country,sectors", [
    ("Armenian Prime Minister Nikol Pashinyan", "ARM", ["GOV"]),
    ("four Saudi men", "SAU", []),
    ("seoul metropolitan police", "KOR", ["COP"]),
    ("American warplanes", "USA", ["MIL"]),
    ("DPRK", "PRK", []),
    ("the US", "USA", []),
    ("North Korean defectors", "PRK", ["REF"]),
    ("King Hassan of Morocco", "MAR", ["GOV"]),
    ("U.N. Security Council", "UNO", ["GOV"]),
    ("Darfur rebels", "SDN", ["REB"]),
    ("Ethopia", "ETH", []),
    ("Iraqi Kurds", "IRQ", ["CVL"]),
    ("Palestinians living in the West Bank", "PSE", ["CVL"]),
    ("Hamas militants", "PSE", ["REB"]),
    ("Swiss doctors", "CHE", ["HLH"]),
])
def test_actors_phrase_coding(text, country, sectors):
    a = resolve_phrase(text)
    assert a is not None and a.country == country and a.sectors[:len(sectors)] == sectors
    if not sectors:
        assert a.sectors == []


def test_actors_person_name_and_composite_code():
    a = resolve_phrase("Armenian Prime Minister Nikol Pashinyan")
    assert a.name == "Nikol Pashinyan" and a.kind == "person" and a.code == "ARMGOV"
    assert a.id == "person:nikol-pashinyan"


def test_actors_capital_as_actor():
    a = resolve_phrase("Seoul")
    assert a.country == "KOR" and a.sectors == ["GOV"]


def test_actors_nothing_to_code():
    assert resolve_phrase("the weather") is None


def test_actors_user_dictionary_dates(tmp_path):
    y = tmp_path / "d.yaml"
    y.write_text("actors:\n  - name: Moon Jae-in\n    aliases: [Moon]\n    country: KOR\n"
                 "    roles:\n      - {country: KOR, sectors: [GOV], from: 2017-05-10, to: 2022-05-09}\n"
                 "      - {country: KOR, sectors: [OPP], to: 2017-05-09}\n", encoding="utf-8")
    reset_user_dictionary()
    try:
        load_user_dictionary(y)
        assert resolve_phrase("Moon Jae-in", date="2018-01-01").sectors == ["GOV"]
        assert resolve_phrase("Moon", date="2016-01-01").sectors == ["OPP"]
        assert resolve_phrase("President Moon Jae-in", date="2019-06-01").code == "KORGOV"
    finally:
        reset_user_dictionary()


def test_actors_user_dictionary_csv_and_cli(tmp_path):
    c = tmp_path / "d.csv"
    c.write_text("name,aliases,country,sectors,from,to\nJane Roe,Roe|Ms Roe,FRA,GOV,2020-01-01,2021-12-31\n"
                 "Jane Roe,,FRA,BUS,2022-01-01,\n", encoding="utf-8")
    reset_user_dictionary()
    try:
        r = CliRunner().invoke(app, ["actor", "--dict", str(c), "--date", "2022-05-01", "Ms Roe"])
        assert r.exit_code == 0, r.output
        out = json.loads(r.stdout.strip())
        assert out["actor"]["code"] == "FRABUS" and out["actor"]["name"] == "Jane Roe"
    finally:
        reset_user_dictionary()


def test_actors_cli_phrases_and_input(tmp_path):
    r = CliRunner().invoke(app, ["actor", "Italian authorities", "the weather"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert lines[0] == {"text": "Italian authorities",
                        "actor": {"name": "Italian authorities", "country": "ITA", "sectors": ["GOV"], "code": "ITAGOV"}}
    assert lines[1]["actor"] is None
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": 7, "text": "American warplanes"}\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["actor", "--input", str(f)])
    out = json.loads(r.stdout.strip())
    assert out["id"] == 7 and out["actor"]["code"] == "USAMIL"


def test_actors_cli_bad_date():
    r = CliRunner().invoke(app, ["actor", "--date", "soon", "Italy"])
    assert r.exit_code == 2


def test_actors_registry_stable_ids(tmp_path, example_article):
    reg = ActorRegistry(tmp_path / "reg.json")
    reg.add_article(example_article.entities)
    reg.save()
    again = ActorRegistry(tmp_path / "reg.json")
    assert again.lookup("Jo") == "person:jo-song-gil" == again.lookup("Jo Song-gil")
    assert again.lookup("Italy") == "country:ITA"
    a = resolve_phrase("acting ambassador Jo Song-gil")
    assert again.canonical(a).id == "person:jo-song-gil"


def test_actors_division_named_after_a_country():
    # "Northern Ireland" and "New Mexico" hold a country's name but belong to GBR / USA
    assert resolve_phrase("loyalist paramilitaries in Northern Ireland").country == "GBR"
    assert resolve_phrase("New Mexico state police").country == "USA"
    assert resolve_phrase("Mexican police").country == "MEX"
    a = resolve_phrase("Lt. Gen. Ahmed Salah")
    assert a is not None and "MIL" in a.sectors
