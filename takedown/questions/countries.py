"""Exercise 02 – The countries: memberships, codes, conflicting sources and a chart."""

from takedown import data, feedback
from takedown.answers import plain_figure
from takedown.questions import Question, as_texts, judge_whole_number, kind_of

ORGANISATIONS = {"EU": "eu_member", "NATO": "nato_member", "Five Eyes": "five_eyes"}


def judge_eu_members(answer):
    countries = data.countries()
    expected = int(countries["eu_member"].sum())
    return judge_whole_number(
        answer,
        expected,
        "of the eight countries were EU members in April 2018",
        mistakes=[
            (
                len(countries),
                "That is the number of rows, every country of the table: `.count()` and `len(...)` "
                "count rows whatever their value; `.sum()` adds up the True values only.",
            ),
            (
                expected - 1,
                "Did you leave out the UK? The table records April 2018, and the UK left the EU only in "
                "2020: add up the column rather than counting by eye.",
            ),
            (len(countries) - expected, "That is the number of countries that were not EU members (the False values)."),
            (int(countries["five_eyes"].sum()), "That is the number of Five Eyes members: check the column's name."),
        ],
        otherwise="Add up the True values of the `eu_member` column with `.sum()`: True counts as 1, False as 0.",
    )


q1 = Question(
    name="Question 1",
    judge=judge_eu_members,
    hints=(
        "The column `eu_member` holds True or False for each country. Adding up True values counts them: "
        "True counts as 1, False as 0.",
        'Start from the column `countries["eu_member"]`; pandas columns have a method that adds their values up.',
        'A partial line: `eu_members = countries["eu_member"]....` – put the adding-up method in place of the dots.',
    ),
    answer_name="eu_members",
)


def judge_country_set(answer, expected, what):
    """Judge a list of countries given by name or code; say which one is wrong, never the answer."""
    names = as_texts(answer)
    if names is None:
        return feedback.wrong_kind(
            f'I expected a list of country names or codes, like ["Belgium", "FRA"], but got {kind_of(answer)}.'
        )
    codes = {}
    for name in names:
        code = data.iso3_of(name)
        if code is None:
            return feedback.incorrect(f"I do not recognise {name!r} as a country name or ISO code.")
        codes[code] = name
    wrong = [name for code, name in codes.items() if code not in expected]
    if wrong:
        return feedback.incorrect(f"{wrong[0]} should not be in your list of {what}.")
    missing = len(expected) - len(codes)
    if missing:
        countries = "a country" if missing == 1 else f"{missing} countries"
        return feedback.incorrect(f"Your list of {what} is missing {countries}.")
    return feedback.correct(f"Yes: these are the {what}.")


def share_of_country_set(answer, expected):
    """Partial credit for a list of countries: the share of the expected ones it names, when every
    country it names is right (a list with a wrong or unknown country earns nothing)."""
    names = as_texts(answer)
    if not names:
        return 0
    codes = {data.iso3_of(name) for name in names}
    if not codes <= set(expected):
        return 0
    return len(codes) / len(expected)


def non_eu_members():
    countries = data.countries()
    return set(countries.loc[~countries["eu_member"], "iso3"])


def judge_non_eu(answer):
    return judge_country_set(answer, non_eu_members(), "countries that were not EU members")


q2 = Question(
    name="Question 2",
    judge=judge_non_eu,
    hints=(
        "Keep the rows where `eu_member` is False. The `~` sign turns True into False and back.",
        "`countries.loc[rows, column]` picks rows and a column: the rows are a True/False column, the column "
        'is `"name"`.',
        'A partial line: `not_in_eu = list(countries.loc[~..., "name"])` – which column goes after the `~`?',
    ),
    answer_name="not_in_eu",
    points=2,
    partial=lambda answer: share_of_country_set(answer, non_eu_members()),  # one of the two: 1 point
)


def judge_uk_code(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(f'I expected a code as text, like "FRA", but got {kind_of(answer)}.')
    code = answer.strip()
    if code.upper() == "GBR" and code != "GBR":
        return feedback.incorrect("Right letters, but ISO codes are written in capitals.")
    if code == "GBR":
        return feedback.correct("Yes: the article's “the UK” is GBR in ISO 3166 – not “UK”.")
    if code.upper() in ("UK", "GB"):
        return feedback.incorrect(f"{code!r} is not the ISO 3166 alpha-3 code: alpha-3 codes have three letters.")
    return feedback.incorrect(f"{code!r} is not the alpha-3 code of the United Kingdom. Look it up in the table.")


q3 = Question(
    name="Question 3",
    judge=judge_uk_code,
    hints=(
        "The `iso3` column holds the alpha-3 codes. Which row has “the UK” in `named_in_article_as`?",
        "Pick that row with `countries.loc[...]` and the `iso3` column; `.item()` takes the single value out.",
        'A partial line: `uk_code = countries.loc[..., "iso3"].item()` – in place of the dots, a test that is '
        "True only for the row whose `named_in_article_as` is the article's name for the UK.",
    ),
    answer_name="uk_code",
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
    """Only the countries where both accounts say servers were seized can be named without saying whose
    account it is; a disputed country gets its own explanation."""
    names = as_texts(answer)
    if names == []:  # most often two empty sets: a source name spelt otherwise than in the table
        return feedback.incorrect(
            "Your answer is empty: it names no country. Check the names you filter on: each source name must be "
            "written exactly as it is in the `source` column of `reports` (look at its values), and the kind of "
            'seizure exactly as in the `reported` column ("servers seized").'
        )
    if names is not None:
        disputed = countries_where_reports_disagree()
        named = [name for name in names if data.iso3_of(name) in disputed]
        if named:
            return feedback.incorrect(
                f"The two reports differ about {named[0]}: Europol's account says digital evidence, the "
                "Belgian prosecutor's says servers. A sentence naming it must say whose account it gives."
            )
    return judge_country_set(
        answer, countries_where_reports_agree(), "countries where both reports say servers were seized"
    )


q4 = Question(
    name="Question 4",
    judge=judge_servers_in_both,
    hints=(
        "A country can be named without saying whose account only if both reports say servers were "
        "seized there: you want what two sets have in common.",
        "Lesson 02 (section 5) made one set per report from the rows where `reported` is "
        '"servers seized", and combined them with `^`. Which sign keeps what is in both sets?',
        "A partial line, after making the two sets: `servers_in_both = guardian ... afp` – put the "
        "right sign in place of the dots.",
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


def judge_membership_chart(answer):
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
    axis_titles = [(answer.layout.xaxis.title.text or "").strip(), (answer.layout.yaxis.title.text or "").strip()]
    if any(title in ("", "x", "y") for title in axis_titles):
        return feedback.incorrect("The bars are right. Now label both axes: px.bar(..., labels={...}).")
    return feedback.correct("Yes: a titled, labelled chart of how many countries belong to each organisation.")


q5 = Question(
    name="Question 5",
    judge=judge_membership_chart,
    hints=(
        "First make a small table with one row per organisation and a column with the number of members.",
        "Lesson 02, section 2, drew a bar chart of other data: a table `continents = pd.DataFrame({...})`, then "
        '`px.bar(continents, x="continent", y="countries", title=..., labels={...})`. Do the same with your own '
        "table: put its name in place of `continents` and its own column names after `x=` and `y=` (the names "
        "of the bars, then their heights), with your title, and `labels` giving each column words for its axis.",
    ),
    answer_name="fig",
)

QUESTIONS = [q1, q2, q3, q4, q5]
