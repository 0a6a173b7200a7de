"""Exercise 08 – Capstone: a one-page briefing. The checks look at what can be checked – a number read
with lesson 05's first question (activity or effect?); the figure's panels, titles, axis titles and source note; whether the figure's text
alternative names its panels and numbers; the length of the assessment and whether it names a
source – and never judge the quality of the writing (the rubric does that)."""

import math
import numbers
import re

from takedown import feedback
from takedown.measures import half_years, running_totals
from takedown.questions import Question, Rubric, kind_of, multiple_choice, not_a_number
from takedown.questions.written import rubric, written

REQUIRED_PANELS = 3
WORDS = (80, 300)  # the written assessment: at least, at most

# Names of the course's sources that a source note or an assessment may cite; a test checks that each
# one appears in the title or address of a source in takedown/data/sources.csv.
SOURCE_NAMES = (
    "Europol",
    "Internet Referral Unit",
    "Twitter",
    "CREST",
    "Conway",
    "VOX-Pol",
    "Reuters",
    "SecurityWeek",
    "MassLive",
    "Rudaw",
    "Shortpedia",
    "Home Office",
    "European Commission",
    "European Parliament",
    "Guardian",
    "La Libre",
    "AFP",
    "Straits Times",
    "Sofia Globe",
    "BBC",
    "VRT",
    "Berger",
    "Brookings",
    "Homeland Security News Wire",
    "CTC Sentinel",
    "Counter-Terrorism",
    "ICCT",
)
# Maps need the internet in plotly (they fetch a base map), so the briefing must not use them.
MAP_TRACES = {
    "scattergeo",
    "choropleth",
    "scattermapbox",
    "choroplethmapbox",
    "densitymapbox",
    "scattermap",
    "choroplethmap",
    "densitymap",
}


def plain(text):
    """Text without HTML tags (plotly annotations use <br>, <b>...)."""
    return re.sub(r"<[^>]+>", " ", text or "")


def names_cited(text):
    """The SOURCE_NAMES found in a text, as whole words, ignoring case."""
    text = plain(text)
    return [name for name in SOURCE_NAMES if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)]


# ---- Question 1: a number to read with care (lesson 05: activity or effect?) -------------------
# Lesson 08 computes (and prints) the fall from the first half-year in the table to the last; the exercise
# compares like with like instead: the same half of two years, July–December 2017 and 2018, a value no lesson
# prints. The fall is Twitter's own activity on one platform: it does not measure the April 2018 operation
# (which seized servers, not Twitter accounts) nor what audiences saw, so the verdict says so and the question
# never calls it the briefing's headline (lesson 08, section 5).

EARLIER, LATER = "2017-07-01", "2018-07-01"  # July–December 2017 and July–December 2018, by the day they start


def fall(earlier, later):
    """The percentage fall from one half-year's figure to another's."""
    figures = half_years()
    return 100 * (figures[earlier] - figures[later]) / figures[earlier]


def half_year_fall():
    """Percentage fall in accounts suspended from July–December 2017 to July–December 2018."""
    return fall(EARLIER, LATER)


def fall_mistakes():
    """(the percentage a known slip gives, what it means): another pair of half-years, or a running total."""
    figures, running = half_years(), running_totals()
    mistakes = [
        (
            fall(min(figures), max(figures)),
            "That is the fall from the first half-year in the table to the last, which lesson 08 computed. "
            "This question compares the same half of two years: July–December 2017 with July–December 2018.",
        ),
        (
            fall("2018-01-01", LATER),
            "You compared the two halves of 2018. The question compares July–December 2017 with July–December "
            "2018, the same six months a year apart.",
        ),
        (
            fall("2017-01-01", "2018-01-01"),
            "You compared the first halves (January–June) of the two years; the question asks for July–December.",
        ),
        (
            fall("2016-07-01", EARLIER),
            "You compared 2016 with 2017; the question compares July–December 2017 with July–December 2018.",
        ),
    ]
    if "2017-12-31" in running:
        total = running["2017-12-31"]
        mistakes.append(
            (
                100 * (total - figures[LATER]) / total,
                "You started from a running total (every suspension from August 2015 to December 2017), not "
                "from the July–December 2017 figure: use the half-year rows only.",
            )
        )
    return mistakes


def judge_fall(answer):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real) or not math.isfinite(answer):
        return not_a_number(
            answer,
            "a number, like 12.5",
            text_tip=" Write the number without quotation marks or a % sign.",
            other_tip=" Pick out two single values with `.item()` (phrasebook 12), or look each half-year up in "
            "`half_years()`, then compute the fall from them.",
        )
    expected = half_year_fall()
    if abs(answer - expected) <= 0.5:
        return feedback.correct(
            f"Yes: a fall of about {answer:.0f}% in a year, comparing the same six months. Now the "
            "second half of the question: this counts what Twitter removed on one platform "
            "(activity), not the effect of the April 2018 operation, which seized servers, "
            "not Twitter accounts. Keep it out of your bottom line."
        )
    if abs(-answer - expected) <= 0.5:
        return feedback.incorrect("Right size, wrong sign: give a fall as a positive percentage.")
    if abs(answer * 100 - expected) <= 0.5:
        return feedback.incorrect("That is a fraction: multiply it by 100 to get a percentage.")
    if abs(answer - (100 - expected)) <= 0.5:
        return feedback.incorrect(
            "That is how much is left (the later half-year as a share of the earlier), not how much it fell."
        )
    if abs(answer - 100 * expected / (100 - expected)) <= 0.5:
        return feedback.incorrect("Divide the change by the EARLIER half-year, the one you start from.")
    for value, message in fall_mistakes():
        if abs(answer - value) <= 0.5:
            return feedback.incorrect(message)
    return feedback.incorrect(
        "Not quite: check your two figures (the half-years that start on 1 July 2017 and 1 July 2018), then take "
        "the earlier minus the later, divide by the earlier, and multiply by 100."
    )


q1 = Question(
    name="Question 1",
    judge=judge_fall,
    hints=(
        "A fall in percent is 100 × (earlier − later) ÷ earlier. Use two half-year figures, not running totals. "
        "Then ask lesson 05's first question: does it count what Twitter did, or what the operation achieved?",
        "`half_years()` (lesson 08, Check 9) gives each half-year's figure by the day its six months start, "
        'written year-month-day in quotation marks: half_years()["2016-07-01"] is July–December 2016.',
        "A partial line: `earlier = half_years()[...]` with the day July–December 2017 starts; `later` the same "
        "way for 2018; then the fall from those two.",
    ),
    answer_name="fall_percent",
)


# ---- Reading a figure: its panels, their titles ------------------------------------------------


def _axis_key(name, letter):
    """'x2' -> 'xaxis2'; None or 'x' -> 'xaxis'."""
    suffix = (name or letter)[1:]
    return f"{letter}axis{suffix}"


def panels(figure):
    """The (x axis, y axis) layout keys of the panels that show data, in the order traces were added."""
    found = []
    for trace in figure.data:
        if not hasattr(trace, "xaxis") or not hasattr(trace, "yaxis"):
            continue
        key = (_axis_key(trace.xaxis, "x"), _axis_key(trace.yaxis, "y"))
        if key not in found:
            found.append(key)
    return found


def _domain(figure, key):
    axis = figure.layout[key]
    return tuple(axis.domain) if axis is not None and axis.domain is not None else (0.0, 1.0)


def panel_title(figure, panel):
    """The subplot title written over a panel (an annotation at its top), or ''."""
    (x0, x1), (_, y1) = _domain(figure, panel[0]), _domain(figure, panel[1])
    for note in figure.layout.annotations:
        if note.xref == "paper" and note.yref == "paper" and note.x is not None and note.y is not None:
            if x0 - 0.01 <= note.x <= x1 + 0.01 and y1 - 0.05 <= note.y <= y1 + 0.15 and plain(note.text).strip():
                return plain(note.text).strip()
    return ""


def axis_title(figure, key):
    axis = figure.layout[key]
    return ((axis.title.text if axis is not None and axis.title is not None else "") or "").strip()


def source_notes(figure):
    """Annotations that are source notes: their text says 'source'."""
    return [plain(note.text) for note in figure.layout.annotations if "source" in plain(note.text).lower()]


def _is_figure(answer):
    return hasattr(answer, "to_plotly_json") and hasattr(answer, "data") and hasattr(answer, "layout")


# ---- Question 2: the figure, with its source note ----------------------------------------------


def judge_figure(answer):
    if not _is_figure(answer):
        return feedback.wrong_kind(f"I expected a plotly figure made with make_subplots, but got {kind_of(answer)}.")
    maps = sorted({trace.type for trace in answer.data} & MAP_TRACES)
    if maps:
        return feedback.incorrect(
            f"Your figure uses a {maps[0]} trace: plotly's maps fetch their base map from "
            "the internet. Use the course's panels (bars, points, lines) instead."
        )
    found = panels(answer)
    if len(found) < REQUIRED_PANELS:
        shown = "no panel" if not found else ("one panel" if len(found) == 1 else f"{len(found)} panels")
        return feedback.incorrect(
            f"Your figure shows {shown} with data; a briefing needs at least "
            f"{REQUIRED_PANELS}. Make a grid with make_subplots and add a trace to each cell."
        )
    if not plain(answer.layout.title.text).strip():
        return feedback.incorrect(
            "Give the whole figure a title that says what the briefing is about: fig.update_layout(title=...)."
        )
    for number, panel in enumerate(found, start=1):
        if not panel_title(answer, panel):
            return feedback.incorrect(
                f"Panel {number} has no title of its own. Give each panel one with "
                "make_subplots(..., subplot_titles=[...])."
            )
    for number, panel in enumerate(found, start=1):
        if not (axis_title(answer, panel[0]) or axis_title(answer, panel[1])):
            return feedback.incorrect(
                f"Panel {number} has no axis title: say what its numbers count, with their "
                "unit – fig.update_yaxes(title_text=..., row=..., col=...)."
            )
    notes = source_notes(answer)
    if not notes:
        return feedback.incorrect(
            "Panels and titles are right. Now add a source note under the figure: "
            'fig.add_annotation(text="Sources: ...", xref="paper", yref="paper", x=0, '
            "y=-0.2, showarrow=False)."
        )
    cited = {name for note in notes for name in names_cited(note)}
    if len(cited) < 2:
        return feedback.incorrect(
            "Your source note names fewer than two of the course's sources by name. Each "
            "panel rests on its own sources: name them (briefing.panel_sources(name) lists them)."
        )
    return feedback.correct(
        f"Yes: {len(found)} panels, each with a title and a labelled axis, a title for the "
        f"figure, and a source note naming {len(cited)} sources. Now check it against the "
        "rubric: does each panel make your point, and are secondary sources marked?"
    )


q2 = Question(
    name="Question 2",
    judge=judge_figure,
    hints=(
        "make_subplots(rows=2, cols=2, subplot_titles=[...]) makes a grid of four panels, each with a title. "
        "fig.add_trace(briefing.panel_trace(name), row=..., col=...) fills one cell.",
        "A loop over your chosen panel names can add each trace and its axis titles "
        "(briefing.axis_titles(name)); then fig.update_layout(title=..., height=..., margin=dict(b=...)).",
        "The source note is an annotation under the grid: briefing.source_note(chosen) writes one line per "
        'ready-made panel; fig.add_annotation(text="Sources<br>" + ..., xref="paper", yref="paper", x=0, '
        'y=-0.15, xanchor="left", yanchor="top", showarrow=False, align="left").',
    ),
    answer_name="fig",
)


# ---- Question 3: the figure's text alternative ------------------------------------------------

ALT_WORDS = (20, 200)


OWN_WORDS = 8  # fewer words than this outside briefing.alt_text's sentences: the generated text left as it is


def _squeezed(text):
    return " ".join(text.split()).lower()


def own_words(answer):
    """How many words of the answer are not briefing.alt_text's: its opening ("Figure of 4 panels:"), its numbers
    "(1)" and every panel's generated sentence are taken out, and the rest counted (D2: the untouched output of
    briefing.alt_text(chosen) passed Question 3, which asks the student to write the text alternative)."""
    from takedown.charts import briefing

    rest = _squeezed(answer)
    for panel in briefing.PANELS.values():
        rest = rest.replace(_squeezed(panel.alt_text().rstrip(".")), " ")
    rest = re.sub(r"figure of \w+ panels:?|\(\d+\)", " ", rest)
    return word_count(rest)


def judge_figure_alt(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(
            f'I expected the text alternative as text, between """ and """, but got {kind_of(answer)}.'
        )
    words = word_count(answer)
    least, most = ALT_WORDS
    if words < least:
        return feedback.incorrect(
            f"Your text alternative has {words} word{'' if words == 1 else 's'}; a reader who "
            "cannot see the figure "
            f"needs at least {least}: what each panel shows, with its key numbers."
        )
    if words > most:
        return feedback.incorrect(
            f"Your text alternative has {words} word{'' if words == 1 else 's'}; keep it to {most} at most."
        )
    if own_words(answer) < OWN_WORDS:
        return feedback.incorrect(
            "That is briefing.alt_text's text as it comes out: make it yours. Put your point first, then "
            "shorten each panel to a short sentence with its key numbers, in your own words."
        )
    if not re.search(r"\bpanels?\b", answer, re.IGNORECASE):
        return feedback.incorrect("Say that the figure has panels, and how many, so the reader knows its shape.")
    if len(re.findall(r"\d[\d,.]*", answer)) < 2:
        return feedback.incorrect(
            "Give the key numbers of the panels: a text alternative carries the figures, not only the topics."
        )
    return feedback.correct(
        f"Checked: {words} words, with panels and numbers. Read it aloud: would someone who "
        "cannot see the figure get its point?"
    )


q3 = Question(
    name="Question 3",
    judge=judge_figure_alt,
    hints=(
        "Start with the shape (“Figure of four panels”), then one short sentence per panel with its key numbers.",
        "briefing.alt_text(chosen) writes a long one from the data, as a draft: the check asks for your own edit of "
        "it, shorter, with your point first. "
        "`chosen` is your list of panel names from Question 2 (run that cell first); or write the list out: "
        'briefing.alt_text(["countries", ...]) with your own panels\' names (list(briefing.PANELS) shows them).',
    ),
    answer_name="figure_alt",
)


# ---- Question 4: the written assessment -------------------------------------------------------


def word_count(text):
    return len(re.findall(r"[^\W_]+(?:[’'.,-][^\W_]+)*%?", text))


def judge_assessment(answer):
    if not isinstance(answer, str):
        return feedback.wrong_kind(
            f'I expected your assessment as text, between """ and """, but got {kind_of(answer)}.'
        )
    words = word_count(answer)
    least, most = WORDS
    if words < least:
        return feedback.incorrect(
            f"Your assessment has {words} word{'' if words == 1 else 's'}; "
            f"write at least {least} "
            "(a short paragraph or three bullet points)."
        )
    if words > most:
        return feedback.incorrect(
            f"Your assessment has {words} word{'' if words == 1 else 's'}; "
            f"a one-page briefing keeps it to {most} "
            "at most. Cut what the reader does not need."
        )
    cited = names_cited(answer)
    if not cited and not re.search(r"https?://|doi", answer, re.IGNORECASE):
        return feedback.incorrect(
            "Name at least one source for your evidence, in words a reader can follow up "
            "(for example the organisation or the authors)."
        )
    return feedback.correct(
        f"Checked: {words} words, and it cites its sources. The check cannot judge the "
        "argument: score it with the rubric below, or swap with a classmate."
    )


# The rubric of the assessment, as the notebook shows it (a test checks the notebook's table says the same).
# A person scores each row: Strong 2 points, Adequate 1, Needs work 0.
RUBRIC = Rubric(
    levels=(("Strong", 2), ("Adequate", 1), ("Needs work", 0)),
    criteria=(
        (
            "Answers the question",
            (
                "the first sentence answers the policy maker's question",
                "the answer is there, but not first",
                "no clear answer",
            ),
        ),
        (
            "Evidence fits the claim",
            (
                "each claim rests on a panel or a cited figure, and no claim goes further than its figure",
                "most claims rest on a panel or a figure; one goes further than its figure",
                'claims that no figure supports (for example "punched a big hole")',
            ),
        ),
        (
            "Kinds of number",
            (
                "running totals, per-period figures, lower bounds and derived figures are named as such",
                "most figures' kind is named, and none is compared or added wrongly",
                "a running total and a period figure compared or added",
            ),
        ),
        (
            "Limits",
            (
                "says what the numbers cannot show: activity against effect, self-reports, survivorship, no "
                "comparison without the action",
                "mentions one limit",
                "presents the numbers as proof of effect",
            ),
        ),
        (
            "Sources",
            (
                "every panel and figure has a source; secondary sources are marked",
                "sources named, not all marked",
                "sources missing",
            ),
        ),
        (
            "Fair to all sides",
            (
                "weighs the risks too (lawful speech, displacement to other platforms)",
                "names a risk without weighing it",
                "one-sided",
            ),
        ),
        (
            "Readable",
            (
                "a non-specialist understands it in two minutes; panel titles state the point",
                "clear on a second reading; some panel titles only name the data",
                "jargon, cluttered figure",
            ),
        ),
    ),
)

q4 = Question(
    name="Question 4",
    judge=judge_assessment,
    hints=(
        "Start with your answer in one sentence (the bottom line), then the two or three facts that support it, "
        "then what the numbers cannot show, then what you recommend.",
        "Name where each fact comes from, e.g. “(Twitter's transparency reports)” or “(CREST 2021)”, and say "
        "when a figure is only a lower bound or comes from a secondary source.",
    ),
    answer_name="assessment",
    points=RUBRIC.max_points,  # 14: a person scores it with the rubric (course/grading/review.py)
    rubric=RUBRIC,
)


# ---- Questions 5 and 6: the policy maker's follow-up – is a claim of effect a finding, and do we have one?
# Lesson 05 ("Activity or effect?") and lesson 08 (section 5): counts of what was removed or seized are
# activity; an effect is a change in what audiences could find or saw, compared with what would have
# happened without the action. Question 5 applies that to a statement no lesson shows: an anonymous
# law-enforcement official in the Washington Post, August 2018 (washingtonpost_amaq_2018), claiming an effect
# ("footprint") with no figure behind it. Nobody has published such a figure for April 2018 (ICCT: "difficult
# to assess"); Question 6 asks the student to argue that, and its rubric states criteria, not the answer.

FOOTPRINT_SOURCE = "washingtonpost_amaq_2018"
# The official's whole sentence (the Post interrupts it with its attribution): cutting it after "before", with no
# mark, is the unmarked cut exercise 07 Question 3 teaches students to catch.
FOOTPRINT_QUOTE = (
    "The footprint of Amaq is definitely less than it was before, but the golden objective — no Amaq, anywhere "
    "on the Web — has not yet been reached"
)

# The options as the notebook shows them (a test checks the notebook says the same). The distractors are the
# mistakes lesson 05 and 08 meet: trusting an insider's view as a measure, calling a claim about what remains
# "activity", and reading an outlet's moves as fewer people reached.
FOOTPRINT_OPTIONS = {
    "a": "No: it claims an effect but gives no measure of it, so it is an official's impression of the operation, "
    "not a finding.",
    "b": "Yes: a law-enforcement official sees the operation's results from the inside every day, so what they "
    "say is a measurement of its effect on Amaq's reach.",
    "c": "No: a footprint is what the police removed, so the statement is about activity, like a count of the "
    "servers seized in April 2018.",
    "d": "Yes: Amaq had to move to new web addresses again and again after the operation, which shows that it "
    "must now be reaching fewer people.",
}

FOOTPRINT_VERDICTS = {
    "a": "Yes: “less than it was before” is a claim about what people could find (an effect), but an anonymous "
    "official, judging law enforcement's own campaign, gives no figure and no method (nor for “not yet been "
    "reached”). A claim of effect without a measure is not a finding.",
    "b": "No: being on the inside gives the official a view, not a measurement, and they are judging their own "
    "side's work, anonymously. Ask what figure stands behind “less than before”: none is given.",
    "c": "No: a footprint is what is left for people to find, not what the police removed, so the claim is "
    "about an effect. What it lacks is a measure.",
    "d": "No: moving again and again is Amaq's activity (and the police's, chasing it). It shows the outlet "
    "kept going, not how many people it reached.",
}

q5 = Question(
    name="Question 5",
    judge=multiple_choice("a", FOOTPRINT_VERDICTS),
    hints=(
        "Lesson 05's first question: is “the footprint of Amaq” about what someone DID, or about what people "
        "could still find?",
        "Then lesson 05's other questions, asked of the statement: who reports it, and what figure or comparison "
        "stands behind “less than it was before”?",
        "An effect needs a measure of what people could find or saw, taken the same way before and after. Does "
        "the statement give one? Which options say what it gives, and what it lacks?",
    ),
    answer_name="effect_measure",
)


# ---- Question 6: do we have a measure of the effect? Reasoning, scored by a person -------------------------
# An earlier check accepted any 20-150 words containing "no", "not", "yes"... ("Yes, we have it" earned the
# point). Whether the reasoning holds is for a person to judge: the check looks at the form only. The rubric is
# shown to students, so it says what a strong answer does, not what it concludes (the answer is in the
# instructor guide, solutions/README.md, and in the answer key).

DO_WE_HAVE_IT_WORDS = (20, 150)

DO_WE_HAVE_IT_RUBRIC = rubric(
    (
        "The figures tested",
        (
            "tests at least two figures the course holds, each by name: what it counts, which action it is about, "
            "and whether it shows what people could find before and after April 2018; the verdict follows from "
            "that test",
            "tests one figure that way, or names figures without saying what they count",
            "gives a verdict only, or rests it on a figure without saying what that figure counts",
        ),
    ),
    (
        "What it would take",
        (
            "says who could collect such a measure and with what access, and how it must be collected to "
            "show an effect: what is measured, when, and compared with what",
            "says who or how, not both; or asks only for more data",
            "nothing that would settle it",
        ),
    ),
)

q6 = Question(
    name="Question 6",
    judge=written(
        *DO_WE_HAVE_IT_WORDS, asks="do we have such a measure, why (not), and what would it take to get one?"
    ),
    hints=(
        "Look through what the course holds (lessons 02–05 and the panels of lesson 08's section *The ingredients: five ready-made panels*): which of them measures "
        "reach before and after April 2018? For each figure, ask lesson 05's question: activity or effect?",
        "Lesson 08's section *The ingredients: five ready-made panels*: what did the one assessment of the operation the course holds (ICCT, June 2018) "
        "say about its efficiency, and what did BBC Monitoring see of IS media on Telegram during the operation "
        "(lesson 05)? Then: who could measure reach, and what would they need to publish?",
        "Write three parts: two figures the course holds, each tested (what it counts, which action it is about); your verdict; who could get it, and "
        "how (before and after, against what comparison).",
    ),
    answer_name="do_we_have_it",
    points=DO_WE_HAVE_IT_RUBRIC.max_points,  # 4: a person scores it with the rubric (course/grading/review.py)
    rubric=DO_WE_HAVE_IT_RUBRIC,
)

QUESTIONS = [q1, q2, q3, q4, q5, q6]
