"""The app's dialogs, one module each, imported when first opened: scoring settings, export, backups, import batches."""
