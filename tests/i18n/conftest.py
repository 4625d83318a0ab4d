"""Words in a chosen language: a request context whose language is set, as a URL prefix sets it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from flask import Flask, g


@pytest.fixture
def speaking(app: Flask) -> Callable[[str], AbstractContextManager[None]]:
    """``with speaking("ru"):`` runs the block inside a request whose page is in Russian."""

    @contextmanager
    def context(lang: str) -> Iterator[None]:
        with app.test_request_context(f"/{lang}/"):
            g.lang = lang
            yield

    return context
