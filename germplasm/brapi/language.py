"""The caller's language for BrAPI records: Chinese unless the caller asked for English with
`?lang=en` (remembered in the session, as on the pages; Flask-Babel's get_locale)."""
from flask_babel import get_locale


def chinese() -> bool:
    return str(get_locale() or "zh").startswith("zh")


def pick(zh: str | None, en: str | None) -> str | None:
    """The text in the caller's language, the other language's when that one is missing."""
    return (zh or en) if chinese() else (en or zh)
