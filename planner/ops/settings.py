"""Workspace settings a user changes: the workspace's name, the fiscal year's first month, the currency, and scoring
(method, time window, segment and weights)."""

from __future__ import annotations

import calendar

from planner.errors import ValidationError
from planner.domain import valid_text
from planner.money import CURRENCIES, check_currency, currency_code
from planner.ops.result import OpResult, operation
from planner.scoring.settings import check_settings, get_scoring_settings, set_scoring_settings
from planner.storage import queries
from planner.storage.db import Workspace

_NAMES = {"method": "method", "window_days": "time window", "segment": "segment", "importance_weights": "importance weights"}

FISCAL_YEAR_KEY = "fiscal_year_start"  # an int, 1-12: quarters are named from it
CURRENCY_KEY = "currency"  # an ISO 4217 code (older workspaces: a symbol)
NAME_KEY = "name"  # the workspace's name in the window title; blank or unset: the file's name
NAME_MAX = 100  # a name is read in a title bar, not a paragraph
MONTH_NAMES = tuple(calendar.month_name)[1:]  # January ... December, in English whatever the locale


def change_scoring(ws: Workspace, **changes) -> OpResult:
    """Change some scoring settings (checked as `set_scoring_settings` does); the value is all of them as they now are."""
    before = get_scoring_settings(ws)
    what = ", ".join(_NAMES.get(k, k.replace("_", " ")) for k in changes if changes[k] != before.get(k)) or "nothing"
    with operation(ws, f"Change scoring {what}") as op:
        settings = set_scoring_settings(ws, **changes)
    return op.result(settings)


def month_number(value) -> int:
    """A month as 1-12, from a number ("4", 4) or an English name or its start ("April", "apr").

    A ValidationError says what is expected, for month 13 as for "Apirl".
    """
    if isinstance(value, bool):
        value = repr(value)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("月") and text[:-1].isdigit():  # "4月"
            text = text[:-1]
        if text.isdigit() or (text[:1] in "+-" and text[1:].isdigit()):
            value = int(text)
        elif len(text) >= 3:
            found = [n for n, name in enumerate(MONTH_NAMES, 1) if name.lower().startswith(text.lower())]
            if len(found) == 1:
                return found[0]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 1 <= value <= 12:
        return value
    raise ValidationError(
        f"The fiscal year starts in a month: 1 (January) to 12 (December), or its name such as April; got {value!r}.")


def _stored_month(value) -> int:
    try:
        return month_number(value)
    except ValidationError:
        return 1  # a hand edit broke it: the calendar year, as a new workspace has


def fiscal_year_start(ws: Workspace) -> int:
    """The month (1-12) the workspace's fiscal year starts in; January when unset or broken by a hand edit."""
    return _stored_month(queries.get_settings_lenient(ws, (FISCAL_YEAR_KEY,)).get(FISCAL_YEAR_KEY, 1))


def check_name(value) -> str:
    """A workspace name as stored: spaces trimmed and folded, one line; "" means "the file's name".

    A ValidationError says what is wrong with a name that is too long or not text.
    """
    if not isinstance(value, str):
        raise ValidationError(f"A workspace name is text; got {value!r}.")
    text = " ".join(valid_text(value, "workspace name").split())  # a pasted newline or tab becomes a space
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):  # escape codes would garble a title or a terminal
        raise ValidationError("A workspace name cannot hold control characters; type it again as plain text.")
    if len(text) > NAME_MAX:
        raise ValidationError(f"A workspace name is at most {NAME_MAX} characters; this one has {len(text)}. "
                              f"Shorten it.")
    return text


def _stored_name(ws: Workspace, stored) -> str:
    """The name shown: the one given, else the file's name (a hand edit that is not text counts as none)."""
    if isinstance(stored, str) and stored.strip():
        return " ".join(stored.split())[:NAME_MAX]
    return ws.name


def workspace_name(ws: Workspace) -> str:
    """The workspace's name, as the window's title shows it: the name given in the settings, else the file's name."""
    return _stored_name(ws, queries.get_settings_lenient(ws, (NAME_KEY,)).get(NAME_KEY))


def workspace_settings(ws: Workspace) -> dict:
    """The workspace's settings as every place shows them.

    name (the one given, else the file's name), name_given (whether one was given), fiscal_year_start (1-12,
    default 1), currency (an ISO code, default "USD"; an old workspace's "¥" reads as JPY), currency_symbol, currency_decimals, currency_name, and from scoring: window_days and method.
    """
    stored = queries.get_settings_lenient(ws, (NAME_KEY, FISCAL_YEAR_KEY, CURRENCY_KEY))
    money = CURRENCIES[currency_code(stored.get(CURRENCY_KEY))]
    scoring = get_scoring_settings(ws)
    name = stored.get(NAME_KEY)
    return {
        "name": _stored_name(ws, name),
        "name_given": isinstance(name, str) and bool(name.strip()),
        "fiscal_year_start": _stored_month(stored.get(FISCAL_YEAR_KEY, 1)),  # as fiscal_year_start() reads it
        "currency": money.code,
        "currency_symbol": money.symbol,
        "currency_decimals": money.decimals,
        "currency_name": money.name,
        "window_days": scoring["window_days"],
        "method": scoring["method"],
    }


def change_settings(ws: Workspace, *, name=None, fiscal_year_start=None, currency=None, window_days=None,
                    **scoring) -> OpResult:
    """Change the workspace's name, the fiscal year's first month, the currency (an ISO code) and the time window, in
    one undoable step.

    A blank name gives the workspace back its file's name.

    Other scoring settings (method, segment, importance_weights...) may be changed in the same step as keywords.
    None leaves a setting as it is. Everything is checked before anything is written. The value is
    `workspace_settings` as it now is; the text names what changed ("Change fiscal year start to April, currency to JPY").
    """
    before = workspace_settings(ws)
    new_name = check_name(name) if name is not None else None
    rename = new_name is not None and (new_name or ws.name) != before["name"]
    month = month_number(fiscal_year_start) if fiscal_year_start is not None else None
    code = check_currency(currency) if currency is not None else None
    if window_days is not None:
        scoring["window_days"] = window_days
    scoring = check_settings({k: v for k, v in scoring.items() if v is not None or k == "segment"})
    old_scoring = get_scoring_settings(ws)
    said = [f"workspace name to “{new_name or ws.name}”"] if rename else []
    if month is not None and month != before["fiscal_year_start"]:
        said.append(f"fiscal year start to {MONTH_NAMES[month - 1]}")
    if code is not None and code != before["currency"]:
        said.append(f"currency to {code}")
    scoring = {k: v for k, v in scoring.items() if v != old_scoring.get(k)}
    if "window_days" in scoring:
        said.append(f"time window to {scoring['window_days']} days")
    said += [f"reach unit to {v or 'auto'}" if k == "reach_unit"
             else f"users per customer to {v:g}" if k == "users_per_customer" and v
             else f"scoring {_NAMES.get(k, k.replace('_', ' '))}" for k, v in scoring.items() if k != "window_days"]
    with operation(ws, f"Change {', '.join(said) or 'nothing'}") as op:
        if rename:
            queries.set_setting(ws, NAME_KEY, new_name)
        if month is not None and month != before["fiscal_year_start"]:
            queries.set_setting(ws, FISCAL_YEAR_KEY, month)
        if code is not None and code != before["currency"]:
            queries.set_setting(ws, CURRENCY_KEY, code)
        if scoring:
            set_scoring_settings(ws, **scoring)
    return op.result(workspace_settings(ws))

