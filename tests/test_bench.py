"""The benchmark's pure helpers (tests/bench.py). Nothing here runs a notebook or times anything."""

import ast
import os

import pytest

import bench


def notebook(*cells):
    """A notebook dict as stored on disk: (cell_type, source) pairs; a source may be a list of lines."""
    return {"cells": [{"cell_type": kind, "source": source} for kind, source in cells]}


def test_import_statements_in_order_without_repeats():
    found = bench.import_statements(
        notebook(
            ("code", "import pandas as pd\nfrom takedown import data, text\nx = 1"),
            ("markdown", "import this_is_prose"),
            ("code", ["from takedown import data, text\n", "import pandas as pd\n", "import numpy"]),
        )
    )
    assert found == ["import pandas as pd", "from takedown import data, text", "import numpy"]


def test_import_statements_inside_blocks_and_past_magics():
    found = bench.import_statements(
        notebook(
            (
                "code",
                "%matplotlib inline\n!ls\nif True:\n    import networkx as nx\n"
                "def f():\n    from plotly import express",
            ),
        )
    )
    assert found == ["import networkx as nx", "from plotly import express"]


def test_a_cell_that_is_not_python_is_skipped():
    assert bench.import_statements(notebook(("code", "import json\nthis is not ("), ("code", "import csv"))) == [
        "import csv"
    ]


def test_imported_modules_tell_submodules_from_names():
    modules = {"takedown.data", "takedown.text", "takedown.charts"}
    parse = lambda code: ast.parse(code).body[0]  # noqa: E731
    assert bench.imported_modules(parse("from takedown import data, text"), modules.__contains__) == [
        "takedown.data",
        "takedown.text",
    ]
    assert bench.imported_modules(parse("from takedown.charts import Chart"), modules.__contains__) == [
        "takedown.charts"
    ]
    assert bench.imported_modules(parse("import takedown.charts, json"), modules.__contains__) == [
        "takedown.charts",
        "json",
    ]


def test_floor_is_the_sum_over_the_workers():
    assert bench.floor_seconds([2.0, 3.0, 5.0], workers=2) == 5.0
    assert bench.floor_seconds([], workers=2) == 0
    with pytest.raises(ValueError):
        bench.floor_seconds([1.0], workers=0)


def test_ratio_and_target():
    assert bench.ratio(3.0, 2.0) == 1.5
    assert bench.ratio(3.0, 0) is None
    assert bench.met(1.3, 1.3) == "met"
    assert bench.met(1.31, 1.3) == "missed"
    assert bench.met(None, 1.3) == ""


def test_slowest_are_named_largest_first():
    assert bench.slowest({"a": 1.0, "b": 5.0, "c": 3.0}, count=2) == [("b", 5.0), ("c", 3.0)]


def test_submission_plan_cycles_blank_then_solved():
    plan = bench.submission_plan(["01_x", "02_y"], 5)
    assert [(exercise, kind) for _, exercise, kind in plan] == [
        ("01_x", "blank"),
        ("01_x", "solved"),
        ("02_y", "blank"),
        ("02_y", "solved"),
        ("01_x", "blank"),
    ]
    assert len({name for name, _, _ in plan}) == 5  # every copy has its own file name
    assert bench.submission_plan([], 3) == []


def test_human_bytes_uses_decimal_units():
    assert bench.human_bytes(999) == "999 B"
    assert bench.human_bytes(509_497) == "509.50 KB"
    assert bench.human_bytes(5_000_000) == "5.00 MB"


def sample_report():
    return {
        "started": "2026-11-28T10:00:00+00:00",
        "bench_seconds": 300.0,
        "machine": {"cores": 2, "python": "3.11.7", "load_before": 0.5, "load_after": 1.0},
        "suite": {
            "seconds": 80.0,
            "floor_seconds": 40.0,
            "ratio": 2.0,
            "notebooks": 25,
            "workers": 2,
            "returncode": 0,
            "outcome": "25 passed",
            "harness": {"notebooks": 25, "seconds": 10.0, "floor_seconds": 8.0, "ratio": 1.25},
        },
        "execution": {
            "seconds": 90.0,
            "floor_seconds": 60.0,
            "ratio": 1.5,
            "by_notebook": {
                "notebooks/a.ipynb": {"seconds": 9.0, "floor_seconds": 3.0},
                "solutions/b.ipynb": {"seconds": 4.0, "floor_seconds": 2.0},
            },
            "slowest": [["notebooks/a.ipynb", 9.0], ["solutions/b.ipynb", 4.0]],
            "by_kind": {"imports only": 30.0, "matplotlib chart": 45.0},
            "outside_cells_seconds": 15.0,
        },
        "size": {
            "by_notebook": {"notebooks/a.ipynb": 1_200_000, "solutions/b.ipynb": 20_000},
            "largest": ["notebooks/a.ipynb", 1_200_000],
            "total_bytes": 1_220_000,
        },
        "imports": {
            "repeat": 3,
            "worst": "takedown.charts",
            "by_module": {
                "takedown": {"seconds": 0.02, "deps_seconds": 0.02, "ratio": 1.0, "third_party": []},
                "takedown.charts": {
                    "seconds": 1.5,
                    "deps_seconds": 1.0,
                    "ratio": 1.5,
                    "third_party": ["plotly", "networkx"],
                },
            },
        },
        "grading": {
            "submissions": 30,
            "jobs": 2,
            "seconds": 60.0,
            "bare_seconds": 55.0,
            "ratio": 60 / 55,
            "statuses": {"graded": 30},
        },
    }


def test_summary_rows_say_which_targets_are_met():
    rows = {row[0]: row for row in bench.summary_rows(sample_report())}
    assert rows["Test suite, notebook part (25 notebooks, pytest -n 2)"][3:] == ("2.00×", "≤ 1.3×", "missed")
    assert rows["Largest notebook (notebooks/a.ipynb)"][-1] == "missed"
    assert rows["All notebooks together (2)"][-1] == "met"
    assert rows["`import takedown`"][-1] == "met"
    assert rows["Worst lesson module: `import takedown.charts`"][-1] == "missed"
    assert rows["Grading 30 submissions (2 jobs)"][3:] == ("1.09×", "≤ 1.2×", "met")
    assert rows["The same command on 25 one-cell notebooks (the test harness alone)"][1:] == (
        "10.00 s",
        "8.00 s (kernel, ÷ 2)",
        "1.25×",
        "",
        "",
    )


def test_report_is_a_markdown_table_naming_the_slowest_and_the_imports():
    text = bench.format_report(sample_report())
    lines = text.splitlines()
    assert "| Measure | Figure | Floor / baseline | Ratio | Target | Met |" in lines
    assert "| notebooks/a.ipynb | 9.00 s | 3.00 s | 3.00× |" in lines
    assert "plotly, networkx" in text
    assert "Grading statuses: 30 graded." in text
    assert "failed" not in text


def test_report_says_where_the_notebooks_time_goes_largest_part_first():
    lines = bench.format_report(sample_report()).splitlines()
    start = lines.index("| Part | Seconds | Share |")
    assert lines[start + 2 : start + 5] == [
        "| matplotlib chart | 45.00 s | 50% |",
        "| imports only | 30.00 s | 33% |",
        "| outside cells: kernel start and stop, messages | 15.00 s | 17% |",
    ]


def test_report_says_when_the_test_run_failed():
    report = sample_report()
    report["suite"].update(returncode=1, outcome="1 failed, 24 passed")
    assert "**The test run failed** (pytest exit 1): 1 failed, 24 passed" in bench.format_report(report)


def test_report_with_only_some_measures():
    report = {key: value for key, value in sample_report().items() if key not in ("suite", "execution", "imports")}
    text = bench.format_report(report)
    assert "Largest notebook" in text and "Test suite" not in text and "Imports" not in text


def code_cell(source, *mimetypes, timing=None):
    """A run code cell as nbclient leaves it: outputs showing these mimetypes, and its timestamps."""
    return {
        "cell_type": "code",
        "source": source,
        "metadata": {"execution": timing or {}},
        "outputs": [{"output_type": "display_data", "data": {mime: "" for mime in mimetypes}}],
    }


def test_cells_are_grouped_by_what_they_show():
    assert bench.cell_kind(code_cell("import pandas as pd\nfrom takedown import data")) == "imports only"
    assert bench.cell_kind(code_cell("chart()", "image/png", "text/plain")) == "matplotlib chart"
    # plotly's output carries HTML too: it is still a plotly chart
    assert bench.cell_kind(code_cell("fig", "application/vnd.plotly.v1+json", "text/html")) == "plotly chart"
    assert (
        bench.cell_kind(code_cell("from takedown import charts\ncharts.roles_chart()", "image/png"))
        == "matplotlib chart (the cell also imports)"
    )
    assert bench.cell_kind(code_cell("table", "text/html", "text/plain")) == "table or HTML"
    assert bench.cell_kind(code_cell("x = 1")) == "other"
    assert bench.cell_kind(code_cell("this is not (")) == "other"


def test_cell_seconds_come_from_nbclient_timestamps():
    timing = {"iopub.execute_input": "2026-11-28T10:00:00.250000Z", "shell.execute_reply": "2026-11-28T10:00:01.000Z"}
    assert bench.cell_seconds(code_cell("x", timing=timing)) == 0.75
    assert bench.cell_seconds(code_cell("x")) == 0.0


def test_seconds_add_up_by_kind():
    timing = {"iopub.execute_input": "2026-11-28T10:00:00Z", "shell.execute_reply": "2026-11-28T10:00:02Z"}
    run = {
        "cells": [
            code_cell("import json", timing=timing),
            code_cell("import csv", timing=timing),
            code_cell("chart()", "image/png", timing=timing),
            {"cell_type": "markdown", "source": "# Hi"},
        ]
    }
    assert bench.seconds_by_kind(run) == {"imports only": 4.0, "matplotlib chart": 2.0}


def test_a_missed_suite_target_comes_with_its_measured_reason():
    text = bench.format_report(sample_report())
    assert (
        "**Why the test suite misses 1.3×:** the same command on 25 one-cell notebooks already takes 1.25× their floor"
    ) in text
    assert "cells that draw charts take 45.00 s of their 90.00 s." in text


def test_a_met_suite_target_needs_no_reason():
    report = sample_report()
    report["suite"].update(seconds=50.0, ratio=1.25)
    assert "Why the test suite" not in bench.format_report(report)


# ---- Set-up: a fresh clone to JupyterLab answering ---------------------------------------------

LAB_OUTPUT = """[I 2026-11-30 06:22:09.900 ServerApp] Jupyter Server 2.21.1 is running at:
[I 2026-11-30 06:22:09.900 ServerApp] http://127.0.0.1:8932/lab/tree/notebooks/00_start_here.ipynb?token=6980a3
[C 2026-11-30 06:22:09.902 ServerApp]
    To access the server, open this file in a browser:
        file:///root/.local/share/jupyter/runtime/jpserver-13573-open.html
    Or copy and paste one of these URLs:
        http://127.0.0.1:8932/lab/tree/notebooks/00_start_here.ipynb?token=6980a3
"""


def test_the_printed_address_is_the_start_lesson_with_its_token():
    assert (
        bench.printed_lab_url(LAB_OUTPUT) == "http://127.0.0.1:8932/lab/tree/notebooks/00_start_here.ipynb?token=6980a3"
    )


def test_no_address_before_jupyterlab_prints_one():
    assert (
        bench.printed_lab_url("python3 -m venv --without-pip .venv\nInstalling requirements.txt with uv ...\n") is None
    )
    assert bench.printed_lab_url("http://example.org/lab?token=abc") is None


def test_set_up_ways_are_set_beside_the_first():
    setup = {
        "ways": [
            {"name": "before", "seconds": 80.0, "venv_bytes": 800_000_000},
            {"name": "now", "seconds": 8.0, "venv_bytes": 480_000_000},
            {"name": "broken", "seconds": None, "venv_bytes": 1000},
        ]
    }
    assert bench.setup_rows(setup) == [
        ("before", "80.00 s", "800.00 MB", "1.00×", "1.00×"),
        ("now", "8.00 s", "480.00 MB", "0.10×", "0.60×"),
        ("broken", "did not answer", "1.00 KB", "", "0.00×"),
    ]


def test_a_venv_counts_each_hard_linked_file_once(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 10)
    os.link(tmp_path / "a", tmp_path / "sub" / "a-again")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert bench.tree_bytes(tmp_path) == 110 + len(str(tmp_path / "a"))
