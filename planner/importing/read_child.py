"""The process that reads and prepares a big import's chunks (`read_process`): its entry point.

Started as `python -c "from planner.importing.read_child import main; main()"`; it reads its
setup from the standard input and writes its messages to the standard output.
"""

from __future__ import annotations

import pickle
from contextlib import nullcontext

from planner.importing import frame, read_process, timing
from planner.importing.write_requests import _BatchWriter, _timed_iter


def main() -> None:
    """The process: read and prepare every chunk, send each, then the state the report needs.

    Messages go to the standard output it was started with; anything printed goes to the
    standard error instead, so that no stray word can break a message.
    """
    import os
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importing process's to handle: it ends this one
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    shared, chunk_rows, recording = pickle.loads(sys.stdin.buffer.read())
    frame.CHUNK_ROWS = chunk_rows
    writer = _BatchWriter.__new__(_BatchWriter)
    writer.__dict__.update(shared)
    read: dict = {}
    try:
        with timing.recording() if recording else nullcontext({}) as stages:
            for df, done in _timed_iter(frame.chunks(writer.plan.shape, read), "read"):
                chunk = writer.prepare(df)
                with timing.stage("pickle"):
                    message = pickle.dumps(("chunk", read_process.portable(chunk), done), protocol=pickle.HIGHEST_PROTOCOL)
                read_process.send_message(out, message)
            state = {name: getattr(writer, name) for name in read_process.RETURNED}
            state["companies"].db = None
            state.update(read=read, stages=dict(stages))
        read_process.send_message(out, pickle.dumps(("end", state), protocol=pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:
        pass  # the importing process stopped reading: it was cancelled or failed
    except BaseException as exc:  # noqa: BLE001  raised again in the importing process
        try:
            read_process.send_message(out, read_process.failure_message(exc))
        except BrokenPipeError:
            pass
    finally:
        try:
            out.close()
        except BrokenPipeError:
            pass
