"""A plain-words tip under the errors a beginner meets first, in a student's kernel.

Each tip reads the line that failed (and, where that helps, the names the notebook has made), so that it
speaks of what the student wrote there: a sentence typed without quotation marks, `and` between two
True/False columns, a name in quotation marks inside a sum, a row label looked up as a column... A tip is
printed UNDER Python's own error, never instead of it, and it is a courtesy: whatever the student typed,
working it out must never raise (every tip is computed inside a try).

The phrasebook entries named here are those of notebooks/phrasebook.md (tests/test_error_tips.py checks that
each entry a tip names is the idiom it speaks of).
"""

import ast
import difflib
import keyword
import re
import sys
from collections.abc import Mapping

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()

RUN_ABOVE = "Run › Run All Above Selected Cell"
THREE_QUOTES = 'for several lines, use three on each side: """…"""'


def _name_of(error):
    return getattr(error, "name", None) or next(iter(re.findall(r"name '(\w+)' is not defined", str(error))), "")


def _holder_of(name, namespace):
    """Where `name` is a key: ('params', 'entry') for a dictionary or Series holding it, ('countries', 'column')
    for a table with that column, ('text', 'module') for a module with that function; else None."""
    pandas = sys.modules.get("pandas")
    for holder, value in list(namespace.items()):
        if holder[:1] == "_" or not isinstance(holder, str):
            continue
        try:
            if isinstance(value, type(sys)) and value.__name__.startswith("takedown"):
                # only what the module itself defines: text.pd is pandas, not a course function
                if getattr(getattr(value, name, None), "__module__", None) == value.__name__:
                    return holder, "module"
                continue
            if isinstance(value, dict) and name in value:
                return holder, "entry"
            if pandas is not None and isinstance(value, pandas.Series) and name in value.index:
                return holder, "entry"
            if pandas is not None and isinstance(value, pandas.DataFrame) and name in value.columns:
                return holder, "column"
        except Exception:  # an odd object in the notebook: no tip from it
            continue
    return None


def _answer_word_likely(name, line):
    """True when `name` stands alone where an answer goes (`answer = b`, `q1.check(b)`), or the line is unknown."""
    here = re.escape(name)
    return not line.strip() or bool(
        re.match(r"\s*\w+\s*=\s*" + here + r"\s*(#.*)?$", line)
        or re.search(r"\.(check|record|explain)\(\s*" + here + r"\s*\)", line)
    )


def name_error_tip(error, line="", known=()):
    """The tip shown under a NameError, fitted to where the unknown name sits in `line` (the line that
    failed, when known), or "" if the error is not a NameError with a name. `known`: the names the
    student's notebook has made (a dictionary of them, the kernel's namespace, tells more: which table,
    dictionary or course module holds the name), so that a misspelling gets the name it was meant to be."""
    name = _name_of(error) if isinstance(error, NameError) else ""
    if not name:
        return ""
    line = line or ""
    names = [k for k in known if isinstance(k, str) and k[:1] != "_"]
    close = difflib.get_close_matches(name, names, 1, 0.75)
    if close:
        return (
            f"Tip: Python knows no {name}, but it knows {close[0]}: compare the two spellings letter by letter "
            "(capitals count) and fix the one in your line."
        )
    holder = _holder_of(name, known) if isinstance(known, dict) else None
    here = re.escape(name)
    looked_into = re.search(r"(?<![\w.])" + here + r"\s*[.\[]", line)  # small.add_edge, params[...]
    used_as_variable = looked_into or re.search(r"(?<![\w.])" + here + r"\s*\(", line)  # or steady_state(...)
    # lesson 01: [text.drop_repeated_title, ..., drop_comment_form]; but `countries["eu_member"]` with the data
    # module loaded and the set-up cell skipped is a skipped cell, not `data.countries`
    if holder and holder[1] == "module" and not looked_into:
        return f"Tip: {name} belongs to the course's {holder[0]} module: write {holder[0]}.{name}, with {holder[0]}. in front."
    if holder and holder[1] == "entry":  # lesson 06: steady_state(find_hours_telegram_2019), a key of params
        return (
            f'Tip: {name} is an entry of {holder[0]}, not a variable of its own: write {holder[0]}["{name}"] '
            "to use its value."
        )
    # a number typed as a word (`country_count = eigth`), not a variable in a sum (`live / ...` is not "five")
    number = difflib.get_close_matches(name.lower(), NUMBER_WORDS, 1, 0.75) if _answer_word_likely(name, line) else []
    if number:
        return (
            f"Tip: if you meant the number {number[0]}, type it in digits, without quotation marks: "
            f"{NUMBER_WORDS.index(number[0])}. If {name} is a variable, run the cell that creates it first, or check "
            "its spelling."
        )
    if re.search(r"\{[^{}]*\b" + here + r"\b[^{}]*\}", line) and re.search(r"\bf[\"']", line):
        return (
            f"Tip: {name} is inside the braces {{ }} of an f-string, where Python expects a variable's name. "
            f"Check its spelling, letter by letter, against the line that makes the variable (capitals count)."
        )
    if re.search(r"~\s*" + here + r"\b", line):
        return (
            f'Tip: after ~ Python expects a True/False column, written table["column"], like '
            f'~countries["five_eyes"]. If {name} is a column\'s name, write it that way, in quotation marks; '
            f"if it is a variable, check its spelling."
        )
    if re.search(r"[=!]=\s*" + here + r"\b", line):  # countries["name"] == Belgium
        return (
            f'Tip: to compare with the text {name}, put it in quotation marks: == "{name}". If {name} is a '
            "variable, run the cell that makes it first, or check its spelling."
        )
    looked_for = re.search(r"(?<![\w.\"'])" + here + r"\s+in\s+(\w+)", line)  # `if propaganda in sentence`
    if looked_for:  # a word looked for in a text: the quotation marks first
        return (
            f'Tip: to look for the word {name} itself, put it in quotation marks: "{name}" in {looked_for[1]}. If {name} is a '
            f"variable, run the cell that makes it first ({RUN_ABOVE}), or check its spelling."
        )
    in_a_list = re.search(r"(?:^|[=(,\[]\s*)\[[^\[\]]*\b" + here + r"\b[^\[\]]*\]", line.split("#")[0])
    if in_a_list and not re.search(r"[\w)\]]\[[^\[\]]*\b" + here + r"\b", line):  # [a, b], not table[...]
        return (
            f'Tip: in a list, a name that is text goes in quotation marks: "{name}". If {name} is a variable, '
            f"check its spelling, or run the cell that makes it first."
        )
    if re.search(r"\[[^\[\]]*\b" + here + r"\b[^\[\]]*\]", line):
        return (
            f'Tip: inside table[...] a column\'s name is text: write it in quotation marks, ["{name}"]. '
            f"If {name} is a variable, check its spelling, or run the cell that makes it first."
        )
    if holder and holder[1] == "column":  # a column's name written as a variable's
        return (
            f"Tip: {name} is a column of the table {holder[0]}, not a variable of its own: write "
            f'{holder[0]}["{name}"] to use it (phrasebook entry 1).'
        )
    if used_as_variable:
        return (
            f"Tip: Python does not know {name} yet: run the set-up cell at the top, or every cell above this one "
            f"({RUN_ABOVE}); the kernel forgets everything when it restarts. If it still fails, check the "
            f"spelling of {name}."
        )
    if not _answer_word_likely(name, line):  # in a sum or among other names: a variable, not an answer
        return (
            f"Tip: {name} is not made yet: run the cell above that makes it ({RUN_ABOVE} runs them all), or check "
            f'its spelling. Only if you meant the text {name} itself, put it in quotation marks: "{name}".'
        )
    return (
        f'Tip: if you meant the text {name}, put it in quotation marks: "{name}". If {name} is a variable, '
        "run the cell that creates it first, or check its spelling."
    )


# A name written in quotation marks next to an arithmetic sign: 1 - "outage_cut", "find_hours" + 1.
QUOTED_NAME = r"""(?:["'](\w+)["']\s*[-+*/]|[-+*/]\s*["'](\w+)["'])"""


def type_error_tip(error, line=""):
    """The tip under a TypeError a beginner meets (`~"text"`, `set + set`, a quoted name in a sum, one pair of
    brackets too many, a date plus a plain number...), or ""."""
    message = str(error) if isinstance(error, TypeError) else ""
    line = line or ""
    if not message:
        return ""
    if "unary ~" in message and "'str'" in message:
        return (
            "Tip: ~ turns a True/False column around; it cannot turn a text. Put ~ in front of the column "
            'itself, like ~countries["disputed"], not in front of the column\'s name in quotation marks.'
        )
    if re.search(r"for \+: 'set' and 'set'", message):
        return (
            "Tip: two sets are not added with +. Use & for what is in both, ^ for what is in one but not the "
            "other, | for everything in either, and - for what is in the first but not the second."
        )
    missing = re.search(r"^(\w+)\(\) missing \d+ required positional argument", message)
    if missing:
        return (
            f"Tip: {missing[1]}() was called without what it works on. If the line hands the function over for "
            f"something else to call (in a list of steps, say), write its name without brackets: {missing[1]}."
        )
    quoted = re.search(QUOTED_NAME, line)
    if quoted and re.search(r"unsupported operand|can only concatenate|can't multiply sequence", message):
        name = quoted[1] or quoted[2]
        return (
            f'Tip: "{name}" in quotation marks is text, not the value it names: remove the quotation marks '
            f"and write {name}. Quotation marks are for a column's name inside table[...]."
        )
    if re.search(r"unsupported operand type\(s\) for [-*/]+: '(int|float)' and 'str'|'str' and '(int|float)'", message):
        return (
            "Tip: one of the two values is a text in quotation marks, the other a number. A name in quotation "
            "marks is text, not the value it names: remove the quotation marks."
        )
    if "with Timestamp is no longer supported" in message or "n * obj.freq" in message:
        date = re.search(r"(\w+)\s*[-+]\s*[\w.]", line)
        date = date[1] if date and not date[1].isdigit() else "received"
        return (
            "Tip: a date and a plain number cannot be added, since Python does not know what the number counts: "
            f"say it, like {date} + pd.Timedelta(hours=24) (phrasebook entry 21)."
        )
    if "string indices must be integers" in message and "tuple" in message:
        return "Tip: to cut a piece out of a text, put a colon between the two positions, text[start:end], not a comma."
    no_len = re.search(r"object of type '(builtin_function_or_method|method)' has no len\(\)", message)
    if no_len:
        method = re.search(r"len\(\s*([\w.\[\]\"']+\.\w+)\s*\)", line)
        example = f": write {method[1]}()" if method else ", like raw.split()"
        return f"Tip: a method runs only with its round brackets after it{example}."
    if re.search(r"Cannot perform '(rand|ror|and|or)_'", message):
        return (
            "Tip: & and | are worked out before == or >=: put every comparison in its own round brackets, "
            'like countries["eu_member"] & (countries["role"] == "servers seized") (phrasebook entry 8).'
        )
    called = re.search(r"^'([\w.]+)' object is not callable", message)
    if re.search(r"\(not \"method\"\)|'method'|builtin_function_or_method", message):  # speaker = ... .item
        uncalled = re.findall(r"\.(\w+)\b(?!\s*\()", line)
        name = uncalled[-1] if uncalled else "item"
        return (
            f"Tip: a name after a dot that does something, like .{name}, needs round brackets to do it: write "
            f".{name}() where the value is made (phrasebook entry 12)."
        )
    if called:
        twice = re.search(r"(\w+)\(\)\s*\(", line)  # .sum()(), idxmax()()
        if twice:
            return (
                f"Tip: {twice[1]} is followed by one pair of brackets too many: write {twice[1]}(), with one pair "
                "(the line may already have had them before you typed yours)."
            )
        if called[1] == "str":
            return (
                "Tip: a text was called like a function, with ( ) after it. A function's name goes without "
                'quotation marks (text.drop_comment_form, not "drop_comment_form").'
            )
        return (
            f"Tip: a {called[1]} value was called like a function, with ( ) after it: a name in your line is "
            "followed by one pair of brackets too many."
        )
    return ""


def value_error_tip(error, line="", namespace=None):
    """The tip under pandas' "The truth value of a Series is ambiguous" (`and`, `or`, `not` between columns), or
    under a parameter's name in quotation marks where a number goes (`find_hours="find_hours_telegram_2019"`)."""
    message = str(error) if isinstance(error, ValueError) else ""
    quoted = re.search(r"could not convert string to float: '(\w+)'", message)
    if quoted:
        holder = _holder_of(quoted[1], namespace) if isinstance(namespace, dict) else None
        if holder and holder[1] == "entry":
            return f'Tip: "{quoted[1]}" is a name, not its number: look the number up with {holder[0]}["{quoted[1]}"].'
        return f'Tip: "{quoted[1]}" in quotation marks is text, not a number: write the number, or the name without quotation marks.'
    if "truth value of a" not in message or "is ambiguous" not in message:
        return ""
    return (
        "Tip: Python's words and, or, not work on one True/False, not on a column of them: join two conditions "
        "with & (and) or | (or), each in round brackets, and use ~ for not (phrasebook entries 7 and 8)."
    )


def _is_course_sentence(key):
    """The course's own KeyErrors (takedown/measures.py) are whole sentences that already say what is missing."""
    return bool(re.search(r"[.:] |\.$", key)) and len(key.split()) >= 5


def _value_of(node, namespace):
    """The value of a name, `a.b` or `a["x"]` in the failing line, read without running the student's code
    (no call, nothing hidden with _); raises when it cannot."""
    if isinstance(node, ast.Name):
        return namespace[node.id]
    if isinstance(node, ast.Attribute) and not node.attr.startswith("_"):
        return getattr(_value_of(node.value, namespace), node.attr)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return _value_of(node.value, namespace)[node.slice.value]
    raise LookupError("not a plain look-up")


def _looked_up(key, line, namespace):
    """What `line` looks `key` up in, as (how the line writes it, its value): ('periods', the table) for
    `periods["amaq_first_noticed"]`, ('G.nodes["amaq"]', a dictionary) for `G.nodes["amaq"]["outlet"]`; or None."""
    if not isinstance(namespace, dict):
        return None
    source = line.strip()
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a line that is part of a longer statement
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value == key:
            try:
                return ast.get_source_segment(source, node.value) or ast.unparse(node.value), _value_of(
                    node.value, namespace
                )
            except Exception:  # a name the notebook does not have, or a look-up that fails: try the next
                continue
    return None


def key_error_tip(error, line="", namespace=None):
    """The tip under a KeyError for a name (a column, a row label, an entry of a dictionary) that is not there,
    or "". `namespace`: the kernel's variables, to tell a table's row label from a misspelt column."""
    if not isinstance(error, KeyError) or len(error.args) != 1 or not isinstance(error.args[0], str):
        return ""
    key = error.args[0]
    if _is_course_sentence(key):  # the course's own KeyError already says, in a sentence, what is missing
        return ""
    pandas = sys.modules.get("pandas")
    found = _looked_up(key, line or "", namespace)
    if found and pandas is not None and isinstance(found[1], pandas.DataFrame):
        table, value = found
        if key in value.index:
            return (
                f"Tip: '{key}' names a row of {table}, not a column: use {table}.loc[\"{key}\"] (phrasebook entry 11)."
            )
        near = [c for c in value.columns if isinstance(c, str) and c.lower() == key.strip().lower().replace(" ", "_")]
        if near and near[0].lower() == key.lower():  # countries["Role"]: only capitals differ
            return (
                f"Tip: there is no column '{key}', but there is '{near[0]}': capitals count, so write "
                f'{table}["{near[0]}"], as the table\'s header writes it.'
            )
        if near:
            return (
                f"Tip: there is no column '{key}', but there is '{near[0]}': column names here use _ instead of spaces."
            )
        try:
            is_value = value.size < 100_000 and bool((value.astype(str) == key).to_numpy().any())
        except Exception:  # a table whose values cannot be read as text: no value check
            is_value = False
        if is_value:
            return (
                f"Tip: '{key}' is a value in {table}, not a column's name: inside {table}[...] write the name of "
                "the column that holds it, from the table's header row."
            )
        return (
            f"Tip: {table} has no column called '{key}'. Check its spelling and capitals against the table's "
            f"header, or list the column names with {table}.columns."
        )
    if found and isinstance(found[1], Mapping):  # a dictionary, or networkx's G.nodes["amaq"]
        return (
            f"Tip: {found[0]} has no entry called '{key}'. Check its spelling and capitals, or print {found[0]} "
            "to see the names it holds."
        )
    spaces = " (names here have _ where a sentence has spaces)" if " " in key.strip() else ""
    return (
        f"Tip: there is no column (or entry) called '{key}'. Check its spelling{spaces} and capitals against the "
        "table's header (table.columns lists them, your table's name in place of table); if it names a row, "
        f'use table.loc["{key}"] (phrasebook entry 11).'
    )


def syntax_error_tip(error, line=""):
    """The tip under a SyntaxError from a sentence typed as code: without quotation marks, with an apostrophe
    inside '…', or over several lines inside "…"; or ""."""
    if not isinstance(error, SyntaxError) or isinstance(error, IndentationError):
        return ""
    message = str(getattr(error, "msg", "") or "")
    text = str(getattr(error, "text", "") or line or "")
    start = re.match(r"\s*(\w+)\s*=\s*", text)
    answer = start[1] if start else "answer"
    if message.startswith("incomplete input"):  # IPython's word for a cell that ends inside a text or a bracket
        if text.count('"""') % 2 or text.count("'''") % 2:
            message = "unterminated triple-quoted"
        else:
            return (
                "Tip: the cell ended while something was still open: a bracket ( [ { without its closing one, "
                'or a text in quotation marks without its closing ".'
            )
    if message.startswith("unterminated triple-quoted"):
        return 'Tip: a text that starts with three quotation marks """ must end with three too: add """ after its last word.'
    if message.startswith("unterminated string literal"):
        offset = getattr(error, "offset", None) or 0
        opens = text[offset - 1 : offset] if 0 < offset <= len(text) else ""
        apostrophe = re.search(r"[A-Za-z]+'[A-Za-z]+", text)
        if opens == "'" and apostrophe:
            return (
                f"Tip: the apostrophe in {apostrophe[0]} ended the text early. Put the sentence between double "
                f'quotation marks: {answer} = "…{apostrophe[0]}…" ({THREE_QUOTES}).'
            )
        return (
            "Tip: a text in quotation marks must end on the line where it starts. For a sentence over several "
            f'lines, use three quotation marks on each side: {answer} = """…""".'
        )
    if message.startswith("leading zeros in decimal integer literals"):  # half_years()[2018-07-01]
        date = re.search(r"\d{4}-\d{2}(?:-\d{2})?", text)
        label = date[0] if date else "2018-07-01"
        return f'Tip: a date label is text: put it in quotation marks, "{label}"'
    if message.startswith("invalid syntax"):
        # what is outside texts and comments: each text becomes "", a comment nothing (a comment's apostrophe,
        # country's, is no quotation mark in the code)
        code = re.sub(r"\"[^\"]*\"|'[^']*'|#.*", lambda m: "" if m[0][:1] == "#" else '""', text)
        number = re.match(r"\s*\w+\s*=\s*(\d[\d.]*)\s+[A-Za-z]", code)  # servers_count = 3 countries
        if number:
            return f"Tip: write only the number, without words after it: {answer} = {number[1]}."
        bare = re.match(r"\s*\w+\s*=\s*([A-Za-z][\w'-]*\s+[\w'-]+)\s*$", code)  # referred_by = United Kingdom
        if bare and '"' not in code:  # a two-word name; a longer sentence gets the "I think …" tip below
            return f'Tip: a name is text: put it between double quotation marks, {answer} = "{bare[1]}".'
        inner = re.search(r"\"\"\s*(\w+)|(\w+)\s*\"\"", code)  # "The article says Europol "led" the action"
        if inner:
            return (
                'Tip: a quotation mark " inside a text written between " " ends it early: quote inside it with '
                f'single marks, \'{inner[1] or inner[2]}\', or put the whole text between three: """…""".'
            )
        words = re.findall(r"(?<![\w.])([A-Za-z]\w*)\s+([A-Za-z]\w*)\b", code)
        if any(not keyword.iskeyword(a) and not keyword.iskeyword(b) for a, b in words):
            return (
                f'Tip: a sentence is text: put it between double quotation marks, {answer} = "I think …" '
                f"({THREE_QUOTES})."
            )
    return ""


def error_tip(error, line="", known=()):
    """The plain-words tip for an error a beginner meets, or "" when the course has none. Never raises."""
    try:
        return (
            name_error_tip(error, line, known)
            or syntax_error_tip(error, line)
            or type_error_tip(error, line)
            or value_error_tip(error, line, known if isinstance(known, dict) else None)
            or key_error_tip(error, line, known if isinstance(known, dict) else None)
        )
    except Exception:  # a tip is a courtesy: never let it hide the error
        return ""


def failing_line(tb):
    """The line of the student's cell where the error happened ("" when it cannot be found)."""
    import traceback

    try:
        frames = traceback.extract_tb(tb)
    except Exception:  # a tip is a courtesy: never let it hide the error
        return ""
    cells = [frame for frame in frames if frame.filename.startswith("<") or "ipykernel_" in frame.filename]
    return (cells[-1].line or "") if cells else ""


def _while_running(tb):
    """True when the error came from running the cell, False when IPython could not even read it (a SyntaxError)."""
    return tb is not None and tb.tb_frame.f_code.co_name == "run_code"


def explain_name_errors(shell):
    """Under every error listed below, in this IPython shell, after the usual error, add its tip.

    IPython hands these errors to `with_tip` both while reading a cell (a SyntaxError: IPython's run_cell
    looks for a custom handler before showing a syntax error) and while running it; `with_tip` shows each
    the way IPython would have, then prints the tip under it."""

    def with_tip(shell, etype, value, tb, tb_offset=None):  # IPython calls it instead of showing the error
        if _while_running(tb):
            shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
        elif isinstance(value, IndentationError):  # as IPython shows an error found while reading the cell
            shell.showindentationerror()
        else:
            shell.showsyntaxerror()
        try:
            namespace = getattr(shell, "user_ns", None)
            line = failing_line(tb) if _while_running(tb) else ""
            tip = error_tip(value, line, namespace if isinstance(namespace, dict) else {})
        except Exception:  # a tip is a courtesy: never let it hide the error
            tip = ""
        if tip:
            print(tip)

    shell.set_custom_exc((NameError, TypeError, KeyError, ValueError, SyntaxError), with_tip)
