"""Validation of one MCPD row (a dict of column name -> stripped text or None)."""
import re

from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    post_load,
    pre_load,
    validate,
    validates_schema,
)

from germplasm.accessions.mcpd_fields import valid_codes
from schemas.mcpd_fields import (
    DMS_LATITUDE,
    DMS_LONGITUDE,
    WIEWS_CODE,
    CodeListValue,
    CountryCode,
    Flag,
    McpdDate,
    MultiValue,
    dms_to_decimal,
)
from schemas.text_checks import text_problem

GENUS = re.compile(r"^×?[A-Z][a-z-]+$")
SPECIES = re.compile(r"^(sp\.|×?[a-z][a-z-]*( × [a-z][a-z-]*)?)$")
DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")
MAX_COORDUNCERT = 20_000_000  # metres: half the Earth's circumference


def _text(length: int = 300, **kwargs) -> fields.String:
    return fields.String(validate=validate.Length(max=length), allow_none=True, **kwargs)


def _wiews(**kwargs) -> fields.String:
    message = "must be a FAO WIEWS code: three capital letters and digits, e.g. CHN123"
    return fields.String(validate=validate.Regexp(WIEWS_CODE, error=message), **kwargs)


class McpdRowSchema(Schema):
    """Column names are the MCPD codes; loaded keys are their lower-case forms."""

    class Meta:
        unknown = EXCLUDE

    PUID = _text(200)
    INSTCODE = _wiews(required=True)
    ACCENUMB = fields.String(required=True, validate=validate.Length(min=1, max=100))
    COLLNUMB = _text(100)
    COLLCODE = MultiValue(pattern=WIEWS_CODE, what="FAO WIEWS code", allow_none=True)
    COLLNAME = _text()
    COLLINSTADDRESS = _text(500)
    COLLMISSID = _text(200)
    GENUS = fields.String(
        required=True,
        validate=validate.Regexp(GENUS, error="must be a genus name with an initial capital"),
    )
    SPECIES = fields.String(
        allow_none=True,
        validate=validate.Regexp(SPECIES, error="must be a lower-case epithet or 'sp.'"),
    )
    SPAUTHOR = _text(120)
    SUBTAXA = _text(120)
    SUBTAUTHOR = _text(120)
    CROPNAME = _text(100)
    ACCENAME = _text(2000)
    ACQDATE = McpdDate(allow_none=True)
    ORIGCTY = CountryCode(allow_none=True)
    COLLSITE = _text(500)
    DECLATITUDE = fields.Float(allow_none=True, validate=validate.Range(-90, 90))
    LATITUDE = _text(20)
    DECLONGITUDE = fields.Float(allow_none=True, validate=validate.Range(-180, 180))
    LONGITUDE = _text(20)
    COORDUNCERT = fields.Integer(allow_none=True, validate=validate.Range(0, MAX_COORDUNCERT))
    COORDDATUM = _text(40)
    GEOREFMETH = _text(100)
    ELEVATION = fields.Float(allow_none=True, validate=validate.Range(-500, 9000))
    COLLDATE = McpdDate(allow_none=True)
    BREDCODE = MultiValue(pattern=WIEWS_CODE, what="FAO WIEWS code", allow_none=True)
    BREDNAME = _text()
    SAMPSTAT = CodeListValue(valid_codes("SAMPSTAT"), "SAMPSTAT", allow_none=True)
    ANCEST = _text(2000)
    COLLSRC = CodeListValue(valid_codes("COLLSRC"), "COLLSRC", allow_none=True)
    DONORCODE = _wiews(allow_none=True)
    DONORNAME = _text()
    DONORNUMB = _text(100)
    OTHERNUMB = MultiValue(allow_none=True)
    DUPLSITE = MultiValue(pattern=WIEWS_CODE, what="FAO WIEWS code", allow_none=True)
    DUPLINSTNAME = _text()
    STORAGE = MultiValue(codes=valid_codes("STORAGE"), what="STORAGE code", allow_none=True)
    MLSSTAT = CodeListValue(valid_codes("MLSSTAT"), "MLSSTAT", allow_none=True)
    REMARKS = _text(4000)
    DOI = _text(200)
    HISTORIC = Flag(allow_none=True)
    RESTRICTED = Flag(allow_none=True)

    @pre_load
    def refuse_control_characters(self, data, **kwargs):
        problems = {column: [problem] for column, value in data.items()
                    if isinstance(value, str)
                    and (problem := text_problem(value))}
        if problems:
            raise ValidationError(problems)
        return data

    @validates_schema
    def check_coordinates(self, data, **kwargs):
        checks = (("LATITUDE", DMS_LATITUDE, 90), ("LONGITUDE", DMS_LONGITUDE, 180))
        for dms, pattern, limit in checks:
            text = data.get(dms)
            if text and not DECIMAL.match(text) and not _valid_dms(text, pattern, limit):
                raise ValidationError(
                    f"not a {'DDMMSSH' if limit == 90 else 'DDDMMSSH'} coordinate "
                    "(e.g. 302015N / 1095030E)", dms,
                )

    @post_load
    def finish(self, data, **kwargs):
        loaded = {key.lower(): value for key, value in data.items()}
        loaded["warnings"] = []
        _fill_decimal_coordinates(loaded, "latitude", "declatitude", DMS_LATITUDE, 90)
        _fill_decimal_coordinates(loaded, "longitude", "declongitude", DMS_LONGITUDE, 180)
        return loaded


def _valid_dms(text: str, pattern: re.Pattern, limit: int) -> bool:
    match = pattern.match(text)
    if not match:
        return False
    degrees, minutes, seconds, _ = match.groups()
    parts_ok = all(p == "--" or int(p) < 60 for p in (minutes, seconds))
    return parts_ok and abs(dms_to_decimal(text, pattern)) <= limit


def _fill_decimal_coordinates(row: dict, dms_key: str, dec_key: str, pattern, limit: int) -> None:
    """Use LATITUDE/LONGITUDE when the decimal field is empty; say so when they disagree."""
    text = row.get(dms_key)
    if not text:
        return
    if DECIMAL.match(text):
        value = float(text)
        if abs(value) > limit:
            raise ValidationError(f"{text} is out of range", dms_key.upper())
        row["warnings"].append(
            f"{dms_key.upper()} holds a decimal number ({text}); read as decimal degrees"
        )
    else:
        value = dms_to_decimal(text, pattern)
    if row.get(dec_key) is None:
        row[dec_key] = value
    elif abs(row[dec_key] - value) > 0.001:
        row["warnings"].append(
            f"{dec_key.upper()} {row[dec_key]} and {dms_key.upper()} {text} disagree; "
            f"kept {dec_key.upper()}"
        )
