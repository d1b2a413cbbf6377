"""A big import's reading and preparing in a process of its own, so that the insert has a core and the GIL to itself.

On a thread (`write_requests._prepared_ahead`) the two halves of an import share one
interpreter: each row the insert binds waits for the GIL the reader holds, and on
1M rows the insert took 29 s instead of 16. Here the file is parsed and each chunk
prepared (`_BatchWriter.prepare`, which touches no database) in a process of its own;
the chunks come back pickled through its standard output, a few ahead at most (`_Receiver`:
the process waits while the writer is behind, so memory stays that of a few chunks). The process gets what
preparing needs (the plan, the converter, the companies known so far) and, at the
end, hands back what the report and the company attributes need. It writes nothing:
the workspace has one writer, the caller's connection, and one transaction.

A failure there is raised here as it was raised there; a cancel, a Ctrl-C or a failed
insert ends the process before the rollback. Files under `PROCESS_FROM_ROWS` rows, and
files grouped by id, are read on a thread: starting a process costs about half a second.
"""

from __future__ import annotations

import pickle
from itertools import repeat

from planner.errors import ImportFailed

# Measured, three runs each in turn: 100k rows 5.2 s on a thread, 4.9 s here; 300k 11.6 s, 8.9 s; 1M 36 s, 26 s.
PROCESS_FROM_ROWS = 100_000
# What `prepare` reads and changes on the writer: sent to the process, the changed parts sent back.
_SHARED = ("plan", "conv", "records", "seen", "grouped", "raw", "companies")
RETURNED = ("conv", "records", "companies")


class _Same:
    """A column with one value for every row (an `itertools.repeat`, which pickle will stop carrying)."""

    def __init__(self, value):
        self.value = value


def available() -> bool:
    """Whether a process can be started from this interpreter (not in a frozen app, whose executable is the app)."""
    import sys

    return not getattr(sys, "frozen", False) and bool(sys.executable)


def prepared_in_process(writer, shape, read: dict):
    """(prepared chunk, bytes done) for each chunk of the file, prepared in another process.

    At the end `writer` has the converter, the count of records and the companies the
    process ended with, and `read` the file's hash and any unclosed quote (`frame.chunks`).
    The process is a fresh interpreter running `read_child` (`python -c`), never a copy of
    this one: nothing of Qt, SQLite or the caller's `__main__` is in it.
    """
    import os
    import subprocess
    import sys
    from pathlib import Path

    import planner
    from planner.importing import frame, timing

    companies = writer.companies
    db = companies.db
    companies.db = None  # a connection stays with its process
    try:
        setup = pickle.dumps(({name: getattr(writer, name) for name in _SHARED}, frame.CHUNK_ROWS, timing.is_recording()),
                             protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        companies.db = db
    root = str(Path(planner.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen([sys.executable, "-c", "from planner.importing.read_child import main; main()"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    finished = False
    receiver = None
    try:
        process.stdin.write(setup)
        process.stdin.close()
        receiver = _Receiver(process.stdout)
        while True:
            with timing.stage("unpickle"):
                body = receiver.next()
                message = None if body is None else pickle.loads(body)
            if message is None:
                process.wait(5)
                raise ImportFailed(
                    f"{shape.shown_path.name}: the process reading the file ended unexpectedly "
                    f"(exit code {process.returncode}); nothing was imported.",
                    hint="If the computer ran short of memory, close other programs and import the file again.",
                )
            kind = message[0]
            if kind == "chunk":
                yield _restored(message[1]), message[2]
            elif kind == "end":
                state = message[1]
                state["companies"].db = db
                for name in RETURNED:
                    setattr(writer, name, state[name])
                read.update(state["read"])
                for name, seconds in state["stages"].items():
                    timing.add(name, seconds)
                finished = True
                return
            else:
                raise message[1]
    except BrokenPipeError:  # it ended before it read its setup
        process.wait(5)
        raise ImportFailed(f"{shape.shown_path.name}: the process reading the file could not start "
                           f"(exit code {process.returncode}); nothing was imported.") from None
    finally:
        if finished:
            try:
                process.wait(10)  # it said all it had: let it end by itself
            except subprocess.TimeoutExpired:
                pass
        if process.poll() is None:
            process.kill()  # cancelled, or the insert failed: nothing it does from here is wanted
        process.wait()
        if receiver is not None:
            receiver.close()  # the process is gone: its stream has ended
        process.stdout.close()


class _Receiver:
    """Messages read off the stream on a thread, a few ahead, so that the process never waits for a slow insert.

    The pipe itself holds 64 kB, less than one chunk: without this the process could not
    start preparing a chunk until the previous one was taken. Reading a pipe releases the
    GIL; unpickling stays with the caller, so the insert is not slowed.
    """

    def __init__(self, stream, depth: int = 4):
        import queue
        import threading

        self.stream = stream
        self.queue: queue.Queue = queue.Queue(maxsize=depth)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._work, name="import-receive", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        import queue

        while True:
            try:
                body = _frame(self.stream)
            except (OSError, ValueError):
                body = None  # the stream broke or was closed: as good as ended
            while not self.stop.is_set():
                try:
                    self.queue.put(body, timeout=0.05)
                    break
                except queue.Full:
                    continue
            if body is None or self.stop.is_set():
                return

    def next(self) -> bytes | None:
        """The next message's bytes, or None when the stream ended (the process is gone)."""
        return self.queue.get()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def _frame(stream) -> bytes | None:
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    body = stream.read(size)
    return body if len(body) == size else None


def send_message(stream, payload: bytes) -> None:
    stream.write(len(payload).to_bytes(8, "little"))
    stream.write(payload)
    stream.flush()


def failure_message(exc: BaseException) -> bytes:
    """The exception, pickled as it is if it comes back whole, else its words and where it happened."""
    try:
        message = pickle.dumps(("failed", exc))
        pickle.loads(message)
        return message
    except Exception:  # noqa: BLE001  an exception pickle cannot carry
        import traceback

        text = "".join(traceback.format_exception(exc))
        return pickle.dumps(("failed", RuntimeError(f"{type(exc).__name__}: {exc}\n\n{text}")))


def portable(chunk):
    """The chunk as the writer needs it: no values or cells (a grouped file stays on a thread), no `repeat`."""
    parts = [(kind, mask, {name: _Same(next(col)) if isinstance(col, repeat) else col for name, col in columns.items()},
              raw) for kind, mask, columns, raw in chunk.parts]
    chunk.parts, chunk.values, chunk.cells = parts, None, None
    return chunk


def _restored(chunk):
    chunk.parts = [(kind, mask, {name: repeat(col.value) if isinstance(col, _Same) else col
                                 for name, col in columns.items()}, raw) for kind, mask, columns, raw in chunk.parts]
    return chunk
