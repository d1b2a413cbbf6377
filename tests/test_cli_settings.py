"""`planner settings`, and money in the workspace's currency in the command line's tables, through a real subprocess."""

import json

import pytest

from cli_run import planner


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "w.db")


def test_settings_shows_the_defaults_for_people_and_as_json(db):
    out = planner("--db", db, "settings").stdout
    assert "Fiscal year starts  January (Q1 is January–March)" in out
    assert "USD (US dollar), shown as $1,234.50" in out
    assert "365 days" in out and "rice" in out
    assert json.loads(planner("--db", db, "settings", "--json").stdout) == {
        "name": "w", "fiscal_year_start": 1, "currency": "USD", "currency_symbol": "$", "window_days": 365, "method": "rice",
        "formula": "", "reach_unit": None, "users_per_customer": None}


def test_settings_changes_the_given_ones_and_says_so(db):
    out = planner("--db", db, "settings", "--fiscal-year-start", "April", "--currency", "jpy", "--window-days", "90").stdout
    assert out.splitlines()[0] == "Change fiscal year start to April, currency to JPY, time window to 90 days."
    assert "April (Q1 is April–June)" in out and "JPY (Japanese yen), shown as ¥1,235" in out
    shown = json.loads(planner("--db", db, "settings", "--json").stdout)
    assert shown == {"name": "w", "fiscal_year_start": 4, "currency": "JPY", "currency_symbol": "¥", "window_days": 90, "method": "rice",
                     "formula": "", "reach_unit": None, "users_per_customer": None}
    # Only what is given changes; a month by its number, the JSON after the change.
    changed = json.loads(planner("--db", db, "settings", "--fiscal-year-start", "11", "--json").stdout)
    assert (changed["fiscal_year_start"], changed["currency"], changed["window_days"]) == (11, "JPY", 90)
    assert "November (Q1 is November–January)" in planner("--db", db, "settings").stdout
    again = planner("--db", db, "settings", "--currency", "JPY").stdout
    assert again.splitlines()[0].startswith("Nothing changed")


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--fiscal-year-start", "13", "planner: The fiscal year starts in a month: 1 (January) to 12 (December), or its "
                                  "name such as April; got 13."),
    ("--fiscal-year-start", "Smarch", "got 'Smarch'"),
    ("--currency", "XYZ", "planner: The currency is an ISO code such as USD, JPY, EUR"),
    ("--window-days", "0", "planner: The time window must be from 1 to 3660 days; got 0."),
    ("--window-days", "soon", "planner: The time window is a whole number of days."),
    ("--users-per-customer", "0", "planner: Users per customer must be more than 0; got 0."),
    ("--users-per-customer", "many", "planner: Users per customer is a number, or auto to derive it from the metric."),
])
def test_a_bad_value_is_one_line_exit_2_and_changes_nothing(db, option, value, message):
    before = planner("--db", db, "settings", "--json").stdout
    good = ("--window-days", "30") if option != "--window-days" else ("--fiscal-year-start", "4")
    bad = planner("--db", db, "settings", option, value, *good, check=False)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and message in bad.stderr
    assert planner("--db", db, "settings", "--json").stdout == before


def test_the_reach_unit_is_chosen_once_and_auto_gives_the_choice_back(db):
    out = planner("--db", db, "settings", "--reach-unit", "people", "--users-per-customer", "12").stdout
    assert out.splitlines()[0] == "Change reach unit to people, users per customer to 12."
    assert "Reach unit          people asking" in out and "Users per customer  12" in out
    shown = json.loads(planner("--db", db, "settings", "--json").stdout)
    assert (shown["reach_unit"], shown["users_per_customer"]) == ("people", 12.0)
    out = planner("--db", db, "settings", "--reach-unit", "auto", "--users-per-customer", "auto").stdout
    assert "Reach unit          auto (the unit most items' reach comes in)" in out and "Users per customer" not in out
    bad = planner("--db", db, "settings", "--reach-unit", "dollars", check=False)
    assert bad.returncode == 2 and "invalid choice: 'dollars'" in bad.stderr


def test_the_score_table_shows_mrr_in_the_workspace_currency_and_json_keeps_numbers(db):
    planner("--db", db, "item-add", "SSO", "--effort", "2", "--impact", "2", "--confidence", "80")
    from planner import ops
    from planner.storage import open_workspace

    ws = open_workspace(db)
    try:
        ops.upsert_company(ws, name="Acme", mrr=1_200_000)
        request = ops.add_request(ws, title="We need SAML", company="Acme")
        ops.link_requests(ws, [request["id"]], ops.list_items(ws)[0]["id"])
    finally:
        ws.close()
    assert "$1.2M" in planner("--db", db, "score").stdout
    planner("--db", db, "settings", "--currency", "JPY")
    table = planner("--db", db, "score").stdout
    header, row = table.splitlines()[1:3]
    assert "mrr" in header.split() and "¥1.2M" in row.split()
    assert json.loads(planner("--db", db, "score", "--json").stdout)[0]["mrr"] == 1_200_000
