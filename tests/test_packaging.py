"""The app installs like an app: a built wheel carries the translations and the icon; `--version` answers."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from ui import identity

ROOT = Path(__file__).resolve().parents[1]
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _setuptools_builds_wheels() -> bool:
    """Whether this environment's setuptools can build a wheel itself (bdist_wheel built in from 70.1, else `wheel`)."""
    import setuptools

    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel built from a copy of the sources, installed into a folder of its own.

    A copy, because setuptools builds in the source tree (`build/`), where stale
    files from an earlier build would end up in the wheel.
    """
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("planner", "ui"):
        shutil.copytree(ROOT / package, source / package, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    # else pip fetches the pyproject's build requirements from the package index
    isolation = ["--no-build-isolation"] if _setuptools_builds_wheels() else []
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", str(source), "--no-deps", *isolation, "-w", str(tmp / "dist")],
                   check=True, capture_output=True, timeout=180)
    wheels = list((tmp / "dist").glob("roadmap_planner-*.whl"))
    assert len(wheels) == 1
    site = tmp / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheels[0])],
                   check=True, capture_output=True, timeout=180)
    return site


def _run_installed(site: Path, code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Python with only the installed copy of the app importable, run outside the checkout."""
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=60, encoding="utf-8")


def test_the_installed_app_finds_its_translation_and_icons_inside_the_install(installed, tmp_path):
    code = (
        "import json, ui.i18n, ui.identity as identity\n"
        "from PySide6.QtCore import QTranslator\n"
        "translator = QTranslator()\n"
        "print(json.dumps({'i18n': ui.i18n.__file__,\n"
        "  'qm': str(ui.i18n.TRANSLATIONS_DIR / 'planner_ja.qm'),\n"
        "  'loaded': translator.load('planner_ja', str(ui.i18n.TRANSLATIONS_DIR)),\n"
        "  'backlog': translator.translate('', 'Backlog'),\n"
        "  'icons': [str(identity.icon_path(size)) for size in (None, 32, 64, 256)],\n"
        "  'version': identity.version()}))\n"
    )
    result = _run_installed(installed, code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["i18n"]).is_relative_to(installed)  # the installed copy, not the checkout
    assert Path(found["qm"]).is_relative_to(installed) and Path(found["qm"]).is_file()
    assert (found["loaded"], found["backlog"]) == (True, "バックログ")
    assert [Path(p).name for p in found["icons"]] == ["planner.svg", "planner-32.png", "planner-64.png", "planner-256.png"]
    for icon in found["icons"]:
        assert Path(icon).is_relative_to(installed) and Path(icon).stat().st_size > 0
    assert found["version"] == PROJECT_VERSION


def test_the_installed_command_line_prints_its_version(installed, tmp_path):
    result = _run_installed(installed, "import sys; from planner.cli import main; sys.exit(main(['--version']))", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"planner {PROJECT_VERSION}\n", "")


def test_planner_version_prints_the_project_version():
    result = subprocess.run([sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (result.returncode, result.stdout) == (0, f"planner {PROJECT_VERSION}\n")


def test_a_checkout_without_install_reads_the_version_from_pyproject(tmp_path):
    code = "import importlib.metadata as m, planner\n" \
           "def missing(name): raise m.PackageNotFoundError(name)\n" \
           "m.version = missing\n" \
           "print(planner.version())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout == f"{PROJECT_VERSION}\n", result.stderr


def test_icon_paths_name_the_files_that_ship():
    assert identity.icon_path().name == "planner.svg"
    assert identity.icon_path(16).name == "planner-32.png"
    assert identity.icon_path(48).name == "planner-64.png"
    assert identity.icon_path(512).name == "planner-256.png"
    for size in (None, *identity.PNG_SIZES):
        assert identity.icon_path(size).is_file()


def test_the_app_icon_draws_at_every_size(qapp):
    from PySide6.QtGui import QImage

    icon = identity.app_icon()
    assert not icon.isNull()
    for size in (16, 32, 48, 64, 256):
        image = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format_ARGB32)
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255  # drawn, not a transparent placeholder
