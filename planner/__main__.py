import sys

try:
    from planner.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: nothing was opened yet
    print("planner: interrupted; nothing was changed.", file=sys.stderr)
    raise SystemExit(130)

try:
    code = main()
except KeyboardInterrupt:  # before `main` started its work (it says what was saved itself from there on)
    print("planner: interrupted; nothing was changed.", file=sys.stderr)
    code = 130
from planner.cli import exit_quietly_on_ctrl_c  # noqa: E402

exit_quietly_on_ctrl_c()
raise SystemExit(code)
