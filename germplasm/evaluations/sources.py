"""A descriptor's source as the public reads it. The descriptor list carries drafting notes
for the team ("[U] proposal, to confirm against NY/T plum standard", "[P]" for a derived or
provisional item): those stay in the data and the admin, never on public pages. Chinese pages
give the Chinese for the known source phrases; literature citations stay as published."""
import re
from dataclasses import dataclass

UNCONFIRMED = "[U]"
PROVISIONAL = re.compile(r"\s*\[P\]\s*")
SOURCES_ZH = {
    "2002 Chinese plum introduction paper": "2002 年中国李引种论文",
    "ECPGR Prunus descriptors": "ECPGR 李属描述符",
    " peach analogue": "（参照桃）",
    " apple analogue": "（参照苹果）",
    " section layout": "（章节编排）",
    "derived from bloom and harvest dates": "由开花期和采收期推算",
    "trait set of the 2002 Chinese plum introduction paper": "2002 年中国李引种论文的性状集",
    "WUE metric": "WUE 指标",
    "Detection by DAS-ELISA / IC-RT-PCR as in the reference list":
        "DAS-ELISA / IC-RT-PCR 检测，方法见参考文献",
}
QUALIFIERS_ZH = {  # the parenthesised part a source contributed
    "category": "类别", "categories": "类别", "codes 1-3": "代码 1–3", "days": "天数",
    "date": "日期", "texture": "质地", "cracking noted": "记载裂果",
    "flowering time": "开花期", "date of full flowering": "盛花期",
    "time of ripening": "成熟期", "fruit shape classes": "果形分类",
    "health status score 1-9": "健康状况评分 1–9",
}
QUALIFIED = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


@dataclass(frozen=True)
class SourcePart:
    text: str
    citation: bool  # literature, shown as published


def public_source(source: str | None, chinese: bool) -> list[SourcePart]:
    parts = []
    for segment in (source or "").split(";"):
        segment = PROVISIONAL.sub(" ", segment).strip()
        if not segment or UNCONFIRMED in segment:
            continue  # an internal note, or an item still to be confirmed
        parts.append(_chinese(segment) if chinese else SourcePart(segment, False))
    return parts


def _chinese(segment: str) -> SourcePart:
    qualified = QUALIFIED.match(segment)
    head, qualifier = qualified.groups() if qualified else (segment, None)
    if qualifier is not None and qualifier not in QUALIFIERS_ZH:
        return SourcePart(segment, not _known(head))
    words = _translate(head)
    if words is None:
        return SourcePart(segment, True)
    return SourcePart(f"{words}（{QUALIFIERS_ZH[qualifier]}）" if qualifier else words, False)


def _known(head: str) -> bool:
    return _translate(head) is not None


def _translate(head: str) -> str | None:
    """The Chinese of a known phrase; standards and codes (NY/T 2921-2016, PMC…) stay."""
    for english, chinese in sorted(SOURCES_ZH.items(), key=lambda item: -len(item[0])):
        if english in head:
            return head.replace(english, chinese).strip()
    if re.fullmatch(r"[A-Z0-9/\-\s.:（）()\u3400-\u9fff]+", head):
        return head  # a standard's number or an identifier (NY/T 2921-2016, PMC9143520)
    return None
