"""A deterministic generator of realistic articles for the benchmark.

Articles are assembled from the bundled gazetteer's real places (the border-theatre
settlements file and the Russian/Ukrainian regions) and varied speakers, titles and
reporting patterns — direct quotes before and after the speaker, "according to",
indirect speech, pronoun follow-ups and the reporter's own voice — so that the
benchmark exercises the same code paths as real reporting, not copies of the seeds.
The same (n, seed) always writes the same files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

from geo import config

THEATRE = config.GAZETTEER_DIR / config.THEATRE_FILE

REGIONS = ["Kursk region", "Kursk Oblast", "Belgorod region", "Belgorod Oblast", "Bryansk region",
           "Sumy region", "Sumy Oblast", "Kharkiv region", "Chernihiv Oblast"]
COUNTRIES = ["Russia", "Ukraine", "the United States", "Belarus", "Poland"]
SPEAKERS = [
    ("Dmitry Peskov", "Kremlin spokesman"), ("Valery Gerasimov", "Chief of the General Staff"),
    ("Oleksandr Syrsky", "Ukraine's top army commander"), ("Alexander Khinshtein", "acting Kursk governor"),
    ("Vyacheslav Gladkov", "Belgorod governor"), ("Andriy Kovalenko", "head of Ukraine's counter-disinformation centre"),
    ("Volodymyr Zelensky", "Ukrainian President"), ("Maria Zakharova", "Foreign Ministry spokeswoman"),
    ("Ihor Klymenko", "Interior Minister"), ("Dmytro Lubinets", "human rights commissioner"),
    ("Natalia Humeniuk", "southern command spokeswoman"), ("Yuriy Ignat", "air force spokesman"),
    ("Andrei Belousov", "Defence Minister"), ("Oleh Hryhorov", "Sumy regional governor"),
]
VERBS = ["said", "told reporters", "wrote on Telegram", "claimed", "reported", "added", "stated"]
EVENTS = [
    "drones struck an energy facility near {settlement}",
    "units had repelled an assault on {settlement}",
    "shelling damaged several houses in {settlement}",
    "evacuation of civilians from {settlement} was under way",
    "forces had advanced two kilometres towards {settlement}",
    "a convoy was hit on the road between {settlement} and {other}",
    "air defences shot down {number} drones over the {region}",
    "{number} people were wounded in {settlement}",
]


def _settlements() -> list[str]:
    with THEATRE.open(encoding="utf-8") as handle:
        return sorted({row["name"] for row in csv.DictReader(handle)})


def _sentence(rng: random.Random, places: list[str], speaker: tuple[str, str]) -> str:
    name, title = speaker
    event = rng.choice(EVENTS).format(
        settlement=rng.choice(places), other=rng.choice(places), region=rng.choice(REGIONS),
        number=rng.randint(2, 120),
    )
    surname = name.split()[-1]
    pattern = rng.randrange(6)
    if pattern == 0:
        return f"{title[0].upper()}{title[1:]} {name} {rng.choice(VERBS)} that {event}."
    if pattern == 1:
        return f"According to {surname}, {event}."
    if pattern == 2:
        return f"\u201c{event[0].upper()}{event[1:]},\u201d {surname} said."
    if pattern == 3:
        return f"{surname} {rng.choice(VERBS)}: \u201c{event[0].upper()}{event[1:]}.\u201d"
    if pattern == 4:
        return f"He added that {event}."
    return f"Local reports said {event}, while {rng.choice(COUNTRIES)} gave no comment."


def article(rng: random.Random, index: int, places: list[str]) -> str:
    """One article's full text, header included."""
    date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(181))
    lead = rng.choice(SPEAKERS)
    lines = [f"date {date.isoformat()}", f"title: Border report {index}",
             f"source: {rng.choice(['Wire', 'Kyiv Desk', 'Moscow Desk', 'Border Monitor'])}",
             f"url: https://example.org/reports/{index}"]
    paragraphs = [f"Fighting continued in the {rng.choice(REGIONS)} on {date:%A}, "
                  "officials on both sides said."]
    for _ in range(rng.randint(6, 10)):
        speaker = lead if rng.random() < 0.5 else rng.choice(SPEAKERS)
        paragraphs.append(_sentence(rng, places, speaker))
    paragraphs.append(f"{rng.choice(COUNTRIES)} has not commented on the reports from {rng.choice(places)}.")
    return "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(n: int, out_dir: Path, seed: int = 7) -> list[Path]:
    """Write ``n`` articles into ``out_dir`` (created); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    places = _settlements()
    paths = []
    for index in range(n):
        path = out_dir / f"bench_{index:06d}.txt"
        path.write_text(article(rng, index, places), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.corpus N OUT [--seed S]``: write a benchmark corpus by hand."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description="Write N generated articles (real gazetteer places, varied speakers and "
                    "reporting patterns) into OUT; the same N and seed always write the same "
                    "files. make bench makes its corpora itself.")
    parser.add_argument("n", type=int, help="how many articles")
    parser.add_argument("out", type=Path, help="folder to write them into (created)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: %(default)s)")
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out, seed=args.seed)
    print(f"wrote {len(paths)} articles into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
