"""The message catalogs: ``timeline/translations/<lang>/LC_MESSAGES/messages.po``, compiled on start.

The ``.po`` files are the source (in git); the ``.mo`` files Flask-Babel reads are built from
them whenever the app starts and a ``.mo`` is missing or older than its ``.po``. Every way of
starting the app (``make run``, ``make serve``, ``flask run``, gunicorn, the tests, CI) goes
through :func:`timeline.create_app`, so none can serve a stale catalog and none needs a step of
its own. A ``.mo`` is written to a temporary file and renamed into place, so workers starting
together never read half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DIRECTORY = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"


class CatalogError(RuntimeError):
    """A catalog that cannot be compiled (with the file named)."""


def po_files(directory: Path = DIRECTORY) -> list[Path]:
    """Every language's ``.po`` file."""
    return sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def is_stale(po: Path) -> bool:
    """True when the ``.mo`` beside ``po`` is missing or older than it."""
    mo = po.with_suffix(".mo")
    try:
        return mo.stat().st_mtime_ns < po.stat().st_mtime_ns
    except FileNotFoundError:
        return True


def compile_po(po: Path) -> Path:
    """Compile one ``.po`` into the ``.mo`` beside it (atomically); fuzzy entries are left out."""
    mo = po.with_suffix(".mo")
    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    fd, temp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
    try:
        with os.fdopen(fd, "wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        os.replace(temp, mo)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return mo


def compile_stale(directory: Path = DIRECTORY) -> list[Path]:
    """Compile every catalog whose ``.mo`` is missing or stale; the ``.mo`` files written."""
    written = []
    for po in po_files(directory):
        if is_stale(po):
            try:
                written.append(compile_po(po))
            except Exception as exc:
                raise CatalogError(f"{po}: cannot compile the catalog ({exc})") from exc
    return written
