"""Before any Qt window: are the system libraries Qt's Linux platform plugins load there?

Without them Qt aborts with "could not load the Qt platform plugin xcb", a line
nobody but a Qt developer can act on. The wheel of PySide6 carries Qt itself
but not these X11/Wayland libraries of the system, so a fresh Debian or Ubuntu
desktop often lacks `libxcb-cursor0` and a few others. This module names the
missing ones and the apt line that installs them. It imports no Qt, so it runs
before Qt is loaded.

The lists come from the ELF "NEEDED" entries of PySide6's
`plugins/platforms/libqxcb.so`, `lib/libQt6XcbQpa.so.6`, `libqwayland.so` and
`lib/libQt6Gui.so.6` (6.11), less the C/C++ runtime every program has.
"""

from __future__ import annotations

import ctypes
import importlib.util
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

# soname -> the Debian/Ubuntu package that installs it; dicts keep this order in messages
GUI_LIBRARIES = {  # every Qt window, whatever the platform plugin (libQt6Gui)
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libz.so.1": "zlib1g",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
}
XCB_LIBRARIES = {  # the X11 plugin (libqxcb, libQt6XcbQpa)
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
}
WAYLAND_LIBRARIES = {  # the Wayland plugin (libqwayland, libQt6WaylandClient)
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
PLATFORM_LIBRARIES = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}

Find = Callable[[str], bool]


def loadable(soname: str) -> bool:
    """True when the dynamic loader finds `soname` and its own dependencies, as Qt's loading will."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(find: Find | None = None, *, platform: str = "xcb") -> list[str]:
    """The sonames a Qt window on `platform` ("xcb" or "wayland") needs and `find` does not find.

    `find(soname) -> bool` defaults to `loadable`; a test passes one that hides a library.
    """
    find = find or loadable
    needed = {**GUI_LIBRARIES, **PLATFORM_LIBRARIES[platform]}
    return [soname for soname in needed if not find(soname)]


def packages(missing: list[str]) -> list[str]:
    """The Debian/Ubuntu packages that install `missing` sonames, each once, in order."""
    names = {**GUI_LIBRARIES, **XCB_LIBRARIES, **WAYLAND_LIBRARIES}
    return list(dict.fromkeys(names.get(soname, soname) for soname in missing))


def advice(missing: list[str], *, apt: bool = True) -> str:
    """One line that says what is missing and how to install it (the apt line where apt exists)."""
    if not apt:  # another distribution: its package names differ, the library names do not
        return (f"planner: the window needs system libraries that are missing ({', '.join(missing)}). "
                "Install the packages of your distribution that provide them, then start planner again.")
    wanted = packages(missing)
    return (f"planner: the window needs system libraries that are missing ({', '.join(wanted)}). "
            f"Install them with: sudo apt-get install {' '.join(wanted)}")


@dataclass(frozen=True)
class WindowCheck:
    """What the launcher does before Qt: go on (perhaps on another platform), or stop with `message`."""

    ok: bool
    platform: str | None = None  # a QT_QPA_PLATFORM to set before Qt starts; None leaves it
    message: str | None = None  # one line for stderr


def wayland_plugin_exists() -> bool:
    """Whether PySide6 carries Qt's Wayland platform plugin (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return False
    platforms = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
    return any(platforms.glob("libqwayland*.so"))


def check_window_system(environ: Mapping[str, str], *, find: Find | None = None, system: str = sys.platform,
                        wayland_plugin: Callable[[], bool] = wayland_plugin_exists,
                        apt: bool | None = None) -> WindowCheck:
    """Can Qt open a window through X11 here? Only Linux with DISPLAY set and no other platform chosen is checked.

    When X11 libraries are missing in a Wayland session (WAYLAND_DISPLAY set,
    QT_QPA_PLATFORM unset), Wayland serves instead if its plugin and libraries
    are there. A QT_QPA_PLATFORM=xcb the user set is kept: they asked for X11.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if not system.startswith("linux") or not environ.get("DISPLAY") or chosen not in ("", "xcb"):
        return WindowCheck(ok=True)
    missing = missing_libraries(find, platform="xcb")
    if not missing:
        return WindowCheck(ok=True)
    if (not chosen and environ.get("WAYLAND_DISPLAY") and wayland_plugin()
            and not missing_libraries(find, platform="wayland")):
        note = (f"planner: the X11 libraries of the window are missing ({', '.join(packages(missing))}); "
                "opening it through Wayland instead.")
        return WindowCheck(ok=True, platform="wayland", message=note)
    apt = shutil.which("apt-get") is not None if apt is None else apt
    return WindowCheck(ok=False, message=advice(missing, apt=apt))
