"""Amounts as every place shows them: full, compact, in the workbook's number format, and old workspaces' symbols."""

from __future__ import annotations

import pytest

from planner.errors import ValidationError
from planner.money import CURRENCIES, check_currency, currency, currency_code, excel_number_format, format_money


@pytest.mark.parametrize(("amount", "code", "shown"), [
    (120000, "JPY", "¥120,000"),
    (1250.5, "USD", "$1,250.50"),
    (1250, "USD", "$1,250.00"),
    (1234.5, "JPY", "¥1,235"),  # half up, as people round money
    (1.005, "USD", "$1.01"),
    (1e20, "JPY", "¥100,000,000,000,000,000,000"),
    (99.999, "EUR", "€100.00"),
    (1234567.4, "KRW", "₩1,234,567"),
    (-30, "GBP", "-£30.00"),
    (-0.001, "USD", "$0.00"),  # no "-$0.00"
    (1250.5, "CHF", "CHF 1,250.50"),  # a symbol of letters is set off by a space
    (0, "JPY", "¥0"),
    (None, "JPY", "–"),
    (float("nan"), "USD", "–"),
])
def test_full_amounts_have_the_symbol_grouping_and_decimals_of_the_currency(amount, code, shown):
    assert format_money(amount, code) == shown


@pytest.mark.parametrize(("amount", "code", "shown"), [
    (950, "USD", "$950"),
    (999.4, "USD", "$999"),
    (999.6, "USD", "$1k"),
    (1250, "USD", "$1.3k"),  # half up, as 1,250,000 is 1.3M
    (12000, "USD", "$12k"),
    (12499, "USD", "$12k"),
    (999_960, "USD", "$1M"),  # never "1,000k"
    (1_200_000, "JPY", "¥1.2M"),
    (1_250_000, "JPY", "¥1.3M"),
    (35_000_000, "JPY", "¥35M"),
    (2_500_000_000, "EUR", "€2.5B"),
    (-12000, "USD", "-$12k"),
    (None, "USD", "–"),
])
def test_compact_amounts_fit_on_a_card(amount, code, shown):
    assert format_money(amount, code, compact=True) == shown


def test_the_workbook_format_carries_the_symbol_and_the_decimals():
    assert excel_number_format("JPY") == '"¥"#,##0;-"¥"#,##0'
    assert excel_number_format("USD") == '"$"#,##0.00;-"$"#,##0.00'
    assert excel_number_format("CHF") == '"CHF "#,##0.00;-"CHF "#,##0.00'
    assert excel_number_format("¥") == excel_number_format("JPY")  # an old workspace's symbol


def test_the_table_knows_the_usual_currencies():
    expected = {"JPY": ("¥", 0), "USD": ("$", 2), "EUR": ("€", 2), "GBP": ("£", 2), "KRW": ("₩", 0), "INR": ("₹", 2)}
    assert {code: (CURRENCIES[code].symbol, CURRENCIES[code].decimals) for code in expected} == expected
    assert {"CNY", "AUD", "CAD", "SGD", "CHF", "TWD"} <= set(CURRENCIES)
    assert all(code.isupper() and len(code) == 3 for code in CURRENCIES)


def test_codes_are_checked_and_an_unknown_one_names_known_ones():
    assert check_currency("jpy") == "JPY"
    assert check_currency(" EUR ") == "EUR"
    for bad in ("XYZ", "¥", "", None, 3):
        with pytest.raises(ValidationError, match="ISO code such as USD, JPY, EUR") as error:
            check_currency(bad)
        assert repr(bad) in str(error.value)


@pytest.mark.parametrize(("stored", "code"), [
    ("JPY", "JPY"), ("eur", "EUR"), ("$", "USD"), ("¥", "JPY"), ("￥", "JPY"), ("€", "EUR"), ("£", "GBP"),
    (None, "USD"), ("", "USD"), ("doubloons", "USD"), (42, "USD"),
])
def test_what_a_workspace_stored_reads_as_a_code_old_symbols_included(stored, code):
    assert currency_code(stored) == code
    assert currency(stored).code == code


def test_trim_drops_only_cents_that_are_all_zero():
    assert format_money(5000, "USD", trim=True) == "$5,000"
    assert format_money(1250.5, "USD", trim=True) == "$1,250.50"
    assert format_money(120000, "JPY", trim=True) == "¥120,000"
