"""Downloads named after what they hold and the day they were made, e.g.
`plum-search-李-2026-12-02.xlsx`, sent with an RFC 6266/5987 Content-Disposition: the name in
UTF-8 (`filename*`) and an ASCII fallback (`filename`, Chinese as pinyin) for old clients."""
import re
import unicodedata
from datetime import date
from urllib.parse import quote

from pypinyin import lazy_pinyin

MAX_WORDS = 40  # characters of the search words kept in a name
UNSAFE = re.compile(r'[\\/:*?"<>|;,%\x00-\x1f\x7f]+')  # not in file names or a header
SPACES = re.compile(r"\s+")
RFC5987_SAFE = "!#$&+-.^_`|~"


def download_name(kind: str, words: list[str], suffix: str, today: date | None = None) -> str:
    """`plum-<kind>[-<words>]-<YYYY-MM-DD><suffix>`; words are cleaned of what a file
    system or a header cannot hold and cut to MAX_WORDS characters."""
    cleaned = "-".join(w for w in (_clean(w) for w in words) if w)[:MAX_WORDS].strip("-._")
    parts = ["plum", kind, cleaned, (today or date.today()).isoformat()]
    return "-".join(p for p in parts if p) + suffix


def _clean(word: str) -> str:
    return SPACES.sub("_", UNSAFE.sub(" ", word).strip())


def ascii_fallback(name: str) -> str:
    """The name in ASCII: Chinese as toneless pinyin, accents dropped, the rest removed."""
    latin = "".join(lazy_pinyin(name))
    plain = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"-{2,}", "-", UNSAFE.sub("", plain))


def content_disposition(name: str) -> str:
    fallback = ascii_fallback(name)
    value = f'attachment; filename="{fallback}"'
    if fallback != name:
        value += f"; filename*=UTF-8''{quote(name, safe=RFC5987_SAFE)}"
    return value
