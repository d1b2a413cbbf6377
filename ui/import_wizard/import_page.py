"""The import page: the session's import runs in the background; the page shows its progress and can cancel it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from planner.errors import PlannerError
from ui.i18n import tr
from ui.import_wizard.messages import error_for_window


class ImportPage(QWizardPage):
    """Starts `session` when shown; `done` once the import finished, failed or was cancelled."""

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Importing"))
        self.setSubTitle(tr("All or nothing: a cancel or a failure leaves the workspace as it was."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(tr("Cancel import"))
        self.cancel_button.setToolTip(tr("Stop now; nothing from this file will be kept."))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(2)
        self.done = False
        self.cancel_button.clicked.connect(self.cancel)
        session.progress.connect(self.on_progress)
        session.finished.connect(lambda _report: self.finish())
        session.failed.connect(lambda exc, _details: self.finish(
            error_for_window(exc).message if isinstance(exc, PlannerError) else tr("The import failed.")))
        session.cancelled.connect(lambda: self.finish(tr("Import cancelled; the workspace is unchanged.")))

    def initializePage(self) -> None:
        self.done = False
        self.bar.show()
        self.cancel_button.show()
        self.bar.setRange(0, 0)
        self.bar.setValue(0)
        # An import that reports no progress cannot stop halfway: no button that would not work.
        self.cancel_button.setEnabled(self.session.spec.cancellable)
        self.cancel_button.setToolTip(tr("Stop now; nothing from this file will be kept.") if self.session.spec.cancellable
                                      else tr("A metrics file is read in one go; it cannot be stopped halfway."))
        self.status.setText(tr("Reading {file}…").format(file=Path(self.session.path).name))
        self.session.start()

    def on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(done)
        if text:
            self.status.setText(text)

    def cancel(self) -> None:
        if self.session.cancel():
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("Cancelling…"))

    def finish(self, message: str | None = None) -> None:
        self.done = True
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1000)
        self.bar.setValue(1000)
        if message:
            # Nothing was kept: a bar at any length would say otherwise.
            self.bar.hide()
            self.cancel_button.hide()
            self.status.setText(message)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        # Back to the preview after a cancel or failure: ready for another try.
        self.bar.show()
        self.cancel_button.show()

    def isComplete(self) -> bool:
        return self.done
