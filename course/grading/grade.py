"""Grade a class's exercise notebooks: one command, a gradebook, feedback for each student.

    python -m takedown grade submissions/ --out gradebook.csv --feedback feedback/

The submissions are found by course/grading/submissions.py (folders, one per student, zips, Canvas and
Moodle names; every file skipped is listed with its reason). Each submission's text is run in a
fresh kernel inside a sandbox (bubblewrap: course/grading/isolation.py, course/grading/sandbox.py) that sees
neither the class folder nor the answer keys nor the instructor's files, under time, memory, disk
and process limits; the submitted file itself is only read. The
kernel exports the answer variables as plain data, and the verdicts are computed here, in the
grader's own process, with the course's checks: a notebook that redefines a check changes only
what it shows itself, never its grade. A file that is not a notebook, not an exercise of the
course, or that crashes, loops or floods output gets a status of its own and the batch carries on.
A submission that reaches a time limit is run once more at the end, alone, with double the limits,
so that a busy machine does not cost a student marks.

Points: each question earns its points (takedown/questions: all for a right answer, a share for a
partly right one where the question allows it). A question a person scores (it has a rubric) keeps
its check's status but its points stay blank, "awaiting review", until the instructor's scores are
merged (course/grading/review.py writes the review pages and the scores file, and merges them).

The gradebook has, per submission: student, submission, exercise; for each question its status
(Q1) and the points it earned (Q1_points); the number correct and out of how many; the points and
the maximum; the questions awaiting review; the reviewer's comments; and the status.
"""
import csv
import json
import os
import queue
import re
import secrets
import select
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

import nbformat

from takedown import feedback
from course.grading import isolation
from takedown.answers import Unreadable, decode
from takedown.questions import EXERCISES, questions_for
from course.grading.submissions import Submission

# Statuses, as they appear in the gradebook's status column.
GRADED = "graded"
NOT_JSON = "not a notebook file (not JSON)"
NOT_NOTEBOOK = "not a notebook (JSON of another kind)"
NOT_EXERCISE = "not an exercise of this course"
OTHER_EXERCISE = "another exercise"
CELLS_CHANGED = "check cells deleted or reordered"
CELL_ERROR = "a cell raised an error"
EXIT_CALLED = "a cell called sys.exit() (the rest still ran)"
TIME_LIMIT = "time limit reached"
TIME_LIMIT_TWICE = "time limit reached (also on a second run, alone, with double the limits)"
MEMORY_LIMIT = "memory limit reached"
KERNEL_STOPPED = "the notebook stopped its kernel"
OUTPUT_CAPPED = "too much output (the rest was dropped)"
TAMPERING = "the notebook changes the course's checks (ignored)"
GRADER_ERROR = "could not be graded: the grader failed on this file"

CHECK_CALL = re.compile(r"\bq(\d+)\.check\(")
QUESTIONS_IMPORT = re.compile(r"takedown\.questions\.(\w+)")
# Ways a notebook could try to change what a check says.
TAMPER_SIGNS = re.compile(r"\.(check|judge|hint|solution)\s*=[^=]|setattr\(|takedown\.feedback\.\w+\s*=[^=]"
                          r"|__code__|import\s+builtins|sys\.modules\[")


@dataclass
class Limits:
    cell_seconds: int = 30
    notebook_seconds: int = 300
    memory_mb: int = 2048
    isolated: bool = True   # each worker and its kernels inside bubblewrap (False: --unisolated)

    def doubled(self):
        return replace(self, cell_seconds=self.cell_seconds * 2, notebook_seconds=self.notebook_seconds * 2)


@dataclass
class Result:
    """The grade of one submission."""
    submission: str
    student: str = ""
    exercise: str = ""
    verdicts: list = field(default_factory=list)   # one Verdict per question, in order
    notes: list = field(default_factory=list)      # statuses other than "graded"
    retried: bool = False                          # run a second time, alone, after a time limit
    scores: list = field(default_factory=list)     # points earned per question; None while awaiting review
    maxima: list = field(default_factory=list)     # points each question is worth
    to_review: dict = field(default_factory=dict)  # question number -> the text answer a person scores

    @property
    def correct(self):
        return sum(verdict.correct for verdict in self.verdicts)

    @property
    def points(self):
        """Points earned so far (answers awaiting review not counted yet)."""
        return round(sum(score for score in self.scores if score is not None), 2)

    @property
    def max_points(self):
        return round(sum(self.maxima), 2)

    @property
    def awaiting_review(self):
        """The question numbers whose points a person has still to give."""
        return [number for number, score in enumerate(self.scores, start=1) if score is None]

    @property
    def status(self):
        return "; ".join(self.notes) if self.notes else GRADED


# ---- Reading a submission -------------------------------------------------------------------

def read_submission(path):
    """(notebook, exercise name, notes); notebook is None when the file cannot be graded."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
        json.loads(text)
    except (UnicodeDecodeError, ValueError):
        return None, "", [NOT_JSON]
    try:
        notebook = nbformat.reads(text, as_version=4)
        nbformat.validate(notebook)
    except Exception:  # nbformat raises several kinds for JSON that is no notebook
        return None, "", [NOT_NOTEBOOK]
    exercise = exercise_of(notebook)
    if not exercise:
        return None, "", [NOT_EXERCISE]
    return notebook, exercise, []


def exercise_of(notebook):
    """The exercise a notebook belongs to: its metadata, or else the questions it imports."""
    named = notebook.get("metadata", {}).get("takedown", {}).get("exercise")
    if named in EXERCISES:
        return named
    modules = {module.rsplit(".", 1)[-1]: name for name, module in EXERCISES.items()}
    for cell in notebook.cells:
        for module in QUESTIONS_IMPORT.findall(cell.get("source", "")):
            if module in modules:
                return modules[module]
    return ""


def code_of(notebook):
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def structure_notes(notebook, exercise):
    """Notes on check cells that were deleted or moved, and on attempts to change the checks."""
    notes = []
    expected = [str(number) for number in range(1, len(questions_for(exercise)) + 1)]
    found = []
    for source in code_of(notebook):
        found += [number for number in CHECK_CALL.findall(source) if number not in found]
    if found != expected:
        notes.append(CELLS_CHANGED)
    if any(TAMPER_SIGNS.search(source) for source in code_of(notebook)):
        notes.append(TAMPERING)
    return notes


# ---- Running it, safely away from the submitted file ----------------------------------------

class Sandbox:
    """One long-lived worker process (course/grading/sandbox.py) that runs submissions one after another.

    The worker runs inside bubblewrap (course/grading/isolation.py) unless the limits say unisolated.
    Each submission still gets a fresh kernel; only the worker, with nbclient loaded, is kept. A
    worker whose submission runs past the notebook's time limit is killed, as is one whose sandbox
    a submission left in a state it could not clear; the next submission starts a new one.
    """

    MAX_REPLY = 64 * 1024**2  # the answers (each at most 5 MB) and the report, with room to spare

    def __init__(self, limits):
        self.limits = limits
        self.process = None
        self.process_limit = None

    def start(self):
        # Run by its file: the sandbox binds that one file of the tools, not the package (see isolation.WORKER).
        command = [sys.executable, str(isolation.WORKER)]
        settings = {"TAKEDOWN_GRADE_MEMORY": str(self.limits.memory_mb * 1024**2)}
        env = dict(os.environ, **settings)
        env.pop("JPY_PARENT_PID", None)  # a kernel's own variable: under a new process namespace it would exit
        cwd = tempfile.gettempdir()
        if self.limits.isolated:
            settings.update(TAKEDOWN_GRADE_JOB=isolation.JOB, TAKEDOWN_GRADE_FILE=str(isolation.FILE_MB * 1024**2),
                            TAKEDOWN_GRADE_PROCESSES=str(isolation.PROCESSES))
            command = isolation.bwrap_command(command, settings)
            self.process_limit = isolation.ProcessLimit.create()
            if self.process_limit:
                command = self.process_limit.wrap(command)
            cwd = "/"
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, bufsize=0, start_new_session=True)

    def run(self, notebook_text, names):
        """Run a notebook's text; (report, answers as tagged data), or None past the notebook's time limit."""
        if self.process is None or self.process.poll() is not None:
            self.start()
        token = secrets.token_hex(16)
        job = {"token": token, "notebook": notebook_text, "names": names, "cell_seconds": self.limits.cell_seconds}
        try:
            self.process.stdin.write((json.dumps(job) + "\n").encode())
            self.process.stdin.flush()
            reply = self.reply(token, time.monotonic() + self.limits.notebook_seconds)
        except (BrokenPipeError, ValueError):  # the worker died before or while reading the job
            reply = {}
        if reply is None:
            self.stop()
            return None
        if not reply or reply.get("retire"):
            self.stop()  # it died: without a report the submission is noted as having stopped its kernel
        report = reply.get("report") if isinstance(reply.get("report"), dict) else {"kernel_died": True}
        answers = reply.get("answers") if isinstance(reply.get("answers"), dict) else {}
        return report, answers

    def reply(self, token, deadline):
        """The worker's line for this job's token; {} if it stopped first, None at the deadline.

        Other lines, and a line never finished, are what a submission wrote into the pipe: skipped.
        """
        pipe = self.process.stdout.fileno()
        buffer = bytearray()
        while True:
            while (end := buffer.find(b"\n")) >= 0:
                line = bytes(buffer[:end])
                del buffer[:end + 1]
                try:
                    reply = json.loads(line)
                except ValueError:
                    continue
                if isinstance(reply, dict) and reply.get("token") == token:
                    return reply
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if len(buffer) > self.MAX_REPLY:
                return {}
            ready, _, _ = select.select([pipe], [], [], remaining)
            if ready:
                chunk = os.read(pipe, 1024 * 1024)
                if not chunk:
                    return {}
                buffer += chunk

    def stop(self):
        if self.process is not None:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)  # bubblewrap's sandbox (or the kernel) dies with it
            self.process.wait()
            self.process = None
        if self.process_limit is not None:
            self.process_limit.remove()
            self.process_limit = None


class Sandboxes:
    """A pool of sandboxes, one lent to each submission being graded; stops them all at the end."""

    def __init__(self, limits):
        if limits.isolated and isolation.problem():
            raise isolation.Unavailable(isolation.problem())
        self.limits = limits
        self.idle = queue.SimpleQueue()
        self.every = []

    def run(self, notebook_text, names):
        try:
            sandbox = self.idle.get_nowait()
        except queue.Empty:
            sandbox = Sandbox(self.limits)
            self.every.append(sandbox)
        try:
            return sandbox.run(notebook_text, names)
        finally:
            self.idle.put(sandbox)

    def stop_all(self):
        """Kill every worker at once: at the end (each idle, its last kernel already stopped), or when
        grading is interrupted (the submissions they were running end as stopped)."""
        for sandbox in self.every:
            sandbox.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop_all()


def run_in_sandbox(path, names, sandboxes):
    """Run the submission's text in a sandbox; return (answers by name, the worker's report on the run)."""
    ran = sandboxes.run(Path(path).read_bytes().decode("utf-8"), names)
    if ran is None:
        return {}, {"notebook_time_limit": True}
    report, answers = ran
    return {str(name): decode(data) for name, data in answers.items()}, report


# Errors with a status of their own; a cell stopped at its time limit is interrupted (KeyboardInterrupt).
ERROR_STATUS = {"MemoryError": MEMORY_LIMIT, "KeyboardInterrupt": TIME_LIMIT, "CellTimeoutError": TIME_LIMIT,
                "SystemExit": EXIT_CALLED}


def run_notes(report, explained=()):
    """Notes on how the run went; errors raised by the cells in `explained` are told per question instead."""
    notes = [TIME_LIMIT] if report.get("notebook_time_limit") else []
    for error in report.get("cell_errors", []):
        if error["ename"] not in ERROR_STATUS and error["index"] in explained:
            continue
        note = ERROR_STATUS.get(error["ename"], CELL_ERROR)
        if note not in notes:
            notes.append(note)
    if report.get("kernel_died"):
        notes.append(KERNEL_STOPPED)
    if report.get("output_dropped"):
        notes.append(OUTPUT_CAPPED)
    return notes


# ---- Judging, in this process ---------------------------------------------------------------

def answer_of(question, answers):
    return answers.get(question.answer_name, Unreadable("the notebook did not finish running", missing=True))


def judge(question, answers):
    value = answer_of(question, answers)
    if isinstance(value, Unreadable):
        verdict = (feedback.uncheckable(f"There is no answer to grade: {value.description}.") if value.missing
                   else feedback.wrong_kind(f"Your answer could not be graded: it is {value.description}."))
        return feedback.Verdict(verdict.status, verdict.message, question.name)
    return question.verdict(value)


def score(question, answers, verdict):
    """(points earned, text to review): a text answer to a question a person scores has no points yet."""
    value = answer_of(question, answers)
    if verdict.status == feedback.RAISED or isinstance(value, Unreadable):
        return 0, None
    if question.needs_review and isinstance(value, str) and value.strip():
        return None, value
    return question.score(value, verdict), None


def answer_cells(notebook, number, answer_name):
    """Indices of the cells that give question `number` its answer: the cell calling qN.check( and
    the last cell before it that assigns the answer's variable."""
    check = re.compile(rf"\bq{number}\.check\(")
    assigns = re.compile(rf"^[ \t]*{re.escape(answer_name)}[ \t]*(?::[^=\n]*)?=(?!=)", re.M)
    code = [(index, cell.source) for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    checking = [index for index, source in code if check.search(source)]
    last = checking[0] if checking else len(notebook.cells)
    assigning = [index for index, source in code if index <= last and assigns.search(source)]
    return set(checking[:1] + assigning[-1:])


def raised_in(cells, report):
    """The first ordinary error (not a limit or sys.exit()) raised by one of these cells, or None."""
    return next((error for error in report.get("cell_errors", [])
                 if error["index"] in cells and error["ename"] not in ERROR_STATUS), None)


def as_submission(item):
    return item if isinstance(item, Submission) else Submission.of(item)


def grade_file(submission, limits=Limits(), expected_exercise=None, sandboxes=None):
    """Grade one submission (a path or a Submission; in `sandboxes`, or a sandbox of its own).

    Never raises for anything inside the file.
    """
    submission = as_submission(submission)
    try:
        if sandboxes is None:
            with Sandboxes(limits) as own:
                return _grade_file(submission, expected_exercise, own)
        return _grade_file(submission, expected_exercise, sandboxes)
    except Exception as error:  # one bad file must not stop a class's batch
        return Result(submission=submission.name, student=submission.student,
                      notes=[f"{GRADER_ERROR} ({type(error).__name__})"])


def _grade_file(submission, expected_exercise, sandboxes):
    result = Result(submission=submission.name, student=submission.student)
    path = submission.path
    notebook, exercise, notes = read_submission(path)
    result.notes += notes
    if notebook is None:
        return result
    result.exercise = exercise
    if expected_exercise and exercise != expected_exercise:
        result.notes.append(f"{OTHER_EXERCISE} ({exercise})")
        return result
    questions = questions_for(exercise)
    result.notes += structure_notes(notebook, exercise)
    answers, report = run_in_sandbox(path, [question.answer_name for question in questions], sandboxes)
    explained = set()
    for number, question in enumerate(questions, start=1):
        cells = answer_cells(notebook, number, question.answer_name)
        error = raised_in(cells, report)
        if error:  # the student sees the error under that cell; say so, not "no answer"
            explained.add(error["index"])
            verdict = replace(feedback.cell_raised(error["ename"], error["evalue"]), question=question.name)
        else:
            verdict = judge(question, answers)
        result.verdicts.append(verdict)
        points, text = score(question, answers, verdict)
        result.scores.append(points)
        result.maxima.append(question.points)
        if text is not None:
            result.to_review[number] = text
    result.notes += [note for note in run_notes(report, explained) if note not in result.notes]
    return result


def grade_files(items, limits=Limits(), expected_exercise=None, jobs=None, progress=True):
    """Grade many submissions (paths or Submissions) in parallel; return their results in the order given.

    A submission that reached a time limit is graded again once the others are done, alone, with
    double the limits: on a busy machine a slow run is the machine's fault, not the student's.
    """
    submissions = [as_submission(item) for item in items]
    results = _grade_in_parallel(submissions, limits, expected_exercise, jobs or os.cpu_count() or 1, progress)
    again = [index for index, result in enumerate(results) if TIME_LIMIT in result.notes]
    if again and progress:
        print(f"Running {len(again)} that reached a time limit again, one at a time, with double the limits",
              file=sys.stderr)
    with Sandboxes(limits.doubled()) as sandboxes:  # nothing else runs now: one at a time, a fair second chance
        for index in again:
            retry = grade_file(submissions[index], limits.doubled(), expected_exercise, sandboxes)
            retry.notes = [TIME_LIMIT_TWICE if note == TIME_LIMIT else note for note in retry.notes]
            results[index] = replace(retry, retried=True)
    return results


def _grade_in_parallel(submissions, limits, expected_exercise, jobs, progress):
    results = {}
    with Sandboxes(limits) as sandboxes, ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(grade_file, submission, limits, expected_exercise, sandboxes): index
                   for index, submission in enumerate(submissions)}
        done = as_completed(futures)
        if progress:
            from tqdm import tqdm
            done = tqdm(done, total=len(futures), desc="Grading", unit="notebook", file=sys.stderr)
        try:
            for future in done:
                results[futures[future]] = future.result()
        except KeyboardInterrupt:  # Ctrl-C: stop now, not after the whole class has run
            pool.shutdown(wait=False, cancel_futures=True)
            sandboxes.stop_all()
            raise
    return [results[index] for index in range(len(submissions))]


# ---- Gradebook, feedback and summary ---------------------------------------------------------

def points_text(value):
    """Points as a gradebook writes them: 2, 1.5, 0.33; blank for None (awaiting review)."""
    return "" if value is None else f"{round(value, 2):g}"


def gradebook_header(width):
    per_question = [name for n in range(1, width + 1) for name in (f"Q{n}", f"Q{n}_points")]
    return ["student", "submission", "exercise", *per_question, "correct", "out_of", "points", "max_points",
            "awaiting_review", "review_comments", "status"]


def write_gradebook(results, path):
    """CSV: one row per submission: who, which file, each question's status and points, the totals and the status."""
    width = max((len(result.verdicts) for result in results), default=0)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(gradebook_header(width))
        for result in results:
            cells = [cell for verdict, points in zip(result.verdicts, result.scores)
                     for cell in (verdict.status, points_text(points))]
            writer.writerow([result.student, result.submission, result.exercise, *cells,
                             *[""] * (2 * width - len(cells)), result.correct, len(result.verdicts),
                             points_text(result.points), points_text(result.max_points),
                             " ".join(f"Q{n}" for n in result.awaiting_review), "", result.status])


def skipped_path(gradebook):
    """Where the list of skipped files goes: beside the gradebook, e.g. gradebook_skipped.csv."""
    gradebook = Path(gradebook)
    return gradebook.with_name(f"{gradebook.stem}_skipped.csv")


def write_skipped(skipped, path):
    """CSV of every file that was not graded, and why (written even when empty, so it is never stale)."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["file", "reason"])
        writer.writerows([item.name, item.reason] for item in skipped)


def skipped_text(skipped, limit=20):
    if not skipped:
        return "No file was skipped."
    lines = [f"Skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} (not graded):"]
    lines += [f"  {item.name}: {item.reason}" for item in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  … and {len(skipped) - limit} more")
    return "\n".join(lines)


def feedback_text(result):
    """The student's feedback: the same plain sentences the notebook shows, never an expected answer."""
    lines = [f"# Feedback for {result.student} on {result.submission}", ""]
    if result.exercise:
        lines.append(f"Exercise {result.exercise}: {result.correct} of {len(result.verdicts)} correct; "
                     f"{points_text(result.points)} of {points_text(result.max_points)} points"
                     + (" so far (your teacher scores the rest with the rubric)." if result.awaiting_review else "."))
    if result.notes:
        lines += ["", "Notes from the grader: " + "; ".join(result.notes) + "."]
    if not result.verdicts:
        lines += ["", "This file could not be graded. Submit the exercise notebook from the course's "
                      "exercises/ folder, saved from JupyterLab."]
    for verdict, points, most in zip(result.verdicts, result.scores, result.maxima):
        worth = (f"to be scored by your teacher, out of {points_text(most)} points" if points is None
                 else f"{points_text(points)} of {points_text(most)} point{'s' if most != 1 else ''}")
        lines += ["", f"## {verdict.headline()} ({worth})", "", verdict.message]
    return "\n".join(lines) + "\n"


def feedback_name(submission):
    """The feedback file's path inside the feedback folder: the submission's, a zip's name as a folder."""
    parts = [part[:-4] if part.lower().endswith(".zip") else part for part in Path(submission).parts]
    return Path(*parts).with_suffix(".md")


def write_feedback(results, folder):
    """One Markdown file per submission, in the same layout as the class folder (alice/02_countries.md)."""
    folder = Path(folder)
    written = set()
    for result in results:
        target = folder / feedback_name(result.submission)
        number = 1
        while target in written:  # two submissions with the same path (given from two folders)
            number += 1
            target = target.with_name(f"{feedback_name(result.submission).stem}-{number}.md")
        written.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(feedback_text(result), encoding="utf-8")


def success_by_question(results):
    """{(exercise, question name): (correct, graded)} over the submissions that were run."""
    table = {}
    for result in results:
        for verdict in result.verdicts:
            correct, graded = table.get((result.exercise, verdict.question), (0, 0))
            table[(result.exercise, verdict.question)] = (correct + verdict.correct, graded + 1)
    return table


def points_by_exercise(results):
    """{exercise: (points earned by all its submissions, the most one can earn, how many)}."""
    table = {}
    for result in results:
        if result.verdicts:
            points, _, count = table.get(result.exercise, (0, 0, 0))
            table[result.exercise] = (points + result.points, result.max_points, count + 1)
    return table


def summary_text(results):
    graded = [result for result in results if result.verdicts]
    students = len({result.student for result in results})
    lines = [f"{len(results)} submissions from {students} student{'s' if students != 1 else ''}: "
             f"{len(graded)} graded, {len(results) - len(graded)} could not be graded."]
    for (exercise, question), (correct, total) in success_by_question(results).items():
        lines.append(f"  {exercise} {question}: {correct} of {total} correct ({correct / total:.0%})")
    for exercise, (points, most, count) in points_by_exercise(results).items():
        lines.append(f"  {exercise}: {points_text(points / count)} points on average, out of {points_text(most)}")
    waiting = sum(len(result.awaiting_review) for result in results)
    if waiting:
        lines.append(f"  {waiting} answer{'s' if waiting != 1 else ''} await{'s' if waiting == 1 else ''} "
                     "a person's review (their points are not in the totals yet)")
    problems = {}
    for result in results:
        for note in result.notes:
            problems[note] = problems.get(note, 0) + 1
    lines += [f"  {count} × {note}" for note, count in problems.items()]
    for result in results:
        if result.retried:
            outcome = "reached the limit again" if TIME_LIMIT_TWICE in result.notes else "finished"
            lines.append(f"  {result.submission} reached a time limit, was run again alone with double the "
                         f"limits, and {outcome}")
    return "\n".join(lines)


def success_chart(results):
    """Bar chart of the share of correct answers per question (a Chart with its text alternative)."""
    import matplotlib.pyplot as plt

    from takedown.charts.style import OKABE_ITO, matplotlib_chart

    table = success_by_question(results)
    labels = [f"{exercise} · {question}" for exercise, question in table]
    shares = [100 * correct / total for correct, total in table.values()]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(labels) + 1.8))
    bars = ax.barh(labels, shares, color=OKABE_ITO[4])
    ax.bar_label(bars, labels=[f"{share:.0f}% ({correct}/{total})"
                               for share, (correct, total) in zip(shares, table.values())], padding=3)
    ax.invert_yaxis()
    ax.set_xlim(0, 118)  # room for the label of a full bar
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("Correct answers, as a share of the submissions graded for that exercise (%)")
    ax.set_ylabel("Question")
    ax.set_title("How the class did on each question")
    fig.tight_layout()
    hardest = labels[shares.index(min(shares))] if shares else "none"
    alt = (f"Bar chart of {len(labels)} questions: correct answers range from {min(shares, default=0):.0f}% "
           f"to {max(shares, default=0):.0f}% of the submissions graded; the hardest was {hardest}.")
    return matplotlib_chart(fig, alt)
