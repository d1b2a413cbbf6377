"""A command line that names a command builds that command's parser alone, and reads exactly as before."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from planner import cli
from planner.cli import COMMANDS, _Parser, build_parser, named_command


def _registered(module: str) -> tuple[str, ...]:
    parser = _Parser(prog="planner")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    importlib.import_module(f"planner.cli.{module}").register(sub)
    return tuple(sub.choices)


@pytest.mark.parametrize("module", list(COMMANDS))
def test_the_list_names_every_command_each_module_registers(module):
    assert _registered(module) == COMMANDS[module]


def _subparser(parser, command):
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices[command]


@pytest.mark.parametrize("command", [c for commands in COMMANDS.values() for c in commands])
def test_each_commands_help_is_the_same_from_its_own_parser(command):
    assert _subparser(build_parser(command), command).format_help() == _subparser(build_parser(), command).format_help()


@pytest.mark.parametrize("argv, command", [
    (["score"], "score"), (["--db", "x.db", "score", "--json"], "score"), (["--db=x.db", "export", "a.xlsx"], "export"),
    (["--db", "score"], None),  # "score" is the workspace's file name here: no command
    ([], None), (["--help"], None), (["--version"], None), (["--d", "x.db", "score"], None), (["scor"], None),
    (["gui"], None), (["--db"], None),
])
def test_the_command_is_read_as_argparse_would(argv, command):
    assert named_command(argv) == command


def test_a_typo_still_lists_every_command(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--db", str(tmp_path / "w.db"), "scor"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'scor'" in err and "'release-notes'" in err and "'score'" in err


def test_scoring_from_the_command_line_does_not_load_the_workbook_writer(tmp_path):
    db = tmp_path / "w.db"
    code = (f"import sys; from planner.cli import main; code = main(['--db', {str(db)!r}, 'score']); "
            "print(code, 'openpyxl' in sys.modules, 'planner.exporting' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[-3:] == ["0", "False", "False"]
