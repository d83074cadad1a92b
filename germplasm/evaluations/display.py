"""Trait values as people read them."""
from datetime import date, timedelta

from flask_babel import get_locale


def trait_value(value, descriptor) -> str:
    """Day of year as MM-DD for dates; numbers to one decimal; category codes as labels."""
    if value is None or value == "":
        return ""
    if descriptor is None:
        return str(value)
    if descriptor.data_type == "Date":
        day = date(2025, 1, 1) + timedelta(days=round(float(value)) - 1)
        return day.strftime("%m-%d")
    if isinstance(value, str):  # a category code: its label (no dict built per value)
        category = next((c for c in descriptor.categories if c.code == value), None)
        return category.label(str(get_locale())) if category else value
    decimals = descriptor.decimals if descriptor.decimals is not None else 1
    return f"{value:.{min(decimals, 2)}f}"
