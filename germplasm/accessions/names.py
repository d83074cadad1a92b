"""Accession names: split ACCENAME, tell Chinese from pinyin from other scripts."""
import re
import unicodedata
from functools import cache

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Vowels with the four pinyin tone marks (and ü); their presence marks tonal pinyin.
PINYIN_TONE = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ]")


def split_accename(text: str | None) -> list[str]:
    if not text:
        return []
    seen, names = set(), []
    for part in text.split(";"):
        name = unicodedata.normalize("NFC", part.strip())
        if name and name not in seen:
            seen.add(name)
            names.append(name)
    return names


def classify(name: str, position: int) -> tuple[str, str]:
    """(name_type, lang) for a name from ACCENAME, by its script."""
    if CJK.search(name):
        return ("chinese", "zh")
    if PINYIN_TONE.search(name) and _only_pinyin_letters(name):
        return ("pinyin", "zh-Latn")
    return ("registered" if position == 0 else "synonym", "und")


def _only_pinyin_letters(name: str) -> bool:
    """True when every word splits into pinyin syllables (Président and Čačanska do not)."""
    plain = strip_tones(name).lower().replace("ü", "v").replace("'", " ").replace("-", " ")
    # Numbers belong to the name (Wūshān Cuìlǐ 2 Hào), not to the script.
    return all(word.isdigit() or _segments(word) for word in plain.split())


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


@cache
def _syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict  # a large table: load it on first use

    readings = ",".join(pinyin_dict.values()).split(",")
    return frozenset(strip_tones(r).replace("ü", "v") for r in readings if r)


def _segments(word: str) -> bool:
    """Can `word` be cut into valid toneless syllables? (dynamic programming over prefixes)"""
    syllables, ends = _syllables(), {0}
    for end in range(1, len(word) + 1):
        starts = range(max(0, end - 6), end)
        if any(start in ends and word[start:end] in syllables for start in starts):
            ends.add(end)
    return len(word) in ends


def warm_up() -> None:
    """Load the pinyin syllable table and jieba before serving (see wsgi.py)."""
    _syllables()
    from search.analyzers import _jieba

    _jieba()
