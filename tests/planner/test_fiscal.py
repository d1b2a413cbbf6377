"""Fiscal quarters and halves and their names, for years starting in January, April and October."""

from datetime import date

import pytest

from planner import fiscal
from planner.errors import ValidationError


@pytest.mark.parametrize("day, start, expected", [
    (date(2027, 1, 1), 1, (2027, 1, date(2027, 1, 1), date(2027, 3, 31))),
    (date(2027, 12, 31), 1, (2027, 4, date(2027, 10, 1), date(2027, 12, 31))),
    (date(2027, 4, 1), 4, (2027, 1, date(2027, 4, 1), date(2027, 6, 30))),
    (date(2027, 3, 31), 4, (2026, 4, date(2027, 1, 1), date(2027, 3, 31))),
    (date(2028, 2, 29), 4, (2027, 4, date(2028, 1, 1), date(2028, 3, 31))),
    (date(2027, 12, 31), 4, (2027, 3, date(2027, 10, 1), date(2027, 12, 31))),
    (date(2027, 10, 1), 10, (2027, 1, date(2027, 10, 1), date(2027, 12, 31))),
    (date(2028, 1, 1), 10, (2027, 2, date(2028, 1, 1), date(2028, 3, 31))),
    (date(2028, 9, 30), 10, (2027, 4, date(2028, 7, 1), date(2028, 9, 30))),
    (date(2027, 2, 28), 2, (2027, 1, date(2027, 2, 1), date(2027, 4, 30))),
    (date(2028, 1, 15), 2, (2027, 4, date(2027, 11, 1), date(2028, 1, 31))),
])
def test_the_quarter_containing_a_day_and_its_first_and_last_day(day, start, expected):
    assert fiscal.quarter_containing(day, start) == expected
    assert fiscal.quarter_of(day, start) == expected[:2]
    assert fiscal.quarter_dates(*expected[:2], start) == expected[2:]


@pytest.mark.parametrize("start, year, quarter, en, ja", [
    (1, 2027, 1, "2027 Q1", "2027年 第1四半期"),
    (1, 2027, 4, "2027 Q4", "2027年 第4四半期"),
    (4, 2027, 1, "FY2027 Q1", "2027年度 第1四半期"),
    (4, 2027, 4, "FY2027 Q4", "2027年度 第4四半期"),
    (10, 2026, 2, "FY2026 Q2", "2026年度 第2四半期"),
])
def test_quarter_names_follow_the_start_month_and_the_language(start, year, quarter, en, ja):
    assert fiscal.quarter_name(year, quarter, start) == en
    assert fiscal.quarter_name(year, quarter, start, "en") == en
    assert fiscal.quarter_name(year, quarter, start, "ja") == ja
    assert fiscal.quarter_name(year, quarter, start, "ja_JP") == ja


def test_an_april_year_is_named_by_the_year_it_starts_in():
    assert fiscal.quarter_name(*fiscal.quarter_of(date(2028, 3, 31), 4), 4) == "FY2027 Q4"
    assert fiscal.quarter_name(*fiscal.quarter_of(date(2028, 4, 1), 4), 4) == "FY2028 Q1"
    assert fiscal.quarter_name(*fiscal.quarter_of(date(2028, 3, 31), 4), 4, "ja") == "2027年度 第4四半期"


@pytest.mark.parametrize("day, start, half, first, last, en, ja", [
    (date(2027, 6, 30), 1, (2027, 1), date(2027, 1, 1), date(2027, 6, 30), "2027 H1", "2027年 上期"),
    (date(2027, 7, 1), 1, (2027, 2), date(2027, 7, 1), date(2027, 12, 31), "2027 H2", "2027年 下期"),
    (date(2027, 9, 30), 4, (2027, 1), date(2027, 4, 1), date(2027, 9, 30), "FY2027 H1", "2027年度 上期"),
    (date(2028, 3, 31), 4, (2027, 2), date(2027, 10, 1), date(2028, 3, 31), "FY2027 H2", "2027年度 下期"),
    (date(2028, 1, 1), 10, (2027, 1), date(2027, 10, 1), date(2028, 3, 31), "FY2027 H1", "2027年度 上期"),
    (date(2028, 9, 30), 10, (2027, 2), date(2028, 4, 1), date(2028, 9, 30), "FY2027 H2", "2027年度 下期"),
])
def test_halves_and_their_names(day, start, half, first, last, en, ja):
    assert fiscal.half_of(day, start) == half
    assert fiscal.half_dates(*half, start) == (first, last)
    assert fiscal.half_name(*half, start) == en
    assert fiscal.half_name(*half, start, "ja") == ja


def test_the_quarter_starting_from_a_day_never_overlaps_it():
    assert fiscal.quarter_starting_from(date(2027, 4, 1), 4)[:2] == (2027, 1)  # starts that day
    assert fiscal.quarter_starting_from(date(2027, 4, 2), 4)[:2] == (2027, 2)  # the next one
    assert fiscal.quarter_starting_from(date(2027, 12, 15), 1) == (2028, 1, date(2028, 1, 1), date(2028, 3, 31))
    assert fiscal.following_quarter(2027, 4) == (2028, 1)


@pytest.mark.parametrize("bad", [0, 13, 4.5, "April", None, True])
def test_a_start_month_outside_1_to_12_says_what_is_expected(bad):
    with pytest.raises(ValidationError, match=r"month from 1 \(January\) to 12 \(December\)"):
        fiscal.quarter_of(date(2027, 1, 1), bad)


def test_other_values_are_refused_with_what_is_expected():
    assert fiscal.start_month("4") == 4
    with pytest.raises(ValidationError, match=r"English \(en\) or Japanese \(ja\)"):
        fiscal.quarter_name(2027, 1, 1, "fr")
    with pytest.raises(ValidationError, match="1, 2, 3 or 4"):
        fiscal.quarter_name(2027, 5)
    with pytest.raises(ValidationError, match="1 or 2"):
        fiscal.half_name(2027, 3)
