"""The Matrix view: value against effort (`view`), its geometry (`layout`), frame (`frame`) and bubbles (`canvas`)."""

__all__ = ["MatrixView"]


def __getattr__(name: str):
    # The view is imported when asked for, so importing `ui.matrix.layout` alone stays cheap.
    if name == "MatrixView":
        from ui.matrix.view import MatrixView
        return MatrixView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
