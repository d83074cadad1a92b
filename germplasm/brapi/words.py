"""MCPD codes and dates as BrAPI writes them: code labels in the caller's language, and
MCPD's YYYYMMDD with `--` for an unknown month or day as ISO 8601 (as much as is known)."""
from functools import cache, lru_cache

from flask_babel import get_locale

from germplasm.accessions.mcpd_fields import code_lists


@cache
def _labels() -> dict[str, dict[str, tuple[str, str]]]:
    return {name: {code: (en, zh) for code, en, zh in entries}
            for name, entries in code_lists().items()}


def code_label(list_name: str, code) -> str | None:
    if code is None:
        return None
    en, zh = _labels()[list_name].get(str(code), (None, None))
    return zh if str(get_locale() or "zh").startswith("zh") and zh else en


def code_labels(list_name: str) -> dict[str, str]:
    """{code: code_label()} of a whole list, for the records of a page to share."""
    chinese = str(get_locale() or "zh").startswith("zh")
    return {code: zh if chinese and zh else en for code, (en, zh) in _labels()[list_name].items()}


@lru_cache(maxsize=8192)  # a collection has few distinct dates; a page asks for 1,000
def iso_date(mcpd: str | None) -> str | None:
    """'20050301' -> '2005-03-01', '199805--' -> '1998-05', '1998----' -> '1998'."""
    if not mcpd or len(mcpd) != 8 or not mcpd[:4].isdigit():
        return None
    parts = [mcpd[:4], mcpd[4:6], mcpd[6:]]
    known = [part for part in parts if part.isdigit()]
    return "-".join(known[:3] if len(known) == 3 else known[:2] if parts[1].isdigit() else
                    known[:1])


def text_of(value) -> str | None:
    """Numbers as BrAPI's strings (coordinates, elevation, uncertainty); None stays None."""
    if value is None or value == "":
        return None
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
