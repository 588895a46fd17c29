"""Check the body charts against the deck files, without the app or a database:

    python -m studyapp.core.body decks/            # every problem, then the audit's summary
    python -m studyapp.core.body decks/ --only KI  # problems of one channel's points
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from studyapp.core.body.charts import Charts, describe_report
from studyapp.core.body.positions import PositionError, PositionSpec, parse_positions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyapp.core.body")
    parser.add_argument("decks", type=Path, nargs="?", default=Path("decks"))
    parser.add_argument("--only", default="",
                        help="report only points whose code starts with one of these (comma-separated: KI,SP-1)")
    args = parser.parse_args(argv)
    specs: dict[str, tuple[PositionSpec, ...]] = {}
    locations: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(args.decks.glob("*.toml")):
        for record in tomllib.loads(path.read_text(encoding="utf-8")).get("points", []):
            code = record["code"]
            locations[code] = record.get("location", "")
            if "position" in record:
                try:
                    specs[code] = parse_positions(record["position"])
                except PositionError as error:
                    problems.append(f"{path}: {code}: {error}")
    charts = Charts.build(specs)
    problems += describe_report(charts, locations, locations)
    prefixes = tuple(part.strip() for part in args.only.split(",") if part.strip())

    def wanted(line: str) -> bool:
        code = line.split(": ")[1] if line.startswith("decks") else line.split(": ")[0]
        return not prefixes or code.startswith(prefixes)

    shown = [line for line in problems if wanted(line)]
    for line in shown:
        print(line)
    placed = sum(1 for code in locations if code in charts.placed)
    print(f"{placed}/{len(locations)} points placed on {len(charts.views)} views; "
          f"{len(charts.drift)} stated distances, largest drift {charts.largest_drift:.3f} cun; "
          f"{len(problems)} problem(s) in all, {len(shown)} shown")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
