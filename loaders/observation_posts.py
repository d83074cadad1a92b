"""Observations posted to the API as JSON, checked by the sheet import's own rules: the items
become the rows of a long sheet (ACCENUMB, DESCRIPTOR, VALUE, ...) read by the same
RowReader, then go through the same service, observations.record(). All or nothing: one bad
item and nothing is recorded; each problem names its item by index and field."""
import re
from dataclasses import dataclass

from germplasm import locking
from germplasm.evaluations import observations
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db
from loaders.observation_layout import read_layout
from loaders.observation_rows import RowReader, column_orders
from loaders.report import ImportReport

FIELDS = ("accenumb", "instcode", "descriptor", "value", "observed_on", "replicate", "plant",
          "observer", "notes")
HEADERS = [name.upper() for name in FIELDS]
LIST = "observations"


class ItemsRejected(ValueError):
    """Nothing was recorded; `errors` is the API's list of {"field", "messages"}."""

    def __init__(self, errors: list[dict]):
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


@dataclass
class Posted:
    created: int
    updated: int
    unchanged: int


def record_posted(campaign_ref: int | str, items: list[dict], *, user: str,
                  date_order: str | None = None, source: str = "api") -> Posted:
    """Check every item, then record them all in the campaign (by id or name), or raise
    ItemsRejected. The caller commits."""
    locking.take_write_lock()  # SQLite: wait for another writer now, not fail on a stale read
    campaign = _campaign(campaign_ref)
    rows = [(index, [_cell(item.get(name)) for name in FIELDS])
            for index, item in enumerate(items)]
    report, layout = ImportReport(), read_layout(HEADERS, ImportReport())
    orders = column_orders(rows, layout, date_order, (whole := ImportReport()))
    reader = RowReader(layout, campaign, orders, report)
    new = reader.read(rows)
    _reject_missing_values(rows, reader, report)
    errors = _errors(whole.rejected, list_wide=True) + _errors(report.rejected)
    if errors:
        raise ItemsRejected(errors)
    result = observations.record(campaign, new, user=user, source=source)
    return Posted(result.created, result.updated, result.unchanged)


def _campaign(ref: int | str) -> Campaign:
    """A JSON number is an id, a string a name; posting never creates a campaign."""
    query = db.select(Campaign)
    if isinstance(ref, int):
        query = query.where(Campaign.id == ref) if abs(ref) < 2**31 else None
    else:
        query = query.where(Campaign.name == ref)
    campaign = db.session.scalar(query) if query is not None else None
    if campaign is None:
        raise ItemsRejected([{"field": "campaign", "messages": [
            f"no campaign {ref!r}; create it first (germplasm campaign create)"]}])
    return campaign


def _cell(value) -> str:
    return "" if value is None else str(value)


def _reject_missing_values(rows, reader: RowReader, report: ImportReport) -> None:
    """A sheet's empty cell means "not observed"; a posted item without a value is a mistake."""
    recorded = set(reader.seen.values())
    refused = {r["row"] for r in report.rejected}
    for index, cells in rows:
        if index not in recorded and index not in refused:
            report.reject(index, "VALUE", cells[FIELDS.index("value")], "is missing")


def _errors(rejected: list[dict], list_wide: bool = False) -> list[dict]:
    """One entry per field, in the order the problems were found."""
    merged: dict[str, list[str]] = {}
    for problem in rejected:
        column = (problem["column"] or "").lower()
        if list_wide:  # a date column that mixes day/month orders, over all the items
            field = f"{LIST}[].{column}" if column else LIST
        else:
            field = f"{LIST}[{problem['row']}]" + (f".{column}" if column else "")
        merged.setdefault(field, []).append(_api_words(problem["message"]))
    return [{"field": field, "messages": messages} for field, messages in merged.items()]


def _api_words(message: str) -> str:
    """The sheet's messages speak of rows and command-line options."""
    message = re.sub(r"already in row (\d+)", rf"already in {LIST}[\1]", message)
    return message.replace("--date-order", '"date_order"')
