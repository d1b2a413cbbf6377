"""The import wizard: pick a file, say what it holds, check how it will be read, import it, see what happened.

One wizard for every kind of file: customer requests, backlog items,
companies and metrics, from a CSV file or an Excel workbook. It adds no
logic: the kind is guessed by `planner.importing.kinds`, the preview is the
kind's own (`ui.import_wizard.kinds`), run again whenever the user changes
the kind, the sheet, the encoding, preset, source or a field's column; the
import runs on a pool thread with its own connection and a cancellable
progress; a cancel leaves the workspace as it was because each importer
writes in one transaction. The pages share an `ImportSession`; the wizard
only moves between them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from planner.errors import PlannerError
from ui.context import show_error
from ui.i18n import tr
from ui.import_wizard.file_page import FilePage
from ui.import_wizard.import_page import ImportPage
from ui.import_wizard.messages import error_for_window
from ui.import_wizard.preview_page import PreviewPage
from ui.import_wizard.result_page import ResultPage
from ui.import_wizard.session import ImportSession

PAGE_FILE, PAGE_PREVIEW, PAGE_IMPORT, PAGE_RESULT = range(4)


class ImportWizard(QWizard):
    """`kind` (one of `KINDS`) presets what the file holds; by default it is guessed from the file's columns."""

    def __init__(self, ctx, path=None, parent=None, *, kind: str | None = None):
        super().__init__(parent)
        self.session = ImportSession(ctx, path, self, kind=kind)
        self.setWindowTitle(tr("Import"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.resize(1000, 720)
        self.file_page = FilePage(self.session)
        self.preview_page = PreviewPage(self.session)
        self.import_page = ImportPage(self.session)
        self.result_page = ResultPage(self.session)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_IMPORT, self.import_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.setButtonText(QWizard.CommitButton, tr("Import"))
        self.preview_page.setCommitPage(True)  # no way back to a half-done import
        self.file_page.dropped.connect(self.next)
        self.session.finished.connect(self._import_done)
        self.session.failed.connect(self._import_failed)
        self.session.cancelled.connect(self._allow_back)
        if self.session.path:
            self.setStartId(PAGE_PREVIEW)

    @property
    def path(self) -> str | None:
        return self.session.path

    def _import_done(self, _report: dict) -> None:
        # The result page closes with Finish; a Cancel there would only confuse.
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        if self.currentId() == PAGE_IMPORT:
            self.next()

    def _import_failed(self, exc, details: str) -> None:
        self._allow_back()
        show_error(self, error_for_window(exc), None if isinstance(exc, PlannerError) else details)

    def _allow_back(self) -> None:
        # The preview page is a commit page; after a failed or cancelled import the user may try again.
        self.preview_page.setCommitPage(False)
        self.button(QWizard.BackButton).setEnabled(True)
        self.button(QWizard.BackButton).setVisible(True)
        self.import_page.setFinalPage(True)
        self.setOption(QWizard.NoBackButtonOnLastPage, False)
        self.button(QWizard.FinishButton).setText(tr("Close"))

    def initializePage(self, page_id: int) -> None:
        if page_id == PAGE_PREVIEW:
            self.preview_page.setCommitPage(True)
            self.import_page.setFinalPage(False)
        elif page_id == PAGE_IMPORT:
            # The page's own "Cancel import" says what cancelling does; a second Cancel would be ambiguous.
            self.setOption(QWizard.NoCancelButton, True)
        super().initializePage(page_id)

    def cleanupPage(self, page_id: int) -> None:
        if page_id == PAGE_IMPORT:
            self.setOption(QWizard.NoCancelButton, False)
        super().cleanupPage(page_id)

    def reject(self) -> None:
        # Closing while importing asks the import to stop; the session reports back and the page says so.
        if self.session.cancel():
            return
        super().reject()

    def nextId(self) -> int:
        # A cancelled or failed import ends the wizard there (Close); a running one leads to the result.
        if self.currentId() == PAGE_IMPORT and self.import_page.done and self.session.report is None:
            return -1
        return super().nextId()
