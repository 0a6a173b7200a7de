"""Grade a class's exercise notebooks: one command, a gradebook, feedback for each student.

    python3 -m course grade submissions/ --out gradebook.csv --feedback feedback/

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

from course import defaults
from course.grading import isolation
from course.grading.feedback_files import feedback_name, feedback_text, write_feedback  # noqa: F401
from course.grading.gradebook import (  # noqa: F401
    gradebook_header,
    points_by_exercise,
    points_text,
    skipped_path,
    skipped_text,
    success_by_question,
    success_chart,
    summary_text,
    write_gradebook,
    write_skipped,
)

# Each job in a module of its own; their names stay importable from here.
from course.grading.judging import answer_of, judge, score  # noqa: F401

# What happened to a submission, in words (the gradebook's status column).
from course.grading.statuses import (  # noqa: F401
    CELL_ERROR,
    CELLS_CHANGED,
    EXIT_CALLED,
    GRADED,
    GRADER_ERROR,
    KERNEL_STOPPED,
    MEMORY_LIMIT,
    NOT_EXERCISE,
    NOT_JSON,
    NOT_NOTEBOOK,
    OTHER_EXERCISE,
    OUTPUT_CAPPED,
    TAMPERING,
    TIME_LIMIT,
    TIME_LIMIT_TWICE,
)
from course.grading.submissions import Submission
from takedown import feedback
from takedown.answers import decode
from takedown.questions import EXERCISES, questions_for

CHECK_CALL = re.compile(r"\bq(\d+)\.check\(")
QUESTIONS_IMPORT = re.compile(r"takedown\.questions\.(\w+)")
# Ways a notebook could try to change what a check says.
TAMPER_SIGNS = re.compile(
    r"\.(check|judge|hint|solution)\s*=[^=]|setattr\(|takedown\.feedback\.\w+\s*=[^=]"
    r"|__code__|import\s+builtins|sys\.modules\["
)


@dataclass
class Limits:
    cell_seconds: int = defaults.CELL_SECONDS
    notebook_seconds: int = defaults.NOTEBOOK_SECONDS
    memory_mb: int = defaults.MEMORY_MB
    isolated: bool = True  # each worker and its kernels inside bubblewrap (False: --unisolated)
    debug: bool = False  # keep the worker's and kernels' error output (on the grader's stderr)

    def doubled(self):
        return replace(self, cell_seconds=self.cell_seconds * 2, notebook_seconds=self.notebook_seconds * 2)


@dataclass
class Result:
    """The grade of one submission."""

    submission: str
    student: str = ""
    exercise: str = ""
    verdicts: list = field(default_factory=list)  # one Verdict per question, in order
    notes: list = field(default_factory=list)  # statuses other than "graded"
    retried: bool = False  # run a second time, alone, after a time limit
    scores: list = field(default_factory=list)  # points earned per question; None while awaiting review
    maxima: list = field(default_factory=list)  # points each question is worth
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
            settings.update(
                TAKEDOWN_GRADE_JOB=isolation.JOB,
                TAKEDOWN_GRADE_FILE=str(isolation.FILE_MB * 1024**2),
                TAKEDOWN_GRADE_PROCESSES=str(isolation.PROCESSES),
            )
            command = isolation.bwrap_command(command, settings)
            self.process_limit = isolation.ProcessLimit.create()
            if self.process_limit:
                command = self.process_limit.wrap(command)
            cwd = "/"
        # The worker's error output is dropped unless --debug: a dead worker is then shown on the grader's stderr.
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if self.limits.debug else subprocess.DEVNULL,
            bufsize=0,
            start_new_session=True,
        )

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
                del buffer[: end + 1]
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
ERROR_STATUS = {
    "MemoryError": MEMORY_LIMIT,
    "KeyboardInterrupt": TIME_LIMIT,
    "CellTimeoutError": TIME_LIMIT,
    "SystemExit": EXIT_CALLED,
}


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


# ---- Judging, in this process (course/grading/judging.py), then one submission's result ----------


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
    return next(
        (
            error
            for error in report.get("cell_errors", [])
            if error["index"] in cells and error["ename"] not in ERROR_STATUS
        ),
        None,
    )


def as_submission(item):
    return item if isinstance(item, Submission) else Submission.of(item)


def grade_file(submission, limits=None, expected_exercise=None, sandboxes=None):
    """Grade one submission (a path or a Submission; in `sandboxes`, or a sandbox of its own).

    Never raises for anything inside the file.
    """
    submission = as_submission(submission)
    limits = limits or Limits()
    try:
        if sandboxes is None:
            with Sandboxes(limits) as own:
                return _grade_file(submission, expected_exercise, own)
        return _grade_file(submission, expected_exercise, sandboxes)
    except Exception as error:  # one bad file must not stop a class's batch
        return Result(
            submission=submission.name, student=submission.student, notes=[f"{GRADER_ERROR} ({type(error).__name__})"]
        )


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


def grade_files(items, limits=None, expected_exercise=None, jobs=None, progress=True):
    """Grade many submissions (paths or Submissions) in parallel; return their results in the order given.

    A submission that reached a time limit is graded again once the others are done, alone, with
    double the limits: on a busy machine a slow run is the machine's fault, not the student's.
    """
    submissions = [as_submission(item) for item in items]
    limits = limits or Limits()
    results = _grade_in_parallel(submissions, limits, expected_exercise, jobs or os.cpu_count() or 1, progress)
    again = [index for index, result in enumerate(results) if TIME_LIMIT in result.notes]
    if again and progress:
        print(
            f"Running {len(again)} that reached a time limit again, one at a time, with double the limits",
            file=sys.stderr,
        )
    with Sandboxes(limits.doubled()) as sandboxes:  # nothing else runs now: one at a time, a fair second chance
        for index in again:
            retry = grade_file(submissions[index], limits.doubled(), expected_exercise, sandboxes)
            retry.notes = [TIME_LIMIT_TWICE if note == TIME_LIMIT else note for note in retry.notes]
            results[index] = replace(retry, retried=True)
    return results


def _grade_in_parallel(submissions, limits, expected_exercise, jobs, progress):
    results = {}
    with Sandboxes(limits) as sandboxes, ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {
            pool.submit(grade_file, submission, limits, expected_exercise, sandboxes): index
            for index, submission in enumerate(submissions)
        }
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
