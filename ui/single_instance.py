"""One window per workspace: a second `planner` on the same file brings the first to the front.

The first window listens on a local socket named after the workspace file; a
second start on the same file connects, asks it to show itself, and exits.
Windows on different workspaces do not see each other. The command line never
takes part: it shares the file through SQLite's locks instead.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
RAISE = b"raise\n"


def server_name(path: Path) -> str:
    key = os.path.realpath(path)
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return "roadmap-planner-" + hashlib.sha1(f"{user}\0{key}".encode()).hexdigest()[:20]


def ask_running_window(path: Path, *, timeout_ms: int = 500) -> bool:
    """True when a window already has `path` open and was asked to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def window_has(path: Path, *, timeout_ms: int = 300) -> bool:
    """True when a window listens for `path`: another window has this workspace open. Asks it nothing."""
    probe = QLocalSocket()
    probe.connectToServer(server_name(path))
    if not probe.waitForConnected(timeout_ms):
        return False
    probe.disconnectFromServer()
    return True


class WorkspaceServer(QObject):
    """Listens for later starts on the same workspace; `raise_requested` asks the window to show itself."""

    raise_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self.name: str | None = None

    def listen(self, path: Path) -> bool:
        self.server.close()
        self.name = server_name(path)
        if not self.server.listen(self.name):
            if window_has(path):  # another window has this workspace open: leave it its socket
                return False
            # A window that crashed leaves its socket file behind; nobody answered on it.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("Cannot listen for other starts on %s: %s", path, self.server.errorString())
                return False
        return True

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll()).startswith(RAISE.strip()):
            self.raise_requested.emit()
