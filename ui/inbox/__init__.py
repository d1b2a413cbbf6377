"""The inbox: requests linked to nothing yet, triaged with one key per action.

`view` is the page, `filters` its search row, `detail` and `suggestions` the
current request's pane, `tables` the request list and the item drop list,
`model` and `choices` their table models, `pickers` the link and duplicate dialogs.
"""

from ui.inbox.choices import ChoiceModel, ItemChoiceModel, RequestChoiceModel
from ui.inbox.model import REQUEST_MIME, InboxModel, request_ids_from_mime
from ui.inbox.pickers import ItemPicker, RequestPicker, pick_item, pick_original
from ui.inbox.view import InboxView

__all__ = [
    "REQUEST_MIME", "ChoiceModel", "InboxModel", "InboxView", "ItemChoiceModel", "ItemPicker", "RequestChoiceModel",
    "RequestPicker", "pick_item", "pick_original", "request_ids_from_mime",
]
