"""A stand-in for the desktop window in reliability tests: one process that keeps
a workspace open and takes commands on stdin, one per line, answering one line each.

    bg            open and close a second connection, as a background task does
    add TITLE     add an item through the core, answer its id
    count         answer the number of items this connection sees
    hold SECONDS  take the write lock and keep it that long, as a long import does
    quit          close and exit
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner import ops  # noqa: E402
from planner.errors import PlannerError  # noqa: E402
from planner.storage import open_workspace  # noqa: E402


def main() -> None:
    ws = open_workspace(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(" ")
        try:
            if cmd == "bg":
                open_workspace(ws.path, migrate=False).close()
                answer = "ok"
            elif cmd == "add":
                answer = str(ops.add_item(ws, title=arg)["id"])
            elif cmd == "hold":
                with ws.db.atomic():
                    ws.db.execute("UPDATE settings SET value = value WHERE 0")
                    print("holding", flush=True)
                    time.sleep(float(arg))
                answer = "released"
            elif cmd == "count":
                answer = str(ws.db.execute("SELECT COUNT(*) FROM items").fetchone()[0])
            elif cmd == "quit":
                break
            else:
                answer = f"unknown {cmd}"
        except PlannerError as exc:
            answer = json.dumps({"error": str(exc), "kind": type(exc).__name__})
        print(answer, flush=True)
    ws.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
