"""When the index is missing or broken, match free text in the database (slower, no pinyin)."""
import numpy as np
from sqlalchemy import func, or_

from germplasm.accessions.models import Accession, AccessionName, Taxon
from germplasm.extensions import db


def database_hits(text: str) -> tuple[np.ndarray, np.ndarray]:
    query = db.select(Accession.id).join(Taxon)
    for word in text.split():
        pattern = f"%{word.lower()}%"
        named = db.select(AccessionName.accession_id).where(
            func.lower(AccessionName.name).like(pattern))
        query = query.where(or_(
            Accession.id.in_(named), func.lower(Accession.accenumb).like(pattern),
            func.lower(Taxon.species).like(pattern), Taxon.name_zh.like(pattern),
            func.lower(Taxon.name_en).like(pattern), Accession.collsite.like(pattern),
            func.lower(Accession.remarks).like(pattern)))
    ids = np.array(sorted(db.session.scalars(query)), dtype=np.int64)
    return ids, np.zeros(len(ids))
