"""The JSON Schema of the file format (the one source of truth for structure) and its checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "events.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the file format."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with local ``$ref``s replaced by their definitions.

    fastjsonschema turns each ``$ref`` into a function call that formats an error-path
    string on every call, whether or not it fails: inlined, 100,000 events validate in
    0.6 s instead of 3.5 s.  A ``$ref`` with sibling keywords is merged with them.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    result = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = _inline(defs[ref.removeprefix("#/$defs/")], defs)
        overlap = (set(target) & set(result)) - {"description", "title"}
        return {**target, **result} if not overlap else {"allOf": [target, result]}
    return result


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: quick to say yes or no."""
    full = schema()
    return fastjsonschema.compile(_inline(full, full.get("$defs", {})))


@cache
def full_validator() -> jsonschema.Draft202012Validator:
    """jsonschema's validator: slower, but lists every error with its path."""
    return jsonschema.Draft202012Validator(schema())


def valid(value: Any) -> bool:
    """True when ``value`` satisfies the schema."""
    try:
        _fast_validator()(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
