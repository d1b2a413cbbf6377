"""Workspace settings: fiscal year start, currency and reach window, checked, undone and redone, read from old
workspaces, and shown in the workbook in the workspace's currency."""

from __future__ import annotations

import openpyxl
import pytest

from planner import ops
from planner.errors import ValidationError
from planner.exporting import export_roadmap
from planner.ops import Entity
from planner.storage import queries

TABLES = ("items", "requests", "links", "companies", "lanes", "settings", "import_batches")


def dump(ws) -> dict:
    return {t: ws.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def world(ws):
    """One item asked for by two paying companies."""
    sso = ops.add_item(ws, title="SSO", effort=2, impact=2, confidence=80)
    ops.upsert_company(ws, name="Acme", mrr=120000)
    ops.upsert_company(ws, name="Globex", mrr=1250.5)
    a = ops.add_request(ws, title="We need SAML", company="Acme")
    b = ops.add_request(ws, title="SSO with Okta", company="Globex")
    ops.link_requests(ws, [a["id"], b["id"]], sso["id"])
    return ws


def test_a_new_workspace_has_a_calendar_year_dollars_and_the_scoring_window(ws):
    assert ops.workspace_settings(ws) == {
        "name": "workspace", "name_given": False, "fiscal_year_start": 1, "currency": "USD", "currency_symbol": "$", "currency_decimals": 2,
        "currency_name": "US dollar", "window_days": 365, "method": "rice",
    }


CASES = {
    "fiscal year start": dict(fiscal_year_start=4),
    "currency": dict(currency="JPY"),
    "reach window": dict(window_days=90),
    "name": dict(name="Acme 2027"),
    "all three and the method": dict(fiscal_year_start="April", currency="jpy", window_days=90, method="ice"),
}


@pytest.mark.parametrize("name", CASES)
def test_undo_puts_the_settings_back_and_redo_does_it_again(world, name):
    before, shown_before = dump(world), ops.workspace_settings(world)
    done = ops.change_settings(world, **CASES[name])
    after, shown_after = dump(world), ops.workspace_settings(world)
    assert after != before and done.changed
    assert done.changes.touches(Entity.SETTINGS)
    assert done.value == shown_after

    undone = ops.undo(world, done)
    assert dump(world) == before
    assert ops.workspace_settings(world) == shown_before
    assert undone.changes.touches(Entity.SETTINGS)

    ops.redo(world, undone)
    assert dump(world) == after
    assert ops.workspace_settings(world) == shown_after


def test_the_step_says_what_changed_and_stores_what_other_parts_read(world):
    done = ops.change_settings(world, fiscal_year_start="apr", currency="JPY", window_days=90)
    assert done.text == "Change fiscal year start to April, currency to JPY, time window to 90 days"
    assert done.value["currency_symbol"] == "¥" and done.value["currency_decimals"] == 0
    # Quarters are named from this key: a whole number, not text.
    stored = queries.get_setting(world, "fiscal_year_start")
    assert stored == 4 and type(stored) is int
    assert queries.get_setting(world, "currency") == "JPY"  # the ISO code, not the symbol
    assert ops.workspace_settings(world)["window_days"] == 90
    assert ops.change_scoring(world).value["window_days"] == 90  # the scoring setting itself


def test_setting_what_is_already_there_changes_nothing_and_is_no_step(world):
    ops.change_settings(world, currency="EUR")
    before = dump(world)
    again = ops.change_settings(world, currency="eur", fiscal_year_start=1, window_days=365)
    assert not again.changed and again.text == "Change nothing"
    assert dump(world) == before


@pytest.mark.parametrize(("changes", "message"), [
    (dict(fiscal_year_start=13), r"1 \(January\) to 12 \(December\).*got 13"),
    (dict(fiscal_year_start=0), "got 0"),
    (dict(fiscal_year_start="Apirl"), "got 'Apirl'"),
    (dict(fiscal_year_start="ju"), "got 'ju'"),  # June or July?
    (dict(fiscal_year_start=4.5), "got 4.5"),
    (dict(currency="XYZ"), r"ISO code such as USD, JPY, EUR.*got 'XYZ'"),
    (dict(currency="¥"), "ISO code"),
    (dict(window_days=0), "from 1 to 3660 days; got 0"),
    (dict(window_days=5000), "from 1 to 3660 days; got 5000"),
    (dict(window_days="a year"), "whole number of days"),
    (dict(fiscal_year_start=4, currency="JPY", window_days=0), "days"),  # nothing written, the good ones neither
])
def test_a_bad_value_is_refused_clearly_and_nothing_is_written(world, changes, message):
    before = dump(world)
    with pytest.raises(ValidationError, match=message):
        ops.change_settings(world, **changes)
    assert dump(world) == before


@pytest.mark.parametrize(("given", "month"), [(4, 4), ("4", 4), ("April", 4), ("apr", 4), ("SEPT", 9), ("12", 12),
                                               (1.0, 1), ("4月", 4)])
def test_a_month_is_a_number_or_a_name(given, month):
    assert ops.month_number(given) == month


@pytest.mark.parametrize(("stored", "code", "symbol"), [("$", "USD", "$"), ("¥", "JPY", "¥"), ("€", "EUR", "€"),
                                                         ("JPY", "JPY", "¥"), ("nonsense", "USD", "$")])
def test_an_old_workspace_keeping_a_symbol_reads_as_its_currency(world, stored, code, symbol):
    queries.set_setting(world, "currency", stored)
    shown = ops.workspace_settings(world)
    assert (shown["currency"], shown["currency_symbol"]) == (code, symbol)


def test_a_hand_edited_value_that_is_not_json_still_reads(world):
    world.db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('currency', '¥')")
    world.db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('fiscal_year_start', 'x')")
    shown = ops.workspace_settings(world)
    assert (shown["currency"], shown["fiscal_year_start"]) == ("JPY", 1)
    done = ops.change_settings(world, currency="EUR", fiscal_year_start=10)
    assert ops.workspace_settings(world)["currency"] == "EUR"
    ops.undo(world, done)
    assert ops.workspace_settings(world)["currency"] == "JPY"


# ---------------------------------------------------------------- the workbook


def _money_cells(path, sheet: str, header: str) -> list:
    ws = openpyxl.load_workbook(path)[sheet]
    head = [c.value for c in ws[1]]
    col = head.index(header)
    return [row[col] for row in ws.iter_rows(min_row=2) if row[col].value is not None]


def test_the_workbook_shows_money_in_the_workspace_currency(world, tmp_path):
    ops.change_settings(world, currency="JPY")
    path = tmp_path / "yen.xlsx"
    export_roadmap(world, path)
    for sheet, header in (("Priorities", "MRR at stake"), ("Demand", "MRR at stake"), ("Requests", "MRR")):
        cells = _money_cells(path, sheet, header)
        assert cells, sheet
        assert {c.number_format for c in cells} == {'"¥"#,##0;-"¥"#,##0'}, sheet
    assert sorted(c.value for c in _money_cells(path, "Requests", "MRR")) == [1250.5, 120000]  # numbers stay numbers


def test_the_workbook_uses_two_decimals_for_dollars_and_an_old_symbol_as_its_currency(world, tmp_path):
    path = tmp_path / "dollars.xlsx"
    export_roadmap(world, path)
    assert {c.number_format for c in _money_cells(path, "Demand", "MRR at stake")} == {'"$"#,##0.00;-"$"#,##0.00'}
    queries.set_setting(world, "currency", "€")  # as an older version kept it
    export_roadmap(world, path)
    assert {c.number_format for c in _money_cells(path, "Demand", "MRR at stake")} == {'"€"#,##0.00;-"€"#,##0.00'}
