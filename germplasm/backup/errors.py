"""Why a backup or a restore stopped, and the exit status the command gives for it."""


class Refused(Exception):
    """Wrong arguments, an unreadable archive or a restore that would overwrite data.

    Raised before anything is changed, so the user can fix the cause and run it again."""

    exit_code = 2


class ToolFailed(Exception):
    """pg_dump, pg_restore or SQLite failed; the message carries what the tool said."""

    exit_code = 1
