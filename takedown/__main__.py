"""The course's command line.

    python -m takedown build [NAME...]  make exercises/ from solutions/ and run them
    python -m takedown run NOTEBOOK...  run notebooks top to bottom and save their outputs
"""
import argparse
import sys
from pathlib import Path

from takedown import build

COURSE = Path(__file__).resolve().parents[1]


def command_build(args):
    written = build.build_exercises(COURSE / "solutions", COURSE / "exercises", run=not args.no_run,
                                    only=args.exercises)
    if args.exercises and not written:
        print(f"error: no solution notebook named {', '.join(args.exercises)} in solutions/", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(COURSE)}")


def command_run(args):
    for name in args.notebooks:
        build.run_notebook(name)
        print(f"ran {name}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m takedown", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="make exercises/ from solutions/ and run them")
    make.add_argument("exercises", nargs="*", help="only these exercises, e.g. 03_outlets (default: all)")
    make.add_argument("--no-run", action="store_true", help="write the exercises without running them")
    make.set_defaults(handler=command_build)
    run = commands.add_parser("run", help="run notebooks and save their outputs")
    run.add_argument("notebooks", nargs="+")
    run.set_defaults(handler=command_run)
    args = parser.parse_args(argv)
    try:
        return args.handler(args) or 0
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
