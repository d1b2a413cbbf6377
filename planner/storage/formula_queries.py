"""What a user's own formula reads besides the scoring columns: the numbers an item keeps in its own fields."""

from __future__ import annotations

from planner.storage.db import Workspace

# A field's name compared as formula.fold_field writes it: lower case, spaces and hyphens as underscores.
_FOLDED_KEY = "lower(replace(replace(trim(j.key), ' ', '_'), '-', '_'))"


def item_field_values(ws: Workspace, folded_name: str) -> list[tuple[int, object]]:
    """(item id, value) of every item whose extra fields (story points, a sheet's own score...) hold `folded_name`.

    json_each reads the JSON inside SQLite: no row is parsed in Python, and a hand-broken value is skipped.
    """
    return ws.db.execute(
        f"""SELECT i.id, j.value FROM items i, json_each(i.fields) j
            WHERE i.fields IS NOT NULL AND json_valid(i.fields) AND json_type(i.fields) = 'object'
              AND {_FOLDED_KEY} = ?""",
        [folded_name],
    ).fetchall()
