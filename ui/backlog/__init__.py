"""The Backlog view: the table of scored items, its filters, the detail panel and the backlog's dialogs."""

from ui.backlog.detail import DetailPanel, LinkedRequestsModel
from ui.backlog.dialogs import BulkEditDialog, PinDialog
from ui.backlog.filters import BacklogFilters
from ui.backlog.model import COLUMNS, KEYS, NO_LANE, BacklogModel
from ui.backlog.table import BacklogTable
from ui.backlog.view import BacklogView

__all__ = [
    "COLUMNS", "KEYS", "NO_LANE", "BacklogFilters", "BacklogModel", "BacklogTable", "BacklogView", "BulkEditDialog",
    "DetailPanel", "LinkedRequestsModel", "PinDialog",
]
