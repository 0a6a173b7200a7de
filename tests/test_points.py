"""Points and partial credit: what a question is worth, what a partly right answer earns, and the
gradebook's and feedback's points. Defaults keep every other question at 1 point, all or nothing."""

import csv
import json
import re
from pathlib import Path

import pytest

from course.grading import grade
from takedown import data, feedback
from takedown.questions import EXERCISES, PRACTICE, Question, Rubric, capstone, questions_for
from takedown.questions.activities import LateralReading, Prediction

COURSE = Path(__file__).resolve().parents[1]


def question(exercise, number):
    return questions_for(exercise)[number - 1]


def test_questions_are_worth_one_point_all_or_nothing_unless_they_say_otherwise():
    special = {
        ("02_countries", "Question 2"),
        ("08_capstone", "Question 4"),
        ("08_capstone", "Question 6"),
        ("05_measuring", "Question 6"),
        ("06_model", "Question 5"),
        ("07_policy_and_framing", "Question 7"),
        ("pre_assessment", "Question 10"),
        ("post_assessment", "Question 10"),
        ("04_timeline", "Question 1"),  # a range: half the point for one end right
    }  # written, scored with a rubric, or with a partial share
    for name in {**EXERCISES, **PRACTICE}:
        for item in questions_for(name):
            if (name, item.name) in special or item.needs_review or isinstance(item, (LateralReading, Prediction)):
                continue  # a person scores it with a rubric (as a lateral-reading task); a prediction earns its point when recorded
            assert item.points == 1 and item.partial is None and not item.needs_review, (name, item.name)
    q1 = question("02_countries", 1)
    countries = data.countries()
    right, wrong = (countries["role"] == "seized servers") & countries["eu_member"], countries["eu_member"]
    assert q1.score(right) == 1 and q1.score(wrong) == 0 and q1.score() == 0 and q1.score(1) == 0


@pytest.mark.parametrize("answer, points", [((579, 973), 1), ((579, 974), 0.5), ((943, 973), 0.5), ((943, 943), 0)])
def test_a_range_with_one_end_right_earns_half_the_point(answer, points):
    """04 Q1 (the shortest and longest gap between two vague dates): one end right, in its place, earns half."""
    assert question("04_timeline", 1).score(answer) == points


def non_eu_pick(*codes):
    """What `countries.loc[rows, "name"]` gives for the rows of these ISO codes (the table's row numbers kept)."""
    countries = data.countries()
    return countries.loc[countries["iso3"].isin(codes), "name"]


@pytest.mark.parametrize(
    "codes, points, says",
    [
        (("CAN", "USA"), 2, "Yes: these are the countries that were not EU members."),
        (("CAN",), 1, "At least one country differs from those that were not EU members."),
        (("USA",), 1, "At least one country differs from those that were not EU members."),
        (("CAN", "FRA"), 0, "At least one country differs from those that were not EU members."),
        (("BEL", "BGR", "FRA", "NLD", "ROU", "GBR"), 0, "Your rows are the EU members"),
    ],
)
def test_the_non_eu_rows_with_one_missing_earn_half_the_points(codes, points, says):
    """02 Q2 is worth 2 points; the verdict the student sees is the same as before (still "Not yet")."""
    q2 = question("02_countries", 2)
    answer = non_eu_pick(*codes)
    verdict = q2.verdict(answer)
    assert q2.points == 2 and q2.score(answer) == points
    assert verdict.correct == (points == 2)
    assert verdict.message.startswith(says)


@pytest.mark.parametrize("answer", [["Canada", "United States"], ["Canada"], "Canada", [], ...])
def test_a_typed_list_of_non_eu_countries_earns_nothing(answer):
    """02 Q2 reads the rows code picks with `~`: a list typed from the printed table, or made with list(), is the
    wrong kind and told why."""
    q2 = question("02_countries", 2)
    assert q2.score(answer) == 0 and not q2.verdict(answer).correct


def test_a_partial_rule_can_never_give_more_than_the_points_or_less_than_nothing():
    def rule(share):
        return Question("Q", lambda answer: feedback.incorrect("no"), (), "x = 1", points=3, partial=lambda a: share)

    assert [rule(share).score(1) for share in (0.5, 2, -1, float("nan"), float("inf"), "a third")] == [
        1.5,
        3,
        0,
        0,
        0,
        0,
    ]
    raising = Question("Q", lambda answer: feedback.incorrect("no"), (), "x = 1", partial=lambda a: 1 / 0)
    assert raising.score(1) == 0
    wrong_kind = Question("Q", lambda answer: feedback.wrong_kind("no"), (), "x = 1", partial=lambda a: 1)
    assert wrong_kind.score(1) == 0 and wrong_kind.score() == 0


@pytest.mark.parametrize("points", [0, -1, float("nan"), True, "2"])
def test_a_question_must_be_worth_a_positive_number_of_points(points):
    with pytest.raises(ValueError, match="points must be a positive number"):
        Question("Q", feedback.correct, (), "x = 1", points=points)


def test_a_rubric_and_the_points_must_agree():
    rubric = Rubric(levels=(("Good", 2), ("Poor", 0)), criteria=(("Clear", ("clear", "unclear")),))
    assert Question("Q", feedback.correct, (), "x = 1", points=2, rubric=rubric).needs_review
    with pytest.raises(ValueError, match="its rubric gives 2 at most"):
        Question("Q", feedback.correct, (), "x = 1", points=5, rubric=rubric)


def rubric_rows(notebook):
    """(criterion, strong, adequate, needs work) from the markdown table of a capstone notebook's rubric."""
    cells = json.loads(Path(notebook).read_text())["cells"]
    text = next("".join(cell["source"]) for cell in cells if "## The rubric" in "".join(cell["source"]))
    rows = [line.strip("|").split("|") for line in text.splitlines() if line.startswith("| **")]
    return [tuple(part.strip().strip("*") for part in row) for row in rows]


@pytest.mark.parametrize("folder", ["solutions", "exercises"])
def test_the_capstone_notebook_shows_the_rubric_the_reviewer_scores_with(folder):
    """One rubric: the one in takedown/questions/capstone.py, which the notebook's table repeats word for word."""
    expected = [(criterion, *texts) for criterion, texts in capstone.RUBRIC.criteria]
    assert rubric_rows(COURSE / folder / "08_capstone.ipynb") == expected
    assert [level for level, _ in capstone.RUBRIC.levels] == ["Strong", "Adequate", "Needs work"]
    assert question("08_capstone", 4).points == 14 == 2 * len(expected)


# ---- The gradebook's and the feedback's points -----------------------------------------------


def result(student, verdicts_and_points, exercise="02_countries", to_review=None):
    verdicts = [
        feedback.Verdict(status, "a sentence", f"Question {number}")
        for number, (status, _, _) in enumerate(verdicts_and_points, start=1)
    ]
    return grade.Result(
        f"{student}.ipynb",
        student,
        exercise,
        verdicts,
        scores=[points for _, points, _ in verdicts_and_points],
        maxima=[most for _, _, most in verdicts_and_points],
        to_review=to_review or {},
    )


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def test_the_gradebook_has_each_questions_status_and_points_and_the_totals(tmp_path):
    results = [
        result("bob", [("correct", 1, 1), ("incorrect", 1.0, 2), ("correct", 1, 1)]),
        grade.Result("notes.ipynb", "notes", notes=[grade.NOT_JSON]),
    ]
    grade.write_gradebook(results, tmp_path / "gradebook.csv")
    assert read_csv(tmp_path / "gradebook.csv") == [
        [
            "student",
            "submission",
            "exercise",
            "Q1",
            "Q1_points",
            "Q2",
            "Q2_points",
            "Q3",
            "Q3_points",
            "correct",
            "out_of",
            "points",
            "max_points",
            "awaiting_review",
            "review_comments",
            "status",
        ],
        [
            "bob",
            "bob.ipynb",
            "02_countries",
            "correct",
            "1",
            "incorrect",
            "1",
            "correct",
            "1",
            "2",
            "3",
            "3",
            "4",
            "",
            "",
            "graded",
        ],
        ["notes", "notes.ipynb", "", "", "", "", "", "", "", "0", "0", "0", "0", "", "", grade.NOT_JSON],
    ]


def test_an_answer_awaiting_review_has_no_points_yet_and_is_named(tmp_path):
    results = [result("ann", [("correct", 1, 1), ("correct", None, 14)], "08_capstone", {2: "My assessment."})]
    grade.write_gradebook(results, tmp_path / "gradebook.csv")
    header, row = read_csv(tmp_path / "gradebook.csv")
    row = dict(zip(header, row))
    assert (row["Q2"], row["Q2_points"], row["points"], row["max_points"], row["awaiting_review"]) == (
        "correct",
        "",
        "1",
        "15",
        "Q2",
    )
    text = grade.feedback_text(results[0])
    # a written answer is not "correct" before a person scores it: received, and kept out of the count
    assert (
        "1 of 1 checked answer correct, and 1 written answer your teacher scores; "
        "1 of 15 points so far (your teacher scores the rest with the rubric)." in text
    )
    assert "## ✎ Question 2 – Received (your teacher scores it, out of 14 points)" in text
    assert "Question 2 – Correct" not in text
    assert "1 answer awaits a person's review" in grade.summary_text(results)


def test_feedback_gives_the_points_of_each_question_and_the_total():
    text = grade.feedback_text(result("bob", [("correct", 1, 1), ("incorrect", 1.0, 2)]))
    assert "Exercise 02_countries: 1 of 2 correct; 2 of 3 points." in text
    assert "## ✓ Question 1 – Correct (1 of 1 point)" in text
    assert "## ✗ Question 2 – Not yet (1 of 2 points)" in text


def test_the_summary_gives_the_average_points_per_exercise():
    results = [
        result("a", [("correct", 1, 1), ("correct", 2, 2)]),
        result("b", [("incorrect", 0, 1), ("incorrect", 1.0, 2)]),
    ]
    assert "  02_countries: 2 points on average, out of 3" in grade.summary_text(results)


def test_the_grader_scores_in_its_own_process_with_the_questions_rules():
    """grade.score: the question's points, 0 when the cell raised or the answer could not be read,
    and no points yet (the text kept) for a text answer a person scores."""
    from takedown.answers import Unreadable

    q2, q4 = question("02_countries", 2), question("08_capstone", 4)
    countries = data.countries()
    canada = countries.loc[countries["iso3"] == "CAN", "name"]  # one of the two countries, picked with code
    answers = {"not_in_eu": canada, "assessment": "  My briefing.  "}
    assert grade.score(q2, answers, q2.verdict(canada)) == (1.0, None)
    assert grade.score(q2, answers, feedback.cell_raised("KeyError", "'eu'")) == (0, None)
    assert grade.score(q2, {"not_in_eu": Unreadable("odd")}, feedback.uncheckable("x")) == (0, None)
    assert grade.score(q4, answers, q4.verdict(answers["assessment"])) == (None, "  My briefing.  ")
    assert grade.score(q4, {"assessment": "   "}, q4.verdict("   ")) == (0, None)
    assert grade.score(q4, {"assessment": ...}, q4.verdict()) == (0, None)


def test_points_are_written_plainly():
    assert [grade.points_text(value) for value in (2, 1.0, 0.5, 1 / 3, None, 14)] == ["2", "1", "0.5", "0.33", "", "14"]
    assert re.fullmatch(r"\d+", grade.points_text(sum(q.points for q in questions_for("08_capstone"))))


def test_the_class_summary_never_calls_an_answer_a_person_scores_correct():
    """The reasoning question's check saw only the answer's form: the summary says it waits for the rubric."""
    questions = questions_for("02_countries")
    verdicts = [feedback.Verdict(feedback.CORRECT, "", question.name) for question in questions]
    result = grade.Result(
        "a.ipynb", "a", "02_countries", verdicts, scores=[1, 2, 1, 1, 1, 0], maxima=[1, 2, 1, 1, 1, 2]
    )
    text = grade.summary_text([result])
    assert "02_countries Question 6: 1 of 1 answered, for you to score with its rubric" in text
    assert "Question 6: 1 of 1 correct" not in text and "Question 1: 1 of 1 correct (100%)" in text
