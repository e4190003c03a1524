"""Logging filters."""

import logging


class WithoutTraceback(logging.Filter):
    """Keeps the record's one-line message and drops its traceback: for events that are
    expected and say all there is in their message (a scanner's disallowed Host header)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
