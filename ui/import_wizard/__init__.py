"""The import wizard (`wizard.ImportWizard`): a page a step, sharing one `session.ImportSession`.

`file_page` chooses the file, `preview_page` says what it holds (requests,
backlog items, companies or metrics) and shows how it will be read,
`import_page` runs the import, `result_page` says what it did; `kinds`
holds each kind's core calls, `messages` says the core's advice without
command-line flags, `cells` is the rows table the preview and the result use.
"""

from ui.import_wizard.session import ImportSession
from ui.import_wizard.wizard import PAGE_FILE, PAGE_IMPORT, PAGE_PREVIEW, PAGE_RESULT, ImportWizard

__all__ = ["PAGE_FILE", "PAGE_IMPORT", "PAGE_PREVIEW", "PAGE_RESULT", "ImportSession", "ImportWizard"]
