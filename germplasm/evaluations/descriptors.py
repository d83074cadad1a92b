"""The descriptor catalogue: load from JSON, revise with a version history, look up."""
import json
from importlib import resources

from germplasm.evaluations.models import Descriptor, DescriptorCategory, DescriptorRevision
from germplasm.extensions import db
from search.state import bump_version

# What an observation's meaning depends on: a change to any of these makes a new version.
VERSIONED = ("definition_zh", "definition_en", "data_type", "unit", "method_zh", "method_en",
             "min_value", "max_value", "min_date", "max_date")
PLAIN = ("group", "name_zh", "name_en", "decimals", "better", "trait_class", "trait_name",
         "method_name", "scale_name", "source")
REQUIRED_KEYS = ("code", "group", "name_zh", "name_en", "data_type")


class DescriptorProblem(ValueError):
    pass


def shipped_descriptors() -> list[dict]:
    text = resources.files("germplasm.data").joinpath("descriptors.json").read_text("utf-8")
    return json.loads(text)


def load_descriptors(entries: list[dict], user: str) -> dict[str, int]:
    """Create new descriptors and revise changed ones; returns counts by outcome."""
    existing = {d.code: d for d in db.session.scalars(db.select(Descriptor))}
    counts = {"created": 0, "revised": 0, "unchanged": 0}
    for number, entry in enumerate(entries, start=1):
        fields = _fields(entry, number)
        descriptor = existing.get(fields["code"])
        if descriptor is None:
            db.session.add(_new(fields))
            counts["created"] += 1
        else:
            counts["revised" if revise(descriptor, fields, user) else "unchanged"] += 1
    db.session.flush()
    if counts["created"] or counts["revised"]:
        bump_version()
    return counts


def revise(descriptor: Descriptor, fields: dict, user: str) -> bool:
    """Apply new fields; a change to meaning or scale keeps the old version as a revision."""
    meaning_changed = any(getattr(descriptor, k) != fields[k] for k in VERSIONED) or (
        _category_tuples(descriptor.categories) != _category_tuples(fields["categories"]))
    plain_changed = any(getattr(descriptor, k) != fields[k] for k in PLAIN)
    if meaning_changed:
        db.session.add(DescriptorRevision(descriptor_id=descriptor.id, version=descriptor.version,
                                          snapshot=json.dumps(snapshot(descriptor),
                                                              ensure_ascii=False), user=user))
        descriptor.version += 1
        _set(descriptor, fields)
    elif plain_changed:
        _set(descriptor, fields)
    if meaning_changed or plain_changed:
        bump_version()
    return meaning_changed or plain_changed


def snapshot(descriptor: Descriptor) -> dict:
    data = {k: getattr(descriptor, k) for k in ("code", "version") + VERSIONED}
    data["categories"] = [list(t) for t in _category_tuples(descriptor.categories)]
    return data


def _fields(entry: dict, number: int) -> dict:
    missing = [k for k in REQUIRED_KEYS if not entry.get(k)]
    if missing:
        raise DescriptorProblem(f"descriptor {number}: missing {', '.join(missing)}")
    dates = entry.get("data_type") == "Date"
    fields = {k: entry.get(k) for k in ("code",) + VERSIONED + PLAIN if k in entry}
    fields |= {
        "min_value": None if dates else entry.get("min"),
        "max_value": None if dates else entry.get("max"),
        "min_date": entry.get("min") if dates else None,
        "max_date": entry.get("max") if dates else None,
        "categories": [DescriptorCategory(code=str(c["code"]), label_zh=c["label_zh"],
                                          label_en=c["label_en"], position=i)
                       for i, c in enumerate(entry.get("categories") or [])],
    }
    return {k: fields.get(k) for k in ("code", "categories") + VERSIONED + PLAIN}


def _new(fields: dict) -> Descriptor:
    descriptor = Descriptor(code=fields["code"], version=1)
    _set(descriptor, fields)
    return descriptor


def _set(descriptor: Descriptor, fields: dict) -> None:
    for key in VERSIONED + PLAIN:
        setattr(descriptor, key, fields[key])
    if _category_tuples(descriptor.categories) != _category_tuples(fields["categories"]):
        descriptor.categories.clear()
        db.session.flush()
        descriptor.categories.extend(fields["categories"])


def _category_tuples(categories) -> list[tuple[str, str, str]]:
    return [(c.code, c.label_zh, c.label_en) for c in categories]


def find(key: str) -> Descriptor | None:
    """By code, Chinese name or English name (case-insensitive)."""
    return lookup_table().get(key.strip().lower())


def lookup_table() -> dict[str, Descriptor]:
    table = {}
    for descriptor in db.session.scalars(db.select(Descriptor).where(Descriptor.active)):
        for key in (descriptor.name_en, descriptor.name_zh, descriptor.code):
            table[key.strip().lower()] = descriptor
    return table
