"""XmlWriter writes what the standard library's XMLGenerator writes, for any elements, attributes and text."""

from __future__ import annotations

import io
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.formats.text import xml_safe
from timeline.formats.xmlwriter import XmlWriter

names = st.sampled_from(["feed", "entry", "p", "a", "link", "content"])
# Any text, with what XML escapes (and what it cannot carry at all) more often than chance would.
texts = st.text(st.sampled_from("&<>\"'\n\r\t \ufffe\x01aé😀") | st.characters(blacklist_categories=("Cs",)))
attributes = st.dictionaries(st.sampled_from(["href", "rel", "type", "title", "xmlns"]), texts, max_size=3)
# One step of writing: an element, an opening or a closing tag, text, or whitespace between elements.
steps = st.one_of(
    st.tuples(st.just("element"), names, st.none() | texts, attributes),
    st.tuples(st.just("open"), names, st.none(), attributes),
    st.tuples(st.just("close"), names, st.none(), st.just({})),
    st.tuples(st.just("text"), st.none(), texts, st.just({})),
    st.tuples(st.just("whitespace"), st.none(), st.sampled_from(["", "\n", " \n"]), st.just({})),
    st.tuples(st.just("take"), st.none(), st.none(), st.just({})),
)


class Generated:
    """The same steps through XMLGenerator (how the Atom export was written before)."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.xml = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)

    def take(self) -> str:
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def open(self, name: str, **attrs: str) -> None:
        self.xml.startElement(name, AttributesImpl({k: xml_safe(v) for k, v in attrs.items()}))

    def close(self, name: str) -> None:
        self.xml.endElement(name)

    def element(self, name: str, content: str | None = None, **attrs: str) -> None:
        self.open(name, **attrs)
        if content:
            self.text(content)
        self.close(name)

    def declaration(self) -> None:
        self.xml.startDocument()

    def text(self, content: str) -> None:
        self.xml.characters(xml_safe(content))

    def whitespace(self, content: str) -> None:
        self.xml.ignorableWhitespace(content)


def replay(
    writer: XmlWriter | Generated, steps: list[tuple[str, str | None, str | None, dict[str, str]]]
) -> str:
    """Every step through ``writer``; all it wrote, taken piece by piece."""
    taken = []
    writer.declaration()
    for kind, name, text, attrs in steps:
        if kind == "element":
            writer.element(name or "", text, **attrs)
        elif kind == "open":
            writer.open(name or "", **attrs)
        elif kind == "close":
            writer.close(name or "")
        elif kind == "text":
            writer.text(text or "") if isinstance(writer, XmlWriter) else writer.xml.characters(
                xml_safe(text or "")
            )
        elif kind == "whitespace":
            writer.whitespace(text or "") if isinstance(
                writer, XmlWriter
            ) else writer.xml.ignorableWhitespace(text)
        else:
            taken.append(writer.take())
    return "|".join([*taken, writer.take()])


@settings(deadline=None)
@given(steps=st.lists(steps, max_size=30))
def test_every_step_writes_what_xmlgenerator_writes(
    steps: list[tuple[str, str | None, str | None, dict[str, str]]],
) -> None:
    assert replay(XmlWriter(), steps) == replay(Generated(), steps)
