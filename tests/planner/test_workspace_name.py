"""The workspace's name: the file's name until one is given; checked, undone, and set from the command line."""

from __future__ import annotations

import json

import pytest

from cli_run import planner as run_planner
from planner import ops
from planner.errors import ValidationError
from planner.ops.settings import workspace_name
from planner.storage import open_workspace


def test_a_new_workspace_is_named_after_its_file(tmp_path):
    ws = open_workspace(tmp_path / "Acme roadmap.db")
    try:
        assert workspace_name(ws) == "Acme roadmap"
        assert ops.workspace_settings(ws)["name_given"] is False
    finally:
        ws.close()


def test_a_given_name_is_tidied_named_in_the_step_and_undone(ws):
    done = ops.change_settings(ws, name="  Acme\t 2027\n")
    assert done.text == "Change workspace name to “Acme 2027”"
    assert workspace_name(ws) == "Acme 2027" and done.value["name"] == "Acme 2027" and done.value["name_given"]
    ops.undo(ws, done)
    assert workspace_name(ws) == "workspace"


def test_a_blank_name_gives_back_the_files_name_and_the_same_name_is_no_step(ws):
    ops.change_settings(ws, name="Acme 2027")
    cleared = ops.change_settings(ws, name="   ")
    assert cleared.text == "Change workspace name to “workspace”"
    assert workspace_name(ws) == "workspace" and not cleared.value["name_given"]
    assert not ops.change_settings(ws, name="workspace").changed  # already shown so


@pytest.mark.parametrize(("name", "message"), [
    ("x" * 101, "A workspace name is at most 100 characters; this one has 101. Shorten it."),
    ("Acme\x1b[31m", "A workspace name cannot hold control characters; type it again as plain text."),
    (42, "A workspace name is text; got 42."),
])
def test_a_bad_name_is_refused_and_changes_nothing(ws, dump, name, message):
    before = dump(ws)
    with pytest.raises(ValidationError) as caught:
        ops.change_settings(ws, name=name, currency="JPY")
    assert str(caught.value).startswith(message)
    assert dump(ws) == before


def test_the_settings_command_sets_shows_and_clears_the_name(tmp_path):
    db = str(tmp_path / "plans.db")
    assert "Workspace name      plans (the file's name; give one with --name)" in run_planner("--db", db, "settings").stdout
    out = run_planner("--db", db, "settings", "--name", "Acme 2027").stdout
    assert out.splitlines()[:2] == ["Change workspace name to “Acme 2027”.", "Workspace name      Acme 2027"]
    assert json.loads(run_planner("--db", db, "settings", "--json").stdout)["name"] == "Acme 2027"
    run_planner("--db", db, "settings", "--name", "")
    assert json.loads(run_planner("--db", db, "settings", "--json").stdout)["name"] == "plans"
    bad = run_planner("--db", db, "settings", "--name", "x" * 101, check=False)
    assert bad.returncode == 2 and bad.stderr.strip() == (
        "planner: A workspace name is at most 100 characters; this one has 101. Shorten it.")
