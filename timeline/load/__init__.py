"""Reading, checking and caching data files: ``events.yaml`` in, an immutable Timeline out.

- :mod:`~timeline.load.files`: the file's bytes, bounded;
- :mod:`~timeline.load.yamlread` / :mod:`~timeline.load.fastyaml`: YAML to plain values
  (precise, with positions / fast, for large valid files);
- :mod:`~timeline.load.schema` / :mod:`~timeline.load.structure`: structure, from the published
  JSON Schema, and its problems in words;
- :mod:`~timeline.load.checks`: meaning, one function per record kind;
- :mod:`~timeline.load.archive`: quotes against archived copies of the sources;
- :mod:`~timeline.load.indexing`: the query indexes of a snapshot;
- :mod:`~timeline.load.build`: all of the above, in order;
- :mod:`~timeline.load.cache` / :mod:`~timeline.load.snapshot`: validated snapshots on disk.
"""

from __future__ import annotations

from timeline.load.archive import normalise_quote
from timeline.load.build import build, load
from timeline.load.checks import check_url
from timeline.load.files import MAX_FILE_BYTES, read_file
from timeline.load.problems import LoadError, Problem
from timeline.load.schema import SCHEMA_PATH

__all__ = [
    "MAX_FILE_BYTES",
    "SCHEMA_PATH",
    "LoadError",
    "Problem",
    "build",
    "check_url",
    "load",
    "normalise_quote",
    "read_file",
]
