"""The one shape of every user action: an `OpResult` with typed `Changes` and an undo the core applies.

An operation runs inside `operation(ws, text)`: its writes happen in one
transaction, and the journal (`planner.storage.journal`) notes every row they
touched. The result says which entities changed (ids per kind, and whether
scores moved) and carries a `Reversal` that puts the rows back; applying a
reversal is itself an operation, whose own reversal is the redo, with the
same ids. Shells never write undo code: they keep the result and call
`undo(ws, result)`.
"""

from __future__ import annotations

import enum
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from planner.errors import PlannerError
from planner.storage import journal
from planner.storage.db import Workspace


class Entity(enum.Enum):
    ITEMS = "items"
    REQUESTS = "requests"
    LINKS = "links"
    COMPANIES = "companies"
    LANES = "lanes"
    METRICS = "metrics"
    SETTINGS = "settings"
    BATCHES = "batches"
    SCORES = "scores"  # any change that can move a score or a rank


_ENTITY_OF_TABLE = {
    "items": Entity.ITEMS, "requests": Entity.REQUESTS, "links": Entity.LINKS, "companies": Entity.COMPANIES,
    "lanes": Entity.LANES, "metrics": Entity.METRICS, "metric_values": Entity.METRICS,
    "settings": Entity.SETTINGS, "import_batches": Entity.BATCHES,
}
# Columns whose change cannot move a score or a rank: where a card sits on the roadmap, when it was touched,
# its customer-facing words, and whether a requester was told it ships.
_UNSCORED = {"items": frozenset({"lane_id", "lane_position", "updated_at", "public_title", "public_summary"}),
             "lanes": frozenset({"position", "start_date", "end_date", "capacity"}),
             "companies": frozenset({"renewal_date", "owner", "plan", "domain", "external_id"}),
             "links": frozenset({"informed_at"})}


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the ids of each kind of entity, and whether scores may have moved.

    `everything` stands for "unknown, assume all" (another process committed).
    Link ids are (request id, item id) pairs; settings are named by key.
    """

    ids: dict = field(default_factory=dict)  # Entity -> frozenset of ids
    scores: bool = False
    everything: bool = False

    @classmethod
    def all(cls) -> "Changes":
        return cls(everything=True, scores=True)

    @classmethod
    def of(cls, *entities: Entity, scores: bool | None = None) -> "Changes":
        """Changes to some kinds of entity, ids unknown (a whole import, say)."""
        touched = {e: frozenset() for e in entities if e is not Entity.SCORES}
        return cls(ids=touched, scores=Entity.SCORES in entities if scores is None else scores)

    @classmethod
    def from_rows(cls, rows: list[journal.RowChange]) -> "Changes":
        ids: dict = {}
        scores = False
        for row in rows:
            entity = _ENTITY_OF_TABLE[row.table]
            key = row.key[0] if len(row.key) == 1 else row.key
            ids.setdefault(entity, set()).add(key)
            if row.columns - _UNSCORED.get(row.table, frozenset()) and row.table != "import_batches":
                scores = True
        return cls(ids={e: frozenset(v) for e, v in ids.items()}, scores=scores)

    def touches(self, *entities: Entity) -> bool:
        if self.everything:
            return True
        return any(e in self.ids for e in entities) or (Entity.SCORES in entities and self.scores)

    def of_kind(self, entity: Entity) -> frozenset:
        return self.ids.get(entity, frozenset())

    def __or__(self, other: "Changes") -> "Changes":
        ids = {e: self.of_kind(e) | other.of_kind(e) for e in set(self.ids) | set(other.ids)}
        return Changes(ids, self.scores or other.scores, self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or bool(self.ids) or self.scores

    def describe(self) -> str:
        if self.everything:
            return "everything"
        parts = [f"{e.value} {sorted(map(str, ids)) if ids else '(all)'}" for e, ids in self.ids.items()]
        return ", ".join(parts + (["scores"] if self.scores else [])) or "nothing"


class Reversal:
    """How to take an operation back. `apply(ws)` returns the result of doing so, whose `undo` is the redo."""

    def apply(self, ws: Workspace, text: str) -> "OpResult":
        raise NotImplementedError


@dataclass(frozen=True)
class OpResult:
    """What an operation did: its value (the row it made, say), what changed, and how to undo it.

    A result reads like its value where that is a row or a list
    (`ops.add_item(ws, title="SSO")["id"]`), so scripts and tests stay short.
    """

    value: object = None
    changes: Changes = field(default_factory=Changes)
    undo: Reversal | None = None
    text: str = ""  # what the user did, in words ("Set effort of “SSO” to 2")

    def __getitem__(self, key):
        return self.value[key]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class StaleUndo(PlannerError):
    """An undo or redo refused because a row was changed since (by another window or the command line)."""


_NAMES = {"items": "item", "requests": "request", "links": "link", "companies": "company", "lanes": "lane",
          "metrics": "metric", "metric_values": "metric value", "settings": "setting", "import_batches": "import"}


def _stale(conflict: journal.Conflict, doing: str) -> StaleUndo:
    change, now = conflict.change, conflict.now
    row = now or change.after or change.before or {}
    name = _NAMES.get(change.table, change.table)
    label = row.get("title") or row.get("name")
    what = f"{name} {change.key[0] if len(change.key) == 1 else '/'.join(map(str, change.key))}"
    if label:
        what += f" “{label}”"
    if now is None:
        state = "no longer exists"
    elif change.before is None:
        state = "exists now"
    else:
        state = "was changed since"
    return StaleUndo(
        f"{doing} was not done: {what} {state}.",
        hint="It was changed in another window or by the command line, and doing this now would overwrite that.",
    )


@dataclass(frozen=True)
class RowReversal(Reversal):
    """Put rows back as they were, from the journal of the operation."""

    rows: tuple

    def apply(self, ws: Workspace, text: str) -> OpResult:
        with journal.recording(ws) as log:
            try:
                journal.put_back(ws, [row.reversed() for row in self.rows])
            except journal.Conflict as conflict:
                raise _stale(conflict, text) from None
        return OpResult(None, Changes.from_rows(log.changes), RowReversal(tuple(log.changes)), text)


@contextmanager
def operation(ws: Workspace, text: str = ""):
    """Run the block as one undoable operation: `with operation(ws, "Add “SSO”") as op: ...; return op.result(row)`.

    Everything in the block is one transaction: an error rolls it all back.
    Nested operations join the outer one.
    """
    op = _Running(text)
    with journal.recording(ws) as log:
        yield op
    op.rows = tuple(log.changes)


class _Running:
    def __init__(self, text: str):
        self.text = text
        self.rows: tuple | None = None

    def result(self, value=None) -> OpResult:
        """The OpResult, once the `operation` block has ended (call it after the `with`)."""
        if self.rows is None:
            raise RuntimeError("Ask for the result after the operation's block has ended.")
        return OpResult(value, Changes.from_rows(list(self.rows)), RowReversal(self.rows), self.text)


def undo(ws: Workspace, result: OpResult, *, doing: str | None = None) -> OpResult:
    """Take an operation back; the returned result's `undo` is the redo.

    `doing` names the step in messages (the window passes its own, translated, words).
    """
    if result.undo is None:
        raise PlannerError(f"“{result.text}” cannot be undone.")
    return replace(result.undo.apply(ws, doing or f"Undo {result.text}".strip()), text=result.text)


def redo(ws: Workspace, undone: OpResult, *, doing: str | None = None) -> OpResult:
    """Do again what `undo` took back (the same rows, with the same ids)."""
    if undone.undo is None:
        raise PlannerError(f"“{undone.text}” cannot be redone.")
    return replace(undone.undo.apply(ws, doing or f"Redo {undone.text}".strip()), text=undone.text)
