"""Analyzers: Chinese cut by jieba (plus single characters), Latin accent-folded, pinyin forms."""
import logging
import re
from functools import cache, lru_cache

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.support.charset import accent_map

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\W_]+", re.UNICODE)
CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


class MixedTokenizer(Tokenizer):
    """Chinese runs become jieba words and single characters (so 李 alone matches); other
    runs become words. At query time Chinese gives characters only: the index holds every
    character, whatever jieba made of the surrounding words."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for match in CJK_RUN.finditer(value):
            for text in _pieces(match.group(), mode):
                token.text, token.boost, token.stopped = text, 1.0, False
                if positions:
                    token.pos = position
                    position += 1
                if chars:
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                yield token


def _pieces(run: str, mode: str) -> list[str]:
    if not CJK_CHAR.match(run):
        return [run]
    characters = list(run)
    if mode == "query":
        return characters
    words = [w for w in _jieba().cut_for_search(run) if len(w) > 1]
    return words + characters


def mixed_analyzer(stem: bool = False):
    chain = MixedTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
    return chain | StemFilter() if stem else chain


def latin_analyzer(stem: bool = False):
    chain = RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)
    return chain | StemFilter() if stem else chain


def pinyin_forms(text: str) -> str:
    """巫山脆李 -> 'wu shan cui li wushan shancui cuili ... wushancuili'.

    Syllables and every run of adjacent syllables joined, so `cuili` and `wushancuili`
    match whatever jieba thought the words were. Names are short, so this stays small.
    """
    forms = []
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        syllables = _syllables(run[:12])
        forms += syllables
        forms += ["".join(syllables[i:j]) for i in range(len(syllables))
                  for j in range(i + 2, len(syllables) + 1)]
    return " ".join(dict.fromkeys(forms))


@lru_cache(maxsize=50_000)
def _syllables(run: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(run))
