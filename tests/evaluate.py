"""``make eval``: claim and toponym scores against the hand-written gold files.

Prints claim precision/recall (tests/eval_claims.py) and toponym precision, recall and
resolution accuracy for claimmap and the ``geotext`` peer (tests/eval_places.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_claims  # noqa: E402
import eval_places  # noqa: E402


def main() -> int:
    print("== claims (speaker-attributed) ==")
    eval_claims.main([])
    print()
    print("== places ==")
    return eval_places.main()


if __name__ == "__main__":
    raise SystemExit(main())
