"""The Roadmap view: the board of lanes and cards (`view`), drawn by `canvas`, `bars` and `painter`, exported by `png`."""

from ui.roadmap.view import BoardView

__all__ = ["BoardView"]
