"""The course's full command line, typed `python3 -m course COMMAND` (Windows: `py -m course COMMAND`), as the docs
teach it; `python -m takedown COMMAND` and the console script `takedown` run the same code.

    python3 -m course grade SUBMISSION... --out gradebook.csv --feedback DIR
                                          grade a class's exercise notebooks (instructors)
    python3 -m course merge-review gradebook.csv review/scores.csv --out gradebook.csv [--feedback feedback/]
                                          merge the scores a person gave into the gradebook
    python3 -m course export gradebook.csv --canvas FILE --assignment NAME | --moodle FILE [--ungraded zero]
                                          gradebooks Canvas and Moodle import (--roster lms-roster.csv:
                                          who is who on the platform)
    python3 -m course check EXERCISE...   check your completed exercises with nbval (students)
    python3 -m course reset EXERCISE      back up a student's exercise (to exercises/backups/), then start
                                          it afresh (students)
    python3 -m course build [NAME...]     make exercises/ from solutions/ and run them (authors)
    python3 -m course run NOTEBOOK...     run notebooks top to bottom and save their outputs (authors)
    python3 -m course release student DIR [--hidden-checks]
                                          write the students' repository, without answer keys (instructors;
                                          `release self-paced DIR` keeps them; --hidden-checks: exercise
                                          checks only record an answer's form, grading judges it)
    python3 -m course link --hub URL      the nbgitpuller link that opens the course on a JupyterHub
                                          (--binder: the Binder link; --repo: not git's origin)
    python3 -m course gains pre.csv post.csv --out gains.csv [--chart gains.png] [--roster prepost-roster.csv]
                                          did the unit work? pre/post assessments per item and aim (instructors;
                                          --roster prepost-roster.csv: who is who in two Moodle downloads)
    python3 -m course site [--out build/site]
                                          build the static course site (maintainers)
    python3 -m course pace                each lesson's estimated minutes and the gaps between checks (authors)
    python3 -m course bench --out build/bench
                                          measure speed and size against their floors (maintainers; runs
                                          tests/bench.py from the repository)

Each command's module is imported only when that command runs, so an edition without the authoring or
grading tools still runs the student's commands, and says so plainly when asked for one it lacks.
"""

import argparse
import importlib
import runpy
import sys
from pathlib import Path

import takedown
from course import defaults
from course.bootstrap import spelled
from takedown.paths import COURSE

# Which people each group of tools is for, to say so when an edition leaves the group out.
FOR_WHOM = {"course.authoring": "authors and instructors", "course.grading": "instructors"}


class NotInEdition(Exception):
    """A command whose tools this edition of the course does not ship."""


def tool(name):
    """Import one command's module (e.g. "course.grading.grade") when the command runs."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        group = ".".join(name.split(".")[:2])
        if error.name and (name == error.name or name.startswith(error.name + ".")) and group in FOR_WHOM:
            raise NotInEdition(
                f"this command is for {FOR_WHOM[group]} and is not in this edition of the course "
                "(the instructor's repository has it)"
            ) from None
        raise


def command_build(args):
    build = tool("course.authoring.build")

    if not (COURSE / "solutions").is_dir():
        print(
            "error: exercises are built from the answer keys in solutions/, which only the instructor's "
            f"repository has. To start an exercise afresh: {spelled()} reset 02",
            file=sys.stderr,
        )
        return 1
    written, backups = build.build_exercises(
        COURSE / "solutions", COURSE / "exercises", run=not args.no_run, only=args.exercises
    )
    if args.exercises and not written:
        print(f"error: no solution notebook named {', '.join(args.exercises)} in solutions/", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(COURSE)}")
    for path in backups:
        print(f"kept the changed notebook as {path.relative_to(COURSE)}")
    return 0


def command_run(args):
    build = tool("course.authoring.build")

    for name in args.notebooks:
        build.run_notebook(name)
        print(f"ran {name}")
    return 0


def command_reset(args):
    reset = tool("course.student.reset")

    path = Path(args.exercise)
    if not path.exists():
        print(f"error: there is no notebook {path}", file=sys.stderr)
        return 1
    # From the answer key where there is one; a student edition has the blank exercises instead.
    fresh = reset.fresh_exercise(COURSE / "solutions", path.stem, blanks_dir=COURSE / "takedown" / "blank")
    saved = reset.write_exercise(fresh, path, run=not args.no_run)  # backs up a changed notebook first
    if saved:
        print(f"your notebook is saved as {saved}")
    print(f"{path} is a fresh exercise again")
    return 0


def command_release(args):
    release = tool("course.authoring.release")

    try:
        summary = release.release(
            args.edition, args.folder, solutions_note=args.solutions_note, hidden_checks=args.hidden_checks
        )
    except release.ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(release.summary_text(summary))
    return 0


def command_check(args):
    selfcheck = tool("course.student.check")

    try:  # `python3 -m course check 02` (and `make check EXERCISE=02`) and `EXERCISE=02_countries.ipynb` name exercises/02_countries.ipynb too
        exercises = [selfcheck.find_exercise(path) for path in args.exercises]
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return selfcheck.run(exercises, complete=args.complete)


def command_link(args):
    links = tool("course.authoring.links")

    repo = links.repository(args.repo)
    if args.hub:
        print(links.nbgitpuller_link(args.hub, repo, args.branch))
    if args.binder or not args.hub:
        print(links.binder_link(repo, args.branch))
    return 0


def may_grade(unisolated):
    """Refuse to grade where the sandbox cannot run, unless the instructor said --unisolated (warned)."""
    isolation = tool("course.grading.isolation")

    if unisolated:
        print(
            "warning: --unisolated: each submission runs with your permissions and can read, change and send "
            "your files (the answer keys, the other submissions, your home folder)",
            file=sys.stderr,
        )
        return True
    reason = isolation.problem()
    if reason:
        print(isolation.refusal(reason), file=sys.stderr)
        return False
    return True


def command_grade(args):
    # First of all, before any file is read: on Windows or macOS nothing of the grading can run.
    elsewhere = tool("course.grading.isolation").unsupported_system()
    if elsewhere:
        print("\n".join(elsewhere), file=sys.stderr)
        return 2
    grade = tool("course.grading.grade")
    review = tool("course.grading.review")
    submissions = tool("course.grading.submissions")

    with submissions.collect(args.submissions) as found:
        if found.missing:
            print(f"error: no such file or folder: {found.missing[0]}", file=sys.stderr)
            return 1
        if not found.submissions:
            print(
                f"error: no notebook (.ipynb) to grade in {' '.join(args.submissions)}. "
                "Give the folder (or .zip) that holds the students' notebooks.",
                file=sys.stderr,
            )
            if found.skipped:
                print(grade.skipped_text(found.skipped), file=sys.stderr)
            return 1
        limits = grade.Limits(
            args.cell_seconds, args.notebook_seconds, args.memory_mb, isolated=not args.unisolated, debug=args.debug
        )
        if not may_grade(args.unisolated):
            return 2
        try:
            results = grade.grade_files(found.submissions, limits, args.exercise, args.jobs, progress=not args.quiet)
        except KeyboardInterrupt:
            print(
                "\nGrading stopped before the end: no gradebook or feedback was written. "
                "Run the same command again to grade the class.",
                file=sys.stderr,
            )
            return 130
    grade.write_gradebook(results, args.out)
    print(f"gradebook: {args.out}")
    skipped = grade.skipped_path(args.out)
    grade.write_skipped(found.skipped, skipped)
    print(f"files skipped, with the reason: {skipped}")
    if args.feedback:
        grade.write_feedback(results, args.feedback)
        print(f"feedback for each student: {Path(args.feedback)}/")
    pages, scores, kept = review.write_review(
        results, args.review or Path(args.out).parent / "review", args.out, args.feedback
    )
    for page in pages:
        print(f"answers for a person to score: {page}")
    if scores:
        print(f"type the scores in: {scores}" + (f" ({kept} scores typed earlier were kept)" if kept else ""))
    print(grade.summary_text(results))
    print(grade.skipped_text(found.skipped))
    if any(result.verdicts for result in results):
        chart = grade.success_chart(results)
        chart_path = Path(args.out).with_suffix(".png")
        chart.figure.savefig(chart_path, dpi=100)
        print(f"chart: {chart_path} ({chart.alt_text})")
    return 0


def command_merge_review(args):
    review = tool("course.grading.review")

    try:
        merged, awaiting = review.merge_review(args.gradebook, args.scores, args.out)
    except review.BadInput as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"Nothing was written. Correct {args.scores} and run the command again.", file=sys.stderr)
        return 1
    print(f"merged {merged} score{'s' if merged != 1 else ''} into {args.out}")
    if args.feedback:
        updated, missing = review.update_feedback(args.out, args.feedback, args.scores)
        print(f"added the scores to {updated} feedback file{'s' if updated != 1 else ''} in {args.feedback}")
        for path in missing:
            print(f"warning: no feedback file {path} (grade with --feedback first)", file=sys.stderr)
    if awaiting:
        print(
            f"{len(awaiting)} answer{'s' if len(awaiting) != 1 else ''} still awaiting a score: "
            + ", ".join(f"{student} {question}" for student, question in awaiting)
        )
    return 0


def command_export(args):
    lms = tool("course.grading.lms")

    if not (args.canvas or args.moodle):
        print(
            "error: say which file to write: --canvas canvas.csv --assignment NAME, or --moodle worksheet.csv",
            file=sys.stderr,
        )
        return 2
    if args.canvas and not args.assignment:
        print(
            "error: --canvas needs --assignment, the assignment's column as Canvas names it, e.g. "
            '"Exercise 02 (123)" (123: its id in Canvas)',
            file=sys.stderr,
        )
        return 2
    try:
        export = lms.prepare(args.gradebook, args.roster, args.exercise, args.ungraded)
    except lms.BadInput as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    lines = []
    if args.canvas:
        lines += lms.write_canvas(export, args.canvas, args.assignment, args.ungraded)
    if args.moodle:
        lines += lms.write_moodle(export, args.moodle, args.ungraded)
    print("\n".join(lines))
    return 0


def command_gains(args):
    return tool("course.grading.gains").main(args.options)


def command_site(args):
    site_main = tool("course.authoring.site.__main__")
    return site_main.main(["--out", args.out] if args.out else [])


def command_pace(args):
    return tool("course.authoring.pace").main()


def command_bench(args):
    return run_bench(args.options)


def run_bench(options):
    bench = COURSE / "tests" / "bench.py"
    if not bench.is_file():
        print(
            f"error: the bench is for maintainers and lives beside the tests ({bench.relative_to(COURSE)}), "
            "which this copy of the course does not have: run it from the course's repository",
            file=sys.stderr,
        )
        return 1
    return runpy.run_path(str(bench), run_name="bench")["main"](options)


def parser():
    main = argparse.ArgumentParser(
        prog=spelled(), description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    main.add_argument("--version", action="version", version=f"takedown {takedown.__version__}")
    commands = main.add_subparsers(dest="command", required=True)

    grade = commands.add_parser(
        "grade", help="grade a class's exercise notebooks (Linux only: docs/grading-platforms.md)"
    )
    grade.add_argument(
        "submissions",
        nargs="+",
        help="notebooks, folders (one per student is fine), or .zip downloads (Canvas, Moodle)",
    )
    grade.add_argument("--out", default=defaults.GRADEBOOK, help="the gradebook to write (CSV)")
    grade.add_argument("--feedback", help="a folder for one feedback file per submission")
    grade.add_argument(
        "--review",
        help="the folder for the answers a person scores (default: review/ beside the "
        "gradebook; written only for questions with a rubric)",
    )
    grade.add_argument("--exercise", help="the exercise expected, e.g. 02_countries (others get a status)")
    grade.add_argument("--jobs", type=int, help="notebooks graded at once (default: one per core)")
    grade.add_argument(
        "--cell-seconds",
        type=int,
        default=defaults.CELL_SECONDS,
        help=f"time limit for one cell (default: {defaults.CELL_SECONDS})",
    )
    grade.add_argument(
        "--notebook-seconds",
        type=int,
        default=defaults.NOTEBOOK_SECONDS,
        help=f"time limit for one notebook (default: {defaults.NOTEBOOK_SECONDS})",
    )
    grade.add_argument(
        "--memory-mb",
        type=int,
        default=defaults.MEMORY_MB,
        help=f"memory limit for one notebook (default: {defaults.MEMORY_MB})",
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.add_argument(
        "--debug",
        action="store_true",
        help="show the sandboxed worker's and kernels' error output (to find why a worker died)",
    )
    grade.add_argument(
        "--unisolated",
        action="store_true",
        help="grade without the sandbox (bubblewrap), with your own permissions: only for work you "
        "trust, where the sandbox cannot run",
    )
    grade.set_defaults(handler=command_grade)

    merge = commands.add_parser("merge-review", help="merge the scores a person gave into the gradebook")
    merge.add_argument("gradebook", help="the gradebook the grader wrote, e.g. gradebook.csv")
    merge.add_argument("scores", help="the scores file the grader wrote, filled in, e.g. review/scores.csv")
    merge.add_argument("--out", required=True, help="the gradebook to write (may be the same file)")
    merge.add_argument(
        "--feedback",
        help="the feedback folder grade wrote: the file of each student with a score in the scores file gets "
        "the teacher's scores, comments and new total",
    )
    merge.set_defaults(handler=command_merge_review)

    export = commands.add_parser("export", help="write gradebooks Canvas and Moodle import")
    export.add_argument("gradebook", help="the gradebook, e.g. gradebook.csv")
    export.add_argument(
        "--roster",
        help="who is who on the platform, e.g. grades/lms-roster.csv: CSV student,lms_id[,name,email,sis_user_id,"
        "sis_login_id,section] (not the gains roster, student,pre,post)",
    )
    export.add_argument("--exercise", help="the exercise to export when the gradebook holds several")
    export.add_argument("--canvas", help="write Canvas's gradebook import CSV here")
    export.add_argument("--assignment", help='the assignment\'s column in Canvas, e.g. "Exercise 02 (123)"')
    export.add_argument("--moodle", help="write Moodle's grading worksheet CSV here")
    export.add_argument(
        "--ungraded",
        choices=["leave-out", "zero"],
        default="leave-out",
        help="a student with nothing graded: left out of the file (default; an empty grade would "
        "clear one in Canvas) or given 0; with zero, an answer still awaiting review also counts as 0",
    )
    export.set_defaults(handler=command_export)

    check = commands.add_parser("check", help="check your exercises with nbval: every answered question right")
    check.add_argument("exercises", nargs="+", help="e.g. exercises/02_countries.ipynb")
    check.add_argument("--complete", action="store_true", help="pass only when every question is answered, and right")
    # Unanswered questions pass by default now; the old flag is still accepted and changes nothing.
    check.add_argument("--allow-unanswered", action="store_true", help=argparse.SUPPRESS)
    check.set_defaults(handler=command_check)

    reset = commands.add_parser("reset", help="back up a student's exercise, then start it afresh")
    reset.add_argument("exercise", help="e.g. exercises/02_countries.ipynb")
    reset.add_argument("--no-run", action="store_true", help="do not run the fresh exercise")
    reset.set_defaults(handler=command_reset)

    build = commands.add_parser("build", help="make exercises/ from solutions/ and run them")
    build.add_argument("exercises", nargs="*", help="only these exercises, e.g. 03_outlets (default: all)")
    build.add_argument("--no-run", action="store_true", help="write the exercises without running them")
    build.set_defaults(handler=command_build)

    run = commands.add_parser("run", help="run notebooks and save their outputs")
    run.add_argument("notebooks", nargs="+")
    run.set_defaults(handler=command_run)

    release = commands.add_parser(
        "release", help="write the students' repository (the student edition has no answer keys)"
    )
    release.add_argument(
        "edition",
        choices=["student", "self-paced"],
        help="student: a graded class, no answer keys; self-paced: keeps solutions/ and q.solution()",
    )
    release.add_argument("folder", help="a new (or empty) folder for the edition, outside this repository")
    release.add_argument(
        "--solutions-note",
        help="what q.solution() says in the student edition (default: solutions will be available after the deadline)",
    )
    release.add_argument(
        "--hidden-checks",
        action="store_true",
        help="student edition, for a class graded on its exercises: each exercise question's check only records "
        'the answer\'s form ("Recorded: a whole number, 12"); grading gives the verdicts. Default: full instant '
        "feedback",
    )
    release.set_defaults(handler=command_release)

    link = commands.add_parser("link", help="print the link that opens the course on a JupyterHub or Binder")
    link.add_argument("--hub", help="the hub's address, e.g. https://hub.example.edu (prints an nbgitpuller link)")
    link.add_argument("--binder", action="store_true", help="print the Binder link (the default without --hub)")
    link.add_argument("--repo", help="the repository's web address (default: this clone's git origin)")
    link.add_argument("--branch", default="main", help="the branch to open (default: main)")
    link.set_defaults(handler=command_link)

    gains = commands.add_parser(
        "gains", help="compare a class's pre- and post-assessment gradebooks (Hake's g)", add_help=False
    )
    gains.add_argument("options", nargs=argparse.REMAINDER, help="pre.csv post.csv --out gains.csv [--chart gains.png]")
    gains.set_defaults(handler=command_gains)

    site = commands.add_parser("site", help="build the static course site (authors)")
    site.add_argument("--out", help="the folder to build into (default: build/site)")
    site.set_defaults(handler=command_site)

    pace = commands.add_parser("pace", help="each lesson's estimated minutes and the gaps between checks (authors)")
    pace.set_defaults(handler=command_pace)

    bench = commands.add_parser(
        "bench", help="measure the course's speed and size (maintainers; tests/bench.py)", add_help=False
    )
    bench.add_argument("options", nargs=argparse.REMAINDER, help="the bench's own options (bench --help)")
    bench.set_defaults(handler=command_bench)
    return main


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["bench"]:  # every option after it is the bench's own, --help included
        return run_bench(argv[1:])
    if argv[:1] == ["gains"]:  # the same for gains, whose own parser names its options
        return _handled(command_gains, argparse.Namespace(options=argv[1:]))
    args = parser().parse_args(argv)
    return _handled(args.handler, args)


def _handled(handler, args):
    try:
        return handler(args)
    except NotInEdition as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
