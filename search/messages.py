"""Messages of the search in the caller's language: Flask-Babel's gettext during a request
(the page's or the API caller's language), the English text elsewhere (the CLI)."""
from flask import has_request_context
from flask_babel import gettext as babel_gettext


def gettext(message: str, **values) -> str:
    if has_request_context():
        return babel_gettext(message, **values)
    return message % values if values else message
