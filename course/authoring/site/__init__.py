"""The static course site: every lesson with its stored outputs, readable in a browser.

    python3 -m course site [--out build/site]     (installs its packages first; `make site` does the same)

A maintainers' tool, run from a clone of the course. It stages a copy of the course for Sphinx
(myst-nb and the book theme: the engine of Jupyter Book 1.x, which builds offline) and builds it.
The course's own notebooks are only read. In the staged copy:

* each plotly figure becomes HTML drawn by the site's own plotly.js (myst-nb skips plotly's output
  type, and plotly's notebook HTML would load MathJax and plotly.js from CDNs);
* each matplotlib image gets its chart's text alternative as `alt` (myst-nb reads it from the cell's
  metadata only);
* widget outputs and widget state are dropped (the sliders only work in a running notebook, and
  stored widget state makes myst-nb load scripts from CDNs);
* the instructor guide names the answer keys but links none of them: no page leads to solutions/.

The home page is the README's introduction (with its "which kind of reader are you?" box) and course map.
The pages of `docs/` for each kind of reader (DOCS_PAGES) have a sidebar section of their own; their links
to repository files that are not pages of the site become the file's name in code type. A glossary, the pandas phrasebook and a
further-reading page join the sidebar when `notebooks/glossary.md` / `notebooks/phrasebook.md` /
`notebooks/further_reading.md` (or .ipynb) exist.
"""

import html
import json
import re
import shutil
from pathlib import Path

import nbformat

from takedown.paths import COURSE

HERE = Path(__file__).resolve().parent
PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"
ALT_PREFIX = "**Text alternative:**"
# Pages of reference material, picked up when the course has them (in this order).
REFERENCE_PAGES = ("glossary", "phrasebook", "further_reading")
# The pages of docs/, one for each kind of reader, in the sidebar's order (docs/content_note.md is quoted by
# every notebook and the README, not a page of its own).
DOCS_PAGES = (
    "students",
    "instructors",
    "grading-platforms",
    "it",
    "authors",
    "maintainers",
    "troubleshooting",
    "safety",
    "safety-students",
)
MARKDOWN_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


class SiteError(Exception):
    """Something a maintainer can fix, said in a sentence."""


def plain_text(markdown):
    """A chart's text alternative without its Markdown: '**a** [b](c) `d`' -> 'a b d'."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip()


def text_alternative(output):
    """The text alternative a Chart prints under its figure, or None for any other output.

    Under a chart that a prediction is asked about, it sits in a closed <details> disclosure
    (takedown/charts/disclosure.py: chart_with_closed_alt)."""
    markdown = output.get("data", {}).get("text/markdown", "")
    if isinstance(markdown, list):
        markdown = "".join(markdown)
    if markdown.startswith("<details>") and ALT_PREFIX in markdown:
        markdown = markdown[markdown.index(ALT_PREFIX) :].split("</details>")[0].strip()
    return plain_text(markdown[len(ALT_PREFIX) :]) if markdown.startswith(ALT_PREFIX) else None


def plotly_html(figure_json, alt):
    """A stored plotly figure as HTML that needs only the site's own plotly.js."""
    import plotly.io as pio

    figure = pio.from_json(json.dumps(figure_json), skip_invalid=True)
    chart = pio.to_html(
        figure, full_html=False, include_plotlyjs=False, include_mathjax=False, config={"displaylogo": False}
    )
    label = f' aria-label="{html.escape(alt, quote=True)}"' if alt else ""
    return f'<div class="course-chart" role="figure"{label}>{chart}</div>'


def site_notebook(notebook):
    """A copy of a lesson for the site: plotly as HTML, images with their alt, no widgets."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        alts = [alt for alt in map(text_alternative, cell.outputs) if alt]
        alt = alts[0] if alts else None
        kept = []
        for output in cell.outputs:
            data = output.get("data", {})
            if WIDGET in data:
                continue
            if PLOTLY in data:
                output["data"] = {"text/html": plotly_html(data[PLOTLY], alt)}
            if "image/png" in data and alt:
                cell.metadata.setdefault("mystnb", {}).setdefault("image", {})["alt"] = alt
            kept.append(output)
        cell.outputs = kept
    return notebook


def lessons():
    return sorted((COURSE / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def reference_pages():
    """The glossary and further reading, for those the course has."""
    found = []
    for name in REFERENCE_PAGES:
        found += [
            path
            for path in (COURSE / "notebooks" / f"{name}.md", COURSE / "notebooks" / f"{name}.ipynb")
            if path.exists()
        ][:1]
    return found


def docs_pages():
    """The readers' pages of docs/ the course has."""
    return [COURSE / "docs" / f"{name}.md" for name in DOCS_PAGES if (COURSE / "docs" / f"{name}.md").exists()]


def site_target(path, staged):
    """Where a repository file is on the site, relative to the site's root, or None if it is not a page."""
    name = path.relative_to(COURSE).as_posix() if path.is_relative_to(COURSE) else None
    if name == "README.md":
        return "index.md"
    if name == "solutions/README.md":
        return "instructors.md"
    return name if name in staged else None


def site_links(markdown, where, staged):
    """Links of a page at `where` (its folder on the site, "" or "docs") between site pages; any other
    link into the repository becomes the file's name in code type (Sphinx would warn, and the site has
    no copy of it)."""

    def replace(match):
        bang, text, target = match.groups()
        address, _, anchor = target.partition("#")
        if bang or not address or re.match(r"[a-z]+:", address):
            return match.group(0)
        path = (COURSE / where / address).resolve()
        found = site_target(path, staged)
        if found:
            relative = (
                Path(found).relative_to(where).as_posix()
                if where and found.startswith(where + "/")
                else (("../" * len(Path(where).parts)) + found)
            )
            return f"[{text}]({relative}{'#' + anchor if anchor else ''})"
        shown = path.relative_to(COURSE).as_posix() if path.is_relative_to(COURSE) else address
        return text if text.strip("`") == shown else f"{text} (`{shown}`)"

    return MARKDOWN_LINK.sub(replace, markdown)


def section(markdown, heading):
    """The text of a '## heading' section of a Markdown file, without its heading."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    if not match:
        raise SiteError(f"README.md has no section '## {heading}', which the site's home page shows")
    return match.group(1).strip()


def home_page(readme, pages):
    """The home page: the README's introduction and its course map, with links between site pages."""
    introduction = readme.split("\n## ", 1)[0].strip()
    introduction = introduction.replace("(solutions/README.md)", "(instructors.md)")
    course_map = section(readme, "The course map").replace("(solutions/README.md)", "(instructors.md)")
    toctrees = [("Lessons", [f"notebooks/{path.stem}" for path in lessons()])]
    if pages:
        toctrees.append(("Reference", [f"notebooks/{path.stem}" for path in pages]))
    if docs_pages():
        toctrees.append(("Guides for each reader", [f"docs/{path.stem}" for path in docs_pages()]))
    toctrees.append(("For instructors", ["instructors"]))
    tables = "\n\n".join(
        f"```{{toctree}}\n:hidden:\n:caption: {caption}\n\n" + "\n".join(docs) + "\n```" for caption, docs in toctrees
    )
    return f"{introduction}\n\n## The course map\n\n{course_map}\n\n{tables}\n"


def instructor_guide(guide):
    """The instructor guide, naming each answer key without linking it (no page leads to solutions/)."""
    guide = re.sub(r"\[([^\]]+)\]\(([^)\s]+\.ipynb)\)", r"`solutions/\2`", guide)
    return guide.replace("](../docs/", "](docs/")


def stage(source):
    """Write the site's sources (a copy of the course's pages, converted) into `source`."""
    import plotly

    if source.exists():
        shutil.rmtree(source)
    (source / "notebooks").mkdir(parents=True)
    (source / "_static").mkdir()
    shutil.copy(HERE / "conf.py", source / "conf.py")
    shutil.copytree(HERE / "templates", source / "_templates")
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", source / "_static" / "plotly.min.js")
    for path in lessons():
        nbformat.write(site_notebook(nbformat.read(path, as_version=4)), source / "notebooks" / path.name)
    pages = reference_pages()
    for path in pages:
        shutil.copy(path, source / "notebooks" / path.name)
    (source / "index.md").write_text(
        home_page((COURSE / "README.md").read_text(encoding="utf-8"), pages), encoding="utf-8"
    )
    staged = {f"notebooks/{path.name}" for path in lessons() + pages} | {"index.md", "instructors.md"}
    staged |= {f"docs/{path.name}" for path in docs_pages()}
    if docs_pages():
        (source / "docs").mkdir()
    for path in docs_pages():
        (source / "docs" / path.name).write_text(
            site_links(path.read_text(encoding="utf-8"), "docs", staged), encoding="utf-8"
        )
    if (COURSE / "docs" / "images").is_dir():  # the readers' pages' screenshots (docs/students.md)
        shutil.copytree(COURSE / "docs" / "images", source / "docs" / "images")
    (source / "instructors.md").write_text(
        instructor_guide((COURSE / "solutions" / "README.md").read_text(encoding="utf-8")), encoding="utf-8"
    )
    return pages


def build(out, work=None, quiet=True):
    """Build the site into `out` (its own folder, replaced); return the pages of reference material found."""
    try:
        import myst_nb  # noqa: F401  (checked here so a missing package gets a sentence, not a traceback)
        import sphinx_book_theme  # noqa: F401
        from sphinx.cmd.build import build_main
    except ImportError as error:
        raise SiteError(
            f"the site's packages are not installed ({error.name}): run python3 -m course site, which installs "
            "them first (or: python3 -m course setup --with course/authoring/site/requirements.txt)"
        ) from None
    out = Path(out).resolve()
    work = Path(work).resolve() if work else out.parent / f"{out.name}-build"
    pages = stage(work / "source")
    if out.exists():
        shutil.rmtree(out)
    arguments = ["-b", "html", "-E", "-W", "--keep-going", "-d", str(work / "doctrees"), str(work / "source"), str(out)]
    if build_main(arguments + (["-q"] if quiet else [])) != 0:
        raise SiteError("Sphinx could not build the site without warnings (see the messages above)")
    return pages
