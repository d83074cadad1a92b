"""Quantities as users write them (Decimal, at most three decimals) and as stored (whole
thousandths of the unit, see germplasm.inventory.models)."""
from decimal import Decimal, InvalidOperation

from germplasm.inventory.models import COUNT_UNITS

MILLI = 1000


class FieldProblem(ValueError):
    """A tree or lot that cannot be stored as given; `field` names the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class QuantityProblem(ValueError):
    """A quantity that cannot be stored; the message says why."""


def to_milli(value, unit: str | None = None) -> int:
    """'12', '0.5', Decimal or int -> thousandths; counts (plants, pieces...) whole."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise QuantityProblem(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise QuantityProblem(f"{value!r} is not a number")
    milli = number * MILLI
    if milli != milli.to_integral_value():
        raise QuantityProblem(f"{value} has more than three decimals")
    if unit in COUNT_UNITS and number != number.to_integral_value():
        raise QuantityProblem(f"{value} is not a whole number of {unit}s")
    if abs(milli) >= 10**15:
        raise QuantityProblem(f"{value} is too large")
    return int(milli)


def from_milli(milli: int) -> Decimal:
    """Thousandths -> Decimal without trailing zeros (12, 0.5)."""
    number = Decimal(milli) / MILLI
    return number.quantize(Decimal(1)) if number == number.to_integral_value() \
        else number.normalize()


def as_number(milli: int) -> int | float:
    """For JSON: a whole number as an int, else a float with at most three decimals."""
    number = from_milli(milli)
    return int(number) if number == number.to_integral_value() else float(number)
