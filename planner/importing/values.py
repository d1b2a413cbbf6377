"""Reading dates, money and counts as tools and spreadsheets write them.

Every parser returns a clean value or raises `ValueProblem` with a message a
user can act on; a value is never guessed into something else silently.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone


class ValueProblem(ValueError):
    """A cell that cannot be read as the field it is mapped to."""


def nfkc(text: str) -> str:
    # Full-width digits, commas and yen signs arrive from Japanese spreadsheets.
    return unicodedata.normalize("NFKC", text).strip()


# ---------------------------------------------------------------- numbers

_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9, "千": 1e3, "万": 1e4, "億": 1e8}
_CURRENCY = re.compile(r"^(?:[¥$€£]|jpy|usd|eur|gbp|円)\s*|\s*(?:[¥$€£]|jpy|usd|eur|gbp|円)$", re.I)
# Excel on Japanese Windows saves CSV in CP932, where the yen sign is byte 0x5C: read as text, it is a backslash.
_YEN_BACKSLASH = re.compile(r"^\\\s*")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_GROUPED_EU = re.compile(r"^\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$|^\.\d+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


def shown(text: str, limit: int = 60) -> str:
    """A cell's text quoted for a message, as written (no doubled backslashes), cut when long."""
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def parse_number(text: str, *, what: str = "number", yen_backslash: bool = False) -> float | None:
    """`¥120,000`, `$1.2k`, `１２０，０００`, `12万`, `1.234,5` -> float; '' -> None.

    With `yen_backslash`, a backslash before the number is a yen sign (`\\120,000`): the
    CP932 yen. Only money fields ask for it; elsewhere a backslash is no number.
    """
    raw = text
    text = nfkc(text)
    if not text or text in {"-", "—", "n/a", "N/A"}:
        return None
    if yen_backslash:
        text = _YEN_BACKSLASH.sub("", text)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith("-") or text.startswith("−"):
        negative, text = True, text[1:].strip()
    if yen_backslash:
        text = _YEN_BACKSLASH.sub("", text)  # Excel writes a negative sum as -\1,200
    for _ in range(2):
        text = _CURRENCY.sub("", text).strip()
    factor = 1.0
    if text and text[-1].lower() in _SUFFIX:
        factor = _SUFFIX[text[-1].lower()]
        text = text[:-1].strip()
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    if _PLAIN.match(text):
        value = float(text)
    elif _GROUPED.match(text):
        value = float(text.replace(",", ""))
    elif _GROUPED_EU.match(text) and ("," in text or " " in text):
        value = float(text.replace(".", "").replace(" ", "").replace(",", "."))
    elif _DECIMAL_COMMA.match(text):
        value = float(text.replace(",", "."))
    else:
        raise ValueProblem(f"{shown(raw)} is not a {what}")
    return -value * factor if negative else value * factor


def parse_money(text: str) -> float | None:
    value = parse_number(text, what="sum of money", yen_backslash=True)
    if value is not None and value < 0:
        raise ValueProblem(f"{shown(text)} is negative; a revenue figure cannot be")
    return value


def parse_count(text: str) -> int | None:
    value = parse_number(text, what="whole number")
    if value is None:
        return None
    if value < 0 or value != int(value):
        raise ValueProblem(f"{shown(text)} is not a whole number of 0 or more")
    return int(value)


# ---------------------------------------------------------------- dates

_MONTHS = {
    # English
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    # French, as Jira writes them (with or without the abbreviation dot)
    "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2, "mars": 3,
    "avr": 4, "avril": 4, "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "déc": 12, "dec.": 12, "décembre": 12, "decembre": 12,
}
_TIME = r"(?:[ T]+(\d{1,2})[:時](\d{2})(?:[:分](\d{2})(?:[.,]\d+)?)?(?:秒)?\s*(am|pm|午前|午後)?)?"
_JIRA = re.compile(r"^(\d{1,2})[/ -]([^\W\d_]+)\.?[/ -](\d{2}|\d{4})" + _TIME + r"$", re.I)
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})" + _TIME + r"$", re.I)
_AMBIG = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})" + _TIME + r"$", re.I)
_KANJI = re.compile(r"^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*\([^)]*\))?" + _TIME + r"$", re.I)
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018,
         "m": 1867, "t": 1911, "s": 1925, "h": 1988, "r": 2018}
_ERA_KANJI = re.compile(r"^(明治|大正|昭和|平成|令和)\s*(\d{1,2}|元)年\s*(\d{1,2})月\s*(\d{1,2})日" + _TIME + r"$")
_ERA_SHORT = re.compile(r"^([MTSHR])\s*(\d{1,2})[./\-](\d{1,2})[./\-](\d{1,2})" + _TIME + r"$", re.I)
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")


def _clock(m, first: int):
    hour, minute, second, half = m.group(first), m.group(first + 1), m.group(first + 2), m.group(first + 3)
    if hour is None:
        return None
    hour, minute, second = int(hour), int(minute), int(second or 0)
    if half:
        half = half.lower()
        if not 1 <= hour <= 12:
            raise ValueError("hour")
        if half in ("pm", "午後") and hour != 12:
            hour += 12
        elif half in ("am", "午前") and hour == 12:
            hour = 0
    return hour, minute, second


def _two_digit_year(year: int) -> int:
    if year >= 100:
        return year
    # Request dumps are about the recent past: '20' is 2020, '98' is 1998.
    return 2000 + year if year <= (datetime.now().year % 100) + 10 else 1900 + year


def _build(year, month, day, clock) -> str:
    # One text form for every date: ISO 8601, seconds always written, no fractions.
    if clock is None:
        return datetime(year, month, day).date().isoformat()
    return datetime(year, month, day, *clock).isoformat()


class DateReader:
    """Reads the date forms of one file; day/month order is decided from the file's values.

    `decide(values)` looks at a sample: a first number above 12 means day first
    (31/12/2024), a second above 12 means month first (12/31/2024). Without
    evidence, month first is assumed and `assumed_order` says so.
    """

    def __init__(self, day_first: bool | None = None):
        self.day_first = day_first
        self.assumed_order = False
        self._cache: dict[str, str | None] = {}

    def decide(self, values) -> None:
        if self.day_first is not None:
            return
        day_first = month_first = False
        for value in values:
            m = _AMBIG.match(nfkc(value)) if value else None
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                day_first |= a > 12
                month_first |= b > 12
        if day_first and not month_first:
            self.day_first = True
        elif month_first and not day_first:
            self.day_first = False

    def __call__(self, text: str) -> str | None:
        hit = self._cache.get(text)
        if hit is not None or text in self._cache:
            return hit
        value = self._parse(text)
        if len(self._cache) < 100_000:
            self._cache[text] = value
        return value

    def _parse(self, raw: str) -> str | None:
        text = nfkc(raw)
        if not text:
            return None
        try:
            return self._parse_clean(text)
        except ValueProblem:
            raise
        except (ValueError, OverflowError):
            raise ValueProblem(f"{shown(raw)} is not a valid date") from None

    def _parse_clean(self, text: str) -> str | None:
        if text[0].isdigit() and len(text) >= 10 and text[4] == "-":
            try:
                dt = datetime.fromisoformat(text.replace("z", "Z"))
            except ValueError:
                pass
            else:
                if len(text) == 10:
                    return dt.date().isoformat()
                return dt.replace(microsecond=0).isoformat()
        m = _JIRA.match(text)
        if m:
            month = _MONTHS.get(m.group(2).lower().rstrip("."))
            if month is None:
                raise ValueProblem(f"{shown(text)} has an unknown month name {m.group(2)!r}")
            return _build(_two_digit_year(int(m.group(3))), month, int(m.group(1)), _clock(m, 4))
        m = _YMD.match(text) or _KANJI.match(text)
        if m:
            return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), _clock(m, 4))
        m = _AMBIG.match(text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            year = _two_digit_year(int(m.group(3)))
            day_first = self.day_first
            if day_first is None:
                if a > 12 or b > 12:
                    # The first clear value fixes the order for the rest of the file.
                    day_first = self.day_first = a > 12
                else:
                    day_first = False
                    self.assumed_order = True
            day, month = (a, b) if day_first else (b, a)
            if month > 12:
                order = "day/month" if day_first else "month/day"
                raise ValueProblem(f"{shown(text)} does not fit this file's {order} order")
            return _build(year, month, day, _clock(m, 4))
        m = _ERA_KANJI.match(text)
        if m:
            n = 1 if m.group(2) == "元" else int(m.group(2))
            return _build(_ERAS[m.group(1)] + n, int(m.group(3)), int(m.group(4)), _clock(m, 5))
        m = _ERA_SHORT.match(text)
        if m:
            return _build(_ERAS[m.group(1).lower()] + int(m.group(2)), int(m.group(3)), int(m.group(4)), _clock(m, 5))
        if _EPOCH.match(text):
            seconds = float(text) / (1000 if len(text) >= 12 and "." not in text else 1)
            dt = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds)
            return dt.replace(microsecond=0).isoformat()
        raise ValueProblem(f"{shown(text)} is not a date this importer knows (e.g. 2024-03-12, 12/Mar/24 9:41 AM, 2024年3月12日)")


def parse_date(text: str, *, day_first: bool | None = None) -> str | None:
    """One date on its own (tests, the GUI's preview); files use a `DateReader`."""
    return DateReader(day_first)(text)
