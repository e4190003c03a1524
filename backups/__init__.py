"""Backups an operator can restore: manage.py backup DIR and manage.py restore DIR."""
