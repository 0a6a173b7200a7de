"""Lesson 02 – the checked questions and activities inside the lesson (not graded).

Each is a Question like an exercise's (the activities are in takedown/questions/activities.py); the lesson
imports them (`from takedown.questions.lesson_02 import c1`) and a student answers in the lesson itself.
They are named "Check 1", "Check 2", ... in the order the lesson asks them. The lesson's idioms come one at a
time, each with its own small task: `.sum()` of True/False, `~`, `.item()`, `&` between two True/False columns,
then sets with `&`, `^` and `-`. Check 13 is lateral reading the student performs: La Libre's two versions of
one story, recorded for the instructor's review with a three-level rubric.
They stay clear of exercise 02's own questions (EU members, countries outside the EU, the UK's code, servers
in both accounts).
"""

from takedown import data
from takedown.questions import Question, Rubric, judge_whole_number, multiple_choice
from takedown.questions.activities import FadedExample, LateralReading, Prediction


def nato_members():
    return int(data.countries()["nato_member"].sum())


def server_countries(source):
    """The countries an account names for seized servers, as a set of names."""
    reports = data.seizure_reports()
    servers = reports[reports["reported"] == "servers seized"]
    return set(servers.loc[servers["source"] == source, "name"])


EUROPOL, PROSECUTOR = "guardian_isis_2018", "afp_straits_times"  # AFP: unattributed, matches the prosecutor


# ---- Check 1: a prediction, recorded and never marked ----------------------------------------------

c1 = Prediction(
    name="Check 1",
    answer_name="nato_prediction",
    between=(0, 8),
    whole=True,
    hints=(
        "There is no wrong prediction. NATO is a military alliance of European and North American countries: "
        "which of the eight are in Europe or North America?",
    ),
    observed=lambda: f"{nato_members()} of the 8 were NATO members in April 2018",
    solution_code="nato_prediction = 8",
)

# ---- Check 2: `.sum()` of a True/False column --------------------------------------------------------

c2 = FadedExample(
    name="Check 2",
    answer_name="five_eyes_count",
    expected=lambda: int(data.countries()["five_eyes"].sum()),
    solution_code='five_eyes_count = countries["five_eyes"].sum()',
    mistakes=(
        (8, "That counts every row, True or False: which method adds the values up, so that each True counts 1?"),
    ),
    otherwise="Re-examine the method you typed: the worked example above adds up a True/False column.",
    right="Yes: three of the eight were in Five Eyes. Adding up a True/False column counts its Trues.",
    from_the_line="the line that adds up the `five_eyes` column, with the method's name in place of the ___",
    typed_if_plain=True,  # the method gives numpy's integer: a plain 3 was read off the page
    hints=(
        "Compare with the worked example just above: the same method, on another column.",
        "A True counts as 1 and a False as 0 when a column is added up.",
    ),
)

# ---- Check 3: which column goes to y= ----------------------------------------------------------------

c3 = Question(
    name="Check 3",
    judge=multiple_choice(
        "a",
        {
            "a": "Yes: in a chart whose bars stand up, `y=` is the upright axis, which sets how tall each bar is, "
            "so it takes the column of numbers. The worked example lies its bars down, so there the numbers go "
            "to `x=`.",
            "b": "No: that copies the worked example, whose bars lie on their side. Which axis shows the numbers "
            "when bars stand up?",
            "c": "No: the title goes to `title=`; `y=` takes a column of the table.",
        },
    ),
    hints=(
        "`x=` is the axis along the bottom, `y=` the axis up the side. Which one shows the numbers in the worked "
        "example, whose bars lie down?",
        "In the exercise the bars stand up: a bar's height, up the side, shows a number.",
        'goes_to_y = "..."   (which of your two columns holds what a bar\'s height shows?)',
    ),
    solution_code='goes_to_y = "a"',
)

# ---- Check 4: read the chart's note: how many countries seized servers in the other account -----------


def judge_servers_other_account(answer):
    """Check 4: read the chart's note. In the other account, servers were seized in every country of the
    hatched bar as well as in the three of the servers bar."""
    servers_bar = int((data.countries()["role"] == "seized servers").sum())
    hatched = int(data.countries()["disputed"].sum())
    return judge_whole_number(
        answer,
        len(server_countries(PROSECUTOR)),
        "countries: the three of Europol's servers bar and the three of the hatched bar, in the other account",
        mistakes=(
            (
                servers_bar,
                "That is the servers bar, which follows Europol's account. What does the note under the chart "
                "say the other account reports for the countries of the hatched bar?",
            ),
            (
                hatched,
                "That is the hatched bar alone. In the other account, were servers still seized in the countries "
                "of the servers bar too?",
            ),
            (
                len(data.countries()),
                "That counts every country. Does the other account change what the countries that led or "
                "referred web domains did?",
            ),
        ),
        otherwise="Re-read the note under the chart: which countries does the other account add to those where "
        "servers were seized?",
        empty="the number of countries",
    )


c4 = Question(
    name="Check 4",
    judge=judge_servers_other_account,
    hints=(
        "The bars follow Europol's account; the note under the chart gives the other account for the hatched bar.",
        "Add the countries where servers were seized in Europol's account to those the other account says "
        "seized servers too.",
        "servers_other_account = ... + ...   (the numbers of two bars of the chart)",
    ),
    solution_code="servers_other_account = 6",
)

# ---- Check 5: `~`, NOT ------------------------------------------------------------------------------


def roles_agreed():
    countries = data.countries()
    return countries.loc[~countries["disputed"], "name"]


c5 = FadedExample(
    name="Check 5",
    answer_name="agreed",
    expected=roles_agreed,
    solution_code='agreed = countries.loc[~countries["disputed"], "name"]',
    mistakes=(
        (
            lambda value: list(value) == list(data.countries().loc[data.countries()["disputed"], "name"]),
            "Those are the countries where the accounts differ: put ~ in front of the column to turn each True "
            "into False and back.",
        ),
    ),
    otherwise="Re-examine the column's name you typed: the one that says whether the accounts differ.",
    right="Yes: for these five countries no other account gives a different role.",
    hints=(
        "Compare with the worked example just above: the same ~, in front of another column.",
        "The ___ stands for a column's name, in quotation marks: the column that says whether the accounts differ.",
    ),
)

# ---- Check 6: `.item()` ----------------------------------------------------------------------------------


def belgium_role():
    countries = data.countries()
    return countries.loc[countries["iso3"] == "BEL", "role"].item()


c6 = FadedExample(
    name="Check 6",
    answer_name="belgium_role",
    expected=belgium_role,
    solution_code='belgium_role = countries.loc[countries["iso3"] == "BEL", "role"].item()',
    mistakes=(
        (
            lambda value: hasattr(value, "iloc"),
            "That is still a column with one row in it: which method takes the one value out?",
        ),
    ),
    otherwise="Re-examine the method you typed: the worked example above takes one value out of its column.",
    right="Yes: Belgium led the operation (its Federal Prosecutor's Office). `.item()` gave the text itself.",
    from_the_line="the line that takes Belgium's role out of the table, with the method's name in place of the ___",
    hints=(
        "Compare with Canada's line just above: only the method's name is missing.",
        "The method takes the single value out of a one-row selection; it has no arguments.",
    ),
)

# ---- Check 7: `&` between two True/False columns ---------------------------------------------------------


def eu_not_five_eyes():
    countries = data.countries()
    return int((countries["eu_member"] & ~countries["five_eyes"]).sum())


def _count(rows):
    return lambda value: value == int(rows(data.countries()).sum())


c7 = FadedExample(
    name="Check 7",
    answer_name="eu_not_five_eyes",
    expected=eu_not_five_eyes,
    solution_code='eu_not_five_eyes = (countries["eu_member"] & ~countries["five_eyes"]).sum()',
    mistakes=(
        (
            _count(lambda c: c["eu_member"] & c["five_eyes"]),
            "That counts the countries in the EU *and* in Five Eyes, like the worked example: which sign turns "
            "the Five Eyes column's True into False?",
        ),
        (
            _count(lambda c: ~c["eu_member"] & c["five_eyes"]),
            "That counts the Five Eyes countries outside the EU: the `~` is on the other column.",
        ),
        (
            _count(lambda c: c["eu_member"]),
            "That counts every EU member: the line still needs its second condition, on the Five Eyes column.",
        ),
    ),
    otherwise="Re-examine your line: two True/False columns in round brackets, `&` between them, `~` in front of "
    "the one to turn around, then `.sum()`.",
    right="Yes: five. `~` turns the Five Eyes column around, `&` keeps the rows where both say True, `.sum()` counts "
    "them.",
    from_the_line="the line that counts: two columns, `~`, `&`, then `.sum()`",
    typed_if_plain=True,  # `.sum()` gives numpy's integer: a plain 5 was typed
    hints=(
        'Start from the worked example above, `countries["eu_member"] & countries["five_eyes"]`, and turn '
        "the second column around.",
        "`~` goes right in front of the column it turns around; put the whole condition in round brackets before "
        "`.sum()`.",
    ),
)

# ---- Check 8: a prediction before the seizure reports ----------------------------------------------

# A real prediction: what two differing official accounts will turn out to be (section 5 reads them).
c8 = Prediction(
    name="Check 8",
    answer_name="differ_guess",
    choices={
        "a": "one account is plainly wrong",
        "b": "both could be true, told in different words",
        "c": "the two offices describe different operations",
    },
    hints=("There is no wrong prediction: think of how two press offices might describe the same seizure.",),
    observed="the two accounts may be reconcilable, which does not make one of them false: evidence copied from a "
    "server, then the server shut down",
    solution_code='differ_guess = "b"   # any of the three letters is recorded: a prediction is not marked',
)

# ---- Checks 9, 10 and 11: sets, &, ^ and - ------------------------------------------------------------------


def five_eyes():
    countries = data.countries()
    return set(countries.loc[countries["five_eyes"], "name"])


c9 = FadedExample(
    name="Check 9",
    answer_name="five_eyes_servers",
    expected=lambda: sorted(five_eyes() & server_countries(EUROPOL)),
    solution_code="five_eyes_servers = sorted(five_eyes & europol)",
    mistakes=(
        (
            lambda value: list(value) == sorted(five_eyes() | server_countries(EUROPOL)),
            "That is every country in either set: which sign keeps only what is in both?",
        ),
        (
            lambda value: list(value) == sorted(five_eyes() ^ server_countries(EUROPOL)),
            "That is what is in one set but not the other: which sign keeps what is in both?",
        ),
    ),
    otherwise="Re-examine the sign you typed: the worked example above keeps what two sets share.",
    right="Yes: in Europol's account, two of the three countries where servers were seized are Five Eyes partners.",
    from_the_line="the line that keeps what the two sets share, with the sign in place of the ___",
    hints=("Compare with the worked example on the alliances just above: the same sign.",),
)

c10 = FadedExample(
    name="Check 10",
    answer_name="differ",
    expected=lambda: sorted(server_countries(EUROPOL) ^ server_countries(PROSECUTOR)),
    solution_code="differ = sorted(europol ^ afp)",
    mistakes=(
        (
            lambda value: list(value) == sorted(server_countries(EUROPOL) & server_countries(PROSECUTOR)),
            "Those are the countries both accounts name: which sign keeps what is in one but not the other?",
        ),
        (
            lambda value: list(value) == sorted(server_countries(EUROPOL) | server_countries(PROSECUTOR)),
            "That is every country either account names: which sign leaves out what both share?",
        ),
        (
            lambda value: list(value) == sorted(server_countries(EUROPOL) - server_countries(PROSECUTOR)),
            "None: that is what Europol's account names and the other does not. Which sign keeps what is in either "
            "set but not in both, whichever account names it?",
        ),
    ),
    otherwise="Re-examine the sign you typed: the one that keeps what is in one set but not the other.",
    right="Yes: the accounts differ about servers in these three countries. Compare with your prediction.",
    from_the_line="the line that compares the two accounts' sets, with the sign in place of the ___",
    hints=(
        "The phrasebook's entry 30 gives four signs between two sets: `&`, `|`, `-` and one more. Which keeps what "
        "is in one set but not the other?",
        "`&` keeps what is in both and `|` what is in either; `-` keeps what is in the first set only.",
    ),
)

# ---- Check 11: set difference, `-` -----------------------------------------------------------------------

c11 = FadedExample(
    name="Check 11",
    answer_name="no_servers",
    expected=lambda: sorted(five_eyes() - server_countries(EUROPOL)),
    solution_code="no_servers = sorted(five_eyes - europol)",
    mistakes=(
        (
            lambda value: isinstance(value, (set, frozenset)),
            "That is a set: put sorted( ... ) around it, as the worked example does, to get a list in "
            "alphabetical order.",
        ),
        (
            lambda value: list(value) == sorted(server_countries(EUROPOL) - five_eyes()),
            "Those are the server countries outside Five Eyes: `a - b` keeps what is in `a` only, so the order of "
            "the two sets matters. Which set comes first?",
        ),
        (
            lambda value: list(value) == sorted(five_eyes() & server_countries(EUROPOL)),
            "Those are the partners where servers were seized: which sign takes the second set away from the first?",
        ),
        (
            lambda value: list(value) == sorted(five_eyes() ^ server_countries(EUROPOL)),
            "That is what is in one set but not the other, either way round: which sign keeps only the first "
            "set's leftovers?",
        ),
    ),
    otherwise="Re-examine your line: sorted( ... ) around two sets with `-` between them, as in the worked example "
    "above; which set comes first?",
    right="Yes: the one Five Eyes partner where Europol reports no seized servers. Its part, in Europol's account, "
    "was the referral of web domains.",
    from_the_line="the whole line, `sorted(` one set, the sign, another set `)`, with two of the sets made above",
    hints=(
        "Compare with the worked example just above: the same sign, between other sets.",
        "`a - b` keeps what is in `a` and not in `b`: here `a` is the Five Eyes partners.",
        "no_servers = sorted(... - ...)   (two of the sets made above, in the right order)",
    ),
)

# ---- Check 12: what would settle it --------------------------------------------------------------------

c12 = Question(
    name="Check 12",
    judge=multiple_choice(
        "d",
        {
            "a": "No: Europol's press release *is* one of the two accounts. Reading it again tells you what "
            "Europol said, not whether the Belgian prosecutor was wrong.",
            "b": "No: the news reports follow one office or the other (the Guardian follows Europol; one AFP "
            "report gives the prosecutor's list, without saying whose it is). A third report would most "
            "likely repeat one of the two voices.",
            "c": "No: the prosecutor's statement is the other of the two accounts. Choosing it because it led "
            "the operation would be picking a side, not settling the question.",
            "d": "Yes: a record of what was taken where – seizure records filed in court, or the Bulgarian, "
            "French and Romanian authorities' own statements – is evidence from the people who did the "
            "seizing, independent of both press offices.",
        },
    ),
    hints=(
        "Two primary accounts differ. Evidence that settles it must come from outside both accounts.",
        "Section 5 names the reports that follow each voice. Ask of each option: is it one of the two voices, "
        "or a copy of one?",
        'ask_for = "..."   (the two press offices are the two voices. Of the other options, which would '
        "be independent of both?)",
    ),
    solution_code='ask_for = "d"',
)

# ---- Check 13: lateral reading, performed by the student (recorded, scored by a person) ------------------

# The rows say what a good answer does, not what La Libre's pages say (the instructor guide has that).
VERSIONS_RUBRIC = Rubric(
    levels=(("Strong", 2), ("Adequate", 1), ("Needs work", 0)),
    criteria=(
        (
            "Compared the two versions",
            (
                "says what each version says about what was seized where (or that a page would not open, and what "
                "the stored notes record instead), each tied to its page (title or address)",
                "describes both versions, without saying which page said what",
                "describes one version only, or guesses",
            ),
        ),
        (
            "Whose account",
            (
                "names whose account each version gives, and how the page shows it (or that it does not)",
                "names one voice, loosely",
                "no voice named",
            ),
        ),
        (
            "What it means for a chart",
            (
                "says what a chart citing this newspaper would need to state so that a reader knows which account "
                "it shows",
                "says that pages change, loosely tied to a chart's source",
                "no link to how a chart cites its source",
            ),
        ),
    ),
)

c13 = LateralReading(
    name="Check 13",
    answer_name="two_versions",
    task="La Libre Belgique, a Belgian daily, published its story on the operation twice under the same article "
    "number (5ae2db94cd702e6324ee2c67): open the first version and the later one, linked just above this task (in "
    "French: your browser can translate them). Read only the paragraphs about what was seized, and where. Write "
    "what changed between the two versions, whose account each gives, and what a chart that cites “La Libre” as "
    "its source would have to say so that a reader knows which account it shows. Name the page you read each "
    "thing on. If a page no longer opens, say so and use the offline notes.",
    offline="No internet, or a page that no longer opens? Run the offline cell below this task (delete the # at "
    "the start of its one line first): it shows the course's stored notes on the two versions (data.sources()). "
    "What does each record, and what could you not check without the pages themselves? Name them as your "
    "source: “the course's stored notes”.",
    hints=(
        "Put the two pages side by side and find, in each, the sentence about servers: which countries does each "
        "name, and for what?",
        "Ask whose words each version follows: the Belgian prosecutor's statement (section 5) or Europol's release.",
    ),
    rubric=VERSIONS_RUBRIC,
)


QUESTIONS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13]
