"""A user dictionary codes the same whether it is written in YAML or CSV, and a bad CSV row is an error
that names the file, the line and the reason."""
from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from tacitus.actors import load_user_dictionary, reset_user_dictionary, resolve_phrase
from tacitus.actors.stage import ActorResolver
from tacitus.actors.userdict import DictionaryError, UserDictionary
from tacitus.cli import app
from tacitus.pipeline import Context

YAML = """\
actors:
  - name: Jane Roe
    aliases: [Roe, Ms Roe, "Roe, Jane"]
    country: FRA
    sectors: [GOV]
    outside: [OPP]
    roles:
      - {country: FRA, sectors: [GOV], from: 2020-01-01, to: 2020-12-31}
      - {sectors: [LEG], from: 2015-06-01, to: 2019-05-31}
  - name: Karl Doe
    aliases: [Doe]
    kind: person
    country: deu
    sectors: [bus]
    roles:
      - {country: DEU, sectors: [GOV, DIP], from: 2018-01-01}
  - name: Lyon Herald
    aliases: [the Herald]
    kind: organization
    country: FRA
    sectors: [MED]
"""

# the same entries: a row without dates sets what YAML gives outside "roles"; a byte-order mark and
# header names in another case and order (as a spreadsheet writes them) do not matter
CSV = ("\ufeffName,Aliases,Kind,Country,Sectors,Outside,From,To\n"
       'Jane Roe,"Roe|Ms Roe|Roe, Jane",,FRA,GOV,OPP,,\n'
       "Jane Roe,,,FRA,GOV,,2020-01-01,2020-12-31\n"
       "Jane Roe,,,,LEG,,2015-06-01,2019-05-31\n"
       "Karl Doe,Doe,person,deu,bus,,,\n"
       "Karl Doe,,,DEU,GOV|DIP,,2018-01-01,\n"
       "\n"
       "Lyon Herald,the Herald,organization,FRA,MED,,,\n")

PHRASES = ["Jane Roe", "Roe", "Ms Roe", "Roe, Jane", "Jane", "Karl Doe", "Doe", "the Herald", "Lyon Herald",
           "Minister Jane Roe", "former minister Karl Doe"]
DATES = [None, "2016-01-01", "2020-06-01", "2022-06-01", "2017-06-01", "2019-01-01"]
ARTICLE = ("Jane Roe met the press in Lyon on Monday. Roe said she would stay. Karl Doe, who leads a "
           "Berlin firm, told the Lyon Herald that Doe would invest in France.")


def _write(tmp_path):
    y, c = tmp_path / "dict.yaml", tmp_path / "dict.csv"
    y.write_text(YAML, encoding="utf-8")
    c.write_text(CSV, encoding="utf-8")
    return y, c


def _codings(path, nlp) -> list:
    """Phrases at several dates, and the actors of an article at several publication dates."""
    reset_user_dictionary()
    try:
        load_user_dictionary(path)
        out = []
        for p in PHRASES:
            for d in DATES:
                a = resolve_phrase(p, date=d)
                out.append((p, d, a and (a.name, a.country, tuple(a.sectors), a.code, a.kind, a.id)))
        for dct in (date(2016, 3, 1), date(2020, 6, 1), date(2023, 1, 1)):
            ctx = Context(text=ARTICLE, dct=dct, doc=nlp(ARTICLE))
            ActorResolver()(ctx)
            out += [(dct.isoformat(), e.start, e.end, e.text, e.actor and e.actor.to_dict()) for e in ctx.entities]
        return out
    finally:
        reset_user_dictionary()


def test_userdict_yaml_and_csv_parse_to_the_same_entries(tmp_path):
    y, c = _write(tmp_path)
    ye, ce = UserDictionary().load(y).entries, UserDictionary().load(c).entries
    assert ye == ce
    jane = ye[0]
    assert jane.aliases == ["Roe", "Ms Roe", "Roe, Jane"]  # a comma belongs to the alias
    assert jane.outside == ["OPP"] and len(jane.roles) == 2
    assert ye[1].country == "DEU" and ye[1].sectors == ["BUS"]  # codes in upper case in both formats


def test_userdict_yaml_and_csv_code_real_text_alike(tmp_path, nlp):
    y, c = _write(tmp_path)
    from_yaml, from_csv = _codings(y, nlp), _codings(c, nlp)
    assert from_yaml == from_csv
    coded = {(p, d): a for p, d, a in from_yaml[:len(PHRASES) * len(DATES)]}
    # the dictionary is really used: dated roles, the outside sectors, aliases, organizations
    assert coded[("Roe", "2020-06-01")][3] == "FRAGOV"
    assert coded[("Jane Roe", "2022-06-01")][3] == "FRAOPP"
    assert coded[("Ms Roe", "2016-01-01")][3] == "FRALEG"
    assert coded[("Roe, Jane", None)][3] == "FRAGOV"
    assert coded[("Jane", None)] is None or coded[("Jane", None)][0] != "Jane Roe"  # "Roe, Jane" is one alias
    assert coded[("Doe", "2019-01-01")][3] == "DEUGOV"
    assert coded[("the Herald", None)][5] == "org:fra:lyon-herald"
    roes = [x for x in from_csv[len(PHRASES) * len(DATES):] if x[3] in ("Jane Roe", "Roe")]
    assert roes and {x[0]: x[4]["code"] for x in roes} == {"2016-03-01": "FRALEG", "2020-06-01": "FRAGOV",
                                                           "2023-01-01": "FRAOPP"}


@pytest.mark.parametrize("row,reason", [
    ("Jane Roe,,,FRA,GOV,,2020/01/01,", "from must be an ISO date"),
    ("Jane Roe,,,FRA,GOV,,2021-01-01,2020-01-01", "is after to"),
    ("Jane Roe,,minister,FRA,GOV,,,", "kind must be one of"),
    ("Jane Roe,,,France,GOV,,,", "country must be an ISO 3166-1 alpha-3"),
    ("Jane Roe,,,FRA,Government,,,", "sectors must be 3-letter codes"),
    ("Roe, Jane,,,FRA,GOV,,,", "cells but 8 columns"),
    (",Roe,,FRA,GOV,,,", "no name"),
    ("Jane Roe,,,DEU,GOV,,,", "country 'DEU' contradicts 'FRA'"),
])
def test_userdict_bad_csv_row_names_file_line_and_reason(tmp_path, row, reason):
    c = tmp_path / "bad.csv"
    c.write_text("name,aliases,kind,country,sectors,outside,from,to\n"
                 "Jane Roe,Roe,person,FRA,GOV,,,\n"
                 "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        UserDictionary().load(c)
    msg = str(exc.value)
    assert msg.startswith(f"{c}:4: ") and reason in msg, msg


def test_userdict_bad_csv_header_and_cli_error(tmp_path):
    c = tmp_path / "bad.csv"
    c.write_text("who,aliases,country\nJane Roe,Roe,FRA\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.csv:1: no 'name' column"):
        UserDictionary().load(c)
    c.write_text("name,country,from\nJane Roe,FRA,last year\n", encoding="utf-8")
    reset_user_dictionary()
    try:
        r = CliRunner().invoke(app, ["actor", "--dict", str(c), "Jane Roe"])
    finally:
        reset_user_dictionary()
    assert r.exit_code == 2
    squash = lambda t: "".join(t.split())  # noqa: E731  (the terminal may wrap the message)
    assert squash(f"{c}:2: from must be an ISO date YYYY-MM-DD, got 'last year'") in squash(r.output), r.output


def test_userdict_bad_yaml_entry_names_file_and_entry(tmp_path):
    y = tmp_path / "bad.yaml"
    y.write_text("actors:\n  - {name: Jane Roe, country: FRA}\n  - {name: Karl Doe, roles: [{from: soon}]}\n",
                 encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.yaml: entry 2 \(Karl Doe\): role 1: from must be an ISO date"):
        UserDictionary().load(y)


def test_userdict_cli_same_coding_from_yaml_and_csv(tmp_path):
    y, c = _write(tmp_path)
    outs = []
    for path in (y, c):
        reset_user_dictionary()
        try:
            r = CliRunner().invoke(app, ["actor", "--dict", str(path), "--date", "2022-05-01", "Ms Roe", "Doe"])
        finally:
            reset_user_dictionary()
        assert r.exit_code == 0, r.output
        outs.append([json.loads(x) for x in r.stdout.splitlines()])
    assert outs[0] == outs[1] and outs[0][0]["actor"]["code"] == "FRAOPP"
