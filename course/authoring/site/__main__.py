"""Build the static course site: python3 -m course site [--out build/site]"""

import argparse
import sys
import time
from pathlib import Path

from course.authoring import site


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m course site", description=__doc__)
    parser.add_argument("--out", default=str(site.COURSE / "build" / "site"), help="the folder to build into")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        pages = site.build(args.out)
    except site.SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    out = Path(args.out)
    size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    print(
        f"built the course site in {time.monotonic() - started:.0f} s: {out / 'index.html'} "
        f"({size / 1e6:.1f} MB). Open it in a browser, or serve it: python -m http.server -d {out}"
    )
    missing = [name for name in site.REFERENCE_PAGES if name not in {path.stem for path in pages}]
    if missing:
        print("not in the sidebar until the course has them: " + ", ".join(f"notebooks/{name}.md" for name in missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
