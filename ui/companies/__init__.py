"""The Companies view: companies corrected in place, merged when they are one customer, and their segments.

`view` is the page, `model` its table model (and `money_text`, the one place
money is worded), `dialogs` the merge and segments dialogs.
"""

from ui.companies.dialogs import MergeCompaniesDialog, SegmentsDialog
from ui.companies.model import CompaniesModel, money_text
from ui.companies.view import CompaniesView

__all__ = ["CompaniesModel", "CompaniesView", "MergeCompaniesDialog", "SegmentsDialog", "money_text"]
