"""The window's actions: short functions that run one core operation through the one runner.

Each takes the context, the widget to parent messages to, and the action's
arguments; it words the undo step in the interface's language and hands
`planner.ops` the work. It returns the core's `OpResult`, or None when the
action failed (the user was told) or waits for the workspace.

Adding an undoable edit: a function in `planner/ops/`, a case in
tests/planner/test_history.py, and three lines here.
"""
