"""The controls of an HTML form, read in one pass of the standard library's parser.

An admin page editor is half a megabyte of HTML (measure 1's is 690 KB); building a whole
BeautifulSoup tree of it to read one form took 0.8 s, reading it here takes a tenth of that.
Only the form's own start tag is matched against the CSS selector (BeautifulSoup on that tag
alone): selectors such as `form#page-edit-form` or `form[method=post][action*='/edit/']`.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from bs4 import BeautifulSoup


@dataclass
class Control:
    """One named input, textarea or select: its tag, its attributes (a valueless one is "")
    and, for a textarea its text, for a select its options as (attributes, text)."""

    tag: str
    attrs: dict
    text: str = ""
    options: list = field(default_factory=list)

    def values(self):
        """What a browser submits for the control as the page holds it: a list of values."""
        if self.tag == "textarea":
            return [self.text]
        if self.tag == "select":
            chosen = [o for o in self.options if "selected" in o[0]]
            if not chosen and "multiple" not in self.attrs:
                chosen = self.options[:1]
            return [attrs.get("value", text) for attrs, text in chosen]
        kind = self.attrs.get("type")
        if kind in {"checkbox", "radio"}:
            return [self.attrs.get("value", "on")] if "checked" in self.attrs else []
        if kind in {"submit", "button", "file", "image"}:
            return []
        return [self.attrs.get("value", "")]


@dataclass
class Form:
    attrs: dict
    controls: list = field(default_factory=list)

    def matches(self, selector):
        soup = BeautifulSoup("", "html.parser")
        soup.append(soup.new_tag("form", attrs=self.attrs))
        return soup.select_one(selector) is not None


class _FormReader(HTMLParser):
    """Every form of a document with its named controls, in document order, as a browser holds
    them: a form start tag inside a form is ignored, and what a <template> holds (a formset's
    empty form) is not in the document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._depth = 0
        self._templates = 0
        self._textarea = None
        self._select = None
        self._option = None

    @property
    def _form(self):
        return self.forms[-1] if self._depth else None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "template":
            self._templates += 1
        elif self._templates:
            return
        elif tag == "form":
            if not self._depth:
                self.forms.append(Form(attrs))
            self._depth += 1
        elif self._form is None:
            return
        elif tag == "option" and self._select is not None:
            self._option = (attrs, [])
            self._select.options.append(self._option)
        elif tag in {"input", "textarea", "select"} and attrs.get("name"):
            control = Control(tag, attrs)
            self._form.controls.append(control)
            if tag == "textarea":
                self._textarea = control
            elif tag == "select":
                self._select = control

    def handle_endtag(self, tag):
        if tag == "template" and self._templates:
            self._templates -= 1
        elif self._templates:
            return
        elif tag == "form" and self._depth:
            self._depth -= 1
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._finish_select()
        elif tag == "option":
            self._option = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.text += data
        elif self._option is not None:
            self._option[1].append(data)

    def _finish_select(self):
        if self._select is not None:
            self._select.options = [(attrs, "".join(text)) for attrs, text in self._select.options]
        self._select = self._option = None

    def close(self):
        super().close()
        self._finish_select()


def find_form(html, selector):
    """The first form of html whose start tag matches selector, or None."""
    reader = _FormReader()
    reader.feed(html)
    reader.close()
    return next((form for form in reader.forms if form.matches(selector)), None)
