"""Real processes on a real workspace file: the window stand-in and the command line."""

import subprocess
import sys
from pathlib import Path

import pytest

from processes import ROOT, cli_env, run_cli

HOLDER = Path(__file__).with_name("holder.py")


class Holder:
    """A process that keeps the workspace open, like a window does."""

    def __init__(self, tmp_path, db):
        self.proc = subprocess.Popen(
            [sys.executable, str(HOLDER), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=cli_env(tmp_path), cwd=ROOT,
        )
        assert self.proc.stdout.readline().strip() == "ready", self.proc.stderr.read()

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        assert answer, self.proc.stderr.read()
        return answer

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.ask("quit")
            self.proc.wait(10)


@pytest.fixture
def holder(tmp_path):
    started = []

    def start(db):
        h = Holder(tmp_path, db)
        started.append(h)
        return h

    yield start
    for h in started:
        if h.proc.poll() is None:
            h.proc.kill()
            h.proc.wait()


@pytest.fixture
def cli(tmp_path):
    def run(db, *args, **kw):
        return run_cli(tmp_path, db, *args, **kw)
    return run
