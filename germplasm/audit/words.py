"""Where a change came from, in the page's language: the sources the application writes
itself are words; a file name or a script's own source is shown as written. And what was
changed, for the entities an accession's history mixes with its passport data."""
from flask_babel import gettext, lazy_gettext

ENTITIES = {"ssr_genotype": lazy_gettext("SSR genotype"),
            "ssr_marker": lazy_gettext("SSR marker"),
            "snp_genotype": lazy_gettext("SNP genotype")}


def entity_label(entity: str | None) -> str:
    """'' for the accession itself and entities the page names otherwise (trees)."""
    return str(ENTITIES.get(entity, ""))


def source_label(source: str | None) -> str:
    if not source:
        return ""
    if source == "admin":
        return gettext("admin pages")
    if source == "web form":
        return gettext("entry form")
    if source == "accession page":  # a photo added there
        return gettext("accession page")
    if source.startswith("web upload: "):
        return gettext("web upload: %(file)s", file=source.removeprefix("web upload: "))
    if source.startswith("demo seed "):
        return gettext("demo data %(seed)s", seed=source.removeprefix("demo seed "))
    return source
