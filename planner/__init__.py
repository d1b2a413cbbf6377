"""Roadmap Planner: the domain core. Never imports Qt."""

__version__ = "0.1.0"
