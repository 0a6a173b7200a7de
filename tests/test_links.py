"""The link registry (issue 18): every web address the course ships is reviewed in sources.csv.

A student follows the course's links. Each address in the lessons, exercises, solutions, READMEs, the
package's code, data and templates, and the set-up files must be a row of `takedown/data/sources.csv`
whose review says what a student meets there (`student_meets`), that the page shows no media made by a
terrorist group (`terrorist_media` = no) and when and how it was checked (`reviewed`). A page that does
show such media is cited by name only, with no address anywhere. Technical addresses that are not pages a
student visits (local servers, examples in documentation, link templates) are listed in ALLOWED below,
each with the reason.
"""

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

from takedown import data

COURSE = Path(__file__).resolve().parents[1]

# What the course ships: where an address could reach a student, an instructor or their IT staff.
SHIPPED = [
    "notebooks/*.ipynb",
    "notebooks/*.md",
    "exercises/**/*",
    "solutions/**/*",
    "README.md",
    "docs/**/*",
    "takedown/**/*.py",
    "takedown/**/*.csv",
    "takedown/**/*.md",
    "takedown/**/*.html",
    "takedown/**/*.txt",
    "binder/**/*",
    "jupyter-config/**/*",
    ".github/**/*",
]

ADDRESS = re.compile(r"https?://[^\s<>\"'`)\]\\|]+")

# Addresses that are not pages a student visits, each with why it may stay unregistered.
ALLOWED = {
    # Local servers: JupyterLab and the tests' own servers listen on this machine only.
    r"https?://(127\.0\.0\.1|localhost)([:/].*)?",
    # Example hosts in documentation and error messages (RFC 2606 reserves example.*).
    r"https?://([\w-]+\.)*example\.(edu|org|com|net)(:\d+)?(/.*)?",
    # Templates that the code fills in (a hub's or Binder's address, OWNER/NAME placeholders).
    r"https://github\.com/OWNER/NAME.*",
    r"https://mybinder\.org/?",
    r"https://mybinder\.org/v2/.*",
    r"https?://\{.*",
    # Fragments of regular expressions and docstring examples in course/authoring/links.py and tests/bench.py
    # (the code that builds Binder and nbgitpuller links and checks local servers), not links.
    r"https://github",
    r"https://host/owner/name",
    r"http://\(\?:127",
    # XML and SVG namespaces inside stored chart outputs: identifiers, not pages.
    r"http://www\.w3\.org/(2000/svg|1999/xlink|1999/xhtml|XML/1998/namespace)",
    # Plotly's and JupyterLab's own addresses inside stored outputs and settings (software, not course content).
    r"https://plot\.ly/?",
    r"https://cdn\.plot\.ly/.*",
    r"https://plotly\.com/?",
}
ALLOWED_RE = [re.compile(pattern + r"\Z") for pattern in ALLOWED]


def shipped_files():
    seen = set()
    for pattern in SHIPPED:
        for path in sorted(COURSE.glob(pattern)):
            if path.is_file() and path not in seen and ".ipynb_checkpoints" not in path.parts:
                seen.add(path)
                yield path


def texts(path):
    """The text a reader can meet in a file: a notebook's cell sources and outputs, else the file itself."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".csv":  # one cell per line, so a comma never ends up inside an address
        return "\n".join(cell for row in csv.reader(io.StringIO(raw)) for cell in row)
    if path.suffix != ".ipynb":
        return raw
    notebook = json.loads(raw)
    parts = []
    for cell in notebook["cells"]:
        parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind == "application/vnd.jupyter.widget-view+json":
                    parts.append("".join(value) if isinstance(value, list) else str(value))
            parts.append("".join(output.get("text", "")))
    return "\n".join(parts)


def clean(address):
    """An address as written in Markdown, CSV or Python, without the punctuation that follows it."""
    return address.rstrip(".,;:*_!?")


def addresses():
    """(file, address) for every web address in what the course ships."""
    found = []
    for path in shipped_files():
        for match in ADDRESS.finditer(texts(path)):
            found.append((str(path.relative_to(COURSE)), clean(match.group())))
    return found


def allowed(address):
    return any(pattern.match(address) for pattern in ALLOWED_RE)


def registry():
    return data.sources().set_index("url")


def test_the_registry_has_its_review_columns():
    assert {"student_meets", "terrorist_media", "reviewed"} <= set(data.sources().columns)


def test_every_registered_address_is_reviewed():
    sources = data.sources()
    linked = sources[sources["url"].str.match(r"https?://")]
    unreviewed = linked[
        (linked["student_meets"] == "") | (linked["reviewed"] == "") | (linked["terrorist_media"] == "")
    ]
    assert unreviewed.empty, f"sources not reviewed yet: {list(unreviewed['source'])}"


def test_no_registered_address_shows_terrorist_media():
    sources = data.sources()
    shown = sources[(sources["terrorist_media"] != "no") & (sources["url"] != "")]
    assert shown.empty, (
        f"{list(shown['source'])}: a page marked as showing (or possibly showing) terrorist media "
        "keeps its address; cite it by name only (empty url, 'not linked' in the title) or replace it"
    )


def test_every_shipped_address_is_registered_and_safe():
    sources = registry()
    problems = []
    for file, address in addresses():
        if allowed(address):
            continue
        if address not in sources.index:
            problems.append(f"{file}: {address} is not registered in takedown/data/sources.csv")
            continue
        row = sources.loc[[address]].iloc[0]
        if row["terrorist_media"] != "no":
            problems.append(f"{file}: {address} is marked as showing terrorist media ({row['source']})")
        elif row["student_meets"] == "" or row["reviewed"] == "":
            problems.append(f"{file}: {address} is registered ({row['source']}) but not reviewed")
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize(
    "address",
    [
        "https://www.pri.org/stories/2015-04-22/thanks-listening-isis-radio-english",
        "https://www.bbc.com/news/technology-34466287",
        "https://sputniknews.com/world/201804051063247034-twitter-terrorist-accounts/",
        "http://www.legislation.gov.uk/ukpga/2000/11/section/58/2000-07-20",
        "https://tri-lakestribune.net/2018/04/european-union-police-action-has-punched-big-hole-in-isil/",
    ],
)
def test_the_addresses_issue_18_removed_are_gone_from_what_students_read(address):
    """Pages that play or show IS media, an outlet under an EU ban, the 2001 text of s.58, a junk aggregator."""
    in_student_files = [file for file, found in addresses() if found == address and not file.endswith(".csv")]
    assert not in_student_files, f"{address} is linked again in {in_student_files}"


def test_the_check_catches_an_unregistered_address(tmp_path, monkeypatch):
    """The registry check names the file and the address it cannot find."""
    page = tmp_path / "notebooks" / "x.md"
    page.parent.mkdir()
    page.write_text("See [the page](https://www.bbc.com/news/technology-34466287).", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "COURSE", tmp_path)
    with pytest.raises(AssertionError, match=r"notebooks/x\.md: https://www\.bbc\.com/news/technology-34466287 is not"):
        test_every_shipped_address_is_registered_and_safe()
