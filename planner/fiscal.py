"""Fiscal years, quarters and halves, and their names, for a year that starts in any month.

A fiscal year is named by the calendar year it starts in: with an April
start, FY2027 runs from 2027-04-01 to 2028-03-31, so FY2027 Q1 is April to
June 2027 and January to March 2028 is FY2027 Q4. With a January start the
fiscal year is the calendar year and the names are the plain ones existing
workspaces already have ("2027 Q1").

Pure functions of dates: the workspace's start month (the setting
`fiscal_year_start`) is read by the caller.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.errors import ValidationError

SETTING = "fiscal_year_start"  # the settings key: the month (1-12) the fiscal year starts in
LANGUAGES = ("en", "ja")  # the languages lane names are made in


def start_month(value) -> int:
    """The fiscal year's first month as a whole number from 1 to 12, or a ValidationError."""
    if isinstance(value, bool):
        value = None
    try:
        month = int(value)
        whole = month == float(value)
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole or not 1 <= month <= 12:
        raise ValidationError(f"The fiscal year starts in a month from 1 (January) to 12 (December); got {value!r}.")
    return month


def language_of(language: str | None) -> str:
    """'en' or 'ja' from a language code such as 'ja_JP'; a ValidationError for any other."""
    code = str(language or "en").replace("-", "_").split("_")[0].lower()
    if code not in LANGUAGES:
        raise ValidationError(f"Lane names are made in English (en) or Japanese (ja); got {language!r}.")
    return code


def _month_start(year: int, month_index: int) -> date:
    """The first day of month `month_index` counted from January of `year` (0 is January)."""
    return date(year + month_index // 12, month_index % 12 + 1, 1)


def fiscal_year_of(day: date, start: int = 1) -> int:
    """The fiscal year `day` falls in, named by the calendar year it starts in."""
    start = start_month(start)
    return day.year if day.month >= start else day.year - 1


def quarter_of(day: date, start: int = 1) -> tuple[int, int]:
    """(fiscal year, quarter 1-4) of the fiscal quarter containing `day`."""
    start = start_month(start)
    return fiscal_year_of(day, start), (day.month - start) % 12 // 3 + 1


def quarter_dates(year: int, quarter: int, start: int = 1) -> tuple[date, date]:
    """First and last day of quarter `quarter` (1-4) of fiscal year `year`."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(f"A quarter is 1, 2, 3 or 4; got {quarter!r}.")
    first_month = start_month(start) - 1 + 3 * (quarter - 1)
    return _month_start(year, first_month), _month_start(year, first_month + 3) - timedelta(days=1)


def quarter_containing(day: date, start: int = 1) -> tuple[int, int, date, date]:
    """(fiscal year, quarter, first day, last day) of the fiscal quarter containing `day`."""
    year, quarter = quarter_of(day, start)
    return (year, quarter, *quarter_dates(year, quarter, start))


def quarter_starting_from(day: date, start: int = 1) -> tuple[int, int, date, date]:
    """The first fiscal quarter that starts on or after `day`, as (fiscal year, quarter, first day, last day)."""
    year, quarter, first, last = quarter_containing(day, start)
    if first < day:
        year, quarter = following_quarter(year, quarter)
        first, last = quarter_dates(year, quarter, start)
    return year, quarter, first, last


def following_quarter(year: int, quarter: int) -> tuple[int, int]:
    """The (fiscal year, quarter) after this one."""
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def half_of(day: date, start: int = 1) -> tuple[int, int]:
    """(fiscal year, half 1-2) of the fiscal half containing `day`."""
    start = start_month(start)
    return fiscal_year_of(day, start), (day.month - start) % 12 // 6 + 1


def half_dates(year: int, half: int, start: int = 1) -> tuple[date, date]:
    """First and last day of half `half` (1 or 2) of fiscal year `year`."""
    if half not in (1, 2):
        raise ValidationError(f"A half is 1 or 2; got {half!r}.")
    first_month = start_month(start) - 1 + 6 * (half - 1)
    return _month_start(year, first_month), _month_start(year, first_month + 6) - timedelta(days=1)


def year_name(year: int, start: int = 1, language: str = "en") -> str:
    """'2027' / 'FY2027' in English, '2027年' / '2027年度' in Japanese (the second forms for a year not starting in January)."""
    calendar = start_month(start) == 1
    if language_of(language) == "ja":
        return f"{year}年" if calendar else f"{year}年度"
    return f"{year}" if calendar else f"FY{year}"


def quarter_name(year: int, quarter: int, start: int = 1, language: str = "en") -> str:
    """'2027 Q1', 'FY2027 Q1', '2027年 第1四半期' or '2027年度 第1四半期'."""
    quarter_dates(year, quarter, start)  # checks the quarter and the start month
    if language_of(language) == "ja":
        return f"{year_name(year, start, 'ja')} 第{quarter}四半期"
    return f"{year_name(year, start, 'en')} Q{quarter}"


def half_name(year: int, half: int, start: int = 1, language: str = "en") -> str:
    """'2027 H1', 'FY2027 H1', '2027年 上期' or '2027年度 下期'."""
    half_dates(year, half, start)  # checks the half and the start month
    if language_of(language) == "ja":
        return f"{year_name(year, start, 'ja')} {'上期' if half == 1 else '下期'}"
    return f"{year_name(year, start, 'en')} H{half}"
