"""Write a synthetic events.yaml with N events (mixed precisions, zones, facets, citations)."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

COUNTRIES = ["RU", "US", "KZ", "SU", "JP", "FR", "DE", "CN", "IN", "GB", "CA", "IT", "ES", "BR", "NO"]
TAGS = ["launch", "docking", "landing", "announcement", "casting", "film", "first", "tourism", "training"]
ZONES = ["Asia/Qyzylorda", "Asia/Almaty", "America/New_York", "Europe/Moscow", "America/Chicago"]


def date_text(rng: random.Random) -> tuple[str, str | None]:
    """A random date in one of the supported forms, and a zone when it has a time."""
    year = rng.randint(1950, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.1:
        return f"{year}", None
    if kind < 0.25:
        return f"{year}-{month:02d}" + rng.choice(["", "~", "?"]), None
    if kind < 0.6:
        return f"{year}-{month:02d}-{day:02d}", None
    if kind < 0.63:
        return f"{year}-{month:02d}/{min(year + 1, 2025)}-{month:02d}", None
    zone = rng.choice(ZONES)
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z", zone


def generate(count: int, seed: int = 1) -> str:
    """The text of a valid file with ``count`` events."""
    rng = random.Random(seed)
    actors, sources = max(20, count // 200), max(10, count // 500)
    out = ["title: Synthetic timeline", "description: Generated for benchmarks.", "sources:"]
    for i in range(sources):
        out += [
            f"  - id: source-{i}",
            f"    title: Source number {i}",
            "    publisher: Bench Press",
            "    published: 2021-10-05",
            f"    url: https://example.org/articles/{i}",
        ]
    out.append("actors:")
    for i in range(actors):
        out += [
            f"  - id: actor-{i}",
            f"    name: Actor Person {i}",
            "    kind: person",
            f"    countries: [{rng.choice(COUNTRIES)}]",
            f"    aliases: [A. Person {i}]",
            "    born: 1970-01-01",
        ]
    out.append("events:")
    for i in range(count):
        when, zone = date_text(rng)
        chosen_actors = ", ".join(f"actor-{rng.randrange(actors)}" for _ in range(rng.randint(1, 3)))
        chosen_countries = ", ".join(sorted(set(rng.sample(COUNTRIES, rng.randint(1, 2)))))
        out += [
            f"  - id: event-{i}",
            f"    title: Synthetic event {i} with a rocket and a film crew",
            f"    date: {when}",
        ]
        if zone:
            out.append(f"    zone: {zone}")
        out += [
            f"    place: Place {rng.randrange(500)}",
            f'    summary: "Summary of event {i}: something happened, reported by several outlets."',
            f"    actors: [{chosen_actors}]",
            f"    countries: [{chosen_countries}]",
            f"    tags: [{rng.choice(TAGS)}]",
            "    citations:",
            f"      - source: source-{rng.randrange(sources)}",
            f'        quote: "The sentence in the article that supports event {i}."',
        ]
    return "\n".join(out) + "\n"


def main() -> None:
    """Command line: generate.py N OUT."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.write_text(generate(args.count), encoding="utf-8")


if __name__ == "__main__":
    main()
