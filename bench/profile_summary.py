"""Where the time goes in a py-spy collapsed-stack file (``run.py --profile-dir``).

    python bench/profile_summary.py prof/get_service.txt [--top 25] [--match zcrm_local]

Prints each function's share of all samples: inclusive (on the stack) and self (on top).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path


def summarize(path: Path, top: int, match: str | None) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        total += n
        frames = [_short(f) for f in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    lines = [f"{path.name}: {total} samples", f"{'incl %':>7} {'self %':>7}  function"]
    for frame, n in inclusive.most_common():
        if match and match not in frame:
            continue
        lines.append(f"{100 * n / total:>7.1f} {100 * own[frame] / total:>7.1f}  {frame}")
        if len(lines) >= top + 2:
            break
    return "\n".join(lines)


def _short(frame: str) -> str:
    """``func (path/to/zcrm_local/x/y.py:12)`` → ``func (zcrm_local/x/y.py)``: lines merged."""
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "lib/python3.11/", "/src/"):
        if marker in where:
            where = where.split(marker, 1)[1]
            break
    return f"{name} ({where})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--match", help="only functions whose name or file contains this")
    args = parser.parse_args()
    for path in args.files:
        print(summarize(path, args.top, args.match))
        print()


if __name__ == "__main__":
    main()
