"""`planner score --formula` and `planner settings --formula`: your own formula from the command line, as a user runs it."""

import json

import pytest

from cli_run import planner

RICE = "reach * impact * confidence / effort"


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "w.db")
    for title, reach, impact, confidence, effort in (("A", 450, 3, 100, 2), ("B", 2000, 1, 80, 4), ("C", 800, 2, 50, 1)):
        planner("--db", path, "item-add", title, "--reach", str(reach), "--impact", str(impact),
                "--confidence", str(confidence), "--effort", str(effort))
    return path


def test_a_formula_equal_to_rice_gives_intercoms_scores_and_implies_custom(db):
    rows = json.loads(planner("--db", db, "score", "--formula", RICE, "--json").stdout)
    assert [(r["title"], r["method"], r["score"], r["rank"]) for r in rows] == [
        ("C", "custom", 800, 1), ("A", "custom", 675, 2), ("B", "custom", 400, 3)]
    out = planner("--db", db, "score", "--method", "custom", "--formula", "reach / effort").stdout
    assert out.splitlines()[0] == "Method: custom (reach / effort)"
    assert [line.split()[3] for line in out.splitlines()[2:5]] == ["C", "B", "A"]  # 800, 500, 225


@pytest.mark.parametrize(("args", "message"), [
    (["--formula", "reach * impact * confidenc / effort"],
     "planner: Unknown factor 'confidenc' at 18–26; did you mean confidence?"),
    (["--formula", "__import__('os').system('true')"], "planner: '__import__' at 1–10 is not a factor or a function."),
    (["--formula", "reach *"], "planner: The formula ends after '*': a factor, a number or '(' must follow."),
    (["--method", "rice", "--formula", "reach"],
     "planner: --formula scores by your own formula, not by rice: leave out --method, or give --method custom."),
    (["--method", "custom"], "planner: No formula of your own is saved yet: give one with --formula EXPR"),
])
def test_a_bad_formula_is_refused_in_one_line(db, args, message):
    result = planner("--db", db, "score", *args, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith(message) and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_formula_is_saved_with_settings_and_scores_by_default(db):
    out = planner("--db", db, "settings", "--formula", "reach - effort").stdout
    assert out.splitlines()[0] == "Change scoring formula, scoring method."
    assert "Your formula        reach - effort" in out
    shown = json.loads(planner("--db", db, "settings", "--json").stdout)
    assert (shown["method"], shown["formula"]) == ("custom", "reach - effort")
    rows = json.loads(planner("--db", db, "score", "--json").stdout)
    assert [(r["title"], r["score"]) for r in rows] == [("B", 1996), ("C", 799), ("A", 448)]
    assert rows[0]["explanation"].startswith("Your formula 1,996 = reach - effort: reach 2,000 (100%), -effort -4 (0%)")
    # another method keeps the formula, which --method custom scores by again
    planner("--db", db, "settings", "--method", "rice")
    assert "reach - effort (not in use)" in planner("--db", db, "settings").stdout
    rows = json.loads(planner("--db", db, "score", "--method", "custom", "--json").stdout)
    assert rows[0]["score"] == 1996


def test_a_bad_formula_is_not_saved(db):
    result = planner("--db", db, "settings", "--formula", "reach + lambda", check=False)
    assert result.returncode == 2 and result.stderr.startswith("planner: 'lambda' at 9–14 is not a factor or a function.")
    result = planner("--db", db, "settings", "--method", "custom", check=False)
    assert result.returncode == 2 and "Your own formula is empty" in result.stderr
    shown = json.loads(planner("--db", db, "settings", "--json").stdout)
    assert (shown["method"], shown["formula"]) == ("rice", "")
