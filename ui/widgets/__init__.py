"""Widgets and helpers shared by the views: the rows table model, file choosers, combo boxes, escaping."""
