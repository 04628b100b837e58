"""Docs stay true: every CLI command is documented in the README and has an example in its help;
the README's Quick start holds exactly the two commands; .ci/run calls the README's test command."""
from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from tacitus.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def command_names():
    return sorted(c.name for c in typer.main.get_command(app).commands.values())


@pytest.mark.parametrize("name", command_names())
def test_docs_every_command_in_readme(name):
    assert f"tacitus {name}" in README


@pytest.mark.parametrize("name", command_names())
def test_docs_every_command_help_has_example(name):
    res = CliRunner().invoke(app, [name, "--help"])
    assert res.exit_code == 0
    assert "Example:" in res.stdout


def test_docs_quick_start_has_two_commands_and_ci_runs_the_test_one():
    qs = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", qs, re.S).group(1)
    cmds = [l.split("#")[0].strip() for l in block.splitlines() if l.split("#")[0].strip()]
    assert cmds == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_docs_schema_doc_lists_every_event_field():
    import json
    schema = json.loads((ROOT / "src/tacitus/schema/article.schema.json").read_text())
    doc = (ROOT / "docs" / "schema.md").read_text()
    for field in schema["$defs"]["event"]["properties"]:
        assert f"`{field}`" in doc, field


def test_docs_cli_reference_is_up_to_date():
    import importlib.util
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert (ROOT / "docs" / "cli.md").read_text() == mod.render(), "run: python scripts/cli_docs.py"
