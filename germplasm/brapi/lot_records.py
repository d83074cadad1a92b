"""Lots and their ledger as BrAPI seed lots and transactions, for the lots of accessions the
caller may see. A ledger entry that moves stock is a transaction (amount: how much, from
one lot, to another or to/from outside the genebank); reservations move none and are not
listed. A transfer between two lots is one transaction: its outgoing entry in the list of
all transactions, each lot's own side in that lot's list."""
from flask import request
from flask_babel import gettext as _
from sqlalchemy import select

from germplasm.accessions.models import Accession
from germplasm.brapi.filters import accession_id
from germplasm.brapi.places import NURSERY, institute_names
from germplasm.extensions import db
from germplasm.inventory.models import Lot, LotTransaction
from germplasm.inventory.quantities import as_number
from germplasm.inventory.queries import lot_query
from germplasm.sharing.access import accession_scope


def visible_lots():
    """select(Lot) of the lots the caller may see, with the request's filters."""
    query = lot_query(accession_scope())
    wanted = {name: request.args.get(name, "").strip()
              for name in ("seedLotDbId", "germplasmDbId", "programDbId")}
    if wanted["seedLotDbId"]:
        query = query.where(Lot.lot_number == wanted["seedLotDbId"])
    if wanted["germplasmDbId"]:
        query = query.where(Lot.accession_id == accession_id(wanted["germplasmDbId"]))
    if wanted["programDbId"]:
        query = query.where(Accession.instcode == wanted["programDbId"])
    return query


def seed_lots(lots: list[Lot]) -> list[dict]:
    names = institute_names(lot.accession.instcode for lot in lots)
    return [{
        "seedLotDbId": lot.lot_number, "seedLotName": lot.lot_number,
        "seedLotDescription": lot.notes, "amount": as_number(lot.on_hand_milli),
        "units": lot.unit,
        "additionalInfo": {"material": lot.material,
                           "distributable": "true" if lot.distributable else "false",
                           "healthStatus": lot.health_status},
        "contentMixture": [{"germplasmDbId": str(lot.accession_id),
                            "germplasmName": lot.accession.display_name,
                            "mixturePercentage": 100}],
        "createdDate": lot.created_at, "lastUpdated": lot.updated_at,
        "locationDbId": NURSERY, "locationName": _("Field genebank"),
        "programDbId": lot.accession.instcode,
        "programName": names.get(lot.accession.instcode) or lot.accession.instcode,
        "storageLocation": lot.location,
    } for lot in lots]


def movements(lots_query, one_lot: bool):
    """select(LotTransaction) of the stock movements of the lots of `lots_query`."""
    lot_ids = lots_query.with_only_columns(Lot.id).order_by(None)
    query = select(LotTransaction).where(LotTransaction.lot_id.in_(lot_ids),
                                         LotTransaction.on_hand_milli != 0)
    if not one_lot:  # a transfer's incoming entry repeats its outgoing one
        query = query.where((LotTransaction.kind != "transfer") |
                            (LotTransaction.on_hand_milli < 0))
    return query


def transactions(entries: list[LotTransaction]) -> list[dict]:
    ids = {e.lot_id for e in entries} | {e.other_lot_id for e in entries if e.other_lot_id}
    lots = {lot.id: lot for lot in db.session.scalars(select(Lot).where(Lot.id.in_(ids)))}
    result = []
    for entry in entries:
        here = lots[entry.lot_id].lot_number
        there = lots[entry.other_lot_id].lot_number if entry.other_lot_id else None
        outgoing = entry.on_hand_milli < 0
        result.append({
            "transactionDbId": str(entry.id),
            "transactionDescription": f"{entry.kind}: {entry.note}" if entry.note
            else entry.kind,
            "transactionTimestamp": entry.at, "additionalInfo": {"kind": entry.kind},
            "amount": as_number(abs(entry.on_hand_milli)), "units": lots[entry.lot_id].unit,
            "fromSeedLotDbId": here if outgoing else there,
            "toSeedLotDbId": there if outgoing else here})
    return result
