"""README keeps up with the code: every command, table and view is documented."""
from __future__ import annotations

import re

import pytest

from flows.cli import build_parser
from tests.conftest import REPO
from transforms.schemas import SCHEMAS

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)
VIEWS = sorted(p.stem for p in (REPO / "warehouse" / "views").glob("*.sql"))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_readme_section(command):
    assert f"### wirehouse {command}" in README


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_table_has_a_grain_line_in_readme(table):
    assert re.search(rf"^\| `{table}` \| one row per ", README, re.M), table


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_is_documented_in_readme(view):
    assert f"`{view}`" in README


@pytest.mark.parametrize("target", ["help", "run", "test", "eval", "bench", "bench-html", "bench-peer", "serve"])
def test_every_make_target_is_documented(target):
    assert f"make {target}" in README
