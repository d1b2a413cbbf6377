"""The Matrix view: value against effort (`view`), its geometry (`layout`), frame (`frame`) and bubbles (`canvas`)."""

from ui.matrix.view import MatrixView

__all__ = ["MatrixView"]
