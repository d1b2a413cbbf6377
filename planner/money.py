"""Money as the workspace shows it: currencies by ISO code, amounts in words, and the workbook's number format.

One workspace keeps its amounts (MRR, ARR) in one currency, named by its ISO
4217 code in the setting `currency`. Every place that shows an amount (the
window, the command line's tables, the workbook) formats it here, so "¥120,000"
reads the same everywhere. Older workspaces kept a symbol under that key; it is
read as the currency it stands for ("$" is USD, "¥" is JPY, "€" is EUR).

Pure functions: no workspace, no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from planner.errors import ValidationError

SETTING = "currency"  # the settings key: an ISO 4217 code
DEFAULT_CURRENCY = "USD"


@dataclass(frozen=True)
class Currency:
    code: str      # ISO 4217, "JPY"
    symbol: str    # what goes before the amount, "¥"
    decimals: int  # digits after the point, 0 for the yen
    name: str      # in English, "Japanese yen"


CURRENCIES: dict[str, Currency] = {c.code: c for c in (
    Currency("USD", "$", 2, "US dollar"),
    Currency("JPY", "¥", 0, "Japanese yen"),
    Currency("EUR", "€", 2, "Euro"),
    Currency("GBP", "£", 2, "British pound"),
    Currency("CNY", "CN¥", 2, "Chinese yuan"),
    Currency("KRW", "₩", 0, "South Korean won"),
    Currency("INR", "₹", 2, "Indian rupee"),
    Currency("AUD", "A$", 2, "Australian dollar"),
    Currency("CAD", "CA$", 2, "Canadian dollar"),
    Currency("NZD", "NZ$", 2, "New Zealand dollar"),
    Currency("SGD", "S$", 2, "Singapore dollar"),
    Currency("HKD", "HK$", 2, "Hong Kong dollar"),
    Currency("TWD", "NT$", 2, "New Taiwan dollar"),
    Currency("CHF", "CHF", 2, "Swiss franc"),
    Currency("SEK", "SEK", 2, "Swedish krona"),
    Currency("NOK", "NOK", 2, "Norwegian krone"),
    Currency("DKK", "DKK", 2, "Danish krone"),
    Currency("BRL", "R$", 2, "Brazilian real"),
    Currency("MXN", "MX$", 2, "Mexican peso"),
    Currency("THB", "฿", 2, "Thai baht"),
    Currency("VND", "₫", 0, "Vietnamese dong"),
)}

# What older workspaces stored under `currency`: a symbol, read as the currency it stands for.
_LEGACY_SYMBOLS = {"$": "USD", "US$": "USD", "¥": "JPY", "￥": "JPY", "円": "JPY", "€": "EUR", "£": "GBP",
                   "₩": "KRW", "₹": "INR", "元": "CNY", "CN¥": "CNY", "A$": "AUD", "C$": "CAD", "CA$": "CAD",
                   "S$": "SGD", "NT$": "TWD", "HK$": "HKD", "NZ$": "NZD", "R$": "BRL", "฿": "THB", "₫": "VND"}


def check_currency(value) -> str:
    """The ISO code of a currency given by code ("jpy" is JPY), or a ValidationError naming some known ones."""
    code = str(value).strip().upper() if isinstance(value, str) else None
    if code in CURRENCIES:
        return code
    known = ", ".join(list(CURRENCIES)[:8])
    raise ValidationError(
        f"The currency is an ISO code such as {known} (one of {len(CURRENCIES)} known); got {value!r}.")


def currency_code(stored) -> str:
    """The ISO code of what a workspace holds under `currency`: a code, an old symbol ("¥" is JPY), else USD."""
    if isinstance(stored, str):
        text = stored.strip()
        if text.upper() in CURRENCIES:
            return text.upper()
        if text in _LEGACY_SYMBOLS:
            return _LEGACY_SYMBOLS[text]
    return DEFAULT_CURRENCY


def currency(value) -> Currency:
    """The `Currency` for a code or an old symbol; USD for anything unknown (a display never fails on it)."""
    return CURRENCIES[currency_code(value)]


def _prefix(symbol: str) -> str:
    # A symbol made of letters ("CHF") is set off by a space: "CHF 1,250.50", but "$1,250.50".
    return symbol + " " if symbol[-1:].isalpha() else symbol


def format_money(amount, currency_or_code=DEFAULT_CURRENCY, *, compact: bool = False, trim: bool = False) -> str:
    """An amount as people read it: "¥120,000", "$1,250.50", "-€30.00"; "–" for none.

    `trim` drops cents that are all zero ("$5,000" rather than "$5,000.00"), for tables of whole amounts like MRR.

    `compact` (boards, cards, tooltips): "$950", "$1.2k", "$12k", "¥1.2M", "¥35M", "$2.5B".
    """
    money = currency_or_code if isinstance(currency_or_code, Currency) else currency(currency_or_code)
    if amount is None or isinstance(amount, bool):
        return "–"
    try:
        value = float(amount)
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(value):
        return "–"
    prefix = _prefix(money.symbol)
    if compact:
        text = _compact(abs(value))
    else:
        # Half up, as people round money: ¥1,234.5 is ¥1,235 (Python's own rounding would say ¥1,234).
        exact = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-money.decimals), rounding=ROUND_HALF_UP)
        text = f"{exact:,.{money.decimals}f}"
        if trim and money.decimals and exact == exact.to_integral_value():
            text = text.split(".")[0]
    sign = "-" if value < 0 and any(c in "123456789" for c in text) else ""  # no "-$0"
    return f"{sign}{prefix}{text}"


def _compact(value: float) -> str:
    """950, 1.2k, 12k, 1.2M, 35M, 2.5B: one decimal below 10 of a unit, none from there."""
    if value < 999.5:
        return f"{math.floor(value + 0.5)}"
    for size, unit in ((1e3, "k"), (1e6, "M"), (1e9, "B")):
        tenths = math.floor(value / size * 10 + 0.5)  # half up: 1,250,000 is 1.3M as 1,250 is 1.3k
        text = f"{tenths / 10:.1f}" if tenths < 100 else f"{math.floor(value / size + 0.5):,}"
        if unit == "B" or float(text.replace(",", "")) < 1000:  # 999,960 is "1M", not "1,000k"
            return text.removesuffix(".0") + unit
    raise AssertionError("unreachable")


def excel_number_format(currency_or_code=DEFAULT_CURRENCY) -> str:
    """The workbook's number format for amounts in this currency: '"¥"#,##0', '"$"#,##0.00', negatives with a minus."""
    money = currency_or_code if isinstance(currency_or_code, Currency) else currency(currency_or_code)
    symbol = _prefix(money.symbol).replace('"', "")
    digits = "#,##0" + ("." + "0" * money.decimals if money.decimals else "")
    return f'"{symbol}"{digits};-"{symbol}"{digits}'
