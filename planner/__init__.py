"""Roadmap Planner: the domain core. Never imports Qt."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DISTRIBUTION = "roadmap-planner"  # the name pip knows the app by (pyproject's [project] name)


@cache
def version() -> str:
    """The app's version: the installed distribution's, else pyproject's beside a checkout.

    Read at run time, not written here, so a release changes one line of
    pyproject.toml. A checkout run without installing (PYTHONPATH=.) has no
    distribution metadata; its pyproject.toml is the truth then.
    """
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _checkout_version() or "0+unknown"


def _checkout_version() -> str | None:
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return project.get("version") if project.get("name") == DISTRIBUTION else None


def __getattr__(name: str):
    # `planner.__version__` without reading metadata on every `import planner`
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
