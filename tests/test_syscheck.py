"""Before Qt: a desktop without Qt's X11 libraries gets one line naming them and the apt command."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import PySide6

from ui.syscheck import (GUI_LIBRARIES, WAYLAND_LIBRARIES, XCB_LIBRARIES, advice, check_window_system,
                         missing_libraries, packages)

ROOT = Path(__file__).resolve().parents[1]
QT = Path(PySide6.__file__).resolve().parent / "Qt"
X11 = {"DISPLAY": ":0"}


def hiding(*hidden):
    """A `find` for which the `hidden` libraries are not installed and every other one is."""
    return lambda soname: soname not in hidden


def test_nothing_is_missing_when_every_library_is_found():
    assert missing_libraries(hiding()) == []


def test_a_hidden_library_is_reported_missing():
    assert missing_libraries(hiding("libxcb-cursor.so.0", "libxcb-icccm.so.4")) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


def test_the_wayland_list_does_not_ask_for_x11_plugin_libraries():
    assert missing_libraries(hiding("libxcb-cursor.so.0"), platform="wayland") == []
    assert missing_libraries(hiding("libwayland-cursor.so.0"), platform="wayland") == ["libwayland-cursor.so.0"]


def test_advice_names_the_debian_packages_and_the_command():
    line = advice(["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"])
    assert line == ("planner: the window needs system libraries that are missing (libxcb-cursor0, libxkbcommon-x11-0). "
                    "Install them with: sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0")
    assert "\n" not in line


def test_without_apt_the_advice_names_the_libraries():
    line = advice(["libxcb-cursor.so.0"], apt=False)
    assert "(libxcb-cursor.so.0)" in line
    assert "apt-get" not in line


def test_each_package_is_named_once():
    assert packages(["libxcb.so.1", "libxcb-cursor.so.0", "libxcb.so.1"]) == ["libxcb1", "libxcb-cursor0"]


def test_missing_x11_libraries_stop_the_start_with_the_advice():
    check = check_window_system(X11, find=hiding("libxcb-cursor.so.0"), system="linux", apt=True)
    assert not check.ok
    assert check.message == advice(["libxcb-cursor.so.0"])
    assert check.platform is None


def test_only_linux_with_an_x11_display_is_checked():
    find = hiding("libxcb-cursor.so.0")
    assert check_window_system(X11, find=find, system="darwin").ok
    assert check_window_system({}, find=find, system="linux").ok
    assert check_window_system({**X11, "QT_QPA_PLATFORM": "offscreen"}, find=find, system="linux").ok
    assert not check_window_system({**X11, "QT_QPA_PLATFORM": "xcb"}, find=find, system="linux", apt=True).ok


def test_a_wayland_session_falls_back_to_wayland_and_says_so():
    check = check_window_system({**X11, "WAYLAND_DISPLAY": "wayland-0"}, find=hiding("libxcb-cursor.so.0"),
                                system="linux", wayland_plugin=lambda: True)
    assert check.ok
    assert check.platform == "wayland"
    assert check.message == ("planner: the X11 libraries of the window are missing (libxcb-cursor0); "
                             "opening it through Wayland instead.")


def test_no_wayland_fallback_without_its_plugin_or_its_libraries():
    session = {**X11, "WAYLAND_DISPLAY": "wayland-0"}
    no_plugin = check_window_system(session, find=hiding("libxcb-cursor.so.0"), system="linux",
                                    wayland_plugin=lambda: False, apt=True)
    no_library = check_window_system(session, find=hiding("libxcb-cursor.so.0", "libwayland-cursor.so.0"),
                                     system="linux", wayland_plugin=lambda: True, apt=True)
    assert (no_plugin.ok, no_plugin.platform) == (False, None)
    assert (no_library.ok, no_library.platform) == (False, None)
    assert no_library.message == advice(["libxcb-cursor.so.0"])


def test_a_qt_platform_the_user_chose_is_kept():
    check = check_window_system({**X11, "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"},
                                find=hiding("libxcb-cursor.so.0"), system="linux", wayland_plugin=lambda: True, apt=True)
    assert (check.ok, check.platform) == (False, None)


def _needed(path: Path) -> set[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists as NEEDED)."""
    data = path.read_bytes()
    assert data[:6] == b"\x7fELF\x02\x01", f"{path} is not a 64-bit little-endian ELF file"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC; its sh_link is the string table
    strtab = sections[dynamic[6]][4]
    names = set()
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 1:  # DT_NEEDED
            names.add(data[strtab + value:data.index(b"\0", strtab + value)].decode())
    return names


RUNTIME = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libgthread-2.0.so.0"}


def test_the_lists_cover_what_the_installed_qt_plugins_need():
    """Guards a PySide6 upgrade: a library its platform plugins start needing must be checked too."""
    files = [QT / "plugins/platforms/libqxcb.so", QT / "lib/libQt6XcbQpa.so.6", QT / "lib/libQt6Gui.so.6",
             QT / "plugins/platforms/libqwayland.so"]
    needed = set().union(*map(_needed, files))
    system = {name for name in needed if not name.startswith("libQt6")} - RUNTIME
    checked = {*GUI_LIBRARIES, *XCB_LIBRARIES, *WAYLAND_LIBRARIES}
    assert "libxcb-cursor.so.0" in system
    assert system - checked == set()


def test_the_launcher_prints_one_line_and_exits_1_before_loading_qt(tmp_path):
    code = (
        "import sys, ui.syscheck as s\n"
        "s.loadable = lambda soname: soname not in ('libxcb-cursor.so.0', 'libxcb-icccm.so.4')\n"
        "from ui.launch import main\n"
        f"code = main(['--db', {str(tmp_path / 'w.db')!r}])\n"
        "print('qt loaded' if 'PySide6.QtGui' in sys.modules else 'qt not loaded')\n"
        "raise SystemExit(code)\n"
    )
    apt = tmp_path / "bin" / "apt-get"  # a Debian-like PATH, whatever the machine running the test
    apt.parent.mkdir()
    apt.write_text("#!/bin/sh\n")
    apt.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", PATH=str(apt.parent))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert result.stdout == "qt not loaded\n"
    assert result.stderr == ("planner: the window needs system libraries that are missing (libxcb-cursor0, libxcb-icccm4). "
                             "Install them with: sudo apt-get install libxcb-cursor0 libxcb-icccm4\n")
    assert not (tmp_path / "w.db").exists()
