"""Exercise 02 – The countries: memberships and roles, codes of a later operation, conflicting sources, a chart
and a map's decision."""

import numpy as np
import pandas as pd

from takedown import data, feedback
from takedown.answers import plain_figure
from takedown.questions import Question, Rubric, as_texts, as_whole_number, kind_of
from takedown.questions.assessment import judge_reasoning

ORGANISATIONS = {"EU": "eu_member", "NATO": "nato_member", "Five Eyes": "five_eyes"}
SERVERS_ROLE = "seized servers"  # Europol's account, as the `role` column words it
PROSECUTORS_SOURCE = "afp_straits_times"  # AFP gives no source; its list matches the Belgian prosecutor's statement


def eu_members_with_servers():
    """In Europol's account (the `role` column), the EU members where servers were seized."""
    countries = data.countries()
    return set(countries.loc[(countries["role"] == SERVERS_ROLE) & countries["eu_member"], "iso3"])


def countries_picked(answer):
    """The ISO codes of the rows of `countries` an answer picks, or None when it picks none of them the way code does.

    Code gives one of three things: the True/False column both tests make (one value per country, on the table's
    row numbers), the rows it keeps (a table with the `iso3` or `name` column), or a column of their names or
    codes that keeps the table's row numbers. A number or a typed list is none of these: it may be found by eye.
    """
    countries = data.countries()
    if isinstance(answer, pd.Series):
        values = list(answer)
        if all(isinstance(value, (bool, np.bool_)) for value in values):
            if list(answer.index) != list(countries.index):
                return None
            return set(countries.loc[[bool(value) for value in values], "iso3"])
        if values and all(isinstance(value, str) for value in values) and set(answer.index) <= set(countries.index):
            picked = countries.loc[list(answer.index), "iso3"]
            if all(data.iso3_of(value) == code for value, code in zip(values, picked)):
                return set(picked)
        return None
    if isinstance(answer, pd.DataFrame):
        column = next((column for column in ("iso3", "name") if column in answer.columns), None)
        if column is None:
            return None
        codes = {data.iso3_of(str(value)) for value in answer[column]}
        return None if None in codes or not codes <= set(countries["iso3"]) else codes
    return None


def judge_eu_servers(answer):
    countries = data.countries()
    servers = countries["role"] == SERVERS_ROLE
    eu = countries["eu_member"]
    afp = countries["iso3"].isin(servers_by_account()[PROSECUTORS_SOURCE])
    picked = countries_picked(answer)
    if picked is None:
        found = "a whole number" if as_whole_number(answer) is not None else kind_of(answer)
        return feedback.wrong_kind(
            f"I expected the True/False column your two tests make (one True or False per country), but got {found}. "
            "The check reads the column, not a count, so that it sees how you found the answer: store the two "
            "tests joined with `&` in `eu_servers`, before `.sum()`, and count its Trues on a line of its own."
        )
    expected = eu_members_with_servers()
    if picked == expected:
        number = len(picked)
        return feedback.correct(
            f"Yes: {number} of the EU members saw servers seized, in Europol's account: the Netherlands."
        )

    def codes(rows):
        return set(countries.loc[rows, "iso3"])

    mistakes = [
        (
            set(),
            "Your column is False for every country. Check two things. Each comparison needs its own round "
            'brackets, `(countries["role"] == ...)`. And the role\'s spelling: in the `role` column it is '
            f'"{SERVERS_ROLE}" (the `reports` table writes "servers seized").',
        ),
        (
            codes(servers),
            "Your column picks every country where Europol's account says servers were seized, in the EU or "
            "not: each row must pass both tests, joined with `&`.",
        ),
        (codes(eu), "Your column picks the EU members: each row must also pass the test on `role`."),
        (
            codes(eu & afp),
            "Your column follows the AFP report, where servers were seized in all six countries with seizures "
            "(AFP does not say whose account; its list matches the Belgian prosecutor's statement). The "
            "question asks for Europol's account: the `role` column.",
        ),
        (
            codes(servers | eu),
            "Your column keeps a country that passes either test: `|` means or. A row must pass both: `&`.",
        ),
        (codes(servers & ~eu), "Your column picks countries outside the EU: check where you put a `~`."),
        (
            codes(~servers & eu),
            "Your column picks EU members whose role was something else: check where you put a `~`.",
        ),
    ]
    said = next((message for mistake, message in mistakes if picked == mistake), None)
    return feedback.incorrect(
        said
        or "Your column is not True for the right countries. Make it True only where both tests pass: "
        "the `role` test and the `eu_member` column, joined with `&`."
    )


q1 = Question(
    name="Question 1",
    judge=judge_eu_servers,
    hints=(
        "A row counts only if two things are True: its `role` is the one about servers, written exactly as in "
        "the column, and its `eu_member` is True. `&` keeps True where both are True (phrasebook, entry 8).",
        '`countries["role"] == "..."` gives a True/False column, like `countries["iso3"] == "CAN"` in lesson 02. '
        "Join it to the `eu_member` column with `&`, each side in round brackets: that is the column to store. "
        "`.sum()` then counts its Trues.",
        'A partial line: `eu_servers = (countries["role"] == ...) & countries[...]` – fill in the dots.',
    ),
    answer_name="eu_servers",
)


def non_eu_members():
    countries = data.countries()
    return set(countries.loc[~countries["eu_member"], "iso3"])


def judge_non_eu(answer):
    """The rows code picks with `~` (the True/False column, the rows kept, or their `name` column): a typed list
    of two names could be read off the printed table or written from memory, and tells nothing of the `~`."""
    countries = data.countries()
    picked = countries_picked(answer)
    if picked is None:
        typed = isinstance(answer, (list, tuple, set)) and as_texts(answer) is not None
        return feedback.wrong_kind(
            "I expected what your code picks from `countries` (the rows it keeps, or their `name` column), but got "
            f"{kind_of(answer)}. "
            + (
                "A typed list, or one made with `list(...)`, loses the table's row numbers, and the check reads "
                "them to see how you picked the rows: store `countries.loc[...]` itself."
                if typed
                else 'Store the result of `countries.loc[rows, "name"]` itself.'
            )
        )
    expected = non_eu_members()
    if picked == expected:
        return feedback.correct("Yes: these are the countries that were not EU members.")
    if picked == set(countries.loc[countries["eu_member"], "iso3"]):
        return feedback.incorrect(
            "Your rows are the EU members: the `~` sign turns each True into False and each False into True. "
            "Where does it go?"
        )
    return feedback.incorrect(
        "At least one country differs from those that were not EU members. Re-check the test your code "
        "makes: which column does it read, and where does the `~` go?"
    )


def share_as_in_the_table(answer):
    """Partial credit for question 2: the share of the two it picks, when every row it picks is right."""
    picked = countries_picked(answer)
    if not picked or not picked <= non_eu_members():
        return 0
    return len(picked) / len(non_eu_members())


q2 = Question(
    name="Question 2",
    judge=judge_non_eu,
    hints=(
        "Keep the rows where `eu_member` is False. The `~` sign turns True into False and back.",
        "`countries.loc[rows, column]` picks rows and a column: the rows are a True/False column, the column "
        'is `"name"`. Store what it gives as it is: the check reads its row numbers.',
        'A partial line: `not_in_eu = countries.loc[~..., "name"]` – which column goes after the `~`?',
    ),
    answer_name="not_in_eu",
    points=2,
    partial=share_as_in_the_table,  # one of the two: 1 point
)


# The countries the FBI's press release of 17 June 2024 names for the I'LAM takedown (source fbi_ilam_2024):
# "led by the FBI Miami Field Office and Spain’s Civil Guard Information Service, bolstered by the coordination
# efforts of Europol, Eurojust, and the governments of Netherlands, Germany, France, Estonia, Romania, and Iceland".
# The exercise's setup cell gives students the same list as `fbi_2024` (tests/test_questions.py checks it).
FBI_2024 = ("United States", "Spain", "Netherlands", "Germany", "France", "Estonia", "Romania", "Iceland")

# A code a student types from memory that ISO 3166 does not use, and where it comes from.
GUESSED_CODES = {"GER": "Germany's code in sport (the Olympics, FIFA)"}


def new_in_2024():
    """The ISO codes of the countries the FBI names for 2024 that were not among the eight of 2018."""
    return {data.iso3_of(name) for name in FBI_2024} - set(data.countries()["iso3"])


def judge_new_codes(answer):
    """A list of ISO alpha-3 codes: each code is read as written (codes come from the table, not from memory)."""
    codes = as_texts(answer)
    if codes is None and hasattr(answer, "__iter__") and not isinstance(answer, str) and None in list(answer):
        return feedback.wrong_kind(
            "Your list holds None: `data.iso3_of(...)` gives None when it does not recognise one country's name. "
            "Look up each name of `fbi_2024` in turn: `[data.iso3_of(name) for name in fbi_2024]`."
        )
    if codes is None:
        return feedback.wrong_kind(
            f'I expected a list of codes as text, like ["BEL", "FRA"], but got {kind_of(answer)}.'
            + (" Put each code between its own quotation marks, in square brackets." if isinstance(answer, str) else "")
        )
    expected = new_in_2024()
    all_2024 = {data.iso3_of(name) for name in FBI_2024}
    eight = set(data.countries()["iso3"])
    for code in codes:
        found = data.iso3_of(code)
        if code.upper() in expected and code != code.upper():
            return feedback.incorrect(f"{code!r}: ISO codes are written in capitals.")
        if code.upper() in GUESSED_CODES and code.upper() not in expected:
            return feedback.incorrect(
                f"{code!r} is not an ISO 3166 alpha-3 code: it is {GUESSED_CODES[code.upper()]}. Look each code up "
                "with `data.iso3_of(...)` rather than writing it from memory."
            )
        if found is not None and found != code:
            kind = "a two-letter (alpha-2) code" if len(code) == 2 else "a name"
            return feedback.incorrect(
                f"{code!r} is {kind}: the question asks for three-letter (alpha-3) codes. `data.iso3_of(...)` "
                "turns a name into its code."
            )
        if found is None:
            return feedback.incorrect(
                f"{code!r} is not an ISO 3166 alpha-3 code. Look each code up with `data.iso3_of(...)` rather "
                "than writing it from memory."
            )
        if code in eight:
            return feedback.incorrect(
                f"{code} was among the eight countries of 2018 (the `iso3` column of `countries`): keep only the "
                "countries that had not taken part then."
            )
        if code not in all_2024:
            return feedback.incorrect(f"{code} is not among the countries the FBI's release names (`fbi_2024`).")
    if set(codes) != expected:
        return feedback.incorrect(
            "At least one code differs. Did you look up every name of `fbi_2024`, the two that led the "
            "operation included?"
        )
    return feedback.correct(
        "Yes: Germany (DEU), Spain (ESP), Estonia (EST) and Iceland (ISL) are named for 2024 and were not among "
        "the eight countries the 2018 accounts name. "
        "Germany is DEU (from Deutschland), not GER: ISO codes come from the table, not from memory."
    )


q3 = Question(
    name="Question 3",
    judge=judge_new_codes,
    hints=(
        "Two steps: turn each name of `fbi_2024` into its ISO alpha-3 code, then keep the codes that are not "
        "among the eight countries of 2018 (the `iso3` column of `countries`).",
        '`data.iso3_of("Spain")` gives one code (lesson 02, section 1, “From one sentence to a table”); `[data.iso3_of(name) for name in fbi_2024]` '
        "gives them all. For sets, `a - b` keeps what is in `a` but not in `b`, as `&` keeps what is in both.",
        'A partial line: `new_in_2024 = sorted(set(...) - set(countries["iso3"]))` – in place of the dots, the '
        "codes of `fbi_2024`.",
    ),
    answer_name="new_in_2024",
)


def servers_by_account():
    """{source: set of ISO codes where that report says servers were seized}."""
    reports = data.seizure_reports()
    servers = reports[reports["reported"] == "servers seized"]
    return {source: set(group["iso3"]) for source, group in servers.groupby("source")}


def countries_where_reports_agree():
    first, second = servers_by_account().values()
    return first & second


def countries_where_reports_disagree():
    first, second = servers_by_account().values()
    return first ^ second


def judge_servers_in_both(answer):
    """The rows of `countries` where both accounts say servers were seized, as code marks them (the True/False
    column `.isin(...)` makes, or the rows it keeps): lesson 02's table printed the two accounts side by side, so a
    typed list could be read off it. A disputed country gets its own explanation."""
    picked = countries_picked(answer)
    if picked is None:
        typed = isinstance(answer, (list, tuple, set, frozenset)) and as_texts(answer) is not None
        return feedback.wrong_kind(
            "I expected the True/False column that marks the countries in `countries` (one True or False per "
            f"country), but got {kind_of(answer)}. "
            + (
                "A list or a set of names has no row numbers of `countries`, and the check reads them to see how "
                'you picked the rows: mark your set in the table with `countries["name"].isin(...)` and store '
                "that column."
                if typed
                else 'Store what `countries["name"].isin(...)` gives: the column, before any `.sum()`.'
            )
        )
    if not picked:
        return feedback.incorrect(
            "Your column is False for every country. Check two things. Your sets hold names, so `.isin(...)` goes "
            'on the column of names, `countries["name"]`. And each source name must be written exactly as it is in '
            "the `source` column of `reports` (look at its values), and the kind of seizure exactly as in the "
            '`reported` column ("servers seized").'
        )
    disputed = countries_where_reports_disagree()
    named = sorted(picked & disputed)
    if named:
        return feedback.incorrect(
            f"Your column marks {data.country_name(named[0])}: there the two reports differ (Europol's account says "
            "digital evidence, the Belgian prosecutor's says servers). A sentence naming it must say whose account "
            "it gives. Which sign keeps only what is in both sets?"
        )
    if picked != countries_where_reports_agree():
        return feedback.incorrect(
            "At least one country differs from those where both reports say servers were seized. "
            "Re-check the two sets you combined, and the sign between them."
        )
    return feedback.correct(
        "Yes: these are the countries where both reports say servers were seized: a news story can name them "
        "without saying whose account it gives."
    )


q4 = Question(
    name="Question 4",
    judge=judge_servers_in_both,
    hints=(
        "A country can be named without saying whose account only if both reports say servers were "
        "seized there: you want what two sets have in common. Then mark those countries in `countries`.",
        "Lesson 02 (section 5, “When sources differ”) made one set per report from the rows where `reported` is "
        '"servers seized", and combined them with `^`. Which sign keeps what is in both sets? '
        '`countries["name"].isin(a_set)` then gives True for each country in the set (phrasebook, entry 9).',
        'A partial line, after making the two sets: `servers_in_both = countries["name"].isin(guardian ... afp)` '
        "– put the right sign in place of the dots.",
    ),
    answer_name="servers_in_both",
)


def membership_counts():
    countries = data.countries()
    return {organisation: int(countries[column].sum()) for organisation, column in ORGANISATIONS.items()}


def bars_of(figure):
    """{category: value} from the bar trace of a plotly figure, whichever way the bars point."""
    bars = [trace for trace in figure.data if trace.type == "bar"]
    if len(bars) != 1:
        return None
    bar = bars[0]
    categories, values = (bar.y, bar.x) if bar.orientation == "h" else (bar.x, bar.y)
    if categories is None or values is None:
        return None
    return {str(category).strip().lower(): value for category, value in zip(categories, values)}


# An axis title that is not yet words for a reader: plotly's defaults, or a table's column name such as
# "countries" or "n_members" (lower case without a space, or with an underscore).
DEFAULT_AXIS_TITLES = {"x", "y", "index", "value", "variable", "count", "sum"}
COUNTED_WORDS = ("countr", "member", "nation", "state")  # the number axis says what it counts


def looks_like_a_column_name(title):
    return title.lower() in DEFAULT_AXIS_TITLES or "_" in title or (title == title.lower() and " " not in title)


def judge_membership_chart(answer):
    if answer is None:
        return feedback.wrong_kind(
            "I expected a plotly figure, but got nothing (None): `.show()` draws the chart and gives nothing back. "
            "Store what `px.bar(...)` gives in `fig` on one line, then write `fig.show()` on a line of its own."
        )
    if not hasattr(answer, "to_plotly_json"):
        return feedback.wrong_kind(f"I expected a plotly figure (from px.bar), but got {kind_of(answer)}.")
    answer = plain_figure(answer)  # a copied figure is judged by the same data as the original
    bars = bars_of(answer)
    if bars is None:
        return feedback.incorrect("I expected a figure with one set of bars: use px.bar.")
    expected = {name.lower(): count for name, count in membership_counts().items()}
    missing = [name for name in expected if name not in bars]
    if missing:
        return feedback.incorrect(f"I cannot find a bar named {missing[0]!r}. Name the bars EU, NATO and Five Eyes.")
    wrong = [name for name, count in expected.items() if bars[name] != count]
    if wrong:
        return feedback.incorrect(f"The bar for {wrong[0]!r} does not show the right number of countries.")
    if not (answer.layout.title.text or "").strip():
        return feedback.incorrect("The bars are right. Now give the chart a title: px.bar(..., title=...).")
    horizontal = [trace for trace in answer.data if trace.type == "bar"][0].orientation == "h"
    value_axis, category_axis = (answer.layout.xaxis, answer.layout.yaxis)[:: 1 if horizontal else -1]
    titles = [(axis.title.text or "").strip() for axis in (category_axis, value_axis)]
    if any(not title or looks_like_a_column_name(title) for title in titles):
        shown = " and ".join(repr(title) for title in titles if title) or "nothing"
        return feedback.incorrect(
            f"The bars are right. Now label both axes in words a reader understands: they show {shown}. Without "
            "`labels=`, plotly writes the column names of your table there. px.bar(..., labels={...}) gives each "
            'column its words, e.g. labels={"your_column": "Words for its axis", ...}.'
        )
    if not any(word in titles[1].lower() for word in COUNTED_WORDS):
        return feedback.incorrect(
            'Say on the axis of the numbers what the bars count, e.g. "Number of ...": countries, or members.'
        )
    return feedback.correct("Yes: a titled, labelled chart of how many countries belong to each organisation.")


q5 = Question(
    name="Question 5",
    judge=judge_membership_chart,
    hints=(
        "First make a small table with one row per organisation and a column with the number of members.",
        "Lesson 02, section 2 (“Alliances in April 2018”), drew a bar chart of other data, its bars lying on their side: a table "
        '`continents = pd.DataFrame({...})`, then `px.bar(continents, x="countries", y="continent", '
        'orientation="h", title=..., labels={...})`. Your bars stand up: leave out `orientation`, put your table\'s '
        "name in place of `continents`, and give `x=` the column of the bars' names and `y=` the column of their "
        "heights, with your title, and `labels` giving each column words for its axis.",
    ),
    answer_name="fig",
)

# A person scores the decision with this rubric (course/grading/review.py); the check only looks at the form. Students
# read it above the question, so its levels say what a good answer does, never which country goes where.
MAP_RUBRIC = Rubric(
    levels=(("Strong", 1), ("Partly", 0.5), ("Needs work", 0)),
    criteria=(
        (
            "What the map shows",
            (
                "the map follows from question 4 and says whose account each part shows",
                "shows where the accounts differ, but does not say whose account each colour gives, or shows a "
                "country otherwise than the accounts do",
                "shows one account as fact, with no word of the other",
            ),
        ),
        (
            "Why",
            (
                "ties the decision to how a reader takes a coloured map, and to at least two of these: what kind of "
                "accounts these are, whether both could be true, what would settle it",
                "anything between Strong and Needs work: for example one or two of the four reasons, or three of "
                "them without how a reader takes a coloured map",
                "prefers one source for its size or fame, or gives no reason",
            ),
        ),
    ),
)

q6 = Question(
    name="Question 6",
    judge=judge_reasoning,
    hints=(
        "Start from question 4: where do the two accounts agree, and where do they differ? A map can give each "
        "group its own colour and a legend that says what the colour means.",
        "A reader takes a coloured country as a fact. If your map followed one account only, what would it state "
        "as fact about Bulgaria, France and Romania? And whose accounts are they: not which newspaper printed "
        "them, but who said it?",
    ),
    answer_name="map_decision",
    points=MAP_RUBRIC.max_points,  # 2: a person scores it with the rubric
    rubric=MAP_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
