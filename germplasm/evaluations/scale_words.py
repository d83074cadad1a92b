"""Units and scale types as a reader of the page's language reads them. The stored unit stays
as written (exports, the API and BrAPI keep it); Chinese pages show the Chinese word for the
units that are words (d, h, years, flowers/bud) and keep symbols such as g, cm or °Brix."""
from flask import has_request_context
from flask_babel import get_locale, lazy_gettext

UNITS_ZH = {
    "d": "天",
    "h": "小时",
    "years": "年",
    "flowers/bud": "朵/芽",
    "L/T ratio": "纵径/横径",
    "SSC/TA": "固酸比",
    "mg/100 g FW": "mg/100 g 鲜重",
    "mg GAE/100 g FW": "mg GAE/100 g 鲜重",
    "mg C3G/100 g FW": "mg C3G/100 g 鲜重",
    "mg AAE/100 g FW": "mg AAE/100 g 鲜重",
}
SCALE_TYPES = {  # BrAPI's scale data types, as stored
    "Numerical": lazy_gettext("Numerical"),
    "Ordinal": lazy_gettext("Ordinal"),
    "Nominal": lazy_gettext("Nominal"),
    "Date": lazy_gettext("Date"),
    "Text": lazy_gettext("Text"),
    "Code": lazy_gettext("Code"),
    "Duration": lazy_gettext("Duration"),
}


def unit_label(unit: str | None) -> str:
    """The unit in the page's language; as stored outside a request (the CLI speaks English)."""
    if not unit:
        return ""
    if not has_request_context():
        return unit
    return UNITS_ZH.get(unit, unit) if str(get_locale() or "zh").startswith("zh") else unit


def scale_type_label(data_type: str | None) -> str:
    return str(SCALE_TYPES.get(data_type, data_type or ""))
