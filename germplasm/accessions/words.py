"""Stored vocabulary (name types, pedigree roles, MCPD remark prefixes, institute codes) as
words of the page's language. The database keeps the stored value; only pages translate."""
import re

from flask_babel import lazy_gettext

from germplasm.accessions.labels import FIELD_LABELS, field_label
from germplasm.accessions.models import Institute
from germplasm.extensions import db

NAME_TYPES = {
    "chinese": lazy_gettext("Chinese name"),
    "pinyin": lazy_gettext("pinyin"),
    "registered": lazy_gettext("registered name"),
    "synonym": lazy_gettext("synonym"),
}
PEDIGREE_ROLES = {
    "female": lazy_gettext("female parent"),
    "male": lazy_gettext("male parent"),
    "parent": lazy_gettext("parent"),
    "ancestor": lazy_gettext("ancestor"),
}
# MCPD REMARKS: "<field name>:<remark>" items separated by semicolons.
REMARK = re.compile(r"^\s*([A-Z][A-Z_]+)\s*:\s*(.*)$", re.DOTALL)


def name_type_label(name_type: str) -> str:
    return str(NAME_TYPES.get(name_type, name_type))


def pedigree_role_label(role: str) -> str:
    return str(PEDIGREE_ROLES.get(role, role))


def remarks_text(remarks: str, locale: str) -> str:
    """`ANCEST:母本为巫山脆李;COLLSITE:果园东区` -> `系谱：母本为巫山脆李；采集地点：果园东区`."""
    chinese = locale.startswith("zh")
    items = []
    for item in remarks.split(";"):
        found = REMARK.match(item)
        if found and found.group(1) in FIELD_LABELS:
            label = field_label(found.group(1), locale)
            items.append(f"{label}{'：' if chinese else ': '}{found.group(2).strip()}")
        elif item.strip():
            items.append(item.strip())
    return ("；" if chinese else "; ").join(items)


def institute_text(code: str, locale: str) -> str:
    """The institute's name with its code as a hint, `重庆市农业科学院 (CHN385)`; the bare
    code while the institute has no name in the catalogue."""
    institute = db.session.scalar(db.select(Institute).filter_by(code=code))
    if institute is None:
        return code
    names = (institute.name_zh, institute.name_en)
    name = (names if locale.startswith("zh") else names[::-1])
    shown = next((n for n in name if n), None)
    return f"{shown} ({code})" if shown else code
