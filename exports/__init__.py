"""Tabular exports (CSV and XLSX) of any filtered list: see `tabular.py` and `views.py`."""
