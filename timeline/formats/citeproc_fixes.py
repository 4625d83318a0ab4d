"""Corrections to citeproc-py (0.11) where it departs from the CSL 1.0.2 specification.

Each is a mistake that shows in the strings this timeline renders (APA 7, Chicago author-date,
MLA 9 for web pages), found by comparing citeproc-py's output with pandoc's citeproc, and each
is pinned by a golden test (``tests/formats/test_cite.py``) checked against that reference:

1. **Substituted variables are not suppressed.** A style that substitutes the title for a
   missing author (APA, MLA) printed the title twice; Chicago printed the site twice. The
   specification: "Substituted variables are suppressed in the rest of the output". citeproc-py
   suppresses only a ``cs:text`` that names the same variable directly, not variables reached
   through a macro. :func:`apply` records every variable a substitution renders and suppresses
   it afterwards, in ``cs:text``, ``cs:names`` and ``cs:date`` alike.
2. **A label without its variable.** ``cs:label`` "must not render" when its variable is empty;
   citeproc-py rendered Chicago's "Edition." for every newspaper article.
3. **``initialize="false"``** (keep given names whole, as Chicago and MLA want) was ignored:
   "Waite, T." for "Waite, Thom".
4. **Punctuation in quotes.** With ``punctuation-in-quote`` (American English), a period or
   comma that follows a closing quotation mark goes inside it (“Title.”); citeproc-py left it
   outside. This one is fixed on the rendered string (:func:`punctuation_in_quote`), where what
   follows the quotation mark is known.

:func:`apply` is idempotent and is called by :mod:`timeline.formats.styles` before any
rendering; nothing else in the process uses citeproc-py.
"""

from __future__ import annotations

from typing import Any

from citeproc import model  # type: ignore[import-untyped]
from citeproc.string import String  # type: ignore[import-untyped]

from timeline.formats import csltext

_SUPPRESSED = "*suppressed*"  # a key of the layout's per-item ``repressed`` dict (reset per item)
_RECORDING = "*recording*"
_applied = False


def _layout_state(context: Any) -> dict[str, Any]:
    """The per-item state citeproc-py keeps on the layout (reset before each item)."""
    try:
        state: dict[str, Any] = context.get_layout().repressed
    except (IndexError, AttributeError):  # outside a layout (a locale's date): nothing to track
        return {}
    return state


def _suppressed(context: Any, variable: str) -> bool:
    return variable in _layout_state(context).get(_SUPPRESSED, ())


def _record(context: Any, variable: str) -> None:
    recording = _layout_state(context).get(_RECORDING)
    if recording is not None:
        recording.append(variable)


def _fix_substitute() -> None:
    """Fix 1: record what a substitution renders, and suppress it in the rest of the item."""
    _fix_substituted_texts_and_dates()
    _fix_substituted_names()


def _fix_substituted_texts_and_dates() -> None:
    """Fix 1, texts and dates: a suppressed variable renders nothing; a rendered one is recorded."""
    original_text_variable = model.Text._variable
    original_date_process = model.Date.process

    def text_variable(self: Any, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        if _suppressed(context, variable):
            return None
        text = original_text_variable(self, item, context)
        if text:
            _record(context, variable)
        return text

    def date_process(self: Any, item: Any, variable: Any = None, context: Any = None, **kw: Any) -> Any:
        name = variable or self.get("variable")
        if name and _suppressed(self if context is None else context, name):
            raise model.VariableError(name)
        text = original_date_process(self, item, variable=variable, context=context, **kw)
        if text and name:
            _record(self if context is None else context, name)
        return text

    model.Text._variable = text_variable
    model.Date.process = date_process


def _fix_substituted_names() -> None:
    """Fix 1, names and substitutions: suppressed names substitute; a substitution records what it used."""
    original_names_process = model.Names.process

    def names_process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kw: Any) -> Any:
        here = self if context is None else context
        roles = self.get("variable").split()
        present = [r for r in roles if r in item.reference]
        if present and all(_suppressed(here, r) for r in present):  # as if they were empty
            substitute = self.substitute()
            text = substitute.render(item, context=context, **kw) if substitute is not None else None
            if not text:
                raise model.VariableError(roles[0])
            return text
        text = original_names_process(self, item, names_context=names_context, context=context, **kw)
        if text:
            for role in present:
                _record(here, role)
        return text

    def substitute_render(self: Any, item: Any, context: Any = None, **kw: Any) -> Any:
        state = _layout_state(self if context is None else context)
        for child in self.getchildren():
            outer, state[_RECORDING] = state.get(_RECORDING), []
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kw)
                else:
                    text = child.render(item, context=context, **kw)
            except model.VariableError:
                text = None
            rendered = state[_RECORDING]
            state[_RECORDING] = outer
            if outer is not None:
                outer.extend(rendered)
            if text:
                state.setdefault(_SUPPRESSED, set()).update(rendered)
                return text
        return None

    model.Names.process = names_process
    model.Substitute.render = substitute_render


def _fix_label() -> None:
    """Fix 2: a label renders only when its variable has a value."""
    original = model.Label.process

    def process(
        self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kw: Any
    ) -> Any:
        name = variable or self.get("variable")
        if name == "locator":
            if not item.has_locator:
                return None
        elif name and name.replace("-", "_") not in item.reference:
            return None
        return original(self, item, variable=variable, plural=plural, context=context, **kw)

    model.Label.process = process


def _fix_initialize() -> None:
    """Fix 3: ``initialize="false"`` keeps given names whole."""
    original = model.Name.initialize

    def initialize(self: Any, given: str, mark: str, context: Any) -> str:
        expr = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
        holders = [self, *self.xpath_search(expr), self.get_root()]
        value = next((h.get("initialize") for h in holders if h.get("initialize") is not None), "true")
        if value.lower() == "false":
            return given
        return str(original(self, given, mark, context)).strip()  # "L. van", not "L. van "

    model.Name.initialize = initialize


def _fix_text() -> None:
    """Fixes 4 and 5: title case as CSL processors do it; a style's quotes as quotation marks."""
    original_case = model.TextCased.case

    def case(self: Any, text: Any, language: Any = None) -> Any:
        if self.get("text-case") == "title" and language == "en":
            return String(csltext.title_case(str(text)))
        return original_case(self, text, language)

    def quote(self: Any, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            return csltext.OPEN + string + csltext.CLOSE
        return string

    model.TextCased.case = case
    model.Quoted.quote = quote


def _memoised(function: Any) -> Any:
    """``function(element, *args)`` remembered per element (kept alive by the cache) and arguments.

    A parsed style never changes, so what a query over it finds never does either.
    """
    cache: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    def remembered(self: Any, *args: Any) -> Any:
        key = (id(self), *args)
        hit = cache.get(key)
        if hit is None or hit[0] is not self:
            hit = cache[key] = (self, function(self, *args))
        return hit[1]

    return remembered


def _fix_speed() -> None:
    """Not a correction: remember the style's XPath lookups (about 10x faster rendering)."""
    model.CitationStylesElement.xpath_search = _memoised(model.CitationStylesElement.xpath_search)
    model.Parent.calls_variable = _memoised(model.Parent.calls_variable)
    model.Text.calls_variable = _memoised(model.Text.calls_variable)


def apply() -> None:
    """Install the fixes (once)."""
    global _applied
    if _applied:
        return
    _fix_speed()
    _fix_substitute()
    _fix_label()
    _fix_initialize()
    _fix_text()
    _applied = True
