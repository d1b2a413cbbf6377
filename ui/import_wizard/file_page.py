"""The first page: choose the file with a button, a typed path, or a drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWizardPage

from ui.i18n import tr

FILE_FILTER = QT_TRANSLATE_NOOP("", "Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)")  # through tr()


class FilePage(QWizardPage):
    """Sets `session.path`; `dropped` when a file is dropped on it or chosen in the dialog, to go on at once."""

    dropped = Signal()

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setTitle(tr("Import"))
        if session.asked_kind == "metrics":  # File ▸ Import Metrics
            self.setSubTitle(tr("Choose a CSV file of metric values, or drop it here: a date, a metric and a value "
                                "a row, or a date column and one column per metric."))
        else:
            self.setSubTitle(tr("Choose a CSV file or an Excel workbook, or drop it here: customer requests, "
                                "backlog items, companies or metrics."))
        self.setAcceptDrops(True)
        self.drop_zone = QLabel(tr("Drop a CSV or Excel file here"))
        self.drop_zone.setAlignment(Qt.AlignCenter)
        self.drop_zone.setMinimumHeight(160)
        self.drop_zone.setFrameShape(QFrame.StyledPanel)
        self.drop_zone.setStyleSheet("QLabel { border: 2px dashed palette(mid); border-radius: 8px; font-size: 15px; }")
        self.path_edit = QLineEdit(session.path or "")
        self.path_edit.setPlaceholderText(tr("Path of a CSV or Excel file"))
        self.browse = QPushButton(tr("Choose file…"))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.hint = QLabel(tr("What the file holds is told from its columns, and you can change it on the next page. "
                              "Exports of Jira, Zendesk, Intercom, Canny, productboard, UserVoice, GitHub, Google Forms, "
                              "Salesforce, HubSpot and Fider are recognised; any other file works by its column names. "
                              "Importing the same file again adds nothing."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(dark);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_zone, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.browse.clicked.connect(self.choose)
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def choose(self) -> None:
        """The file dialog, in the typed path's folder or else the user's documents; a file chosen goes on at once."""
        typed = self.path_edit.text().strip()
        start = typed or QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, tr("Import"), start, tr(FILE_FILTER))
        if path:
            self.path_edit.setText(path)
            if self.isComplete():
                self.dropped.emit()

    def isComplete(self) -> bool:
        text = self.path_edit.text().strip()
        return bool(text) and Path(text).is_file()

    def validatePage(self) -> bool:
        self.session.path = self.path_edit.text().strip()
        return True

    def dragEnterEvent(self, event):
        if _local_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.path_edit.setText(path)
            self.dropped.emit()


def _local_file(mime) -> str | None:
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            return url.toLocalFile()
    return None
