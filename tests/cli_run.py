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
