"""marshmallow fields for MCPD values: partial dates, code lists, countries, coordinates."""
import calendar
import re

import pycountry
from marshmallow import ValidationError, fields

WIEWS_CODE = re.compile(r"^[A-Z]{3}\d{3,4}$")
MCPD_DATE = re.compile(r"^(\d{4})(\d{2}|--)(\d{2}|--)$")
DMS_LATITUDE = re.compile(r"^(\d{2})(\d{2}|--)(\d{2}|--)([NS])$")
DMS_LONGITUDE = re.compile(r"^(\d{3})(\d{2}|--)(\d{2}|--)([EW])$")


def _country_codes() -> frozenset[str]:
    current = {c.alpha_3 for c in pycountry.countries}
    # MCPD allows former codes (SUN, YUG, CSK, DDR...) for material collected before the change.
    former = {c.alpha_3 for c in pycountry.historic_countries if len(c.alpha_3) == 3}
    return frozenset(current | former)


COUNTRY_CODES = _country_codes()


class McpdDate(fields.String):
    """YYYYMMDD with `--` or `00` for an unknown month or day; kept exactly as written."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        match = MCPD_DATE.match(text)
        if not match:
            raise ValidationError("not an MCPD date: use YYYYMMDD, with -- or 00 for unknown parts")
        check_date_parts(*match.groups())
        return text


def check_date_parts(year: str, month: str, day: str) -> None:
    month_known, day_known = month not in ("--", "00"), day not in ("--", "00")
    if day_known and not month_known:
        raise ValidationError("a day is given without a month")
    if month_known and not 1 <= int(month) <= 12:
        raise ValidationError(f"month {month} does not exist")
    if day_known and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        raise ValidationError(f"day {day} does not exist in {year}-{month}")


class CodeListValue(fields.Integer):
    """An integer code that must be in one of the MCPD code lists."""

    def __init__(self, codes: frozenset[str], list_name: str, **kwargs):
        super().__init__(**kwargs)
        self.codes, self.list_name = codes, list_name

    def _deserialize(self, value, attr, data, **kwargs):
        if str(value) not in self.codes:
            raise ValidationError(f"{value!r} is not a {self.list_name} code")
        return super()._deserialize(value, attr, data, **kwargs)


class CountryCode(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if text not in COUNTRY_CODES:
            raise ValidationError(f"{text!r} is not an ISO 3166-1 alpha-3 country code")
        return text


class MultiValue(fields.String):
    """A `;`-separated list; each item optionally checked against a pattern or code set."""

    def __init__(self, pattern: re.Pattern | None = None, codes=None, what="value", **kwargs):
        super().__init__(**kwargs)
        self.pattern, self.codes, self.what = pattern, codes, what

    def _deserialize(self, value, attr, data, **kwargs):
        items = [v.strip() for v in super()._deserialize(value, attr, data, **kwargs).split(";")]
        items = [v for v in items if v]
        for item in items:
            if self.pattern and not self.pattern.match(item):
                raise ValidationError(f"{item!r} is not a valid {self.what}")
            if self.codes and item not in self.codes:
                raise ValidationError(f"{item!r} is not a {self.what}")
        return items


class Flag(fields.Boolean):
    truthy = {"Y", "y", "YES", "yes", "1", "true", "TRUE", "True", "是", 1}
    falsy = {"N", "n", "NO", "no", "0", "false", "FALSE", "False", "否", 0}


def dms_to_decimal(text: str, pattern: re.Pattern) -> float | None:
    """`302015N` -> 30.3375; missing minutes or seconds written as `--` count as zero."""
    match = pattern.match(text)
    if not match:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    value = int(degrees) + _part(minutes) / 60 + _part(seconds) / 3600
    return round(-value if hemisphere in "SW" else value, 6)


def _part(text: str) -> int:
    return 0 if text == "--" else int(text)
