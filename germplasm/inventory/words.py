"""Words for the inventory's stored values, Chinese first; imports accept either language."""
from flask_babel import lazy_gettext as _l

MATERIAL_LABELS = {
    "tree": _l("Tree"), "scion": _l("Scion"), "budwood": _l("Budwood"),
    "seedling": _l("Seedling"), "rootstock": _l("Rootstock"), "pollen": _l("Pollen"),
    "seed": _l("Seed"), "in_vitro": _l("In vitro"),
}
# The Chinese words a spreadsheet may use instead of the machine names.
MATERIAL_ZH = {"植株": "tree", "树": "tree", "接穗": "scion", "芽条": "budwood",
               "苗木": "seedling", "砧木": "rootstock", "花粉": "pollen", "种子": "seed",
               "离体材料": "in_vitro", "试管苗": "in_vitro"}
UNIT_LABELS = {"plant": _l("plants"), "piece": _l("pieces"), "seed": _l("seeds"),
               "tube": _l("tubes"), "g": "g", "ml": _l("ml")}
UNIT_ZH = {"株": "plant", "棵": "plant", "支": "piece", "根": "piece", "条": "piece",
           "粒": "seed", "管": "tube", "瓶": "tube", "克": "g", "毫升": "ml"}
RESULT_LABELS = {"negative": _l("negative"), "positive": _l("positive"),
                 "inconclusive": _l("inconclusive")}
METHOD_LABELS = {"germination": _l("pollen germination"), "graft_take": _l("graft take"),
                 "stainability": _l("stainability")}
STATUS_ZH = {"在圃": "living", "存活": "living", "已移除": "removed", "死亡": "removed"}


def material_label(code: str) -> str:
    return str(MATERIAL_LABELS.get(code, code))


def unit_label(code: str) -> str:
    return str(UNIT_LABELS.get(code, code))


HEALTH_LABELS = {"untested": _l("untested"), "healthy": _l("healthy"), "infected": _l("infected")}
KIND_LABELS = {
    "harvest": _l("harvest"), "propagate": _l("propagate"), "transfer": _l("transfer"),
    "reserve": _l("reserve"), "release": _l("release"), "ship": _l("ship"), "loss": _l("loss"),
    "adjust": _l("count adjustment"), "correction": _l("correction"),
}


def health_label(code: str) -> str:
    return str(HEALTH_LABELS.get(code, code))


def kind_label(code: str) -> str:
    return str(KIND_LABELS.get(code, code))


def label(code: str) -> str:
    """Any stored inventory word (material, unit, ledger kind, test result...) in the page's
    language; unknown ones as stored."""
    for labels in (MATERIAL_LABELS, UNIT_LABELS, KIND_LABELS, HEALTH_LABELS, RESULT_LABELS,
                   METHOD_LABELS):
        if code in labels:
            return str(labels[code])
    return code
