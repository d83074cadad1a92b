"""What the accession page shows of the S-alleles (templates/pollination/_accession.html)."""
from flask_login import current_user

from germplasm.pollination import rules, services
from germplasm.sharing.access import accession_scope


def s_allele_context(accession) -> dict:
    """What the accession page shows of the S-alleles (see _accession.html)."""
    record = services.record_of(accession)
    genotype = rules.parse(record.genotype) if record else None
    return {"record": record, "self_compatible": rules.self_compatible(genotype),
            "conflicts": services.parent_conflicts(accession_scope(), accession)
            if record else [],
            "may_edit": bool(getattr(current_user, "is_curator", False))}
