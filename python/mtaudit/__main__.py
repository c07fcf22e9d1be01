"""``python -m mtaudit ...``: the mtaudit command line."""

import sys

from . import run_cli


def main() -> None:
    sys.exit(run_cli(sys.argv[1:], handle_signals=True))


if __name__ == "__main__":
    main()
