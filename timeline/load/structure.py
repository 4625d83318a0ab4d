"""Structural problems of a document, in words: each schema error positioned where it was written."""

from __future__ import annotations

from typing import Any

import jsonschema

from timeline.load import schema
from timeline.load.document import Document
from timeline.load.problems import Problem, shown
from timeline.load.yamlread import Path as DocPath


def problems(doc: Document) -> list[Problem]:
    """Every structural problem of the document, positioned."""
    if doc.value is None:
        return [Problem(1, 1, "the file is empty: it needs title, sources, actors and events")]
    if doc.valid:
        return []
    return [_problem(doc, err) for err in schema.full_validator().iter_errors(doc.value)]


def _problem(doc: Document, err: jsonschema.ValidationError) -> Problem:
    """One schema error as a positioned problem that never quotes a huge value."""
    path = tuple(err.absolute_path)
    where = ".".join(str(p) for p in path) or "the file"
    rule: dict[str, Any] = err.schema if isinstance(err.schema, dict) else {}
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(rule.get("properties", {})))  # type: ignore[arg-type]
        allowed = ", ".join(rule.get("properties", {}))
        return doc.at((*path, extra[0]), f"unknown key {shown(extra[0])} (allowed here: {allowed})", key=True)
    return doc.at(path, _message(err, where, path))


def _message(err: jsonschema.ValidationError, where: str, path: DocPath) -> str:
    """The words for one broken rule (never the possibly huge value itself)."""
    rule, value, limit = err.validator, err.instance, err.validator_value
    size = len(value) if isinstance(value, (str, list, dict)) else 0
    if rule == "required" and "media" in path and "alt" in limit:  # type: ignore[operator]
        return f"{where}: an image needs alt: what it shows, for people who cannot see it"
    if rule == "required":
        return f"{where}: {err.message}"  # names a property of the schema, not the value
    if rule == "type":
        hint = " (quote it)" if limit == "string" else ""
        return f"{where}: expected {_a(limit)}, found {_kind(value)}{hint}"
    if rule == "pattern":
        return f"{where}: {shown(str(value))} is not valid here ({_pattern_hint(path)})"
    if rule == "enum":
        return f"{where}: {shown(str(value))} is not one of {' | '.join(str(v) for v in limit)}"  # type: ignore[union-attr]
    if rule == "minItems" and path and path[-1] == "citations":
        return f"{where}: an event needs at least one citation"
    if rule == "minLength":
        return f"{where}: must not be empty"
    if rule == "maxLength":
        return f"{where}: too long ({size:,} characters; at most {limit:,})"
    if rule == "maxItems":
        return f"{where}: too many items ({size:,}; at most {limit:,})"
    return f"{where}: does not satisfy {rule} {shown(str(limit))}"


def _a(kind: object) -> str:
    names = {"string": "text", "object": "a mapping (key: value)", "array": "a list"}
    return names.get(str(kind), str(kind))


def _kind(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def _pattern_hint(path: DocPath) -> str:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return {
        "url": "a URL must start with http:// or https://",
        "archive": "a plain file name",
        "zone": "an IANA time zone such as Asia/Almaty",
        "countries": "an ISO 3166-1 alpha-2 code in capitals, such as RU or SU",
        "language": "a BCP 47 language tag such as en, ru or pt-BR",
        "native_language": "a BCP 47 language tag such as en, ru or pt-BR",
        "translations": "a BCP 47 language tag such as en, ru or pt-BR",
    }.get(last, "ids are lower-case letters, digits and single hyphens, such as soyuz-ms-19-launch")
