"""The core's import messages as the wizard says them: no command-line flags.

The importers speak to both the terminal and the window, and some of their
sentences tell the user to "pass --encoding" or "--source". In the wizard
the same choice is a control on the preview page, so those sentences are
said again naming the control; any other sentence naming a flag is left out
rather than shown with advice the window cannot follow.
"""

from __future__ import annotations

import copy
import re

from planner.errors import PlannerError
from ui.context import window_hint
from ui.i18n import tr

_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def _said_in_window(sentence: str) -> str | None:
    """`sentence` said again naming the wizard's control for the flag it names; None when there is none."""
    found = re.search(r"The source is '([^']*)', after the file name", sentence)
    if found and "--source" in sentence:
        return tr("The source is “{source}”, taken from the file name; type the tool's name in Source to keep "
                  "its exports together.").format(source=found.group(1))
    if "--source" in sentence:
        return tr("Type a name in Source to keep the files of one tool or backlog together.")
    found = re.search(r"encoding was guessed as ([\w.-]+)", sentence)
    if found and "--encoding" in sentence:
        return tr("The encoding was guessed as {encoding}; choose another in Encoding if the text looks wrong."
                  ).format(encoding=found.group(1))
    if "--encoding" in sentence and "ignored" not in sentence:
        return tr("Choose another encoding if the text looks wrong.")
    if "--sheet" in sentence and "Pass" in sentence:
        return tr("Choose another in Sheet to read it instead.")
    found = re.search(r"The column '([^']*)' seems to count days", sentence)
    if found and "--map effort" in sentence:
        return tr("The column “{column}” seems to count days, weeks or hours, but effort is read in person-months: "
                  "convert it, or choose “(not imported)” for Effort.").format(column=found.group(1))
    if "--map arr" in sentence:
        return tr("If so, choose “(not imported)” for ARR, or the column of what it pays.")
    if "--map title" in sentence and "Fill the cell" in sentence:
        return tr("Fill the cell, or choose another column for Title.")
    if "--map title" in sentence:
        return tr("Choose the column that holds the title.")
    if "--map name" in sentence:
        return tr("Choose the column that holds the company name.")
    if "--map" in sentence:
        return tr("Choose the columns for each field above.")
    return None


def _said_in_language(sentence: str) -> str:
    """The importers' commonest notes in the interface's language; any other sentence as it is."""
    found = re.fullmatch(r"Skipped (\d+) row\(s\) above the header \(row (\d+)\)\.", sentence)
    if found:
        return tr("Skipped {n} rows above the header (row {row}).").format(n=found.group(1), row=found.group(2))
    found = re.fullmatch(r"The source is '([^']*)', after the file name: items are matched again by "
                         r"(?:title|their '([^']*)' column) within it\.", sentence)
    if found and found.group(2):
        return tr("The source is “{source}”, taken from the file name: items are matched again by their “{column}” "
                  "column within it.").format(source=found.group(1), column=found.group(2))
    if found:
        return tr("The source is “{source}”, taken from the file name: items are matched again by title within it."
                  ).format(source=found.group(1))
    return sentence


def for_window(text: str | None) -> str | None:
    """`text` without command-line advice: sentences naming a flag said as the wizard's controls, or left out."""
    if not text:
        return text
    text = window_hint(text) or ""
    out = []
    for sentence in _SENTENCES.split(text):
        if _FLAG.search(sentence):
            sentence = _said_in_window(sentence)
            if sentence is None:
                continue
        out.append(_said_in_language(sentence))
    return " ".join(out) or None


def error_for_window(exc: BaseException) -> BaseException:
    """A copy of a `PlannerError` whose message and hint name no flag; any other exception as it is."""
    if not isinstance(exc, PlannerError):
        return exc
    said = copy.copy(exc)
    said.message = for_window(exc.message) or exc.message
    said.hint = for_window(exc.hint)
    return said
