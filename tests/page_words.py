"""The words a reader sees on an HTML page: text outside scripts and styles,
and the attributes a browser shows or reads aloud (title, placeholder, aria-label, alt, and
a button's value)."""
import re
from html.parser import HTMLParser

# Not read: code, and literature citations (<cite>), which keep the language they were
# published in.
HIDDEN_ELEMENTS = {"script", "style", "template", "cite"}
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
BUTTON_TYPES = {"submit", "button", "reset"}
# A word: Latin letters, maybe joined by an apostrophe or hyphen; digits and underscores glue
# to it so that codes (S001, FRUIT_WEIGHT, CHN385) stay one token and can be recognised.
# A leading degree sign keeps °C and °Brix whole; a standard's prefix such as NY/T is one code.
WORD = re.compile(r"[A-Z]+(?:/[A-Z]+)+|°?[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:['’][A-Za-z]+)?")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_ELEMENTS:
            self.hidden += 1
            return
        values = dict(attrs)
        if tag == "input" and values.get("type") == "hidden":
            return
        self.parts += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]
        if tag == "input" and values.get("type") in BUTTON_TYPES and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def shown_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return " ".join(reader.parts)


def latin_words(html: str) -> list[str]:
    return WORD.findall(shown_text(html))
