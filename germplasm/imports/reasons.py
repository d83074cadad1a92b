"""The loaders' rejection reasons in the page's language. The loaders write English reasons
into the report, and the CLI's --report JSON keeps them as they are (scripts read it); the
upload page reads each reason against these patterns and shows our words for it. A reason
no pattern knows is shown as written."""
import re

from flask_babel import get_locale, gettext


def N_(message: str) -> str:
    """Marks a message for extraction; translated when shown."""
    return message


V = r"'?(?P<value>.*?)'?"  # a value, quoted by repr() or not
REASONS = [(re.compile(f"^{pattern}$", re.DOTALL), message) for pattern, message in [
    (r"is required", N_("is required")),
    (r"Missing data for required field\.", N_("is required")),
    (r"Not a valid number\.", N_("not a number")),
    (r"Not a valid integer\.", N_("not a whole number")),
    (f"{V} is not an ISO 3166-1 alpha-3 country code",
     N_("%(value)s is not a three-letter ISO 3166-1 country code")),
    (f"{V} is not a (?P<what>[A-Z]+) code", N_("%(value)s is not a %(what)s code")),
    (f"{V} is not a valid FAO WIEWS code", N_("%(value)s is not a valid FAO WIEWS code")),
    (f"{V} is not a valid (?P<what>[A-Z]+) code", N_("%(value)s is not a %(what)s code")),
    (f"{V} is not a (?:valid )?value", N_("%(value)s is not a valid value")),
    (r"not an MCPD date: use YYYYMMDD, with -- or 00 for unknown parts",
     N_("not an MCPD date: write YYYYMMDD, with -- or 00 for unknown parts")),
    (r"a day is given without a month", N_("a day is given without a month")),
    (r"month (?P<value>\S+) does not exist", N_("month %(value)s does not exist")),
    (r"day (?P<day>\S+) does not exist in (?P<month>\S+)",
     N_("day %(day)s does not exist in %(month)s")),
    (r"(?P<value>\S+) is out of range", N_("%(value)s is out of range")),
    (r"not a (?P<what>D+MMSSH) coordinate \(e\.g\. 302015N / 1095030E\)",
     N_("not a %(what)s coordinate (e.g. 302015N / 1095030E)")),
    (r"contains the control character (?P<char>U\+\w+) at position (?P<at>\d+); remove it",
     N_("contains the control character %(char)s at position %(at)s; remove it")),
    (r"has (?P<n>\d+) characters; at most (?P<max>\d+)",
     N_("has %(n)s characters; at most %(max)s")),
    (r"the cell holds (?P<n>\d+) characters \(at most (?P<max>\d+)\)",
     N_("has %(n)s characters; at most %(max)s")),
    (r"duplicate: (?P<number>.+) of (?P<inst>\S+) is already in row (?P<row>\d+)",
     N_("duplicate: %(number)s of %(inst)s is already in row %(row)s")),
    (r"the row has values beyond the (?P<n>\d+) columns of the header; check the delimiter "
     r"and quoting", N_("the row has values beyond the %(n)s columns of the header; "
                                  "check the delimiter and quoting")),
    (r"no such accession in the catalogue", N_("no such accession in the catalogue")),
    (r"held by several institutes; add INSTCODE",
     N_("held by several institutes; add INSTCODE")),
    (r"not a known descriptor", N_("not a known descriptor")),
    (r"column (?P<letter>[A-Z]+): (?P<header>.+) is not a known descriptor \(by code, Chinese "
     r"or English name\)", N_("column %(letter)s: %(header)s is not a known "
                                        "descriptor (by code, Chinese or English name)")),
    (r"the row belongs to campaign '?(?P<name>.*?)'?, not '?(?P<campaign>.*?)'?", N_(
        "the row belongs to campaign %(name)s, not %(campaign)s")),
    (r"the campaign's year is (?P<year>\d+)", N_("the campaign's year is %(year)s")),
    (r"the column mixes day/month orders", N_("the column mixes day/month orders")),
    (f"{V} is not a number", N_("%(value)s is not a number")),
    (r"(?P<value>.+) is outside the valid range (?P<low>\S+)–(?P<high>\S+?)(?P<unit> .+)? of "
     r"(?P<code>\S+)", N_("%(value)s is outside the valid range %(low)s–%(high)s of "
                                    "%(code)s")),
    (f"{V} is not a category of (?P<code>\\S+) \\((?P<allowed>.*)\\)",
     N_("%(value)s is not a category of %(code)s (%(allowed)s)")),
    (r"(?P<value>\S+) is outside the season (?P<low>\S+) to (?P<high>\S+) expected for "
     r"(?P<code>\S+)", N_("%(value)s is outside the season %(low)s to %(high)s "
                                    "expected for %(code)s")),
    (f"{V} is not a date \\(use 2026-07-15, 2026/7/15 or 2026年7月15日\\)",
     N_("%(value)s is not a date (use 2026-07-15, 2026/7/15 or 2026年7月15日)")),
    (f"{V}: write the year with four digits",
     N_("%(value)s: write the year with four digits")),
    (f"{V} has no year and the campaign has none",
     N_("%(value)s has no year and the campaign has none")),
    (f"{V} is not a valid date \\((?P<why>.*)\\)", N_("%(value)s is not a valid date")),
    (f"{V} could be day/month or month/day.*", N_(
        "%(value)s could be day/month or month/day; write the year first (2026-07-15)")),
    (r"(?P<why>.+); give --date-order", N_(
        "the column mixes day/month and month/day dates; write the year first (2026-07-15)")),
    (r"(?P<column>LATITUDE|LONGITUDE) holds a decimal number \((?P<value>.+)\); read as "
     r"decimal degrees", N_("%(column)s holds a decimal number (%(value)s); read as decimal "
                            "degrees")),
    (r"ANCEST parent (?P<token>.+) matches (?P<n>\d+) accessions; not linked",
     N_("ANCEST parent %(token)s matches %(n)s accessions; not linked")),
    # Problems with the whole file (the report's error).
    (r"(?P<path>.+): the file is empty", N_("the file is empty")),
    (r"(?P<path>.+): the first sheet is empty", N_("the first sheet is empty")),
    (r"(?P<path>.+): this is a binary file, not CSV, TSV or \.xlsx",
     N_("this is a binary file, not CSV, TSV or .xlsx")),
    (r"(?P<path>.+): the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8",
     N_("the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8")),
    (r"required column\(s\) missing from the header: (?P<columns>.+)",
     N_("required columns missing from the header: %(columns)s")),
    (r"column (?P<name>\S+) appears twice.*", N_("column %(name)s appears twice")),
    (r"descriptor (?P<code>\S+) has two columns", N_("descriptor %(code)s has two columns")),
    (r"no known columns in the header .*", N_(
        "no known columns in the header; check the delimiter (comma, semicolon or tab) and the "
        "header row")),
    (r"the header has no ACCENUMB column .*", N_(
        "the header has no ACCENUMB column; check the delimiter and the header row")),
    (r"a long sheet \(DESCRIPTOR, VALUE\) cannot also have descriptor columns \((?P<names>.*)\)",
     N_("a long sheet (DESCRIPTOR, VALUE) cannot also have descriptor columns (%(names)s)")),
    (r"a long sheet needs both DESCRIPTOR and VALUE columns",
     N_("a long sheet needs both DESCRIPTOR and VALUE columns")),
]]


def reason_text(reason: str | None) -> str:
    """One reason from a loader's report, in the page's language."""
    if not reason:
        return ""
    for pattern, message in REASONS:
        found = pattern.match(reason)
        if found:
            values = found.groupdict(default="")
            if values.get("allowed"):
                values["allowed"] = _labels_in_language(values["allowed"])
            return gettext(message, **values)
    return reason


def _labels_in_language(allowed: str) -> str:
    """`1 白色/white, 2 黄色/yellow` as `1 白色, 2 黄色` on Chinese pages, `1 white, …` else."""
    chinese = str(get_locale() or "zh").startswith("zh")
    items = []
    for item in allowed.split(", "):
        code, _, labels = item.partition(" ")
        zh, slash, en = labels.partition("/")
        items.append(f"{code} {zh if chinese or not slash else en}".strip())
    return ("，" if chinese else ", ").join(items)
