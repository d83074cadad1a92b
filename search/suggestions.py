"""What to offer when a search finds nothing: the closest accession names, the closest taxa
(a misspelt `Prunus salicna`) and the trait filters that everyday words mean (早熟, yellow
flesh). Everything offered comes from what the caller may see."""
import difflib

import numpy as np

from germplasm.accessions.models import Accession, AccessionName
from germplasm.accessions.queries import visible
from germplasm.accessions.visibility import Scope
from germplasm.extensions import db
from search.bounds import shown_value
from search.filters import trait_mask
from search.query import SearchRequest, TraitFilter, parse_trait
from search.snapshot import Snapshot
from search.trait_words import trait_words

MAX_SUGGESTIONS = 5
RANKS = {"var.", "subsp.", "ssp.", "f.", "cv.", "×", "x"}


def suggest(snap: Snapshot, request: SearchRequest, can_see_restricted: Scope,
            locale: str) -> dict:
    """{"names": [...], "taxa": [...], "traits": [...]}, each possibly empty."""
    text = request.text.strip()
    if not text:
        return {"names": [], "taxa": [], "traits": []}
    visible = snap.visible(can_see_restricted)
    return {"names": closest_names(text, can_see_restricted),
            "taxa": closest_taxa(snap, text, visible),
            "traits": trait_filters(snap, text, visible, locale)}


def closest_names(text: str, can_see_restricted: Scope) -> list[dict]:
    """Accession names within a small edit distance of the text, among the visible."""
    query = visible(db.select(AccessionName.name, Accession.accenumb).join(Accession),
                    can_see_restricted)
    numbers = {}
    for name, accenumb in db.session.execute(query):
        numbers.setdefault(name.lower(), (name, accenumb))
    close = difflib.get_close_matches(text.lower(), list(numbers), n=MAX_SUGGESTIONS,
                                      cutoff=0.6)
    return [{"name": numbers[key][0], "accenumb": numbers[key][1]} for key in close]


def closest_taxa(snap: Snapshot, text: str, visible: np.ndarray) -> list[dict]:
    """Visible taxa whose epithet is a word of the text, give or take a typo or two; each
    with the search that looks for it (the taxon as a filter, the other words kept)."""
    codes, counts = np.unique(snap.columns["species"][visible], return_counts=True)
    words = [w for w in text.split() if w.isascii() and w.isalpha() and len(w) >= 4]
    found = []
    for code, count in zip(codes, counts, strict=True):
        label = snap.labels["species"].values[code]
        match = _taxon_match(label, words)
        if match is not None:
            distance, used = match
            rest = " ".join(w for w in text.split() if w not in used)
            found.append((distance, -int(count), label, rest))
    found.sort()
    return [{"species": label, "count": -minus, "q": rest}
            for _, minus, label, rest in found[:MAX_SUGGESTIONS]]


def _taxon_match(label: str, words: list[str]):
    """(edit distance, the words it used) when a word is close to an epithet, else None."""
    parts = [p.lower() for p in label.split()]
    epithets = [p for p in parts[1:] if p not in RANKS and p.isalpha()]
    best = None
    for word in words:
        for epithet in epithets:
            distance = edit_distance(word.lower(), epithet)
            if distance <= _allowed(word) and (best is None or distance < best[0]):
                best = (distance, word)
    if best is None:
        return None
    genus = {w for w in words if edit_distance(w.lower(), parts[0]) <= 1}
    return best[0], {best[1]} | genus


def _allowed(word: str) -> int:
    return 1 if len(word) < 6 else 2


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def trait_filters(snap: Snapshot, text: str, visible: np.ndarray, locale: str) -> list[dict]:
    """The filters the text's trait words mean, each with how many visible accessions it
    finds (none offered that finds nothing); all of them together first when several."""
    found, rest = trait_words(text)
    offers = [([word], [expression]) for word, expression in found]
    if len(found) > 1:
        offers.insert(0, ([w for w, _ in found], [e for _, e in found]))
    result = []
    for words, expressions in offers:
        filters = [parse_trait(e, snap.descriptors) for e in expressions]
        count = int(np.count_nonzero(_mask(snap, filters) & visible))
        if count:
            result.append({"words": words, "trait": expressions, "q": rest, "count": count,
                           "label": _joined([describe(snap, f, locale) for f in filters],
                                            locale)})
    return result


def _joined(labels: list[str], locale: str) -> str:
    return ("；" if locale.startswith("zh") else "; ").join(labels)


def _mask(snap: Snapshot, filters: list[TraitFilter]) -> np.ndarray:
    mask = np.ones(len(snap.ids), dtype=bool)
    for trait in filters:
        mask &= trait_mask(snap, trait)
    return mask


def describe(snap: Snapshot, trait: TraitFilter, locale: str) -> str:
    """果肉颜色：黄色, 平均单果重 ≥ 60 g, 果实成熟期 ≤ 06-30."""
    descriptor = snap.descriptors[trait.code]
    name = descriptor.name(locale)
    if trait.categories is not None:
        labels = [c.label(locale) for c in descriptor.categories if c.code in trait.categories]
        colon = "：" if locale.startswith("zh") else ": "
        return f"{name}{colon}{' / '.join(labels)}"
    low, high = (shown_value(descriptor, v) for v in (trait.low, trait.high))
    if trait.low is not None and trait.high is not None:
        return f"{name} {low}–{high}"
    return f"{name} ≥ {low}" if trait.low is not None else f"{name} ≤ {high}"
