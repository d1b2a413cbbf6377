"""`planner --install-desktop-entry`: put the app in a Linux desktop's menu, with its icon.

A pip or pipx install puts a `planner` script on the PATH but nothing in the
applications menu; the freedesktop.org way is a `.desktop` file in
`$XDG_DATA_HOME/applications` (default `~/.local/share/applications`). The entry
names the icon by its absolute path, which needs no icon-theme cache. No Qt here:
this works where Qt's system libraries are still missing.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ui.identity import icon_path

ENTRY_ID = "roadmap-planner"  # the file name desktops know the app by
ICON_SIZE = 256


@dataclass(frozen=True)
class InstalledEntry:
    desktop_file: Path
    icon: Path
    command: list[str]


def data_home(environ=None) -> Path:
    """$XDG_DATA_HOME, else ~/.local/share; a relative value is ignored, as the XDG spec says."""
    value = (os.environ if environ is None else environ).get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command(argv0: str | None = None, executable: str | None = None) -> list[str]:
    """The command that opens the app: the running `planner` script, else this Python with `-m ui`.

    The script path is kept as called, not resolved: pipx's ~/.local/bin/planner
    is a link that survives upgrades, the file it points at does not.
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    script = Path(argv0)
    if script.stem == "planner" and script.is_file():
        return [str(script.absolute())]
    return [str(Path(executable or sys.executable).absolute()), "-m", "ui"]


def exec_value(command: list[str]) -> str:
    """The Exec= value of `command`: arguments quoted and escaped as the Desktop Entry spec asks.

    Exec is first read as a string value (backslashes doubled), then split by
    its own quoting rules (quote an argument with reserved characters;
    backslash-escape `"`, `` ` ``, `$`, `\\` inside quotes); `%` is doubled.
    """
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    parts = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if any(ch in reserved for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        parts.append(arg.replace("\\", "\\\\"))
    return " ".join(parts)


def desktop_entry_text(command: list[str], icon: Path) -> str:
    """The .desktop file's text. The product name stays "Roadmap Planner" in Japanese, as in the app."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Roadmap Planner",
        "Name[ja]=Roadmap Planner",
        "GenericName=Roadmap planner",
        "GenericName[ja]=ロードマップ計画ツール",
        "Comment=Backlog, prioritisation and roadmap, offline",
        "Comment[ja]=バックログ、優先順位付け、ロードマップ(オフライン)",
        f"Exec={exec_value(command)}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Office;ProjectManagement;",
        "Keywords=roadmap;backlog;prioritization;RICE;requests;",
        "Keywords[ja]=ロードマップ;バックログ;優先順位;要望;",
        "StartupNotify=true",
        "",
    ])


def install_desktop_entry(*, environ=None, command: list[str] | None = None) -> InstalledEntry:
    """Write the menu entry and copy the icon under the user's data folder; running it again refreshes both."""
    home = data_home(environ)
    icon = home / "icons" / "hicolor" / f"{ICON_SIZE}x{ICON_SIZE}" / "apps" / f"{ENTRY_ID}.png"
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icon_path(ICON_SIZE), icon)
    command = command or launcher_command()
    desktop_file = home / "applications" / f"{ENTRY_ID}.desktop"
    desktop_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = desktop_file.with_name(f".{desktop_file.name}.tmp")  # menus watch the folder: never show half a file
    temporary.write_text(desktop_entry_text(command, icon), encoding="utf-8")
    os.replace(temporary, desktop_file)
    return InstalledEntry(desktop_file=desktop_file, icon=icon, command=command)


def main() -> int:
    """The command: install, then say what was written where, or why it could not be."""
    try:
        entry = install_desktop_entry()
    except OSError as exc:
        print(f"planner: could not install the desktop entry: {exc.strerror or exc} ({exc.filename}). "
              "Check that your data folder (XDG_DATA_HOME or ~/.local/share) is writable, then run it again.",
              file=sys.stderr)
        return 1
    print(f"Wrote {entry.desktop_file}")
    print(f"Wrote {entry.icon}")
    print(f"The menu entry runs: {' '.join(entry.command)}")
    return 0
