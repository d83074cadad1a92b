"""The whoosh schema: one document per accession."""
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, TEXT, Schema

from search.analyzers import latin_analyzer, mixed_analyzer

# Free text is matched in these fields; the boost says how much a hit there counts.
TEXT_FIELDS = {"names": 4.0, "pinyin": 3.0, "accenumb": 4.0, "taxon": 1.5, "origin": 1.0,
               "institute": 0.8, "pedigree": 0.8, "notes": 0.5}
# Names are matched fuzzily when nothing matches exactly.
FUZZY_FIELDS = ("names", "pinyin")


class Text(TEXT):
    """Free text without positions (nothing searches phrases), remembering the analysis of
    values it has seen: the taxon, origin, institute and notes of thousands of accessions
    are the same few strings, and cutting them with jieba again is most of a build."""

    MEMO_SIZE = 20_000

    def __init__(self, analyzer, stored: bool = False):
        super().__init__(analyzer=analyzer, stored=stored, phrase=False)

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        memo = self.__dict__.setdefault("_memo", {})
        if value not in memo:
            if len(memo) >= self.MEMO_SIZE:
                memo.clear()
            memo[value] = list(super().index(value))
        return iter(memo[value])

    def __getstate__(self):  # the schema is pickled into the index and to writer processes
        state = self.__dict__.copy()
        state.pop("_memo", None)
        return state


def build_schema() -> Schema:
    mixed = mixed_analyzer()
    schema = Schema(
        key=ID(stored=True, unique=True),
        aid=NUMERIC(int, bits=64, stored=True, sortable=True, shift_step=0),
        accenumb=Text(latin_analyzer(), stored=True),
        names=Text(mixed, stored=True),
        pinyin=Text(latin_analyzer()),
        taxon=Text(mixed),
        origin=Text(mixed),
        institute=Text(mixed),
        pedigree=Text(mixed),
        notes=Text(mixed_analyzer(stem=True)),
        species=KEYWORD(lowercase=True, commas=True),
        genus=KEYWORD(lowercase=True),
        origcty=ID(),
        province=KEYWORD(commas=True),
        sampstat=NUMERIC(int, shift_step=0),
        storage=KEYWORD(commas=True),
        historic=BOOLEAN(),
        restricted=BOOLEAN(),
    )
    # Trait summaries: overall means (dates as day of year) and modes of categories.
    schema.add("t_*", NUMERIC(float, stored=True, shift_step=0), glob=True)
    schema.add("c_*", KEYWORD(stored=True), glob=True)
    return schema
