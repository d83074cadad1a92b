"""Configurable parts of the workflow, read from the app's config (GERMPLASM_* variables)."""
from flask import current_app

DEFAULT_MTA_VERSION = "2026-1"
DEFAULT_MTA_TEXT = """\
材料转移协议（MTA）
1. 接收方仅将材料用于申请中说明的用途；用于商业育种或生产需另行书面约定。
2. 未经提供方书面同意，不向第三方转让材料或其繁殖材料；确需转让时须附同等条款。
3. 接收方在收到材料后按期提交利用反馈（利用情况与结果）。
4. 发表成果时注明材料来源：巫山县李种质资源圃。
5. 接收方遵守国家植物检疫与种质资源管理的有关规定。

Material Transfer Agreement (MTA)
1. The recipient uses the material only for the purpose stated in the request; commercial
   breeding or production needs a separate written agreement.
2. The material and its propagules are not passed to third parties without the provider's
   written consent, and then only under the same terms.
3. The recipient reports on the use of the material and its results when due.
4. Publications acknowledge the source: the Wushan County plum germplasm nursery.
5. The recipient complies with plant quarantine and germplasm regulations.
"""


def setting(name: str, default):
    return current_app.config.get(name, default)


def mta() -> tuple[str, str]:
    """(version, text) of the agreement requesters accept now."""
    return (setting("GERMPLASM_MTA_VERSION", DEFAULT_MTA_VERSION),
            setting("GERMPLASM_MTA_TEXT", DEFAULT_MTA_TEXT))


def home_country() -> str:
    return setting("GERMPLASM_HOME_COUNTRY", "CHN")


def feedback_months() -> int:
    return int(setting("GERMPLASM_FEEDBACK_MONTHS", 12))


def reminder_days() -> int:
    return int(setting("GERMPLASM_FEEDBACK_REMINDER_DAYS", 30))


def review_accessions() -> int:
    """More accessions than this in one request flags it for a second look."""
    return int(setting("GERMPLASM_REVIEW_ACCESSIONS", 20))
