"""Checks every text input passes, whichever door it came through.

Control characters cannot be written to an .xlsx file, PostgreSQL refuses NUL, and none of
them belongs in a name or a note. Tabs and line breaks are whitespace that real sheets carry
in wrapped cells (`Black Pearl (NY\\n8139)`), so they are kept.
"""
import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored, or None when it can."""
    match = CONTROL.search(value)
    if match is None:
        return None
    return (f"contains the control character U+{ord(match.group()):04X} at position "
            f"{match.start() + 1}; remove it")


def length_problem(value: str, limit: int | None) -> str | None:
    if limit is None or len(value) <= limit:
        return None
    return f"has {len(value)} characters; at most {limit}"


def column_length(column) -> int | None:
    """The length a model's String column allows (None for unlimited Text)."""
    return getattr(column.type, "length", None)
