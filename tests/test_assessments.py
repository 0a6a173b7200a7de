"""The pre- and post-assessment: parallel forms on the unit's aims, answer keys that score, checks that give
nothing away in a notebook, honest multiple choice, and facts traceable to the course's data."""

import csv
import re
from pathlib import Path

import nbformat
import pytest

from course.authoring import build
from course.grading.grade import exercise_of
from takedown import feedback
from takedown.questions import EXERCISES, assessment, post_assessment, pre_assessment, questions_for
from takedown.questions import answer_key as key_code

COURSE = Path(__file__).resolve().parents[1]
FORMS = {"pre_assessment": pre_assessment, "post_assessment": post_assessment}
DIRECTION = re.compile(r"(?i)\b(too (high|low|big|small|many|few)|more|fewer|less|higher|lower|bigger|smaller)\b")


def answer_key(name):
    """{question name: the answer key's value}, run from each question's solution code."""
    values = {}
    for question in questions_for(name):
        namespace = {}
        exec(key_code(question), namespace)
        values[question.name] = namespace[question.answer_name]
    return values


def notebook(folder, name):
    return nbformat.read(COURSE / folder / f"{name}.ipynb", as_version=4)


def item_texts(name):
    """{question name: its markdown (prompt and options)} from the solution notebook."""
    texts = {}
    for cell in notebook("solutions", name).cells:
        found = re.match(r"## (Question \d+)", cell.source) if cell.cell_type == "markdown" else None
        if found:
            texts[found.group(1)] = cell.source
    return texts


def right_letter(question):
    return answer_key_of(question)


def answer_key_of(question):
    namespace = {}
    exec(key_code(question), namespace)
    return namespace[question.answer_name]


# ---- The two forms ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FORMS)
def test_each_form_has_8_to_10_items_and_at_least_one_reasoning_item(name):
    questions = questions_for(name)
    assert 8 <= len(questions) <= 10
    assert any(question.needs_review for question in questions)


def test_the_forms_are_parallel_on_the_same_aims():
    assert list(pre_assessment.AIMS.values()) == list(post_assessment.AIMS.values())
    assert set(pre_assessment.AIMS.values()) == set(assessment.AIM_NAMES)
    for module in FORMS.values():
        assert list(module.AIMS) == [question.name for question in module.QUESTIONS]
        assert [bool(question.rubric) for question in module.QUESTIONS] == [
            bool(question.rubric) for question in pre_assessment.QUESTIONS
        ]


def test_the_forms_ask_different_items_and_neither_answers_the_other():
    pre, post = item_texts("pre_assessment"), item_texts("post_assessment")
    prompts = lambda texts: {text.split("\n\n")[1] for text in texts.values()}  # noqa: E731
    assert not prompts(pre) & prompts(post)
    options = lambda module: {text for item in module.OPTIONS.values() for text in item.values()}  # noqa: E731
    assert not options(pre_assessment) & options(post_assessment)
    for name, other in (("pre_assessment", post), ("post_assessment", pre)):
        for value in answer_key(name).values():
            if isinstance(value, int):  # a computed number must not be printed in the other form
                assert f"{value:,}" not in " ".join(other.values()) and str(value) not in " ".join(other.values())


def test_the_post_assessment_words_its_options_afresh():
    """Reviewer R4: lessons teach the pre-assessment's items, so a post option that reuses the pre's wording
    ("Exactly N days: what subtracting...", "It was measured: ...") can be matched, not reasoned. No option
    of a post item shares four words in a row, or its opening word before a colon, with the pre's item."""

    def runs(option):
        words = re.findall(r"[a-z']+", option.lower())
        return {tuple(words[n : n + 4]) for n in range(len(words) - 3)}

    def opening(option):
        return option.split(":")[0].split()[0].lower() if ":" in option else None

    for name, pre_options in pre_assessment.OPTIONS.items():
        for post_option in post_assessment.OPTIONS[name].values():
            for pre_option in pre_options.values():
                assert not runs(post_option) & runs(pre_option), (name, post_option, pre_option)
                assert opening(post_option) is None or opening(post_option) != opening(pre_option), post_option


# ---- Scoring ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FORMS)
def test_the_answer_key_scores_full_marks_and_a_blank_scores_nothing(name):
    questions = questions_for(name)
    key = answer_key(name)
    assert sum(question.score(key[question.name]) for question in questions) == sum(q.points for q in questions)
    assert sum(question.score(...) for question in questions) == 0
    wrong = {
        question.name: ("a" if key[question.name] != "a" else "b")
        for question in questions
        if question.name in FORMS[name].OPTIONS
    }
    assert sum(question.score(wrong[question.name]) for question in questions if question.name in wrong) == 0


@pytest.mark.parametrize("name", FORMS)
def test_in_a_notebook_the_checks_only_record(name, monkeypatch):
    """A right and a wrong answer get the same words, except what was recorded; a wrong kind is still told."""
    monkeypatch.setattr(feedback, "in_a_kernel", lambda: True)
    key = answer_key(name)
    for question in questions_for(name):
        right = question.verdict(key[question.name])
        assert right.status == feedback.RECORDED and right.headline().endswith("Recorded")
        assert "does not say whether it is right" in right.message
        assert not re.search(r"(?i)\b(yes|no|correct|wrong|right answer)\b", right.message.split(".")[0])
        if question.name in FORMS[name].OPTIONS:
            other = "a" if key[question.name] != "a" else "b"
            assert question.verdict(other).message == right.message.replace(
                f"option {key[question.name]}", f"option {other}"
            )
        assert question.verdict(object()).status == feedback.WRONG_KIND


def test_outside_a_notebook_the_grader_gets_the_full_verdict():
    assert not feedback.in_a_kernel()
    assert pre_assessment.q1.verdict("b").status == feedback.CORRECT
    assert pre_assessment.q1.verdict("a").status == feedback.INCORRECT


@pytest.mark.parametrize(
    "question, totals",
    [(pre_assessment.q2, pre_assessment.running_totals()), (post_assessment.q2, post_assessment.RUNNING)],
    ids=["pre", "post"],
)
def test_a_wrong_number_is_told_what_it_likely_is_never_which_way_to_go(question, totals):
    right = answer_key_of(question)
    earlier, later = totals
    assert right == later - earlier
    for wrong in (0, 1, right - 1, right + 1, right * 2, right // 10, earlier, later, earlier + later):
        verdict = question.verdict(wrong)
        if wrong != right:
            assert verdict.status == feedback.INCORRECT
            assert not DIRECTION.search(verdict.message), verdict.message
    assert "running total" in question.verdict(later).message
    assert "before the period began" in question.verdict(earlier).message
    assert "added the two running totals" in question.verdict(earlier + later).message


# ---- Multiple choice that tests the idea --------------------------------------------------------


def choices():
    return [
        (name, question)
        for name, module in FORMS.items()
        for question in module.QUESTIONS
        if question.name in module.OPTIONS
    ]


def test_right_letters_are_spread_over_a_to_d():
    letters = [answer_key_of(question) for _, question in choices()]
    counts = {letter: letters.count(letter) for letter in "abcd"}
    assert min(counts.values()) >= 2 and max(counts.values()) - min(counts.values()) <= 1, counts


@pytest.mark.parametrize("name", sorted(FORMS))
def test_the_right_option_is_seldom_the_longest(name):
    """In each form the right option is the longest in at most a third of the items (never, and a test-wise student
    would cross out the longest: tests/test_lesson_choices.py keeps the whole course near chance)."""
    items = [question for form, question in choices() if form == name]
    longest = [
        question.name
        for question in items
        if all(
            len(text) < len(FORMS[name].OPTIONS[question.name][answer_key_of(question)])
            for letter, text in FORMS[name].OPTIONS[question.name].items()
            if letter != answer_key_of(question)
        )
    ]
    assert items and len(longest) <= len(items) / 3, longest


@pytest.mark.parametrize("name, question", choices(), ids=lambda value: getattr(value, "name", value))
def test_the_notebook_shows_the_options_the_check_judges(name, question):
    text = item_texts(name)[question.name]
    shown = dict(re.findall(r"^- \*\*([a-d])\)\*\* (.+)$", text, re.M))
    assert shown == FORMS[name].OPTIONS[question.name]


# ---- Facts ------------------------------------------------------------------------------------


def test_every_item_names_its_sources_in_the_course_sources():
    """A sourced item names its sources; a made-up one (HYPOTHETICAL) has none and says so in its prompt."""
    with open(COURSE / "takedown" / "data" / "sources.csv", newline="", encoding="utf-8") as file:
        known = {row["source"] for row in csv.DictReader(file)}
    for name, module in FORMS.items():
        assert list(module.SOURCES) == [question.name for question in module.QUESTIONS]
        assert {source for sources in module.SOURCES.values() for source in sources} <= known
        texts = item_texts(name)
        for item, sources in module.SOURCES.items():
            made_up = item in module.HYPOTHETICAL
            assert bool(sources) != made_up, (name, item)
            assert ("*A made-up example.*" in texts[item]) == made_up, (name, item)


@pytest.mark.parametrize("name", FORMS)
def test_every_figure_in_the_sourced_items_is_in_the_course_data(name):
    data_text = " ".join(path.read_text(encoding="utf-8") for path in (COURSE / "takedown" / "data").glob("*.csv"))
    numbers = set(re.findall(r"\d+(?:\.\d+)?", data_text))  # the tables write 935897, not 935,897
    for item, text in item_texts(name).items():
        if item in FORMS[name].HYPOTHETICAL:
            continue
        for figure in re.findall(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", text.replace("answer", "")):
            figure = figure.replace(",", "")
            assert figure in numbers or figure in ("10", "5"), f"{name} {item}: {figure}"  # 10 - 5: an example


def test_the_post_assessment_prints_no_figure_a_lesson_printed():
    """Transfer, not recall: no figure of four or more digits in a post-assessment item is in a lesson."""
    lessons = " ".join(
        text
        for path in (COURSE / "notebooks").glob("*.ipynb")
        for cell in nbformat.read(path, as_version=4).cells
        for text in [cell.source]
        + [output.get("text", "") for output in cell.get("outputs", [])]
        + [
            output.get("data", {}).get(kind, "")
            for output in cell.get("outputs", [])
            for kind in ("text/plain", "text/html")
        ]
    )
    for item, text in item_texts("post_assessment").items():
        for figure in re.findall(r"\d{1,3}(?:,\d{3})+", text):
            assert figure not in lessons and figure.replace(",", "") not in lessons, (item, figure)
    assert (
        f"{answer_key_of(post_assessment.q2):,}" not in lessons
        and str(answer_key_of(post_assessment.q2)) not in lessons
    )


def test_each_pair_of_items_is_the_same_kind_on_the_same_aim():
    """Parallel forms: item N of both is multiple choice, a number or a written answer alike, on one aim."""

    def kind(module, question):
        return "choice" if question.name in module.OPTIONS else "written" if question.rubric else "number"

    pairs = zip(pre_assessment.QUESTIONS, post_assessment.QUESTIONS)
    assert all(kind(pre_assessment, a) == kind(post_assessment, b) and a.points == b.points for a, b in pairs)
    assert len(set(pre_assessment.AIMS.values())) >= 8  # the unit's aims, beyond the first five


# ---- Names: the assessments are exercises without a lesson number ---------------------------------


def test_build_and_the_grader_accept_the_assessment_names():
    """Exercises are named NN_name for a lesson, pre_assessment and post_assessment for the assessments."""
    found = [path.stem for path in build.exercise_notebooks(COURSE / "solutions")]
    assert "pre_assessment" in found and "post_assessment" in found and sorted(found) == sorted(EXERCISES)
    for name in FORMS:
        assert exercise_of(notebook("exercises", name)) == name
        assert notebook("exercises", name).metadata["takedown"]["exercise"] == name


@pytest.mark.parametrize("name", FORMS)
def test_the_notebooks_give_no_answer_away(name):
    """The answer key's notebook only shows "Recorded"; the student's shows "not attempted" and no answer."""
    outputs = [
        output.get("data", {}).get("text/plain", "")
        for cell in notebook("solutions", name).cells
        if cell.cell_type == "code"
        for output in cell.outputs
    ]
    headlines = [text for text in outputs if "Question" in text]
    assert len(headlines) == len(questions_for(name)) and all(text.startswith("✎ Question") for text in headlines)
    exercise = nbformat.writes(notebook("exercises", name))
    assert "Not attempted yet" in exercise and "### BEGIN SOLUTION" not in exercise
    assert not any(
        re.search(rf"answer\d = {re.escape(repr(value))}", exercise)
        for value in answer_key(name).values()
        if isinstance(value, str) and len(value) == 1
    )
    first = notebook("exercises", name).cells[0].source
    assert "does not count towards your grade unless your instructor says so" in first


def test_post_assessment_q1_key_counts_videos_taken_down_not_requests_acted_on():
    """Fact-check R3: turning a request down is acting on it too; 3,900 counts videos taken down."""
    assert post_assessment.OPTIONS["Question 1"]["d"] == "Videos the sites took down at the police's request"
    assert post_assessment.q1.verdict("d").status == feedback.CORRECT
