"""Errors a person can act on: each carries one line that names the problem."""


class HuntError(Exception):
    """Base for problems shown to the user as one line, never a traceback."""


class InvalidInput(HuntError):
    """Input that failed validation; nothing was written."""


class NotFound(HuntError):
    """A named company, contact or record that does not exist for this user."""


class DatabaseBusy(HuntError):
    """The database file is locked by another process."""


class PermissionDenied(HuntError):
    """The signed-in person may not read or change this; nothing was shown or written."""
