"""The counts in the navigation of a signed-in user: the cart's lines, unread notices."""
from flask_login import current_user
from sqlalchemy import func, select

from germplasm.extensions import db
from germplasm.requests.models import CartItem, Notification


def cart_size() -> int:
    if not current_user.is_authenticated:
        return 0
    return db.session.scalar(select(func.count()).select_from(CartItem)
                             .where(CartItem.user_id == current_user.id)) or 0


def unread() -> int:
    if not current_user.is_authenticated:
        return 0
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == current_user.id, Notification.read.is_(False))) or 0


def materials() -> list[tuple[str, str]]:
    from germplasm.inventory.models import MATERIALS
    from germplasm.inventory.words import material_label

    return [(code, material_label(code)) for code in MATERIALS]
