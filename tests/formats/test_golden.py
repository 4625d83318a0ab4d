"""The exact bytes of every export, pinned: a faster writer must write the very same files.

Readers' calendars, feed readers and reference managers keep what they imported; a change of a
single byte (a folded line, an escaped character, a date's wording) makes them see an update.
So the SHA-256 of each export of four data files is pinned here: the bundled story, a generated
file (``bench/generate.py``: many zones, seconds, vague dates), mini.yaml with hostile text in
every field (escaping, long lines, multi-byte characters), and mini.yaml with a date of every
form and precision from the year 1 to 9999. An intended change of output updates the pins:
``.venv/bin/python -m tests.formats.test_golden`` prints them.
"""

from __future__ import annotations

import hashlib
import tempfile
from datetime import date
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from bench.generate import generate
from tests.formats.conftest import HOSTILE, MINI, ROOT, serve, with_text
from timeline.formats import FORMATS, csl

# CSL-JSON says the day our pages were accessed (today): pinned files are made on a fixed day.
PINNED_DAY = date(2026, 12, 1)

# Dates of every form the data file may write (plus the zone of a moment), each an extra event.
DATES = [
    "0001", "0001-01", "0001-01-01", "9999", "9999-12-31", "9999-12~", "2021?", "2021-10%",
    "1957-11-03/1958-04-14", "../2021-06-01", "2021-06-01/..", "/1961-04", "1961-04/",
    "196X", "19XX", "1985-04-XX", "1985-XX-XX", "2021-10-05T08:55:02Z", "2021-10-17T04:35Z/2021-10-17T09:00Z",
    "9999-12-30T02:00Z", "2021-03-28T00:30Z", "2024-02-29T23:59:59Z",
]  # fmt: skip
ZONES = ["Europe/Moscow", "Asia/Almaty", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe"]


def every_date() -> str:
    """mini.yaml with one more event for each of :data:`DATES` (zones in turn)."""
    extra = "".join(
        f"  - id: extra-{i}\n    title: Extra event {i} dated {text} — “long enough to fold” ✓\n"
        f'    date: "{text}"\n    zone: {ZONES[i % len(ZONES)]}\n'
        f"    status: {('happened', 'planned', 'cancelled')[i % 3]}\n"
        "    citations:\n      - source: agency\n        quote: It happened.\n"
        for i, text in enumerate(DATES)
    )
    return MINI.read_text(encoding="utf-8") + extra


def files() -> dict[str, Path | str]:
    """The data files whose exports are pinned, by name."""
    return {
        "story": ROOT / "events.yaml",
        "generated": generate(400, seed=7),
        "hostile": with_text(HOSTILE),
        "dates": every_date(),
    }


PINS = {
    "story": {
        "ics": "800efed7db49a6d68b180ab8ae12dbe79cdada8194a1a57f7a287a77761bfceb",
        "atom": "969b338f60cbf84ad3a2f9532ff0fabb10f35bac2dc628c924010195705e39ae",
        "json": "5861e7593e8adde68593ab1236f5b95a1e1275035681b4acee8835cb396b6bf1",
        "bib": "a22895d5724d7a27b165973834355b259bc9bcdb70a3f7f112201a4186800e73",
        "csl.json": "6f0944efb5c5b59a818fb3ce28b33b1ac866cfa475615b712c7bcc79e93bc8c5",
        "csv": "5f3c184aba9d9ce2db7bcec27b49f76ff8e17c14a8d20351a756f08eef1df14a",
        "timelinejs.csv": "515971c59e80c4b07b719d8cd7c16422a5a948fac69d645a43cd4b142fcbbe06",
        "timelinejs.json": "a9526afbb1f89899a3e718c6ebab15355030f9b0951192d544933ed4b9c62a45",
    },
    "generated": {
        "ics": "5a5922ed6151e64eee6e1c9495d85900c245bc22522865902405b51e1a68a73b",
        "atom": "899d865511fb06551ea6633cc0f019e447dbdb8f0124ad70610800134232b8d6",
        "json": "3334fe3f680892e044056d82b7ca33442dfffc63bde9c143fc8311375b911911",
        "bib": "720d3749d94974e506053d1795c4ae05b5e28ca6feaa8529dc6be7c04d7ecd7e",
        "csl.json": "7a70a50a563c40ccc71935bddbe907e0639dda8f3f0892f0481bed99266d5d52",
        "csv": "ffda9dc02aac9c0f81b6c355f828847cb91837916ac0afa9c4c8fec02ad43c1d",
        "timelinejs.csv": "0c33353e627c82868e31be973cb4aa360150e1f1090fc3133fd3a11e1ba31009",
        "timelinejs.json": "ddf16e340aa182de6baf25090def16e5ac4b123ea6258a401afc67c6bc726cb8",
    },
    "hostile": {
        "ics": "fde36f0150aad4d550119bcbeb0092442da6eb2f768cd63dc0b521179ff24d16",
        "atom": "6decfc5f6e08f0434bc66dffe3994e43b2e761d6a33f209cbee2837c8a094313",
        "json": "d9ae2983bbc6ad47ad8bed601e10d59f4af4702df08a9a3d9410005146c0009b",
        "bib": "81dfbdf2d05a7bf4cdf100d3fc39ed5f839c802e5a5d79325d0da3fc1dbd7e04",
        "csl.json": "ee78437d9a375fb360564d607b4afc7f841efda636504f98fe7301a19c4d2ab4",
        "csv": "2d74b7699f06c7729937eb182ac3411cc4c57425b8cb52ba92bd7d619e78d148",
        "timelinejs.csv": "12f72c67053c12898da30d44ad64a5cfd41df21d27f706e3494068b06d32cc15",
        "timelinejs.json": "b14e1e78cccbbaefe4b213c5208dc98f958a7324f9ae10a0848a3ddc6a4b0acc",
    },
    "dates": {
        "ics": "8af6c3c0307f0eaf4275b01094dd8dceb8737131d2d0d35084c2e05fc6f086bf",
        "atom": "bf2c212c7e81e31e5f05d9393fe84950c0cecbb1ba1d505f614cccd5d27827b7",
        "json": "f6d430e67511ca2ecae6598b29baac6a04aa46b87b79473767c2b5e4bc42402e",
        "bib": "646b1d8753b306b2242f91917b6314c573771b72b46690c96dfdf9db5a63ef89",
        "csl.json": "8ac944af167a64ff7cb178103815cb1b3ef1d0e80a5bffb8cd2a85608e71ecbb",
        "csv": "d9572f1580dddb91c09b13e8cc3ecab3b05cf355e234d5b771552b530dfe44c9",
        "timelinejs.csv": "fad0935edb218e5ad95bcc1f13439268a6a2652a0eb4aac2d8e5cc50a67325d1",
        "timelinejs.json": "4a02160611cec2ad506482baf0f500754df14dcb11c2bc7b41093a89a2838ca3",
    },
}


def digests(client: FlaskClient) -> dict[str, str]:
    """The SHA-256 of each format's export of every event the client's data holds."""
    found = {}
    for name in FORMATS:
        response = client.get(f"/export.{name}?limit=200000")
        assert response.status_code == 200, response.text[:500]
        found[name] = hashlib.sha256(response.data).hexdigest()
    return found


@pytest.fixture(autouse=True)
def pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports made on :data:`PINNED_DAY`, whatever today is."""
    monkeypatch.setattr(csl, "today", lambda: PINNED_DAY)


@pytest.mark.parametrize("data", list(files()))
def test_every_export_is_byte_for_byte_as_pinned(data: str, tmp_path: Path) -> None:
    client = serve(tmp_path, files()[data]).test_client()
    assert digests(client) == PINS[data]


if __name__ == "__main__":
    csl.today = lambda: PINNED_DAY  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        for data, source in files().items():
            (Path(folder) / data).mkdir()
            print(f"    {data!r}: {digests(serve(Path(folder) / data, source).test_client())!r},")
