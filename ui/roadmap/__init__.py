"""The Roadmap view: the board of lanes and cards (`view`), drawn by `canvas`, `bars` and `painter`, exported by `png`."""

__all__ = ["BoardView"]


def __getattr__(name: str):
    # The board is imported when asked for: the matrix and metrics views import `ui.roadmap.style` alone.
    if name == "BoardView":
        from ui.roadmap.view import BoardView
        return BoardView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
