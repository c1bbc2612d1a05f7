"""Console log format for command-line runs: one line per record, tracebacks kept for the API."""
from __future__ import annotations

import logging

from prefect.logging.formatters import PrefectFormatter


class ConsoleFormatter(PrefectFormatter):
    """Prefect's console format folded to one line: no traceback, newlines collapsed.

    A user at a terminal gets one line per event; the full traceback is still in the run's
    logs in the Prefect API (`prefect flow-run logs`, the UI).
    """

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info = record.exc_text = record.stack_info = None
        try:
            text = super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        return " ".join(text.split()) if "\n" in text else text
