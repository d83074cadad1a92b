"""The words a reader sees on an HTML page: text outside scripts and styles,
and the attributes a browser shows or reads aloud (title, placeholder, aria-label, alt, and
a button's value)."""
import re
from html.parser import HTMLParser

# Not read: code (scripts, and <code>: what a user types literally, such as an HTTP header),
# and literature citations (<cite>), which keep the language they were published in.
HIDDEN_ELEMENTS = {"script", "style", "template", "cite", "code"}
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
BUTTON_TYPES = {"submit", "button", "reset"}
# A word: Latin letters, maybe joined by an apostrophe or hyphen; digits and underscores glue
# to it so that codes (S001, FRUIT_WEIGHT, CHN385) stay one token and can be recognised.
# A leading degree sign keeps °C and °Brix whole; a standard's prefix such as NY/T is one code.
WORD = re.compile(r"[A-Z]+(?:/[A-Z]+)+|°?[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?:['’][A-Za-z]+)?")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden_tag, self.nesting = None, 0  # the element that hides what it holds
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.hidden_tag:
            self.nesting += tag == self.hidden_tag
            return
        values = dict(attrs)
        if tag in HIDDEN_ELEMENTS or _not_displayed(values):
            self.hidden_tag, self.nesting = tag, 1
            return
        if tag == "input" and values.get("type") == "hidden":
            return
        self.parts += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]
        if tag == "input" and values.get("type") in BUTTON_TYPES and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag == self.hidden_tag:
            self.nesting -= 1
            if not self.nesting:
                self.hidden_tag = None

    def handle_data(self, data):
        if not self.hidden_tag:
            self.parts.append(data)


def _not_displayed(attributes: dict) -> bool:
    """Data kept in the page for scripts: the hidden attribute, Bootstrap's d-none,
    display:none."""
    classes = (attributes.get("class") or "").split()
    style = (attributes.get("style") or "").replace(" ", "")
    return "hidden" in attributes or "d-none" in classes or "display:none" in style


def shown_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return " ".join(reader.parts)


def latin_words(html: str) -> list[str]:
    return WORD.findall(shown_text(html))
