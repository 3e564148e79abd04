"""Synthetic programmes of any size, for benchmarks and scale tests.

python -m benchmarks.synth --events 5000 --participants 300 > big.yaml
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta

KINDS = ("meeting", "visit", "meal", "reception", "other")


def programme(
    events: int = 5000,
    participants: int = 300,
    groups: int = 20,
    venues: int = 60,
    seed: int = 1,
    individual_every: int = 0,
) -> str:
    """YAML text of a valid programme: parallel sessions per group, a hotel, trains.

    With `individual_every` = n, every n-th event also names one participant of another
    group, as real programmes do (a speaker, an interpreter): people then stop sharing
    one timeline per group, which is what makes the checks' work grow.
    """
    rng = random.Random(seed)
    days = max(1, events // (groups * 4))
    start = date(2030, 3, 4)
    end = start + timedelta(days=days - 1)
    out = [
        "programme:",
        f"  id: synthetic-{events}",
        f"  title: Synthetic programme of {events} events",
        "  timezone: Europe/Brussels",
        f"  start: {start}",
        f"  end: {end}",
        "groups:",
    ]
    out += [f"  g{g}: Group {g}" for g in range(groups)]
    out.append("participants:")
    for p in range(participants):
        out += [f"  - id: p{p}", f"    name: Participant {p}", f"    group: g{p % groups}"]
    out.append("venues:")
    out += ["  hotel:", "    name: Hotel", "    geo: [50.8400, 4.3600]"]
    for v in range(venues):
        lat, lon = 50.80 + rng.random() * 0.1, 4.30 + rng.random() * 0.15
        out += [
            f"  v{v}:",
            f"    name: Venue {v}",
            f"    address: Street {v}, Brussels",
            f"    geo: [{lat:.4f}, {lon:.4f}]",
        ]
    out.append("days:")
    written = 0
    for d in range(days):
        day = start + timedelta(days=d)
        out.append(f"  {day}:")
        if d == 0:
            out += [
                "    - kind: hotel",
                "      title: Hotel",
                "      venue: hotel",
                '      time: "15:00"',
                f"      until: {end + timedelta(days=1)}",
            ]
        per_day = events // days + (1 if d < events % days else 0)
        for i in range(per_day):
            g = i % groups
            slot = i // groups
            who = f"g{g}"
            if individual_every and written % individual_every == individual_every - 1:
                who += f", p{rng.randrange(participants)}"
            hour = 8 + (slot * 2) % 14
            out += [
                f"    - title: Session {d}-{i}",
                f"      kind: {rng.choice(KINDS)}",
                f'      time: "{hour:02d}:00-{hour + 1:02d}:{rng.choice((0, 15, 30, 45)):02d}"',
                f"      venue: v{rng.randrange(venues)}",
                f"      who: [{who}]",
            ]
            written += 1
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--individual-every", type=int, default=0, help="every n-th event also names one person")
    args = parser.parse_args()
    print(
        programme(args.events, args.participants, seed=args.seed, individual_every=args.individual_every),
        end="",
    )


if __name__ == "__main__":
    main()
