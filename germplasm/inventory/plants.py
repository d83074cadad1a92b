"""Trees of the field genebank: the service every door writes them through, and the
regeneration alert (accessions with fewer living trees than the minimum)."""
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import func, insert, select

from germplasm.accessions.models import Accession
from germplasm.audit import services as audit
from germplasm.extensions import db
from germplasm.feed import outbox
from germplasm.inventory.models import (
    TEST_RESULTS,
    TRUENESS,
    Plant,
    PlantHealthTest,
)
from germplasm.inventory.quantities import FieldProblem

DEFAULT_MIN_TREES = 2
SYSTEM = "system"  # the audit's user when a caller names none


class PlantProblem(FieldProblem):
    """A tree that cannot be stored as given."""


@dataclass
class PlantFields:
    block: str
    row: str
    position: str
    planted_on: date | None = None
    grafted_on: date | None = None
    rootstock_accession_id: int | None = None
    rootstock_text: str | None = None
    source_lot_id: int | None = None
    notes: str | None = None


def living_at(block: str, row: str, position: str) -> Plant | None:
    return db.session.scalar(select(Plant).where(
        Plant.block == block, Plant.row == row, Plant.position == position,
        Plant.status == "living"))


def plant(accession_id: int, fields: PlantFields, *, user: str = SYSTEM,
          source: str | None = None) -> Plant:
    """A new living tree at a place no living tree holds (audited as `user` from `source`)."""
    place = _place(fields)
    if living_at(*place) is not None:
        raise PlantProblem("position", f"a living tree stands at {'-'.join(place)} already")
    tree = Plant(accession_id=accession_id, block=place[0], row=place[1], position=place[2],
                 planted_on=fields.planted_on, grafted_on=fields.grafted_on,
                 rootstock_accession_id=fields.rootstock_accession_id,
                 rootstock_text=fields.rootstock_text, source_lot_id=fields.source_lot_id,
                 notes=fields.notes, status="living", trueness="unchecked")
    db.session.add(tree)
    db.session.flush()
    _audit(tree, "create", user, source, new=tree.place)
    _noted(tree)
    return tree


def plant_many(items: list[tuple[int, PlantFields]]) -> int:
    """Many new living trees at once (the demo, a new orchard block): the same rules as
    plant(), checked for the whole batch, in one insert; returns how many."""
    places = [_place(fields) for _, fields in items]
    if len(set(places)) != len(places):
        raise PlantProblem("position", "the batch names one place twice")
    taken = set(db.session.execute(select(Plant.block, Plant.row, Plant.position)
                                   .where(Plant.status == "living")).tuples())
    if clash := taken.intersection(places):
        raise PlantProblem("position", f"a living tree stands at {'-'.join(min(clash))} already")
    rows = [{"accession_id": accession_id, "block": b, "row": r, "position": p,
             "planted_on": f.planted_on, "grafted_on": f.grafted_on,
             "rootstock_accession_id": f.rootstock_accession_id,
             "rootstock_text": f.rootstock_text, "source_lot_id": f.source_lot_id,
             "notes": f.notes, "status": "living", "trueness": "unchecked"}
            for (accession_id, f), (b, r, p) in zip(items, places, strict=True)]
    if not rows:
        return 0
    added = db.session.execute(insert(Plant).returning(Plant.id, Plant.accession_id), rows)
    for plant_id, accession_id in added:
        outbox.note_linked("plant", plant_id, accession_id)
    return len(rows)


def update(tree: Plant, fields: PlantFields, *, user: str = SYSTEM,
           source: str | None = None) -> bool:
    """Change a tree's record; True when anything changed (one audit entry per field)."""
    place = _place(fields)
    if tree.status == "living" and place != (tree.block, tree.row, tree.position):
        other = living_at(*place)
        if other is not None and other.id != tree.id:
            raise PlantProblem("position", f"a living tree stands at {'-'.join(place)} already")
    values = {"block": place[0], "row": place[1], "position": place[2],
              "planted_on": fields.planted_on, "grafted_on": fields.grafted_on,
              "rootstock_accession_id": fields.rootstock_accession_id,
              "rootstock_text": fields.rootstock_text, "notes": fields.notes}
    changed = {k: v for k, v in values.items() if getattr(tree, k) != v}
    for name, value in changed.items():
        _audit(tree, "update", user, source, field=name, old=getattr(tree, name), new=value)
        setattr(tree, name, value)
    if changed:
        db.session.flush()
        _noted(tree)
    return bool(changed)


def remove(tree: Plant, reason: str, on: date, *, user: str = SYSTEM,
           source: str | None = None) -> None:
    """The tree is gone (dead, grubbed out): its place becomes free; the record stays."""
    if tree.status != "living":
        raise PlantProblem("status", f"tree {tree.place} was removed already")
    if not (reason or "").strip():
        raise PlantProblem("removed_reason", "say why the tree was removed")
    tree.status, tree.removed_reason, tree.removed_on = "removed", reason.strip(), on
    _audit(tree, "remove", user, source, field="status", old="living",
           new=f"removed {on.isoformat()}: {tree.removed_reason}")
    db.session.flush()
    _noted(tree)


def check_trueness(tree: Plant, verdict: str, on: date, *, user: str = SYSTEM,
                   source: str | None = None) -> None:
    if verdict not in TRUENESS:
        raise PlantProblem("trueness", f"one of {', '.join(TRUENESS)}")
    _audit(tree, "update", user, source, field="trueness", old=tree.trueness,
           new=f"{verdict} {on.isoformat()}")
    tree.trueness, tree.trueness_checked_on = verdict, on
    db.session.flush()
    _noted(tree)


def add_health_test(tree: Plant, pathogen: str, method: str, result: str,
                    tested_on: date, *, user: str = SYSTEM,
                    source: str | None = None) -> PlantHealthTest:
    if result not in TEST_RESULTS:
        raise PlantProblem("result", f"one of {', '.join(TEST_RESULTS)}")
    pathogen, method = (pathogen or "").strip(), (method or "").strip()
    for name, value, limit in (("pathogen", pathogen, 60), ("method", method, 40)):
        if not value or len(value) > limit:
            raise PlantProblem(name, f"{name} is required (at most {limit} characters)")
    _audit(tree, "test", user, source, field="health_test",
           new=f"{pathogen} {method} {result} {tested_on.isoformat()}")
    test = PlantHealthTest(pathogen=pathogen, method=method, result=result,
                           tested_on=tested_on)
    tree.health_tests.append(test)
    db.session.flush()
    _noted(tree)
    return test


def minimum_trees() -> int:
    return int(current_app.config.get("GERMPLASM_MIN_TREES", DEFAULT_MIN_TREES))


def below_minimum(minimum: int | None = None) -> list[tuple[Accession, int]]:
    """Accessions held (not historic) with fewer living trees than the minimum, fewest
    first: the regeneration alert."""
    minimum = minimum_trees() if minimum is None else minimum
    living = (select(Plant.accession_id, func.count().label("trees"))
              .where(Plant.status == "living").group_by(Plant.accession_id).subquery())
    trees = func.coalesce(living.c.trees, 0)
    query = (select(Accession, trees).outerjoin(living, living.c.accession_id == Accession.id)
             .where(Accession.historic.is_(False), trees < minimum)
             .order_by(trees, Accession.accenumb))
    return [(accession, int(count)) for accession, count in db.session.execute(query)]


def rootstock_fields(text: str | None) -> dict:
    """A rootstock as written: an accession number of the catalogue becomes a link to it,
    anything else stays as text."""
    text = (text or "").strip()
    if not text:
        return {"rootstock_accession_id": None, "rootstock_text": None}
    found = db.session.scalars(select(Accession.id).where(Accession.accenumb == text)
                               .limit(2)).all()
    if len(found) == 1:
        return {"rootstock_accession_id": found[0], "rootstock_text": None}
    return {"rootstock_accession_id": None, "rootstock_text": text}


def _place(fields: PlantFields) -> tuple[str, str, str]:
    place = tuple((v or "").strip() for v in (fields.block, fields.row, fields.position))
    for name, value in zip(("block", "row", "position"), place, strict=True):
        if not value or len(value) > 20:
            raise PlantProblem(name, f"{name} is required (at most 20 characters)")
    return place


def _audit(tree: Plant, action: str, user: str, source: str | None, **values) -> None:
    """Into the accession's history, as passport edits are."""
    audit.record(user, "plant", tree.id, action, accession_id=tree.accession_id,
                 source=source, **values)


def _noted(tree: Plant) -> None:
    outbox.note_linked("plant", tree.id, tree.accession_id)
