"""The roadmap workbook's sheets, one module each; every module's `add_sheet(book, snap)` writes its sheet.

`planner.exporting.workbook` decides which sheets an edition gets and in what order.
"""
