"""Recognise an observation sheet: wide (a column per descriptor) or long (DESCRIPTOR, VALUE)."""
import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from germplasm.evaluations.descriptors import lookup_table
from germplasm.evaluations.models import Descriptor
from loaders.headers import header_width
from loaders.report import ImportReport
from loaders.tabular import FileProblem

META = ("ACCENUMB", "INSTCODE", "REPLICATE", "PLANT", "OBSERVED_ON", "OBSERVER", "NOTES",
        "CAMPAIGN", "YEAR")
LONG = ("DESCRIPTOR", "VALUE")
# Extra columns our own sheets carry for people, not for the database.
IGNORED = ("NAME", "名称", "ACCENAME")
CODE_IN_HEADER = re.compile(r"\[([A-Z0-9_]+)\]")
UNIT_SUFFIX = re.compile(r"\s*[(（][^)）]*[)）]\s*$")


@dataclass
class Layout:
    headers: list[str]
    meta: dict[str, int] = field(default_factory=dict)  # META/LONG name -> cell index
    descriptors: dict[int, Descriptor] = field(default_factory=dict)  # wide: index -> descriptor

    @property
    def is_long(self) -> bool:
        return all(name in self.meta for name in LONG)


def read_layout(headers: list[str], report: ImportReport) -> Layout:
    layout, table = Layout(headers=headers), lookup_table()
    for index, header in enumerate(headers[:header_width(headers)]):
        name = header.strip().upper()
        if name in META + LONG:
            _place(layout, name, index)
        elif header.strip() and header.strip() not in IGNORED:
            _descriptor_column(layout, table, index, header, report)
    _check(layout, headers)
    return layout


def _place(layout: Layout, name: str, index: int) -> None:
    if name in layout.meta:
        raise FileProblem(f"column {name} appears twice")
    layout.meta[name] = index


def _descriptor_column(layout, table, index: int, header: str, report: ImportReport) -> None:
    descriptor = match_descriptor(header, table)
    if descriptor is None:
        letter = get_column_letter(index + 1)
        report.reject(1, header, None,
                      f"column {letter}: {header!r} is not a known descriptor (by code, "
                      "Chinese or English name)")
    elif descriptor in layout.descriptors.values():
        raise FileProblem(f"descriptor {descriptor.code} has two columns")
    else:
        layout.descriptors[index] = descriptor


def match_descriptor(header: str, table: dict[str, Descriptor]) -> Descriptor | None:
    """By `[CODE]` in the header, else by code or name, with or without a `(unit)` suffix."""
    if match := CODE_IN_HEADER.search(header):
        return table.get(match.group(1).lower())
    text = header.strip().lower()
    return table.get(text) or table.get(UNIT_SUFFIX.sub("", text))


def _check(layout: Layout, headers: list[str]) -> None:
    if "ACCENUMB" not in layout.meta:
        raise FileProblem(f"the header has no ACCENUMB column (it reads {headers[:6]!r}); "
                          "check the delimiter and the header row")
    if layout.is_long and layout.descriptors:
        names = ", ".join(d.code for d in layout.descriptors.values())
        raise FileProblem(f"a long sheet (DESCRIPTOR, VALUE) cannot also have descriptor "
                          f"columns ({names})")
    if not layout.is_long and any(name in layout.meta for name in LONG):
        raise FileProblem("a long sheet needs both DESCRIPTOR and VALUE columns")
