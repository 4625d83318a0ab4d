"""The catalogs: every message readers can see is translated into Russian, and compiled on start.

The messages are extracted from the code and templates with Babel, exactly as `make messages`
does (babel.cfg), and compared with the catalogs in timeline/translations: a string added to a
template or to Python code without a Russian translation fails here.
"""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask import Flask

from tests.support import ROOT
from timeline.i18n import LANGUAGES, catalogs

Key = tuple[str | None, str]  # (context, msgid)


def extracted() -> dict[Key, tuple[str, ...]]:
    """Every message of the code and templates, with the files it is in (as `make messages` finds them)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[Key, tuple[str, ...]] = {}
    for filename, _line, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found[(context, msgid)] = (*found.get((context, msgid), ()), filename)
    return found


def catalog(lang: str) -> Catalog:
    """The source catalog (.po) of one language."""
    with (catalogs.DIRECTORY / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po)


def entries(lang: str) -> dict[Key, object]:
    """The catalog's messages by (context, msgid)."""
    return {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog(lang) if m.id}


def test_messages_are_extracted_from_python_and_templates() -> None:
    files = {f for where in extracted().values() for f in where}
    assert any(f.startswith("templates/") for f in files)
    assert {"timeline/i18n/words.py", "timeline/query.py", "timeline/web/errors.py"} <= files


def test_every_language_has_a_catalog() -> None:
    assert [p.parent.parent.name for p in catalogs.po_files()] == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_readers_see_is_in_the_catalog(lang: str) -> None:
    missing = sorted(
        f"{msgid!r} ({', '.join(where)})" for (ctx, msgid), where in extracted().items()
        if (ctx, msgid) not in entries(lang)
    )  # fmt: skip
    assert missing == [], f"run `make messages` and translate: {missing}"


def test_every_russian_message_is_translated_and_none_is_fuzzy() -> None:
    untranslated = []
    for key, message in entries("ru").items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        if message.fuzzy or not all(strings):  # type: ignore[attr-defined]
            untranslated.append(key)
    assert untranslated == []


def test_russian_plurals_have_the_three_cldr_forms() -> None:
    ru = catalog("ru")
    assert ru.num_plurals == 3  # one (1, 21), few (2–4, 22), many (5–20, 11)
    for message in ru:
        if message.pluralizable:
            assert len(message.string) == 3, message.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_every_placeholder(lang: str) -> None:
    """A placeholder lost or misspelt in a translation would break the page (Babel's own checks)."""
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog(lang).check()]
    assert problems == []


def test_catalogs_have_no_obsolete_messages() -> None:
    """What the code no longer says is dropped (`make messages` does), so translators are not misled."""
    for lang in LANGUAGES:
        assert catalog(lang).obsolete == {}
        assert set(entries(lang)) == set(extracted())


# --- compiled on start ----------------------------------------------------------------------


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    """A copy of the catalogs' sources (no .mo files)."""
    target = tmp_path / "translations"
    shutil.copytree(catalogs.DIRECTORY, target, ignore=shutil.ignore_patterns("*.mo", "*.tmp"))
    return target


def test_missing_catalogs_are_compiled(translations: Path) -> None:
    written = catalogs.compile_stale(translations)
    assert sorted(p.parent.parent.name for p in written) == sorted(LANGUAGES)
    assert catalogs.compile_stale(translations) == []  # nothing stale any more


def test_a_catalog_older_than_its_source_is_compiled_again(translations: Path) -> None:
    catalogs.compile_stale(translations)
    po = translations / "ru" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8").replace('msgstr "Поиск"', 'msgstr "Найти"')
    po.write_text(text, encoding="utf-8")
    mo = po.with_suffix(".mo")
    os.utime(mo, ns=(po.stat().st_mtime_ns - 10**9,) * 2)
    assert catalogs.compile_stale(translations) == [mo]
    assert "Найти".encode() in mo.read_bytes()


def test_a_broken_catalog_names_its_file(translations: Path) -> None:
    po = translations / "ru" / "LC_MESSAGES" / "messages.po"
    po.write_text('msgid "Search"\nПоиск\n', encoding="utf-8")  # no msgstr keyword
    with pytest.raises(catalogs.CatalogError, match=str(po)):
        catalogs.compile_stale(translations)


def test_the_app_serves_the_current_catalogs(app: Flask) -> None:
    """create_app compiles what is stale, so no way of starting the app can serve an old .mo."""
    for po in catalogs.po_files():
        assert not catalogs.is_stale(po)


GETTEXT = {"_": 1, "gettext": 1, "lazy_gettext": 1, "ngettext": 2, "pgettext": 2}  # literal arguments


def test_every_message_in_python_is_written_out() -> None:
    """A message passed as a variable cannot be extracted, so it would never be translated."""
    hidden = []
    for path in sorted((ROOT / "timeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GETTEXT:
                literal = all(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    for arg in node.args[: GETTEXT[node.func.id]]
                )
                if not literal or not node.args:
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []
