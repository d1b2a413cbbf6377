"""Widgets and helpers shared by the views: the rows table model, files and folders, combo boxes, status and kind labels."""
