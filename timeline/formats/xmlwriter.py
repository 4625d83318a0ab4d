"""XML written exactly as the standard library's ``XMLGenerator`` writes it, taken a piece at a time.

``XMLGenerator`` (with ``short_empty_elements``) writes every tag, attribute and text through a
stream and a few method calls; an Atom entry has some twenty elements, so for a feed of 100,000
events that is most of the time. :class:`XmlWriter` keeps its output (the same escaping, by the
same ``xml.sax.saxutils`` functions; an element with nothing in it closed as ``<x/>``) and
gathers the pieces in a list. ``tests/formats/test_xmlwriter.py`` proves both write the same for
any element, attribute and text (Hypothesis). Text XML cannot carry at all is left out
(:func:`timeline.formats.text.xml_safe`): escaping does not help there.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from timeline.formats.text import xml_safe

DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
_QUOTED = re.compile('[&<>"\n\r\t]')  # what quoteattr changes in a value


def attribute(value: str) -> str:
    """An attribute's value, quoted and escaped as ``quoteattr`` does (most need neither)."""
    value = xml_safe(value)
    return quoteattr(value) if _QUOTED.search(value) else f'"{value}"'


class XmlWriter:
    """Elements, attributes and text, escaped; what was written is taken with :meth:`take`."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = False  # a start tag not yet closed by ">" or "/>"

    def take(self) -> str:
        """What was written since the last call."""
        text = "".join(self.parts)
        self.parts.clear()
        return text

    def declaration(self) -> None:
        """The XML declaration that starts a document."""
        self.parts.append(DECLARATION)

    def _finish(self) -> None:
        if self.pending:
            self.parts.append(">")
            self.pending = False

    def open(self, name: str, **attrs: str) -> None:
        """Start an element."""
        if self.pending:
            self.parts.append(">")
        self.parts.append(
            f"<{name}" + "".join([f" {key}={attribute(value)}" for key, value in attrs.items()])
        )
        self.pending = True

    def close(self, name: str) -> None:
        """End an element (``<x/>`` when nothing was written in it)."""
        if self.pending:
            self.parts.append("/>")
            self.pending = False
        else:
            self.parts.append(f"</{name}>")

    def text(self, content: str) -> None:
        """Text, escaped."""
        if content := xml_safe(content):
            self._finish()
            self.parts.append(escape(content))

    def whitespace(self, content: str) -> None:
        """Whitespace between elements, as written."""
        if content:
            self._finish()
            self.parts.append(content)

    def element(self, name: str, content: str | None = None, **attrs: str) -> None:
        """A whole element with text content (escaped)."""
        self.open(name, **attrs)
        if content:
            self.text(content)
        self.close(name)
