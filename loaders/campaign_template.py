"""An Excel entry sheet for a campaign: worklist rows, a column per descriptor, drop-downs."""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from germplasm.evaluations.models import Campaign, Descriptor
from loaders.cells import xlsx_row, xlsx_value

META_HEADERS = ("ACCENUMB", "名称", "REPLICATE", "OBSERVED_ON", "OBSERVER", "NOTES")
HINTS = {"Date": "日期，如 2026-07-15", "Text": "文本"}


def header(descriptor: Descriptor) -> str:
    """Chinese name, unit and the code in brackets, which the importer reads back."""
    unit = f" ({descriptor.unit})" if descriptor.unit else ""
    return f"{descriptor.name_zh}{unit} [{descriptor.code}]"


def write_template(campaign: Campaign, path: str | Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "记录表"
    lists = workbook.create_sheet("选项")
    lists.sheet_state = "hidden"
    sheet.append(xlsx_row(sheet, list(META_HEADERS) + [header(d) for d in campaign.descriptors]))
    for entry in campaign.worklist:
        sheet.append(xlsx_row(sheet, [entry.accession.accenumb, entry.accession.display_name, 1]))
    _style(sheet, len(META_HEADERS) + len(campaign.descriptors))
    for offset, descriptor in enumerate(campaign.descriptors):
        # Hints go in header comments: a hint row would be read back as data.
        cell = sheet.cell(row=1, column=len(META_HEADERS) + offset + 1)
        cell.comment = Comment(_hint(descriptor), "germplasm")
    last_row = max(2, len(campaign.worklist) + 1)
    for offset, descriptor in enumerate(campaign.descriptors):
        column = get_column_letter(len(META_HEADERS) + offset + 1)
        _validation(sheet, lists, descriptor, column, offset + 1, last_row)
    workbook.save(path)


def _hint(descriptor: Descriptor) -> str:
    if descriptor.data_type == "Numerical":
        kind = f"数值 {_fmt(descriptor.min_value)}–{_fmt(descriptor.max_value)}"
    elif descriptor.categories:
        kind = "；".join(f"{c.code} {c.label_zh}" for c in descriptor.categories)
    else:
        kind = HINTS[descriptor.data_type]
    return f"{descriptor.name_zh}: {descriptor.definition_zh or ''}\n{kind}"


def _fmt(number) -> str:
    return "" if number is None else f"{number:g}"


def _style(sheet, width: int) -> None:
    sheet.freeze_panes = "C2"
    for cell in sheet[1]:
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="EADCE6")
    for index in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16


def _validation(sheet, lists, descriptor, column: str, list_column: int, last_row: int) -> None:
    cells = f"{column}2:{column}{last_row + 200}"
    if descriptor.categories:
        letter = get_column_letter(list_column)
        for row, category in enumerate(descriptor.categories, start=1):
            lists[f"{letter}{row}"] = xlsx_value(lists, category.label_zh).value
            lists[f"{letter}{row}"].data_type = "s"  # a label is never a formula
        end = len(descriptor.categories)
        source = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${end}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
    elif descriptor.data_type == "Numerical" and descriptor.min_value is not None:
        rule = DataValidation(type="decimal", operator="between", allow_blank=True,
                              formula1=str(descriptor.min_value),
                              formula2=str(descriptor.max_value))
    else:
        return
    rule.error = f"{descriptor.name_zh}: 请输入有效值 / enter a valid value"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(cells)
