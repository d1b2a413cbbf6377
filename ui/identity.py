"""Who the app is: its version and its icon, for the window, the About box and the desktop entry.

The files live in `ui/resources/icons/` so that they ship inside the installed
package (a wheel, pipx) as they do in a checkout. Only `app_icon` loads Qt:
`planner --version` and the desktop entry work where Qt's libraries are missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import planner

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parent / "resources" / "icons"
ICON_NAME = "planner"
PNG_SIZES = (32, 64, 256)  # rendered from planner.svg; the SVG serves every other size


def version() -> str:
    """The app's version ("0.1.0"): the one `planner --version` prints."""
    return planner.version()


def icon_path(size: int | None = None) -> Path:
    """The icon file: the SVG when `size` is None, else the smallest PNG at least `size` pixels wide.

    A size larger than every PNG gets the largest one; the desktop entry asks for 256.
    """
    if size is None:
        return ICONS_DIR / f"{ICON_NAME}.svg"
    chosen = next((s for s in PNG_SIZES if s >= size), PNG_SIZES[-1])
    return ICONS_DIR / f"{ICON_NAME}-{chosen}.png"


def app_icon() -> QIcon:
    """The window and taskbar icon: the SVG plus every PNG, so each size draws crisp.

    The SVG goes first: the first file picks the icon engine, and the SVG
    engine also keeps the PNGs for their exact sizes.
    """
    from PySide6.QtGui import QIcon

    icon = QIcon(str(icon_path()))
    for size in PNG_SIZES:
        icon.addFile(str(icon_path(size)))
    return icon
