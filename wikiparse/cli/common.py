"""What every command shares: exit codes, error texts (asserted by tests), the usage-error parser."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

ERR_NO_FILE = "wikiparse: error: no such file: {path}"
ERR_NOT_FILE = "wikiparse: error: not a file: {path}"
ERR_UNREADABLE = "wikiparse: error: cannot read {path}: {reason}"
ERR_PARSE = "wikiparse: error: {path}: {reason}"


class Parser(argparse.ArgumentParser):
    """argparse that exits with our usage code and a one-line message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: error: {message}")


class UsageError(Exception):
    pass
