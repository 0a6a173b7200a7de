"""The tips printed under the errors students met in today's walk-throughs (reports W1-W4), each slip typed
exactly as a student typed it and run in a real IPython shell, with and without the course's tips: the tip
comes under Python's own error, which is shown unchanged.

The fast tests run the slips in IPython's InteractiveShell in a child process (so that no shell is left behind
in pytest's process); the slow one runs them in ipykernel's shell, where students meet them.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from takedown import error_tips, feedback

ROOT = Path(__file__).resolve().parents[1]

SET_UP = (
    "import pandas as pd\n"
    "from takedown import data, model, text\n"
    "countries = data.countries()\n"
    "params = model.parameters()\n"
    'periods = pd.DataFrame({"start": ["2015-01-01"]}, index=["amaq_first_noticed"])\n'
    'amaq = pd.DataFrame({"language_count": [9], "language_count_qualifier": ["at least"]})\n'
    "from takedown.charts.network import operation_graph\n"
    "G = operation_graph()\n"
    "outage_cut = 0.9\n"
    "post_rate = 3\n"
)

# (the student's cell, the last line of Python's own error, what the tip must say)
SLIPS = [
    # S2's slips in lessons 04 and 08: a date label without quotation marks, .item without its brackets, a panel's
    # name in a list without quotation marks
    (
        "latest = half_years()[2018-07-01]",
        "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        'Tip: a date label is text: put it in quotation marks, "2018-07-01"',
    ),
    (
        'speaker = pd.Series(["Fabius"]).item\nline = "Said by " + speaker',
        'TypeError: can only concatenate str (not "method") to str',
        "needs round brackets to do it: write .item()",
    ),
    (
        'names = ["countries", differential]',
        "NameError: name 'differential' is not defined",
        'Tip: in a list, a name that is text goes in quotation marks: "differential".',
    ),
    # S1's slips in lessons 00-01: a two-word name without quotation marks (the comment's apostrophe is no quote),
    # a number with its unit, a column's name in the wrong capitals, a word looked for without quotation marks
    (
        "referred_by = United Kingdom   # your answer here: a country's name, between quotation marks",
        "SyntaxError: invalid syntax",
        'Tip: a name is text: put it between double quotation marks, referred_by = "United Kingdom".',
    ),
    (
        "servers_count = 3 countries   # your answer here: a whole number",
        "SyntaxError: invalid syntax",
        "Tip: write only the number, without words after it: servers_count = 3.",
    ),
    ('countries["Role"]', "KeyError: 'Role'", 'capitals count, so write countries["role"]'),
    (
        'sentences = ["Europol hit propaganda"]\nlen([s for s in sentences if propaganda in s])',
        "NameError: name 'propaganda' is not defined",
        'Tip: to look for the word propaganda itself, put it in quotation marks: "propaganda" in s.',
    ),
    # 1. A sentence typed as code (W1, W3, W4): no quotation marks, an apostrophe in '...', two lines in "..."
    (
        "spelling_and_reason = I think the article misspells Nashir",
        "SyntaxError: invalid syntax",
        'put it between double quotation marks, spelling_and_reason = "I think …"',
    ),
    ("surprise = 'I didn't expect that'", "SyntaxError: unterminated string literal", "apostrophe in didn't"),
    (
        'role_claim = "The article says Europol led,\nbut the release says Belgium led."',
        "SyntaxError: unterminated string literal",
        'use three quotation marks on each side: role_claim = """…"""',
    ),
    ('why = """The article does not say', "SyntaxError: incomplete input", 'add """ after its last word'),
    (
        'role_claim = "The article says Europol "led" the action"',
        "SyntaxError: invalid syntax",
        "quote inside it with single marks, 'led'",
    ),
    # 2. and / not between True/False columns (W1 Ex04 Q2, W3 02 [39])
    (
        'countries["eu_member"] and not countries["five_eyes"]',
        "ValueError: The truth value of a Series is ambiguous",
        "join two conditions with & (and) or | (or), each in round brackets, and use ~ for not (phrasebook entries 7 and 8)",
    ),
    # 3. One pair of brackets too many (W3 02 [17], W4 03 [48]); a text called like a function (W3 01 [6])
    ('countries["eu_member"].sum()()', "TypeError: 'numpy.int64' object is not callable", "write sum(), with one pair"),
    (
        'countries["nato_member"].astype(int).idxmax()()',
        "object is not callable",
        "idxmax is followed by one pair of brackets too many",
    ),
    (
        'steps = [text.drop_repeated_title, "drop_comment_form"]\nkept = ["a"]\nfor step in steps:\n    kept = step(kept)',
        "TypeError: 'str' object is not callable",
        "a text was called like a function",
    ),
    # 4. A quoted name in arithmetic (W4 06 [17], [19])
    (
        'post_rate * (1 - "outage_cut")',
        "TypeError: unsupported operand type(s) for -: 'int' and 'str'",
        '"outage_cut" in quotation marks is text, not the value it names: remove the quotation marks',
    ),
    # 5. A variable from a skipped set-up cell (W4 03 [30], 06 [17]); a course function without its module
    # (W3 01 [6]); a parameter's name written as a variable (W2 06 Q3, W4 06 [19])
    (
        'small.add_edge("usa", "servers")',
        "NameError: name 'small' is not defined",
        "run the set-up cell at the top, or every cell above this one (Run › Run All Above Selected Cell)",
    ),
    (
        "removed = live / (find_hours + 1)",
        "NameError: name 'live' is not defined",
        "Tip: live is not made yet: run the cell above that makes it",
    ),
    (
        "steps = [text.drop_repeated_title, text.drop_photo_captions, drop_comment_form]",
        "NameError: name 'drop_comment_form' is not defined",
        "write text.drop_comment_form",
    ),
    (
        'removed = 10 / (params["find_hours"] + one_hour_removal_hours)',
        "NameError: name 'one_hour_removal_hours' is not defined",
        'write params["one_hour_removal_hours"]',
    ),
    (
        'countries[countries["name"] == Belgium]',
        "NameError: name 'Belgium' is not defined",
        'to compare with the text Belgium, put it in quotation marks: == "Belgium"',
    ),
    ("goes_to_y = b", "NameError: name 'b' is not defined", 'if you meant the text b, put it in quotation marks: "b"'),
    # (a parameter's name where its number goes, W2 06 Q3, is told by takedown.model itself: test_model.py)
    # 6. KeyErrors: a row label (W1 Ex04 Q1), spaces for _ and a value for a column's name (W4 03 [7])
    (
        'noticed = periods["amaq_first_noticed"]',
        "KeyError: 'amaq_first_noticed'",
        "'amaq_first_noticed' names a row of periods, not a column: use periods.loc[\"amaq_first_noticed\"]",
    ),
    (
        'amaq["language count qualifier"]',
        "KeyError: 'language count qualifier'",
        "but there is 'language_count_qualifier': column names here use _ instead of spaces",
    ),
    ('amaq["at least"]', "KeyError: 'at least'", "'at least' is a value in amaq, not a column's name"),
    # ... and a dictionary's entry looked up by a value (W4 03 [34]): no table.columns there
    (
        'G.nodes["amaq"]["outlet"]',
        "KeyError: 'outlet'",
        'G.nodes["amaq"] has no entry called \'outlet\'. Check its spelling and capitals, or print G.nodes["amaq"]',
    ),
    # 7. A number of hours added straight to a date (W2 07 Q4); a piece of text cut with a comma (W2 07 Q3)
    (
        'received = pd.Timestamp("2022-06-07 23:30")\nreceived + 1',
        "TypeError: Addition/subtraction of integers",
        "like received + pd.Timedelta(hours=24) (phrasebook entry 21)",
    ),
    (
        'countries[countries["role"] == "servers seized" & (countries["eu_member"])]',
        "TypeError: Cannot perform 'rand_'",
        "put every comparison in its own round brackets",
    ),
    ('raw = "Europol said."\nlen(raw.split)', "has no len()", "write raw.split()"),
    ('"Amaq, al-Bayan radio"[0, 4]', "TypeError: string indices must be integers", "text[start:end]"),
]

# Run each cell in a fresh IPython shell without the tips, then with them, and print both outputs as JSON.
SHELL_SCRIPT = """
import contextlib, io, json, sys
from IPython.core.interactiveshell import InteractiveShell
from takedown import feedback
shell = InteractiveShell.instance()
shell.run_line_magic("colors", "nocolor")
shell.run_line_magic("xmode", "Minimal")
set_up, cells = json.load(sys.stdin)
shell.run_cell(set_up, store_history=False)
outputs = []
for cell in cells:
    both = []
    for tips in (False, True):
        if tips:
            feedback.explain_name_errors(shell)
        else:
            shell.set_custom_exc((), None)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            shell.run_cell(cell, store_history=False)
        both.append(out.getvalue())
    outputs.append(both)
json.dump(outputs, sys.stdout)
"""


def run_in_shell(cells, set_up=SET_UP):
    """[(output without tips, output with tips)] for each cell, run in IPython's own shell in a child process."""
    with tempfile.TemporaryDirectory() as home:  # IPython's profile and history go there, not in the user's
        done = subprocess.run(
            [sys.executable, "-c", SHELL_SCRIPT],
            input=json.dumps([set_up, cells]),
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
            env={"IPYTHONDIR": home, "HOME": home, "PATH": os.environ.get("PATH", "")},
        )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def shell_outputs():
    return run_in_shell([cell for cell, _, _ in SLIPS])


@pytest.mark.parametrize("index", range(len(SLIPS)), ids=[cell.split("\n")[-1][:40] for cell, _, _ in SLIPS])
def test_each_slip_shows_pythons_error_unchanged_then_a_plain_tip(shell_outputs, index):
    cell, error, says = SLIPS[index]
    without, with_tip = shell_outputs[index]
    assert error in without and "Tip:" not in without
    assert with_tip.startswith(without), "the course's tip must not change or hide Python's own error"
    tip = with_tip[len(without) :].strip()
    assert tip.startswith("Tip: ") and "\n" not in tip
    assert says in tip
    # short: at most two sentences, for someone who has never programmed
    assert len(re.findall(r"[.?!]\s+(?=[A-Z])", tip.removeprefix("Tip: "))) <= 1, tip


def test_other_errors_and_python_own_syntax_errors_get_no_tip():
    """A ZeroDivisionError, an IndentationError, a bad int(...) and a missing colon keep Python's message alone."""
    cells = ["1 / 0", "if True:\nx = 1", "int('x')", "for row in countries.itertuples()\n    print(row)"]
    for without, with_tip in run_in_shell(cells):
        assert without == with_tip and "Error" in without


def test_nothing_a_student_types_makes_the_tip_machinery_raise():
    """Odd errors and odd objects in the notebook give no tip (or a fitting one), never an error of their own."""

    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("cannot print")

    class Touchy:
        def __contains__(self, item):
            raise RuntimeError("no")

    odd_table = pd.DataFrame({("a", "b"): [1]}, index=[None])
    namespace = {"weird": Touchy(), "table": odd_table, "params": {1: 2}, "text": None, "_hidden": {}}
    errors = [
        Unprintable(),
        NameError(),
        NameError("name 'x' is not defined"),
        KeyError(),
        KeyError(1, 2),
        KeyError(("a", "b")),
        KeyError("x"),
        SyntaxError(),
        SyntaxError("unterminated string literal", ("<cell>", 1, 999, None)),
        SyntaxError("invalid syntax", ("<cell>", 1, 1, "x = I think ")),
        TypeError("'str' object is not callable"),
        ValueError("The truth value of a Series is ambiguous"),
    ]
    lines = ["", 'table["x"]', "weird[x] + 'x' - 1", "x.y()", None, 'f"{x}" ~x [x]']
    for error in errors:
        for line in lines:
            for known in ({}, namespace, (), ["x"]):
                assert isinstance(feedback.error_tip(error, line, known), str)
    # and in a shell: an error whose message cannot be printed leaves the tips working for the next cell
    unprintable = "class Unprintable(Exception):\n    __str__ = lambda self: 1 / 0\nraise Unprintable()"
    outputs = run_in_shell([unprintable, "goes_to_y = b"])
    assert "Custom TB Handler failed" not in outputs[0][1]
    assert 'put it in quotation marks: "b"' in outputs[1][1]


def test_each_phrasebook_entry_a_tip_names_teaches_what_the_tip_speaks_of():
    """A tip that sends a student to phrasebook entry N: entry N shows the idiom the tip asks for."""
    book = (ROOT / "notebooks" / "phrasebook.md").read_text(encoding="utf-8")
    entries = dict(re.findall(r"\*\*(\d+)\. (.*?)(?=\n\*\*\d+\. |\Z)", book, re.S))
    wanted = {
        "1": 'table["column"]',
        "7": "~mask",
        "8": "(mask) & (mask)",
        "11": ".loc[",
        "12": ".item()",
        "21": "pd.Timedelta(hours=",
    }
    source = Path(error_tips.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r"phrasebook entry (\d+)", source)) | set(
        re.findall(r"phrasebook entries (\d+) and (\d+)", source)[0]
    )
    assert named <= set(wanted), f"a tip names an entry this test does not know: {named - set(wanted)}"
    for number in named:
        assert wanted[number] in entries[number], f"phrasebook entry {number} no longer shows {wanted[number]}"


def test_a_skipped_set_up_cell_is_not_mistaken_for_a_missing_module_name():
    """With `from takedown import data` run but `countries = data.countries()` skipped, the tip says to run it."""
    from takedown import data, text

    namespace = {"data": data, "text": text}
    tip = feedback.error_tip(NameError("name 'countries' is not defined"), 'countries["eu_member"].sum()', namespace)
    assert "run the set-up cell at the top" in tip and "data.countries" not in tip
    tip = feedback.error_tip(NameError("name 'drop_comment_form' is not defined"), "drop_comment_form(kept)", namespace)
    assert "write text.drop_comment_form" in tip


def test_a_course_sentence_key_error_gets_no_tip_but_a_key_with_spaces_does():
    assert feedback.error_tip(KeyError('No figure is labelled "2017-01-01". The labels are: 2016-12-31')) == ""
    tip = feedback.error_tip(KeyError("language count qualifier"))
    assert "no column (or entry) called 'language count qualifier'" in tip and "_ where a sentence has spaces" in tip
    assert 'table.loc["language count qualifier"]' in tip


@pytest.mark.slow  # starts a kernel
def test_syntax_value_and_key_errors_get_their_tips_in_a_jupyter_kernel():
    """ipykernel's shell shows syntax errors as IPython does: the tip comes under them there too."""
    from nbclient import NotebookClient

    cells = [
        "%xmode Minimal\nfrom takedown.questions.lesson_02 import c3\n" + SET_UP,
        "surprise = I thought all were EU",
        "why_generic = 'because the article doesn't say'",
        'countries["eu_member"] and not countries["five_eyes"]',
        'noticed = periods["amaq_first_noticed"]',
        "1 / 0",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell) for cell in cells])
    NotebookClient(notebook, allow_errors=True, kernel_name="python3", timeout=120).execute()
    shown = [[(o.get("ename") or o.get("text", "")) for o in cell.outputs] for cell in notebook.cells[1:]]
    assert shown[0][0] == "SyntaxError" and shown[0][1].startswith("Tip: a sentence is text")
    assert shown[1][0] == "SyntaxError" and shown[1][1].startswith("Tip: the apostrophe in doesn't")
    assert shown[2][0] == "ValueError" and "& (and)" in shown[2][1]
    assert shown[3][0] == "KeyError" and 'periods.loc["amaq_first_noticed"]' in shown[3][1]
    assert shown[4] == ["ZeroDivisionError"]


def test_quotation_marks_in_a_comment_are_not_read_as_a_quote_inside_a_text():
    # S1, lesson 03 Check 5's cell: the comment shows "like this"; the slip is the sentence without marks
    line = 'why_generic = It looks generic   # your reason, a sentence between double quotation marks: "like this"'
    try:
        compile(line, "<cell>", "exec")
    except SyntaxError as error:
        tip = error_tips.syntax_error_tip(error)
    assert tip.startswith("Tip: a sentence is text") and "inside a text" not in tip


def test_a_column_that_differs_only_in_capitals_says_capitals_count():
    # S1, lesson 01 Check 9: quotes["Speaker"]
    from takedown import data

    quotes = data.quotes()
    line = 'avramopoulos = quotes[quotes["Speaker"] == "Dimitris Avramopoulos"]'
    tip = error_tips.key_error_tip(KeyError("Speaker"), line, {"quotes": quotes})
    assert "capitals count" in tip and 'quotes["speaker"]' in tip and "instead of spaces" not in tip


def test_a_panel_that_is_not_there_is_told_by_name_with_the_panels_there_are():
    """S2 in lesson 08: panel_trace("Differential") says which panels exist; no column tip under it."""
    from takedown.charts import briefing

    with pytest.raises(KeyError) as raised:
        briefing.panel_trace("Differential")
    message = raised.value.args[0]
    assert "no panel called 'Differential'" in message and '"differential"' in message
    assert error_tips.key_error_tip(raised.value, 'briefing.panel_trace("Differential")') == ""
