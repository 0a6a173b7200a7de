"""Measure the course's speed and size against their floors (for maintainers; see issue 6).

    takedown bench --out build/bench [--submissions 30] [--runs 2] [--repeat 5] [--only suite,grading]
    takedown bench --only setup      (set-up time and size alone, about 4 minutes)

`make bench` runs it. It writes OUT/report.json (every figure, for comparing two runs) and
OUT/report.md (a short table), and prints the table. It is not a test: pytest does not collect
it, and no test asserts a time. Absolute times move from run to run and machine to machine, so
every figure is set beside a floor or a baseline measured in the same run, and reported as a ratio.
The floors, the test suite and grading are measured --runs times and the fastest run of each is
kept: on a shared machine other programs only ever add time. Every run is in the JSON. The bench
unsets PYTHONDONTWRITEBYTECODE for what it runs, so the course runs as its users run it, with
Python's bytecode cache (build artefacts land in the git-ignored __pycache__ folders).

The six measures, and what each is compared with:

1. Test suite (target: at most 1.3 x its floor). The README's test command, notebook part only:
   `pytest --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg -n 2 --dist loadfile
   notebooks solutions exercises`, timed as a whole. Floor: what no implementation can avoid. For
   each notebook, a cold kernel start plus importing what that notebook imports (its import
   statements, found with ast, run as a one-cell notebook with nbclient; the kernel is then
   stopped at once, as nbval stops it), summed over the notebooks and divided by the 2 workers.
   Notebooks with the same imports are measured once a run. Not in the floor: starting pytest,
   nbval and the xdist workers, and anything a notebook does besides importing. To show what the
   former costs by itself, the same command also runs on as many one-cell notebooks (`x = 1`) in a
   temporary folder, against a cold kernel per notebook ÷ 2 (no target).
2. Notebook execution. Each notebook run top to bottom with nbclient in a cold kernel, one at a
   time, the slowest five named. Its floor is that notebook's kernel-plus-imports time from 1;
   no target, it shows where the test suite's time goes: every cell's time (nbclient's
   timestamps), grouped by what the cell shows (a matplotlib or plotly chart, a table, nothing but
   imports, other), and the time outside cells (kernel start and stop, messages).
3. Notebook size (targets: no notebook over 1 MB, all together at most 5 MB). The bytes of every
   stored notebook in notebooks/, solutions/ and exercises/.
4. Import cost (target: at most 1.1 x). For `takedown` and every takedown module M the lessons
   import: a fresh interpreter imports M's dependencies alone (every module `import M` loads,
   except takedown's own, in the order it loads them), then M. Times run from starting the
   interpreter (tear-down left out); --repeat runs, medians. Baseline = start to dependencies
   imported; takedown's own code = the import of M after them, timed inside each interpreter;
   import = baseline + own code (both medians, so a slow start-up in one run cannot skew it).
   The third-party packages each module pulls in are listed, so an import only one lesson needs
   shows up.
5. Set-up (no target; the old way set beside the new). From a fresh `git clone` of the course (its
   last commit) in a temporary folder to JupyterLab answering `/api/status` with the token it
   printed, and the installed size of the venv (bytes of its files, each hard link once), for:
   before (what `make lab` did until November 2026: `python3 -m venv`, pip upgrades itself, pip
   installs every package, the tests' too, then `jupyter lab` on the start lesson); `make lab
   INSTALLER=pip` (the new set-up, pip alone); and `make lab` (the new set-up, uv). Package caches are
   whatever this machine has; the fastest of --runs is kept, so a second run meets warm caches.
6. Grading (target: at most 1.2 x). `python -m takedown grade` on N submissions (copies of the
   blank and the solved exercises, made in a temporary folder) with one job per core, against
   running the same N notebooks bare with nbclient, one process per core. Grading runs in its
   sandbox (bubblewrap); the same command with --unisolated is timed too, to show what the
   sandbox costs (no target).
"""

import argparse
import ast
import csv
import importlib.util
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "solutions", "exercises")
WORKERS = 2  # the README's test command: pytest -n 2
CORES = os.cpu_count() or 1  # the grader's default: one job per core
MEASURES = ("suite", "execution", "size", "imports", "setup", "grading")

TARGETS = {
    "suite": 1.3,  # test suite notebook part / its floor
    "grading": 1.2,  # grading / bare execution of the same notebooks
    "imports": 1.1,  # import M / importing M's dependencies alone
    "largest_bytes": 1_000_000,
    "total_bytes": 5_000_000,
}


# ---- Pure helpers (unit-tested in tests/test_bench.py) ---------------------------------------


def code_without_magics(source):
    """A cell's source with IPython magics and shell lines (`%...`, `!...`) blanked out."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def import_statements(notebook):
    """Every import statement in a notebook's code cells, as source text, in order, without repeats.

    `notebook` is a dict as stored in an .ipynb file (cell sources as strings or lists of lines).
    Imports nested in functions or `if` blocks count too; a cell that is not valid Python is skipped.
    """
    statements = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        try:
            tree = ast.parse(code_without_magics(source))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                statement = ast.unparse(node)
                if statement not in statements:
                    statements.append(statement)
    return statements


def floor_seconds(kernel_and_imports, workers):
    """The test suite's floor: each notebook's kernel start plus imports, summed, over the workers."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    return sum(kernel_and_imports) / workers


def ratio(measured, baseline):
    """measured / baseline, or None when there is no baseline to divide by."""
    return measured / baseline if baseline else None


def met(value, target):
    """'met' when value is at most target, 'missed' when above, '' when there is no value."""
    if value is None:
        return ""
    return "met" if value <= target else "missed"


def slowest(seconds_by_name, count=5):
    """The `count` largest entries of {name: seconds}, largest first, as (name, seconds) pairs."""
    return sorted(seconds_by_name.items(), key=lambda item: (-item[1], item[0]))[:count]


def submission_plan(exercises, count):
    """`count` submissions cycling through the exercises, each blank then solved.

    Returns (file name, exercise, "blank" or "solved") triples.
    """
    pool = [(exercise, kind) for exercise in exercises for kind in ("blank", "solved")]
    if not pool:
        return []
    return [
        (f"{number:03d}_{kind}_{exercise}.ipynb", exercise, kind)
        for number, (exercise, kind) in ((n, pool[n % len(pool)]) for n in range(count))
    ]


def imported_modules(node, is_module):
    """The modules an import statement (an ast node) loads by name.

    `import a.b` -> a.b; `from a import b, c` -> a.b and a.c where those are modules
    (`is_module(name)` says), else a.
    """
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    submodules = [f"{node.module}.{alias.name}" for alias in node.names if is_module(f"{node.module}.{alias.name}")]
    return submodules or [node.module]


# What a code cell shows, by the first of these output types it has (plotly's output also has HTML).
SHOWN_KINDS = (
    ("application/vnd.plotly.v1+json", "plotly chart"),
    ("image/png", "matplotlib chart"),
    ("text/html", "table or HTML"),
)


def cell_kind(cell):
    """What a code cell does, for the breakdown of a notebook's time: the chart or table it shows,
    'imports only', or 'other'; a cell that shows something and also imports says so."""
    shown = {key for output in cell.get("outputs", []) for key in output.get("data", {})}
    source = cell.get("source", "")
    try:
        statements = ast.parse(code_without_magics("".join(source) if isinstance(source, list) else source)).body
    except SyntaxError:
        statements = []
    imports = [node for node in statements if isinstance(node, (ast.Import, ast.ImportFrom))]
    for mime, kind in SHOWN_KINDS:
        if mime in shown:
            return kind + (" (the cell also imports)" if imports else "")
    if statements and len(imports) == len(statements):
        return "imports only"
    return "other"


def cell_seconds(cell):
    """A cell's run time from the timestamps nbclient records (record_timing); 0 when it has none."""
    timing = cell.get("metadata", {}).get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    return (
        datetime.fromisoformat(end.replace("Z", "+00:00")) - datetime.fromisoformat(start.replace("Z", "+00:00"))
    ).total_seconds()


def seconds_by_kind(notebook):
    """{cell kind: seconds} over a run notebook's code cells."""
    spent = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            kind = cell_kind(cell)
            spent[kind] = spent.get(kind, 0.0) + cell_seconds(cell)
    return spent


def human_bytes(count):
    """1234567 -> '1.23 MB' (decimal units, as in the targets)."""
    for unit, size in (("MB", 1e6), ("KB", 1e3)):
        if count >= size:
            return f"{count / size:.2f} {unit}"
    return f"{count} B"


def seconds(value):
    return "" if value is None else f"{value:.2f} s"


def milliseconds(value):
    return "" if value is None else f"{value * 1000:.0f} ms"


def times(value):
    return "" if value is None else f"{value:.2f}×"


def summary_rows(report):
    """The report's main table: (measure, figure, floor or baseline, ratio, target, met) rows."""
    rows = []
    suite = report.get("suite")
    if suite:
        rows.append(
            (
                f"Test suite, notebook part ({suite['notebooks']} notebooks, pytest -n {suite['workers']})",
                seconds(suite["seconds"]),
                f"{seconds(suite['floor_seconds'])} (kernel + imports, ÷ {suite['workers']})",
                times(suite["ratio"]),
                f"≤ {TARGETS['suite']}×",
                met(suite["ratio"], TARGETS["suite"]),
            )
        )
        harness = suite.get("harness")
        if harness:
            rows.append(
                (
                    f"The same command on {harness['notebooks']} one-cell notebooks (the test harness alone)",
                    seconds(harness["seconds"]),
                    f"{seconds(harness['floor_seconds'])} (kernel, ÷ {suite['workers']})",
                    times(harness["ratio"]),
                    "",
                    "",
                )
            )
    execution = report.get("execution")
    if execution:
        rows.append(
            (
                f"Notebooks run one at a time, cold kernels ({len(execution['by_notebook'])})",
                seconds(execution["seconds"]),
                f"{seconds(execution['floor_seconds'])} (kernel + imports)",
                times(execution["ratio"]),
                "",
                "",
            )
        )
    size = report.get("size")
    if size:
        largest_name, largest = size["largest"]
        rows.append(
            (
                f"Largest notebook ({largest_name})",
                human_bytes(largest),
                human_bytes(TARGETS["largest_bytes"]),
                times(largest / TARGETS["largest_bytes"]),
                f"≤ {human_bytes(TARGETS['largest_bytes'])}",
                met(largest, TARGETS["largest_bytes"]),
            )
        )
        rows.append(
            (
                f"All notebooks together ({len(size['by_notebook'])})",
                human_bytes(size["total_bytes"]),
                human_bytes(TARGETS["total_bytes"]),
                times(size["total_bytes"] / TARGETS["total_bytes"]),
                f"≤ {human_bytes(TARGETS['total_bytes'])}",
                met(size["total_bytes"], TARGETS["total_bytes"]),
            )
        )
    imports = report.get("imports")
    if imports:
        shown = [("`import takedown`", "takedown")]
        if imports["worst"] != "takedown":
            shown.append((f"Worst lesson module: `import {imports['worst']}`", imports["worst"]))
        for label, module in shown:
            entry = imports["by_module"][module]
            rows.append(
                (
                    label,
                    seconds(entry["seconds"]),
                    f"{seconds(entry['deps_seconds'])} (its dependencies)",
                    times(entry["ratio"]),
                    f"≤ {TARGETS['imports']}×",
                    met(entry["ratio"], TARGETS["imports"]),
                )
            )
    grading = report.get("grading")
    if grading:
        rows.append(
            (
                f"Grading {grading['submissions']} submissions ({grading['jobs']} jobs)",
                seconds(grading["seconds"]),
                f"{seconds(grading['bare_seconds'])} (bare nbclient)",
                times(grading["ratio"]),
                f"≤ {TARGETS['grading']}×",
                met(grading["ratio"], TARGETS["grading"]),
            )
        )
        if grading.get("unisolated_seconds"):
            rows.append(
                (
                    "Grading in the sandbox vs --unisolated",
                    seconds(grading["seconds"]),
                    f"{seconds(grading['unisolated_seconds'])} (--unisolated)",
                    times(grading["sandbox_ratio"]),
                    "—",
                    "—",
                )
            )
    return rows


def time_breakdown_rows(execution):
    """(part, seconds, share) rows: cell kinds, largest first, then the time outside any cell."""
    parts = sorted(execution["by_kind"].items(), key=lambda item: -item[1])
    parts.append(("outside cells: kernel start and stop, messages", execution["outside_cells_seconds"]))
    total = execution["seconds"]
    return [(part, seconds(spent), f"{spent / total:.0%}" if total else "") for part, spent in parts]


def suite_reason(report):
    """When the test suite misses its target, why, in words, from the report's own figures; else ''."""
    suite = report.get("suite")
    if not suite or met(suite["ratio"], TARGETS["suite"]) != "missed":
        return ""
    sentences = [f"**Why the test suite misses {TARGETS['suite']}×:**"]
    harness = suite.get("harness")
    if harness:
        sentences.append(
            f"the same command on {harness['notebooks']} one-cell notebooks already takes "
            f"{times(harness['ratio'])} their floor (starting pytest and its workers, collecting, "
            f"scheduling);"
        )
    execution = report.get("execution")
    if execution:
        charts = sum(spent for kind, spent in execution.get("by_kind", {}).items() if "chart" in kind)
        sentences.append(
            f"run one at a time, the notebooks take {times(execution['ratio'])} their kernel and "
            f"imports, and cells that draw charts take {seconds(charts)} of their "
            f"{seconds(execution['seconds'])}."
        )
    return " ".join(sentences)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def format_report(report):
    """The human report: the main table, then the slowest notebooks and the import details."""
    lines = [
        "# Course benchmark",
        "",
        f"{report['machine']['cores']} cores, Python {report['machine']['python']}, "
        f"{report['started']}, took {seconds(report.get('bench_seconds'))}; load average "
        f"{report['machine']['load_before']} before, {report['machine'].get('load_after')} after"
        + (
            "; PYTHONDONTWRITEBYTECODE was set, unset for the bench."
            if report["machine"].get("PYTHONDONTWRITEBYTECODE_unset_for_the_bench")
            else "."
        ),
        "",
        markdown_table(("Measure", "Figure", "Floor / baseline", "Ratio", "Target", "Met"), summary_rows(report)),
    ]
    if "kernel_alone_seconds" in report:
        kernel = seconds(report["kernel_alone_seconds"])
        lines += ["", f"A cold kernel alone (start, one empty cell, stop) took {kernel}."]
    suite = report.get("suite")
    if suite and suite.get("returncode"):
        lines += ["", f"**The test run failed** (pytest exit {suite['returncode']}): {suite['outcome']}"]
    reason = suite_reason(report)
    if reason:
        lines += ["", reason]
    execution = report.get("execution")
    if execution:
        rows = [
            (
                name,
                seconds(entry["seconds"]),
                seconds(entry["floor_seconds"]),
                times(ratio(entry["seconds"], entry["floor_seconds"])),
            )
            for name, entry in ((name, execution["by_notebook"][name]) for name, _ in execution["slowest"])
        ]
        lines += [
            "",
            "Slowest five notebooks (cold kernel, one at a time):",
            "",
            markdown_table(("Notebook", "Run", "Kernel + imports", "Ratio"), rows),
        ]
        if execution.get("by_kind"):
            lines += [
                "",
                "Where the time of the notebooks run one at a time goes (cells grouped by what they show):",
                "",
                markdown_table(("Part", "Seconds", "Share"), time_breakdown_rows(execution)),
            ]
    imports = report.get("imports")
    if imports:
        rows = [
            (
                f"`{module}`",
                seconds(entry["seconds"]),
                seconds(entry["deps_seconds"]),
                times(entry["ratio"]),
                milliseconds(entry.get("own_code_seconds")),
                ", ".join(entry["third_party"]) or "none",
            )
            for module, entry in imports["by_module"].items()
        ]
        lines += [
            "",
            f"Imports (fresh interpreter from start, median of {imports['repeat']}):",
            "",
            markdown_table(
                (
                    "Module",
                    "Import",
                    "Dependencies alone",
                    "Ratio",
                    "takedown's own code",
                    "Third-party packages loaded",
                ),
                rows,
            ),
        ]
    setup = report.get("setup")
    if setup:
        lines += [
            "",
            "Set-up: a fresh clone to JupyterLab answering, and the venv's installed size "
            f"(fastest of {setup['runs']}; {setup['caches']}):",
            "",
            markdown_table(
                ("Way", "Clone to JupyterLab answering", "Venv size", "Time vs before", "Size vs before"),
                setup_rows(setup),
            ),
        ]
    grading = report.get("grading")
    if grading:
        statuses = ", ".join(f"{count} {status}" for status, count in grading["statuses"].items())
        lines += ["", f"Grading statuses: {statuses}."]
    return "\n".join(lines) + "\n"


LAB_URL = re.compile(r"http://(?:127\.0\.0\.1|localhost):\d+/\S*\?token=[0-9a-f]+")


def printed_lab_url(output):
    """The address, with its token, that `make lab` prints once JupyterLab listens; None before that.

    `output` is what JupyterLab has printed so far (it prints the address twice); tests and the
    bench open exactly what a person would copy from the terminal.
    """
    found = LAB_URL.findall(output)
    return found[-1] if found else None


def setup_rows(setup):
    """(way, time to JupyterLab answering, venv size, each against the first way) rows for the report."""
    ways = setup.get("ways", [])
    first = ways[0] if ways else None
    rows = []
    for way in ways:
        time_ratio = ratio(way["seconds"], first["seconds"]) if first and way["seconds"] is not None else None
        size_ratio = ratio(way["venv_bytes"], first["venv_bytes"]) if first else None
        rows.append(
            (
                way["name"],
                seconds(way["seconds"]) if way["seconds"] is not None else "did not answer",
                human_bytes(way["venv_bytes"]),
                times(time_ratio),
                times(size_ratio),
            )
        )
    return rows


# ---- Running things ---------------------------------------------------------------------------


def stored_notebooks(course=COURSE):
    """Every stored notebook of the three folders, as paths relative to the course."""
    return [path.relative_to(course) for folder in FOLDERS for path in sorted((course / folder).glob("*.ipynb"))]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def run_cold(notebook, folder, timeout=600, record_timing=False):
    """Run a notebook (nbformat object) top to bottom with nbclient in a fresh kernel; return seconds.

    With record_timing, each cell's metadata gets the timestamps that cell_seconds reads.
    """
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        record_timing=record_timing,
        shutdown_kernel="immediate",  # as nbval stops its kernels
        resources={"metadata": {"path": str(folder)}},
    )
    return timed(client.execute, stderr=subprocess.DEVNULL)[0]  # the kernel's start-up warnings


def run_cold_file(path):
    """Run a stored notebook file with a cold kernel, in its own folder; return seconds."""
    import nbformat

    return run_cold(nbformat.read(path, as_version=4), Path(path).parent)


def kernel_and_imports_seconds(statements, folder):
    """A cold kernel start, one cell of these import statements, and the kernel's shutdown."""
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("\n".join(statements))])
    return run_cold(notebook, folder)


def notebook_floors(notebooks, runs=1, course=COURSE):
    """{notebook: kernel-plus-imports seconds, the fastest of `runs`}; the same imports are measured once a run."""
    statements = {
        str(name): tuple(import_statements(json.loads((course / name).read_text(encoding="utf-8"))))
        for name in notebooks
    }
    folders = {imports: (course / name).parent for name, imports in statements.items()}
    fastest = {}
    for _ in range(runs):
        for imports, folder in folders.items():
            fastest[imports] = min(fastest.get(imports, math.inf), kernel_and_imports_seconds(imports, folder))
    return {name: fastest[imports] for name, imports in statements.items()}


SUITE_OPTIONS = [
    "-m",
    "pytest",
    "-n",
    str(WORKERS),
    "--dist",
    "loadfile",
    "--nbval",
    "--nbval-current-env",
    "-p",
    "no:cacheprovider",
    "-q",
]
SUITE = [*SUITE_OPTIONS, "--nbval-sanitize-with", "tests/sanitize.cfg", *FOLDERS]


def time_command(command, folder, runs):
    """Run a command `runs` times in folder: (seconds of each run, (exit code, last line of output)).

    A failing run is the one reported, even if another passed.
    """
    durations, outcomes = [], []
    for _ in range(runs):
        elapsed, done = timed(subprocess.run, command, cwd=folder, capture_output=True, text=True)
        durations.append(elapsed)
        outcomes.append((done.returncode, (done.stdout.strip().splitlines() or [""])[-1]))
    return durations, max(outcomes)


def measure_harness(count, runs=1):
    """The same command on `count` notebooks of one cell (`x = 1`), against a cold kernel each ÷ workers.

    This is what pytest, nbval and xdist cost by themselves (start-up, collection, scheduling), with
    no imports and no work in the notebooks.
    """
    import nbformat

    with tempfile.TemporaryDirectory(prefix="takedown-bench-harness-") as folder:
        for number in range(count):
            notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
            nbformat.write(notebook, Path(folder) / f"n{number:03d}.ipynb")
        kernel = min(kernel_and_imports_seconds([], folder) for _ in range(runs))
        durations, (returncode, outcome) = time_command([sys.executable, *SUITE_OPTIONS, folder], folder, runs)
    floor = floor_seconds([kernel] * count, WORKERS)
    return {
        "notebooks": count,
        "seconds": min(durations),
        "runs_seconds": durations,
        "returncode": returncode,
        "outcome": outcome,
        "floor_seconds": floor,
        "ratio": ratio(min(durations), floor),
    }


def measure_suite(floors, runs=1, course=COURSE):
    """1. The README's test command over the notebook folders (fastest of `runs`), against the floors ÷ workers;
    and the same command on as many one-cell notebooks, to show what the test harness costs by itself."""
    durations, (returncode, outcome) = time_command([sys.executable, *SUITE], course, runs)
    floor = floor_seconds(floors.values(), WORKERS)
    return {
        "command": " ".join(SUITE[1:]),
        "seconds": min(durations),
        "runs_seconds": durations,
        "returncode": returncode,
        "outcome": outcome,
        "notebooks": len(floors),
        "workers": WORKERS,
        "floor_seconds": floor,
        "ratio": ratio(min(durations), floor),
        "harness": measure_harness(len(floors), runs),
    }


def measure_execution(floors, course=COURSE):
    """2. Every notebook run with a cold kernel, one at a time; the slowest five; where the time goes."""
    import nbformat

    by_notebook, by_kind = {}, {}
    for name, floor in floors.items():
        notebook = nbformat.read(course / name, as_version=4)
        by_notebook[name] = {
            "seconds": run_cold(notebook, (course / name).parent, record_timing=True),
            "floor_seconds": floor,
        }
        for kind, spent in seconds_by_kind(notebook).items():
            by_kind[kind] = by_kind.get(kind, 0.0) + spent
    total = sum(entry["seconds"] for entry in by_notebook.values())
    floor = sum(floors.values())
    return {
        "by_notebook": by_notebook,
        "seconds": total,
        "floor_seconds": floor,
        "ratio": ratio(total, floor),
        "slowest": slowest({name: entry["seconds"] for name, entry in by_notebook.items()}),
        "by_kind": by_kind,
        "outside_cells_seconds": total - sum(by_kind.values()),
    }


def measure_size(notebooks, course=COURSE):
    """3. Bytes of every stored notebook, the largest, and the total."""
    by_notebook = {str(name): (course / name).stat().st_size for name in notebooks}
    largest = max(by_notebook.items(), key=lambda item: item[1])
    return {"by_notebook": by_notebook, "largest": list(largest), "total_bytes": sum(by_notebook.values())}


LOADED = """import json, sys
before = set(sys.modules)
import {module}
print(json.dumps([name for name in sys.modules if name not in before]))
"""
# A fresh interpreter imports a module's dependencies alone, then the module itself, and prints the
# system-wide monotonic clock (time.perf_counter) after each. Importing the dependencies first, in
# the order the module loads them, is what `import M` does anyway; done this way, the two times
# come from the same interpreter and differ only by takedown's own code, which keeps the ratio
# steady on a busy machine. The interpreter's tear-down (noisy, and no import cost) is left out.
IMPORT_DEPENDENCIES_THEN_MODULE = """import importlib, json, sys, time
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception:
        pass
print(time.perf_counter())
import {module}
print(time.perf_counter())
"""


def is_takedown(module):
    return module == "takedown" or module.startswith("takedown.")


def dependencies_of(module, course=COURSE):
    """Modules that `import module` loads in a fresh interpreter, besides takedown's own, in load order."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED.format(module=module)], cwd=course, capture_output=True, text=True, check=True
    )
    return [name for name in json.loads(done.stdout) if not is_takedown(name)]


def findable(module):
    """Whether a top-level module is found on the path (not one that a library makes up, like cython_runtime)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ValueError:  # in sys.modules without a spec
        return False


def third_party(modules):
    """Top-level packages among module names that are neither the standard library nor takedown."""
    tops = []
    for name in modules:
        top = name.split(".")[0]
        if (
            top not in sys.stdlib_module_names
            and not top.startswith("_")
            and not is_takedown(top)
            and top not in tops
            and findable(top)
        ):
            tops.append(top)
    return tops


def is_module(name, course=COURSE):
    """Whether a dotted name is a module file or package in the course folder (nothing imported)."""
    base = Path(course).joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def lesson_modules(course=COURSE):
    """`takedown` and every takedown module that a lesson in notebooks/ imports, in first-seen order."""
    modules = ["takedown"]
    for path in sorted((course / "notebooks").glob("*.ipynb")):
        for statement in import_statements(json.loads(path.read_text(encoding="utf-8"))):
            node = ast.parse(statement).body[0]
            for name in imported_modules(node, lambda name: is_module(name, course)):
                if is_takedown(name) and name not in modules:
                    modules.append(name)
    return modules


def fresh_interpreter(script, *arguments, course=COURSE):
    """Run a script in a fresh interpreter; the seconds from its start to each clock reading it prints."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments], cwd=course, check=True, capture_output=True, text=True
    )
    return [float(clock) - start for clock in done.stdout.split()]


def measure_imports(repeat, course=COURSE):
    """4. `import M` against importing M's dependencies alone, in fresh interpreters, medians."""
    by_module = {}
    for module in lesson_modules(course):
        dependencies = dependencies_of(module, course)
        runs = [
            fresh_interpreter(
                IMPORT_DEPENDENCIES_THEN_MODULE.format(module=module), json.dumps(dependencies), course=course
            )
            for _ in range(repeat)
        ]
        alone = statistics.median(deps_done for deps_done, _ in runs)
        # takedown's own code, timed within each interpreter: steady even when start-up times wander
        own_code = statistics.median(module_done - deps_done for deps_done, module_done in runs)
        by_module[module] = {
            "seconds": alone + own_code,
            "deps_seconds": alone,
            "own_code_seconds": own_code,
            "ratio": ratio(alone + own_code, alone),
            "third_party": third_party(dependencies),
        }
    worst = max(by_module, key=lambda module: by_module[module]["ratio"] or 0)
    return {"by_module": by_module, "worst": worst, "repeat": repeat}


# How the course was set up and opened before November 2026 (the Makefile's commands then), and now.
# {port} is filled in; each runs in a fresh clone of the course.
SETUP_WAYS = (
    (
        "before: pip, every package (tests' too)",
        "python3 -m venv .venv && .venv/bin/python -m pip install --quiet --upgrade pip && "
        ".venv/bin/python -m pip install --quiet -r requirements.txt -r tests/requirements.txt && "
        "exec .venv/bin/jupyter lab --ip 127.0.0.1 --no-browser --port {port} {root} notebooks/00_start_here.ipynb",
    ),
    ("now, pip alone: make lab INSTALLER=pip", "exec make lab INSTALLER=pip LAB_ARGS='--no-browser --port {port}'"),
    ("now: make lab (uv)", "exec make lab LAB_ARGS='--no-browser --port {port}'"),
)


def tree_bytes(folder):
    """Bytes of the files under folder, each hard-linked file once, symbolic links not followed (du -sb)."""
    seen, total = set(), 0
    for parent, _, files in os.walk(folder):
        for name in files:
            status = os.lstat(os.path.join(parent, name))
            if (status.st_dev, status.st_ino) not in seen:
                seen.add((status.st_dev, status.st_ino))
                total += status.st_size
    return total


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process_group(process, seconds):
    """Stop a process started with start_new_session=True, and everything it started (make and JupyterLab):
    SIGTERM, and SIGKILL if it has not ended within `seconds`."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def clone_to_lab_seconds(command, course=COURSE, limit=900):
    """Clone the course into a temporary folder, run a set-up-and-open command there, and time it until
    JupyterLab answers /api/status with the token it printed; (seconds or None, venv bytes, output tail)."""
    import urllib.request

    with tempfile.TemporaryDirectory(prefix="takedown-bench-clone-") as temporary:
        folder = Path(temporary) / "course"
        subprocess.run(["git", "clone", "--quiet", str(course), str(folder)], check=True)
        port = free_port()
        root = "--allow-root" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
        log = Path(temporary) / "output.log"
        with open(log, "wb") as output:
            started = time.perf_counter()
            process = subprocess.Popen(
                ["bash", "-c", command.format(port=port, root=root)],
                cwd=folder,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        answered = None
        try:
            while time.perf_counter() - started < limit and process.poll() is None:
                url = printed_lab_url(log.read_text(errors="replace"))
                if url:
                    token = url.split("token=")[1]
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2)
                        answered = time.perf_counter() - started
                        break
                    except OSError:
                        pass
                time.sleep(0.05)
        finally:
            stop_process_group(process, seconds=30)
        tail = "" if answered else log.read_text(errors="replace")[-2000:]
        return answered, tree_bytes(folder / ".venv"), tail


def cache_bytes():
    """Bytes in pip's and uv's package caches (what a 'warm cache' holds), by installer."""
    home = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return {name: tree_bytes(home / name) if (home / name).is_dir() else 0 for name in ("pip", "uv")}


def measure_setup(runs=1, course=COURSE):
    """5. Fresh clone to JupyterLab answering, and the venv's size, the old way and the new, fastest of `runs`."""
    ways = []
    caches_before = cache_bytes()
    for name, command in SETUP_WAYS:
        results = [clone_to_lab_seconds(command, course) for _ in range(runs)]
        answered = [result for result in results if result[0] is not None]
        best = min(answered) if answered else results[-1]
        ways.append(
            {
                "name": name,
                "command": command,
                "seconds": best[0],
                "venv_bytes": best[1],
                "runs_seconds": [result[0] for result in results],
                "output_tail": best[2],
            }
        )
    caches_after = cache_bytes()
    caches = ", ".join(
        f"{name} cache {human_bytes(caches_before[name])} before, {human_bytes(caches_after[name])} after"
        for name in caches_before
    )
    return {
        "ways": ways,
        "runs": runs,
        "caches": caches,
        "cache_bytes_before": caches_before,
        "cache_bytes_after": caches_after,
    }


def make_submissions(folder, count, course=COURSE):
    """Copy blank (exercises/) and solved (solutions/) notebooks into folder; return their paths."""
    exercises = sorted(path.stem for path in (course / "exercises").glob("*.ipynb"))
    paths = []
    for name, exercise, kind in submission_plan(exercises, count):
        source = course / ("exercises" if kind == "blank" else "solutions") / f"{exercise}.ipynb"
        paths.append(Path(shutil.copy(source, Path(folder) / name)))
    return paths


def grade_seconds(folder, jobs, course=COURSE, options=()):
    """`python -m takedown grade` on every notebook in folder; (seconds, {status: count})."""
    gradebook = Path(folder).parent / "gradebook.csv"
    elapsed, _ = timed(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "takedown",
            "grade",
            str(folder),
            "--out",
            str(gradebook),
            "--jobs",
            str(jobs),
            "--quiet",
            *options,
        ],
        cwd=course,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    statuses = {}
    with open(gradebook, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    return elapsed, statuses


def bare_seconds(paths, jobs):
    """The same notebooks run with nbclient in `jobs` worker processes (pool start-up included)."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        list(pool.map(run_cold_file, paths))
    return time.perf_counter() - start


def measure_grading(count, runs=1, jobs=CORES, course=COURSE):
    """6. Grading N submissions against running the same N notebooks bare, both with `jobs` at once.

    The two take turns, `runs` times; the fastest of each is kept.
    """
    bare, graded, unisolated = [], [], []
    with tempfile.TemporaryDirectory(prefix="takedown-bench-") as temporary:
        folder = Path(temporary) / "submissions"
        folder.mkdir()
        paths = make_submissions(folder, count, course)
        for _ in range(runs):
            bare.append(bare_seconds(paths, jobs))
            seconds_graded, statuses = grade_seconds(folder, jobs, course)
            graded.append(seconds_graded)
            unisolated.append(grade_seconds(folder, jobs, course, ["--unisolated"])[0])
    return {
        "unisolated_seconds": min(unisolated),
        "unisolated_runs_seconds": unisolated,
        "sandbox_ratio": ratio(min(graded), min(unisolated)),
        "submissions": count,
        "jobs": jobs,
        "seconds": min(graded),
        "bare_seconds": min(bare),
        "runs_seconds": graded,
        "bare_runs_seconds": bare,
        "ratio": ratio(min(graded), min(bare)),
        "statuses": statuses,
    }


# ---- The command ------------------------------------------------------------------------------


def run(measures=MEASURES, submissions=30, repeat=5, runs=2, course=COURSE, say=print):
    """Take the chosen measures and return the report (a JSON-ready dict)."""
    started = time.perf_counter()
    # Measure the course as its users run it: with Python's bytecode cache. (With
    # PYTHONDONTWRITEBYTECODE set, every process compiles takedown's modules again.)
    bytecode_off = bool(os.environ.pop("PYTHONDONTWRITEBYTECODE", None))
    report = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": CORES,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_before": round(os.getloadavg()[0], 2),
            "PYTHONDONTWRITEBYTECODE_unset_for_the_bench": bytecode_off,
        },
        "targets": TARGETS,
    }
    notebooks = stored_notebooks(course)
    floors = {}
    if {"suite", "execution"} & set(measures):
        say(f"measuring kernel start + imports for {len(notebooks)} notebooks ...")
        report["floors_step_seconds"], floors = timed(notebook_floors, notebooks, runs, course)
        report["kernel_alone_seconds"] = kernel_and_imports_seconds([], course / "notebooks")
    steps = {
        "suite": lambda: measure_suite(floors, runs, course),
        "execution": lambda: measure_execution(floors, course),
        "size": lambda: measure_size(notebooks, course),
        "imports": lambda: measure_imports(repeat, course),
        "setup": lambda: measure_setup(runs, course),
        "grading": lambda: measure_grading(submissions, runs, course=course),
    }
    for name in MEASURES:
        if name in measures:
            say(f"measuring {name} ...")
            elapsed, report[name] = timed(steps[name])
            report[name]["bench_step_seconds"] = elapsed
    report["floors"] = floors
    report["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    report["bench_seconds"] = time.perf_counter() - started
    return report


def parser():
    main = argparse.ArgumentParser(
        prog="takedown bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    main.add_argument("--out", default="build/bench", help="folder for report.json and report.md")
    main.add_argument("--submissions", type=int, default=30, help="submissions to grade (e.g. 10 for a quick run)")
    main.add_argument("--repeat", type=int, default=5, help="runs of each import measure (the median is kept)")
    main.add_argument(
        "--runs", type=int, default=2, help="runs of the floors, the test suite and grading (the fastest is kept)"
    )
    main.add_argument("--only", default=",".join(MEASURES), help=f"some of: {','.join(MEASURES)}")
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    measures = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in measures if name not in MEASURES]
    if unknown:
        parser().error(f"unknown measure {unknown[0]}; choose from {', '.join(MEASURES)}")
    report = run(measures, args.submissions, args.repeat, args.runs, say=lambda text: print(text, file=sys.stderr))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    markdown = format_report(report)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
