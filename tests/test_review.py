"""Answers a person scores: the review page (every student, the rubric, answers as escaped text),
the scores file, and merging the scores into the gradebook (good and bad files)."""

import csv
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape  # how the page (a Jinja2 template, autoescaped) spells escaped text

from course.cli import main
from course.grading import grade, review
from takedown import feedback
from takedown.questions import capstone, questions_for

QUESTIONS = questions_for("08_capstone")
HOSTILE = (
    '<script>alert("x")</script><img src="http://example.com/a.png" onerror="boom()">\n'
    "```python\nimport os\n```\n<a href='https://example.com'>click</a> & more"
)


def capstone_result(student, assessment):
    """A graded capstone submission: question 4 as given (... = not attempted), question 6 (also scored by a person)
    not attempted, every other question right."""
    result = grade.Result(f"{student}/08_capstone.ipynb", student, "08_capstone")
    for number, question in enumerate(QUESTIONS, start=1):
        answer = assessment if number == 4 else ...
        verdict = (
            question.verdict(answer) if question.needs_review else feedback.Verdict("correct", "Yes.", question.name)
        )
        points, text = (
            grade.score(question, {question.answer_name: answer}, verdict) if question.needs_review else (1, None)
        )
        result.verdicts.append(verdict)
        result.scores.append(points)
        result.maxima.append(question.points)
        if text is not None:
            result.to_review[number] = text
    return result


@pytest.fixture
def results():
    return [
        capstone_result("alice", HOSTILE),
        capstone_result("Jane Doe (12345)", "Short answer citing Europol."),
        capstone_result("carol", ...),
        grade.Result("notes.ipynb", "dave", notes=[grade.NOT_JSON]),
    ]


@pytest.fixture
def written(tmp_path, results):
    grade.write_gradebook(results, tmp_path / "gradebook.csv")
    pages, scores, kept = review.write_review(results, tmp_path / "review")
    return {
        "folder": tmp_path,
        "pages": pages,
        "scores": scores,
        "kept": kept,
        "page": pages[0].read_text(encoding="utf-8") if pages else "",
    }


class Page(HTMLParser):
    """What a browser would make of the page: its elements, and the text in each table cell."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.cells, self.cell = [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_one_page_per_question_a_person_scores_and_a_scores_file(written):
    # one page per question a person scores (Q4, the assessment; Q6, whether we have the number), even when no one
    # answered it yet
    assert [page.name for page in written["pages"]] == ["08_capstone_Q4.html", "08_capstone_Q6.html"]
    with open(written["scores"], newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert rows == [
        review.SCORES_HEADER,
        ["alice", "alice/08_capstone.ipynb", "08_capstone", "Q4", "14", "", "", ""],
        ["Jane Doe (12345)", "Jane Doe (12345)/08_capstone.ipynb", "08_capstone", "Q4", "14", "", "", ""],
    ]


def test_nothing_is_written_for_an_exercise_without_such_questions(tmp_path, monkeypatch):
    """Every exercise of the course has a question a person scores; an author's new one may not."""
    monkeypatch.setattr(review, "review_questions", lambda exercise: [])
    result = grade.Result("a.ipynb", "a", "02_countries", [feedback.correct("Yes.")], scores=[1], maxima=[1])
    assert review.write_review([result], tmp_path / "review") == ([], None, 0)
    assert not (tmp_path / "review").exists()


def test_a_students_answer_is_text_never_markup_script_or_code(written):
    page = Page(written["page"])
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "a" not in tags and "pre" not in tags
    assert not any("src" in attrs or "href" in attrs or "onerror" in attrs for _, attrs in page.tags)
    assert any(HOSTILE in cell for cell in page.cells)  # shown whole, as the student wrote it
    answer_tags = re.findall(r'<p class="answer">', written["page"])
    assert len(answer_tags) == 2  # the two text answers, in paragraphs (not <code>)


def test_every_student_graded_is_on_the_page_with_what_the_check_said(written):
    page = Page(written["page"])
    for student in ("alice", "Jane Doe (12345)", "carol"):
        assert any(cell.startswith(student) for cell in page.cells), student
    assert "dave" not in written["page"]  # not graded: not a capstone
    assert any("Short answer citing Europol." == cell for cell in page.cells)
    assert any("No text answer to score (not attempted): it scores 0." == cell for cell in page.cells)
    assert any(cell.startswith("✗ Question 4 – Not yet: Your assessment has 4 words") for cell in page.cells)


def test_the_page_shows_the_rubric_with_header_cells(written):
    page = Page(written["page"])
    headers = [attrs.get("scope") for tag, attrs in page.tags if tag == "th"]
    assert headers.count("col") == 4 + 3 and headers.count("row") == len(capstone.RUBRIC.criteria) + 3
    for criterion, texts in capstone.RUBRIC.criteria:
        assert criterion in page.cells and all(text in page.cells for text in texts)
    assert ["Strong (2)", "Adequate (1)", "Needs work (0)"] == [cell for cell in page.cells if "(" in cell][:3]
    assert '<html lang="en">' in written["page"] and "<title>Review: 08_capstone, Question 4</title>" in written["page"]
    assert [tag for tag, _ in page.tags if tag in ("h1", "h2")] == ["h1", "h2", "h2"]
    assert "http" not in written["page"].replace(escape(HOSTILE), "")  # offline: nothing but the answer links out


def test_grading_again_keeps_the_scores_already_typed(written, results):
    scores = written["scores"]
    text = scores.read_text(encoding="utf-8").replace(
        "alice,alice/08_capstone.ipynb,08_capstone,Q4,14,,",
        'alice,alice/08_capstone.ipynb,08_capstone,Q4,14,9,"Good, clear."',
    )
    scores.write_text(text, encoding="utf-8")
    _, _, kept = review.write_review(results, written["folder"] / "review")
    assert kept == 1
    assert 'alice,alice/08_capstone.ipynb,08_capstone,Q4,14,9,"Good, clear."' in scores.read_text(encoding="utf-8")


# ---- Merging --------------------------------------------------------------------------------


def fill(written, lines):
    path = written["folder"] / "filled.csv"
    path.write_text(",".join(review.SCORES_HEADER) + "\n" + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def gradebook_rows(path):
    with open(path, newline="", encoding="utf-8") as file:
        return {row["student"]: row for row in csv.DictReader(file)}


def test_merging_puts_the_scores_and_comments_in_the_gradebook(written, capsys):
    scores = fill(
        written,
        [
            'alice,alice/08_capstone.ipynb,08_capstone,Q4,14,"9,5",Clear bottom line; add a limit.',
            "Jane Doe (12345),Jane Doe (12345)/08_capstone.ipynb,08_capstone,Q4,14,,",
        ],
    )
    book, out = written["folder"] / "gradebook.csv", written["folder"] / "merged.csv"
    assert main(["merge-review", str(book), str(scores), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"merged 1 score into {out}\n1 answer still awaiting a score: Jane Doe (12345) Q4\n"
    )
    rows = gradebook_rows(out)
    assert (rows["alice"]["Q4_points"], rows["alice"]["points"], rows["alice"]["awaiting_review"]) == (
        "9.5",
        "13.5",
        "",
    )
    assert rows["alice"]["review_comments"] == "Q4: Clear bottom line; add a limit."
    assert (rows["Jane Doe (12345)"]["Q4_points"], rows["Jane Doe (12345)"]["awaiting_review"]) == ("", "Q4")
    assert rows["carol"]["points"] == "4" and rows["dave"]["status"] == grade.NOT_JSON
    # merging a second file later (the rest of the class) keeps the first merge
    later = fill(written, ["Jane Doe (12345),Jane Doe (12345)/08_capstone.ipynb,08_capstone,Q4,14,14,"])
    assert main(["merge-review", str(out), str(later), "--out", str(out)]) == 0
    rows = gradebook_rows(out)
    assert (
        rows["alice"]["points"],
        rows["Jane Doe (12345)"]["points"],
        rows["Jane Doe (12345)"]["awaiting_review"],
    ) == ("13.5", "18", "")


def test_bad_scores_are_each_named_on_one_line_and_nothing_is_written(written, capsys):
    scores = fill(
        written,
        [
            "alice,alice/08_capstone.ipynb,08_capstone,Q4,14,15,",
            "Jane Doe (12345),Jane Doe (12345)/08_capstone.ipynb,08_capstone,Q4,14,good,",
            "zed,zed/08_capstone.ipynb,08_capstone,Q4,14,3,",
            "carol,carol/08_capstone.ipynb,08_capstone,Q2,1,1,",
            "carol,carol/08_capstone.ipynb,08_capstone,Q4,14,-1,",
        ],
    )
    book = written["folder"] / "gradebook.csv"
    before = book.read_bytes()
    assert main(["merge-review", str(book), str(scores), "--out", str(book)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"error: {scores}, line 2: the score 15 for alice (Q4) is above the maximum of 14",
        f"error: {scores}, line 3: the score 'good' for Jane Doe (12345) (Q4) is not a number",
        f"error: {scores}, line 4: unknown student 'zed' with submission 'zed/08_capstone.ipynb': not in the gradebook",
        f"error: {scores}, line 5: 'Q2' is not a question a person scores in 08_capstone",
        f"error: {scores}, line 6: the score -1 for carol (Q4) is below 0",
        f"Nothing was written. Correct {scores} and run the command again.",
    ]
    assert captured.out == "" and book.read_bytes() == before
    assert [path.name for path in written["folder"].iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize(
    "content, says",
    [
        ("name,score\nalice,3\n", "has no student column"),
        (b"\xff\xfe\x00bad", "is not a CSV file saved as UTF-8"),
    ],
)
def test_a_scores_file_of_the_wrong_kind_gets_a_message(written, capsys, content, says):
    path = written["folder"] / "odd.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["merge-review", str(written["folder"] / "gradebook.csv"), str(path), "--out", "x.csv"]) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


LONG_ENOUGH = "Bottom line: we cannot tell whether it worked, says Europol. " * 10  # passes the form check


def test_feedback_tells_only_the_students_a_teacher_scored_and_labels_written_answers_received(tmp_path, capsys):
    """A written answer reads "Received" until it is scored, then its score; an answer the check scored 0
    (blank, unreadable) and a student whose row has no score get no "Scored by your teacher"."""
    unreadable = capstone_result("erin", ...)
    unreadable.verdicts[3] = feedback.Verdict(feedback.UNCHECKABLE, "There is no answer to grade.", "Question 4")
    results = [capstone_result("alice", LONG_ENOUGH), capstone_result("bob", LONG_ENOUGH), unreadable]
    assert results[0].verdicts[3].status == feedback.CORRECT  # the form check passed: still not "correct" to a student
    book, folder = tmp_path / "gradebook.csv", tmp_path / "feedback"
    grade.write_gradebook(results, book)
    grade.write_feedback(results, folder)
    _, scores, _ = review.write_review(results, tmp_path / "review")
    alice = (folder / "alice" / "08_capstone.md").read_text(encoding="utf-8")
    assert "## ✎ Question 4 – Received (your teacher scores it, out of 14 points)" in alice
    assert "Question 4 – Correct" not in alice
    assert "4 of 5 checked answers correct, and 1 written answer your teacher scores;" in alice
    text = scores.read_text(encoding="utf-8").replace(
        "alice,alice/08_capstone.ipynb,08_capstone,Q4,14,,", "alice,alice/08_capstone.ipynb,08_capstone,Q4,14,0,"
    )
    scores.write_text(text, encoding="utf-8")
    assert main(["merge-review", str(book), str(scores), "--out", str(book), "--feedback", str(folder)]) == 0
    assert f"added the scores to 1 feedback file in {folder}" in capsys.readouterr().out
    alice = (folder / "alice" / "08_capstone.md").read_text(encoding="utf-8")
    assert "## ✎ Question 4 – Scored by your teacher: 0 of 14 points" in alice and "Received" not in alice
    assert "Question 4: 0 of 14 points." in alice.split("## Scored by your teacher")[1]
    for student in ("bob", "erin"):  # bob awaits his score; erin's blank answer scored 0 without a person
        assert "Scored by your teacher" not in (folder / student / "08_capstone.md").read_text(encoding="utf-8")


def test_rubric_rows_typed_in_the_scores_file_are_summed_and_each_echoed_in_the_feedback(tmp_path, capsys):
    """The capstone's assessment has seven rubric rows: the scores file takes each row's level points (in the
    page's order), sums them into the score, and the student reads every row in their feedback."""
    results = [capstone_result("alice", LONG_ENOUGH), capstone_result("bob", LONG_ENOUGH)]
    book, folder = tmp_path / "gradebook.csv", tmp_path / "feedback"
    grade.write_gradebook(results, book)
    grade.write_feedback(results, folder)
    _, scores, _ = review.write_review(results, tmp_path / "review")
    assert review.read_csv(scores)[0]["rubric_rows"] == ""
    page = (tmp_path / "review" / "08_capstone_Q4.html").read_text(encoding="utf-8")
    assert "<code>rubric_rows</code>" in page  # the page says how to type the rows

    def merged(alice, bob=("", "")):
        rows = review.read_csv(scores)
        for row, (score, levels) in zip(rows, (alice, bob)):
            row["score"], row["rubric_rows"] = score, levels
        with open(scores, "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=review.SCORES_HEADER)
            writer.writeheader()
            writer.writerows(rows)
        return main(["merge-review", str(book), str(scores), "--out", str(book), "--feedback", str(folder)])

    assert merged(("9", "2 1 2 0 1 2 2"), ("", "2 1")) == 1
    err = capsys.readouterr().err
    assert "line 2: the score 9 for alice (Q4) is not the sum of its rubric rows (10)" in err
    assert "line 3: bob (Q4) has 2 rubric rows; the rubric of Question 4 has 7" in err
    assert merged(("", "2 1 2 0 1 2 3")) == 1
    assert "the rubric row 7 for alice (Q4) is 3: each row is one of 2, 1, 0" in capsys.readouterr().err
    assert merged(("", "2 1 2 0 1 2 2")) == 0
    assert gradebook_rows(book)["alice"]["Q4_points"] == "10"
    alice = (folder / "alice" / "08_capstone.md").read_text(encoding="utf-8")
    first, fourth = capstone.RUBRIC.criteria[0][0], capstone.RUBRIC.criteria[3][0]
    assert "Question 4: 10 of 14 points.\n" in alice
    assert f"\n  - {first}: Strong (2 of 2)\n" in alice and f"\n  - {fourth}: Needs work (0 of 2)\n" in alice


def test_a_missing_file_gets_a_message(written, capsys):
    assert main(["merge-review", str(written["folder"] / "none.csv"), str(written["scores"]), "--out", "x.csv"]) == 1
    assert "error: there is no gradebook" in capsys.readouterr().err
