"""The library's typed errors: what the user gave is wrong, or the store cannot be used.

The CLI and the API turn these into one line or one JSON shape in one place each
(`cli/edge.py`, `api/errors.py`); the message says what is wrong and what would be right.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of the errors a user can act on; `exit_code` is what the CLI exits with."""

    exit_code = 1


class InputError(NewsgraphError, ValueError):
    """A value the user gave (an option, a file, a filter) cannot be used: a usage error."""

    exit_code = 2


class StoreError(NewsgraphError):
    """The store cannot be opened or does not exist."""
