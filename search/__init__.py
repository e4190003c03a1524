"""One search across reports, items and actions (selectors.py), for every role that reads."""
