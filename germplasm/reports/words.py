"""The report's row and table names, Chinese first (English msgids, Chinese in the catalogue).
The same labels head the page's tables and the workbook's sheets."""
from flask_babel import lazy_gettext as _l

from germplasm.inventory.words import material_label, unit_label

KIND_LABELS = {"research": _l("Research institutes"), "university": _l("Universities"),
               "enterprise": _l("Enterprises"), "cooperative": _l("Cooperatives"),
               "farmer": _l("Farmers")}
USE_LABELS = {"research": _l("For research"), "teaching": _l("For teaching"),
              "breeding": _l("For breeding"), "production": _l("For production"),
              "conservation": _l("For conservation"), "other": _l("For other uses")}


def kind_label(code: str) -> str:
    return str(KIND_LABELS.get(code, code))


def use_label(code: str) -> str:
    return str(USE_LABELS.get(code, code))


def shipped_label(material: str, unit: str) -> str:
    return f"{material_label(material)} ({unit_label(unit)})"
