import sys

try:
    from planner.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: nothing was opened yet
    print("planner: interrupted; nothing was changed.", file=sys.stderr)
    raise SystemExit(130)

raise SystemExit(main())
