"""Everyday words for traits (早熟, yellow flesh, 大果) and the trait filter each one means,
offered when a text search finds nothing. Ripening classes follow the plum calendar of the
Three Gorges: early before July, mid-season July to mid-August, late after."""
import re

TRAIT_WORDS = (
    (("极早熟", "早熟", "早熟品种", "early", "early ripening", "early-ripening"),
     "HARVEST_DATE:..06-30"),
    (("中熟", "mid-season", "midseason"), "HARVEST_DATE:07-01..08-15"),
    (("晚熟", "极晚熟", "late", "late ripening", "late-ripening"), "HARVEST_DATE:08-16.."),
    (("黄肉", "黄果肉", "黄色果肉", "yellow flesh", "yellow-fleshed"), "FLESH_COLOR:5"),
    (("红肉", "红果肉", "红色果肉", "red flesh", "red-fleshed"), "FLESH_COLOR:7"),
    (("白肉", "白果肉", "white flesh", "white-fleshed"), "FLESH_COLOR:1"),
    (("大果", "大果型", "large fruit", "large-fruited", "big fruit"), "FRUIT_WEIGHT:60.."),
    (("小果", "small fruit", "small-fruited"), "FRUIT_WEIGHT:..30"),
    (("高糖", "糖度高", "high sugar", "sweet", "high brix"), "SSC:15.."),
    (("脆", "脆肉", "肉脆", "crisp", "crunchy"), "FLESH_TEXTURE:1"),
    (("离核", "freestone"), "STONE_ADHESION:3"),
    (("粘核", "clingstone"), "STONE_ADHESION:1"),
    (("不裂果", "抗裂果", "crack resistant", "crack-resistant"), "FRUIT_CRACKING:..3"),
)
# Longest first, so "early ripening" is read before "early" and 黄果肉 before 果肉.
_WORDS = sorted(((w, e) for words, e in TRAIT_WORDS for w in words), key=lambda p: -len(p[0]))


def trait_words(text: str) -> tuple[list[tuple[str, str]], str]:
    """([(word, trait expression)] in the order they appear, the text without them)."""
    lowered = text.lower()
    rest, found = lowered, {}
    for word, expression in _WORDS:
        pattern = _pattern(word)
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            if expression not in found:
                found[expression] = (lowered.find(word), word)
    ordered = sorted((where, word, expression) for expression, (where, word) in found.items())
    return [(word, expression) for _, word, expression in ordered], " ".join(rest.split())


def _pattern(word: str) -> re.Pattern:
    if word.isascii():  # whole words only: "late" is not in "chocolate"
        return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
    return re.compile(re.escape(word))
