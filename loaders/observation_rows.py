"""Turn the rows of an observation sheet into NewObservation items, or row-level rejections."""
from germplasm.accessions.models import Accession
from germplasm.evaluations import limits
from germplasm.evaluations.dates import DateProblem, infer_order, parse_date
from germplasm.evaluations.descriptors import lookup_table
from germplasm.evaluations.observations import NewObservation
from germplasm.evaluations.values import ValueParser, ValueProblem, is_missing
from germplasm.extensions import db
from loaders.observation_layout import match_descriptor


class RowProblem(ValueError):
    def __init__(self, column: str | None, value, message: str):
        super().__init__(message)
        self.column, self.value = column, value


def column_orders(rows, layout, given: str | None, report) -> dict:
    """Day/month order per date column (or per descriptor in a long sheet)."""
    if given:
        return {"*": given}
    columns = {i: d for i, d in layout.descriptors.items() if d.data_type == "Date"}
    samples = {("col", i): [_cell(c, i) for _, c in rows] for i in columns}
    if "OBSERVED_ON" in layout.meta:
        i = layout.meta["OBSERVED_ON"]
        samples[("col", i)] = [_cell(c, i) for _, c in rows]
    if layout.is_long:
        samples.update(_long_date_samples(rows, layout))
    orders = {}
    for key, values in samples.items():
        try:
            orders[key] = infer_order(values)
        except DateProblem as problem:
            orders[key] = "conflict"
            report.reject(1, _name(key, layout), None, f"{problem}; give --date-order")
    return orders


def _long_date_samples(rows, layout) -> dict:
    table, samples = lookup_table(), {}
    d_index, v_index = layout.meta["DESCRIPTOR"], layout.meta["VALUE"]
    for _, cells in rows:
        descriptor = table.get(_cell(cells, d_index).strip().lower())
        if descriptor is not None and descriptor.data_type == "Date":
            samples.setdefault(("desc", descriptor.id), []).append(_cell(cells, v_index))
    return samples


def _name(key, layout) -> str:
    return layout.headers[key[1]] if key[0] == "col" else "VALUE"


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


class RowReader:
    def __init__(self, layout, campaign, orders: dict, report):
        self.layout, self.campaign, self.orders, self.report = layout, campaign, orders, report
        self.parsers, self.seen, self.table = {}, {}, lookup_table()
        self.accessions: dict[str, list[tuple[int, str]]] = {}

    def read(self, rows) -> list[NewObservation]:
        rows = list(rows)
        self._load_accessions(rows)
        items = []
        for number, cells in rows:
            row_items, problems = self._row(number, cells)
            for problem in problems:  # a row is stored whole or not at all
                self.report.reject(number, problem.column, problem.value, str(problem))
            if not problems:
                items += row_items
                self.seen.update((item.key, number) for item in row_items)
        return items

    def _row(self, number: int, cells: list[str]) -> tuple[list, list[RowProblem]]:
        try:
            common = self._common(cells)
            pairs = self._long_pairs(cells) if self.layout.is_long else [
                (d, i, _cell(cells, i)) for i, d in self.layout.descriptors.items()]
        except RowProblem as problem:
            return [], [problem]
        items, problems = [], []
        for descriptor, index, raw in pairs:
            try:
                value = self._value(descriptor, index, raw)
            except RowProblem as problem:
                problems.append(problem)
                continue
            if value is not None:
                item = NewObservation(descriptor=descriptor, value=value, **common)
                problems += self._duplicate(number, item)
                items.append(item)
        return items, problems

    def _common(self, cells) -> dict:
        meta = self.layout.meta
        get = lambda name: _cell(cells, meta.get(name))  # noqa: E731
        self._check_campaign(get("CAMPAIGN"), get("YEAR"))
        return {
            "accession_id": self._accession(get("ACCENUMB"), get("INSTCODE")),
            "replicate": _checked("REPLICATE", get("REPLICATE")),
            "plant": _checked("PLANT", get("PLANT")) or "",
            "observed_on": self._observed_on(get("OBSERVED_ON")),
            "observer": _checked("OBSERVER", get("OBSERVER")),
            "notes": _checked("NOTES", get("NOTES")),
        }

    def _check_campaign(self, name: str, year: str) -> None:
        if name and name != self.campaign.name:
            raise RowProblem("CAMPAIGN", name, f"the row belongs to campaign {name!r}, "
                             f"not {self.campaign.name!r}")
        if year and year != str(self.campaign.year):
            raise RowProblem("YEAR", year, f"the campaign's year is {self.campaign.year}")

    def _long_pairs(self, cells):
        raw_descriptor = _cell(cells, self.layout.meta["DESCRIPTOR"])
        descriptor = match_descriptor(raw_descriptor, self.table) if raw_descriptor else None
        if descriptor is None:
            raise RowProblem("DESCRIPTOR", raw_descriptor, "not a known descriptor")
        return [(descriptor, None, _cell(cells, self.layout.meta["VALUE"]))]

    def _value(self, descriptor, index, raw):
        column = self.layout.headers[index] if index is not None else "VALUE"
        order = self._order(("col", index) if index is not None else ("desc", descriptor.id))
        if order == "conflict" and not is_missing(raw):
            raise RowProblem(column, raw, "the column mixes day/month orders")
        parser = self.parsers.get(descriptor.id)
        if parser is None:
            parser = self.parsers[descriptor.id] = ValueParser(descriptor)
        try:
            return parser.parse(raw, self.campaign.year, order)
        except ValueProblem as problem:
            raise RowProblem(column, raw, str(problem)) from None

    def _order(self, key) -> str | None:
        return self.orders.get("*") or self.orders.get(key)

    def _observed_on(self, raw: str):
        if is_missing(raw):
            return None
        order = self._order(("col", self.layout.meta.get("OBSERVED_ON")))
        try:
            return parse_date(raw, self.campaign.year, None if order == "conflict" else order)
        except DateProblem as problem:
            raise RowProblem("OBSERVED_ON", raw, str(problem)) from None

    def _accession(self, accenumb: str, instcode: str) -> int:
        if not accenumb:
            raise RowProblem("ACCENUMB", None, "is required")
        matches = [(i, inst) for i, inst in self.accessions.get(accenumb, [])
                   if not instcode or inst == instcode]
        if not matches:
            raise RowProblem("ACCENUMB", accenumb, "no such accession in the catalogue")
        if len(matches) > 1:
            raise RowProblem("ACCENUMB", accenumb, "held by several institutes; add INSTCODE")
        return matches[0][0]

    def _duplicate(self, number: int, item: NewObservation) -> list[RowProblem]:
        if item.key not in self.seen:
            return []
        return [RowProblem(None, None, f"duplicate: {item.descriptor.code} replicate "
                           f"{item.replicate} of this accession is already in row "
                           f"{self.seen[item.key]}")]

    def _load_accessions(self, rows) -> None:
        index = self.layout.meta["ACCENUMB"]
        numbers = sorted({_cell(c, index) for _, c in rows} - {""})
        for start in range(0, len(numbers), 500):
            query = db.select(Accession.accenumb, Accession.id, Accession.instcode).where(
                Accession.accenumb.in_(numbers[start:start + 500]))
            for accenumb, acc_id, instcode in db.session.execute(query):
                self.accessions.setdefault(accenumb, []).append((acc_id, instcode))


def _checked(field: str, raw):
    try:
        return limits.check(field, raw)
    except limits.FieldProblem as problem:
        raise RowProblem(problem.field, raw, str(problem)) from None
