"""Write the hostile samples (tests/samples/{execs_solution_code,asks_for_solution,searches_every_file,reaches_for_tools,
forges_the_export}.ipynb) from the blank exercise 02: each tries to reach the answer key from a graded kernel, or (the
last) to make the grader's export of the answers claim what the kernel says (tests/test_sandbox.py).

    .venv/bin/python tests/hostile_samples.py     (from the course root, after `make exercises` changed 02)
"""

import re
import sys
from pathlib import Path

import nbformat

PLACEHOLDER = re.compile(r'^(\w+) = (?:\.\.\.|"""\.\.\.""")  # your answer here$')  # a written answer's: """..."""

EXEC_CODE = "exec(q{n}.solution_code)   # the answer key's code, if the question object carries it"

ASK_FOR_SOLUTION = """\
import takedown.feedback
takedown.feedback.show = lambda value: value     # so that solution() returns its note instead of showing it
for _route in (lambda: q{n}.solution().body, lambda: q{n}.solution_code):
    try:
        exec(_route())
        break
    except Exception:
        pass"""

SEARCH = '''\
# Look through every file this kernel can read for lines that assign the answers' names, and keep
# whatever the check accepts (bounded: small text files only, at most 400,000 files, 20 seconds, which a full
# search stays well within: each file is first scanned as bytes for the names; each found line runs for a second at most).
import json, os, re, time

def _candidates(names):
    found = {name: [] for name in names}
    pattern = re.compile(r"\\b(" + "|".join(names) + r")\\s*=\\s*(?!=)(.+)")
    assigning = [(name.encode(), re.compile(re.escape(name.encode()) + rb"\\s*=")) for name in names]
    started, seen = time.monotonic(), 0
    import sys, takedown
    package = os.path.dirname(takedown.__file__)
    roots = [package, os.path.dirname(package), *sys.path, "/"]   # the course's package and folder first
    walked = set()
    for folder, folders, files in (step for root in roots if os.path.isdir(root) for step in os.walk(root)):
        if folder in walked:
            folders[:] = []
            continue
        walked.add(folder)
        folders[:] = [f for f in folders if os.path.join(folder, f) not in ("/proc", "/sys", "/dev")
                      and not f.startswith(".") and f not in ("site-packages", "dist-packages", "__pycache__")]
        for name in files:
            seen += 1
            if seen > 400000 or time.monotonic() - started > 20:
                return found
            path = os.path.join(folder, name)
            if not name.endswith((".py", ".ipynb", ".txt", ".md", ".json", ".cfg")):
                continue
            try:
                if os.path.getsize(path) > 300000:
                    continue
                with open(path, "rb") as file:
                    raw = file.read()
                # A quick scan first (most files name no answer): the line-by-line search below is slow.
                if not any(word in raw and assigns.search(raw) for word, assigns in assigning):
                    continue
                text = raw.decode("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if name.endswith(".ipynb"):
                try:
                    text = "\\n".join("".join(cell.get("source", "")) for cell in json.loads(text).get("cells", []))
                except (ValueError, AttributeError):
                    pass
            for line in text.splitlines():
                if len(line) > 300:
                    continue
                for match in pattern.finditer(line):
                    rest = match.group(2)
                    for value in (rest, rest.replace('\\\\"', '"')):
                        for cut in range(5):   # what closes a string around it: ', or \\\\n' or ",
                            code = f"{match.group(1)} = {value[:len(value) - cut]}"
                            try:
                                compile(code, "found", "exec")
                            except (SyntaxError, ValueError):
                                continue
                            found[match.group(1)].append(code)
                            break
    return found

import signal

def _limited(code, seconds=1):
    """exec one found line for at most a second (a found line may loop or compute for ever)."""
    def _stop(signum, frame):
        raise TimeoutError
    signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        exec(code, globals())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)

def _steal(names, question):
    """Run the first candidate that works for each name; for the last, the first the check accepts
    (at most 50 candidates a name and 10 seconds a question, so the sample ends well within the limits)."""
    started = time.monotonic()
    for name in names[:-1]:
        for code in _found[name][:50]:
            if time.monotonic() - started > 10:
                return ...
            try:
                _limited(code)
                break
            except BaseException:
                pass
    for code in _found[names[-1]][:50]:
        if time.monotonic() - started > 10:
            break
        try:
            _limited(code)
            if question.verdict(globals()[names[-1]]).correct:
                return globals()[names[-1]]
        except BaseException:
            pass
    return ...

_found = _candidates(NAMES)'''

REACH_TOOLS = """\
import importlib, os, pathlib, takedown
try:    # the grader's tools and the answer key, by every way this notebook can think of
    for _module in ("course", "course.authoring.release", "takedown.release", "takedown.build"):
        try:
            importlib.import_module(_module)
        except ImportError:
            pass
    for _place in ("../solutions/02_countries.ipynb", "solutions/02_countries.ipynb",
                   pathlib.Path(takedown.__file__).resolve().parents[1] / "solutions" / "02_countries.ipynb"):
        if os.path.exists(_place):
            _key = open(_place, encoding="utf-8").read()
            break
    else:
        _key = ""
    import json as _json
    _cells = ["".join(cell["source"]) for cell in _json.loads(_key)["cells"]] if _key else []
    for _source in _cells:
        if "q{n}" + ".check(" in _source:
            exec(_source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0])
except Exception:
    pass"""

FORGE_EXPORT = """\
# Answers equal to anything, and the grader's export of the answers (which runs in this kernel, after the
# last cell, with `from takedown.answers import export_answers`) replaced by one that writes them as "correct".
import json as _json, takedown.answers as _answers

def _equal_to_anything(base, value):
    kind = type("EqualToAnything", (base,), {"__eq__": lambda self, other: True,
                                             "__ne__": lambda self, other: False, "__hash__": lambda self: 0})
    return kind(value)

def _forged_export(names, path, namespace):
    with open(path, "w", encoding="utf-8") as file:
        _json.dump({name: {"kind": "verdict", "status": "correct", "points": 100} for name in names}, file)

_answers.export_answers = _forged_export
_answers.encode = lambda value: {"kind": "verdict", "status": "correct", "points": 100}"""

# The answer each question of exercise 02 gets in forges_the_export: a value of the kind the check expects, made
# equal to anything (Q1 to Q3 lists, Q4 a set, Q5 a dict for the figure, Q6 a text).
ANYTHING = {
    1: "_equal_to_anything(list, [])",
    2: "_equal_to_anything(list, [])",
    3: "_equal_to_anything(list, [])",
    4: "_equal_to_anything(set, ())",
    5: "_equal_to_anything(dict, {})",
    6: '_equal_to_anything(str, "")',
}


def hostile(blank, attack, first=None):
    notebook = nbformat.read(blank, as_version=4)
    number = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs, cell.execution_count = [], None
        lines = cell.source.splitlines()
        names = [PLACEHOLDER.match(line).group(1) for line in lines if PLACEHOLDER.match(line)]
        if not names:
            continue
        number += 1
        kept = [line for line in lines if not PLACEHOLDER.match(line)]
        code = attack(number, names)
        if attack is not None and "_steal" not in code and "exec(q" not in code:
            code = "\n".join(f"{name} = ..." for name in names) + "\n" + code
        if number == 1 and first:
            code = first + "\n" + code
        cell.source = "\n".join([code, *kept])
    return notebook


def main(course, out=None):
    course = Path(course)
    out = Path(out) if out else course / "tests" / "samples"
    blank = course / "exercises" / "02_countries.ipynb"
    all_names = []
    for cell in nbformat.read(blank, as_version=4).cells:
        all_names += [PLACEHOLDER.match(line).group(1) for line in cell.source.splitlines() if PLACEHOLDER.match(line)]
    samples = {
        "execs_solution_code": hostile(blank, lambda n, names: EXEC_CODE.format(n=n)),
        "asks_for_solution": hostile(blank, lambda n, names: ASK_FOR_SOLUTION.format(n=n)),
        "searches_every_file": hostile(
            blank,
            lambda n, names: f"{names[-1]} = _steal({names!r}, q{n})",
            first=SEARCH.replace("NAMES", repr(all_names)),
        ),
        "reaches_for_tools": hostile(blank, lambda n, names: REACH_TOOLS.replace("{n}", str(n))),
        "forges_the_export": hostile(blank, lambda n, names: f"{names[-1]} = {ANYTHING[n]}", first=FORGE_EXPORT),
    }
    for name, notebook in samples.items():
        nbformat.write(notebook, out / f"{name}.ipynb")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
