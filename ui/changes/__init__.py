"""The Changes view: what changed since a snapshot or a date, filtered by kind and searched.

`view` is the page, `model` its rows in the interface's language.
"""

from ui.changes.model import ChangesModel
from ui.changes.view import ChangesView

__all__ = ["ChangesModel", "ChangesView"]
