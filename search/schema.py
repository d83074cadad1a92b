"""The whoosh schema: one document per accession."""
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, TEXT, Schema

from search.analyzers import latin_analyzer, mixed_analyzer

# Free text is matched in these fields; the boost says how much a hit there counts.
TEXT_FIELDS = {"names": 4.0, "pinyin": 3.0, "accenumb": 4.0, "taxon": 1.5, "origin": 1.0,
               "institute": 0.8, "pedigree": 0.8, "notes": 0.5}
# Names are matched fuzzily when nothing matches exactly.
FUZZY_FIELDS = ("names", "pinyin")


def build_schema() -> Schema:
    mixed = mixed_analyzer()
    schema = Schema(
        key=ID(stored=True, unique=True),
        aid=NUMERIC(int, bits=64, stored=True, sortable=True, shift_step=0),
        accenumb=TEXT(analyzer=latin_analyzer(), stored=True),
        names=TEXT(analyzer=mixed, stored=True),
        pinyin=TEXT(analyzer=latin_analyzer()),
        taxon=TEXT(analyzer=mixed),
        origin=TEXT(analyzer=mixed),
        institute=TEXT(analyzer=mixed),
        pedigree=TEXT(analyzer=mixed),
        notes=TEXT(analyzer=mixed_analyzer(stem=True)),
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
