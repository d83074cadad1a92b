"""The ontologies BrAPI variables come from: one per distinct public source of our descriptors
(the source as the public descriptor page shows it, drafting notes left out), and our own
"plum descriptors of this genebank" for descriptors whose source is only a drafting note or
missing. An ontology's id is derived from its English source text, so it stays the same
across languages, requests and servers as long as the source is not rewritten."""
import hashlib

from flask import url_for
from flask_babel import gettext as _

from germplasm.brapi.language import chinese
from germplasm.evaluations.models import Descriptor
from germplasm.evaluations.sources import public_source

OURS = "plum-genebank-descriptors"


def _text(descriptor: Descriptor, in_chinese: bool) -> str:
    parts = [part.text for part in public_source(descriptor.source, in_chinese)]
    return ("；" if in_chinese else "; ").join(parts)


def ontology_id(descriptor: Descriptor) -> str:
    english = _text(descriptor, False)
    if not english:
        return OURS
    return "source-" + hashlib.sha1(english.encode("utf-8")).hexdigest()[:12]


def ontology(descriptor: Descriptor) -> dict:
    """The BrAPI Ontology record of the ontology this descriptor comes from."""
    db_id = ontology_id(descriptor)
    if db_id == OURS:
        return {"ontologyDbId": OURS, "ontologyName": _("Plum descriptors of this genebank"),
                "description": _("The genebank's own plum descriptors: each descriptor's "
                                 "definition, method and scale as recorded here."),
                "documentationURL": url_for("descriptors.index", _external=True)}
    source = _text(descriptor, chinese())
    return {"ontologyDbId": db_id, "ontologyName": source,
            "description": _("Descriptors defined after %(source)s", source=source),
            "additionalInfo": {"source": _text(descriptor, False)}}


def reference(descriptor: Descriptor) -> dict:
    """The ontologyReference of a variable, trait, method or scale of this descriptor."""
    found = ontology(descriptor)
    links = [{"URL": found["documentationURL"], "type": "WEBPAGE"}] \
        if found.get("documentationURL") else []
    return {"ontologyDbId": found["ontologyDbId"], "ontologyName": found["ontologyName"],
            "version": None, "documentationLinks": links}


def ontologies(descriptors: list[Descriptor]) -> list[dict]:
    """Each ontology once, in the order its first descriptor comes in the catalogue."""
    found: dict[str, dict] = {}
    for descriptor in descriptors:
        db_id = ontology_id(descriptor)
        if db_id not in found:
            found[db_id] = ontology(descriptor)
    return list(found.values())
