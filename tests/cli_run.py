"""The `planner` command run as a user runs it: a real subprocess, its output read as UTF-8."""

import os
import subprocess
import sys


def planner(*args, check=True):
    result = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=120,
                            encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def launcher(*args, check=True):
    """The `planner` console script itself (`python -m ui`): the command line with the window's parts at hand,
    as for `export FILE.pdf`, which the window's painter draws."""
    result = subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True, timeout=120,
                            encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result
