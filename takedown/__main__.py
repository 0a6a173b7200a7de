"""The course's command line.

    python -m takedown grade SUBMISSION... --out gradebook.csv --feedback DIR
                                        grade a class's exercise notebooks
    python -m takedown merge-review gradebook.csv review/scores.csv --out gradebook.csv [--feedback feedback/]
                                        merge the scores a person gave into the gradebook
    python -m takedown export gradebook.csv --canvas FILE --assignment NAME | --moodle FILE
                                        gradebooks Canvas and Moodle import (--roster: who is who)
    python -m takedown check EXERCISE... check your completed exercises with nbval (students)
    python -m takedown reset EXERCISE   back up a student's exercise (to exercises/backups/), then start it afresh
    python -m takedown build [NAME...]  make exercises/ from solutions/ and run them (authors)
    python -m takedown run NOTEBOOK...  run notebooks top to bottom and save their outputs (authors)
    python -m takedown release student DIR
                                        write the students' repository, without answer keys (instructors;
                                        `release self-paced DIR` keeps them)
    python -m takedown link --hub URL   the nbgitpuller link that opens the course on a JupyterHub
                                        (--binder: the Binder link; --repo: not git's origin)
"""
import argparse
import sys
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1]


def command_build(args):
    from takedown import build

    if not (COURSE / "solutions").is_dir():
        print("error: exercises are built from the answer keys in solutions/, which only the instructor's "
              "repository has. To start an exercise afresh: python -m takedown reset exercises/NAME.ipynb",
              file=sys.stderr)
        return 1
    written, backups = build.build_exercises(COURSE / "solutions", COURSE / "exercises", run=not args.no_run,
                                             only=args.exercises)
    if args.exercises and not written:
        print(f"error: no solution notebook named {', '.join(args.exercises)} in solutions/", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(COURSE)}")
    for path in backups:
        print(f"kept the changed notebook as {path.relative_to(COURSE)}")
    return 0


def command_run(args):
    from takedown import build

    for name in args.notebooks:
        build.run_notebook(name)
        print(f"ran {name}")
    return 0


def command_reset(args):
    from takedown import build

    path = Path(args.exercise)
    if not path.exists():
        print(f"error: there is no notebook {path}", file=sys.stderr)
        return 1
    # From the answer key where there is one; a student edition has the blank exercises instead.
    fresh = build.fresh_exercise(COURSE / "solutions", path.stem, blanks_dir=COURSE / "takedown" / "blank")
    saved = build.write_exercise(fresh, path, run=not args.no_run)  # backs up a changed notebook first
    if saved:
        print(f"your notebook is saved as {saved}")
    print(f"{path} is a fresh exercise again")
    return 0


def command_release(args):
    from takedown import release

    try:
        summary = release.release(args.edition, args.folder, solutions_note=args.solutions_note)
    except release.ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(release.summary_text(summary))
    return 0


def command_check(args):
    from takedown import selfcheck

    try:  # `make check EXERCISE=02` and `EXERCISE=02_countries.ipynb` name exercises/02_countries.ipynb too
        exercises = [selfcheck.find_exercise(path) for path in args.exercises]
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return selfcheck.run(exercises, complete=args.complete)


def command_link(args):
    from takedown import links

    repo = links.repository(args.repo)
    if args.hub:
        print(links.nbgitpuller_link(args.hub, repo, args.branch))
    if args.binder or not args.hub:
        print(links.binder_link(repo, args.branch))
    return 0


def may_grade(unisolated):
    """Refuse to grade where the sandbox cannot run, unless the instructor said --unisolated (warned)."""
    from takedown import isolation

    if unisolated:
        print("warning: --unisolated: each submission runs with your permissions and can read, change and send "
              "your files (the answer keys, the other submissions, your home folder)", file=sys.stderr)
        return True
    reason = isolation.problem()
    if reason:
        print(isolation.refusal(reason), file=sys.stderr)
        return False
    return True


def command_grade(args):
    from takedown import grade, review, submissions

    with submissions.collect(args.submissions) as found:
        if found.missing:
            print(f"error: no such file or folder: {found.missing[0]}", file=sys.stderr)
            return 1
        if not found.submissions:
            print(f"error: no notebook (.ipynb) to grade in {' '.join(args.submissions)}. "
                  "Give the folder (or .zip) that holds the students' notebooks.", file=sys.stderr)
            if found.skipped:
                print(grade.skipped_text(found.skipped), file=sys.stderr)
            return 1
        limits = grade.Limits(args.cell_seconds, args.notebook_seconds, args.memory_mb, isolated=not args.unisolated)
        if not may_grade(args.unisolated):
            return 2
        try:
            results = grade.grade_files(found.submissions, limits, args.exercise, args.jobs, progress=not args.quiet)
        except KeyboardInterrupt:
            print("\nGrading stopped before the end: no gradebook or feedback was written. "
                  "Run the same command again to grade the class.", file=sys.stderr)
            return 130
    grade.write_gradebook(results, args.out)
    print(f"gradebook: {args.out}")
    skipped = grade.skipped_path(args.out)
    grade.write_skipped(found.skipped, skipped)
    print(f"files skipped, with the reason: {skipped}")
    if args.feedback:
        grade.write_feedback(results, args.feedback)
        print(f"feedback for each student: {Path(args.feedback)}/")
    pages, scores, kept = review.write_review(results, args.review or Path(args.out).parent / "review", args.out,
                                              args.feedback)
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
    from takedown import review

    try:
        merged, awaiting = review.merge_review(args.gradebook, args.scores, args.out)
    except review.BadInput as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"Nothing was written. Correct {args.scores} and run the command again.", file=sys.stderr)
        return 1
    print(f"merged {merged} score{'s' if merged != 1 else ''} into {args.out}")
    if args.feedback:
        updated, missing = review.update_feedback(args.out, args.feedback)
        print(f"added the scores to {updated} feedback file{'s' if updated != 1 else ''} in {args.feedback}")
        for path in missing:
            print(f"warning: no feedback file {path} (grade with --feedback first)", file=sys.stderr)
    if awaiting:
        print(f"{len(awaiting)} answer{'s' if len(awaiting) != 1 else ''} still awaiting a score: "
              + ", ".join(f"{student} {question}" for student, question in awaiting))
    return 0


def command_export(args):
    from takedown import lms

    if not (args.canvas or args.moodle):
        print("error: say which file to write: --canvas canvas.csv --assignment NAME, or --moodle worksheet.csv",
              file=sys.stderr)
        return 2
    if args.canvas and not args.assignment:
        print('error: --canvas needs --assignment, the assignment\'s column as Canvas names it, e.g. '
              '"Exercise 02 (123)" (123: its id in Canvas)', file=sys.stderr)
        return 2
    try:
        export = lms.prepare(args.gradebook, args.roster, args.exercise)
    except lms.BadInput as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    written = []
    if args.canvas:
        lms.write_canvas(export, args.canvas, args.assignment)
        written.append((args.canvas, "Canvas gradebook import"))
    if args.moodle:
        lms.write_moodle(export, args.moodle)
        written.append((args.moodle, "Moodle grading worksheet"))
    print(lms.export_text(export, written))
    return 0


def parser():
    main = argparse.ArgumentParser(prog="python -m takedown", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = main.add_subparsers(dest="command", required=True)

    grade = commands.add_parser("grade", help="grade a class's exercise notebooks")
    grade.add_argument("submissions", nargs="+",
                       help="notebooks, folders (one per student is fine), or .zip downloads (Canvas, Moodle)")
    grade.add_argument("--out", default="gradebook.csv", help="the gradebook to write (CSV)")
    grade.add_argument("--feedback", help="a folder for one feedback file per submission")
    grade.add_argument("--review", help="the folder for the answers a person scores (default: review/ beside the "
                                        "gradebook; written only for questions with a rubric)")
    grade.add_argument("--exercise", help="the exercise expected, e.g. 02_countries (others get a status)")
    grade.add_argument("--jobs", type=int, help="notebooks graded at once (default: one per core)")
    grade.add_argument("--cell-seconds", type=int, default=30, help="time limit for one cell")
    grade.add_argument("--notebook-seconds", type=int, default=300, help="time limit for one notebook")
    grade.add_argument("--memory-mb", type=int, default=2048, help="memory limit for one notebook")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    grade.add_argument("--unisolated", action="store_true",
                       help="grade without the sandbox (bubblewrap), with your own permissions: only for work you "
                            "trust, where the sandbox cannot run")
    grade.set_defaults(handler=command_grade)

    merge = commands.add_parser("merge-review", help="merge the scores a person gave into the gradebook")
    merge.add_argument("gradebook", help="the gradebook the grader wrote, e.g. gradebook.csv")
    merge.add_argument("scores", help="the scores file the grader wrote, filled in, e.g. review/scores.csv")
    merge.add_argument("--out", required=True, help="the gradebook to write (may be the same file)")
    merge.add_argument("--feedback", help="the feedback folder grade wrote: each scored student's file gets "
                                          "the teacher's scores, comments and new total")
    merge.set_defaults(handler=command_merge_review)

    export = commands.add_parser("export", help="write gradebooks Canvas and Moodle import")
    export.add_argument("gradebook", help="the gradebook, e.g. gradebook.csv")
    export.add_argument("--roster", help="CSV: student,lms_id[,name,email,sis_user_id,sis_login_id,section]")
    export.add_argument("--exercise", help="the exercise to export when the gradebook holds several")
    export.add_argument("--canvas", help="write Canvas's gradebook import CSV here")
    export.add_argument("--assignment", help='the assignment\'s column in Canvas, e.g. "Exercise 02 (123)"')
    export.add_argument("--moodle", help="write Moodle's grading worksheet CSV here")
    export.set_defaults(handler=command_export)

    check = commands.add_parser("check", help="check your exercises with nbval: every answered question right")
    check.add_argument("exercises", nargs="+", help="e.g. exercises/02_countries.ipynb")
    check.add_argument("--complete", action="store_true",
                       help="pass only when every question is answered, and right")
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

    release = commands.add_parser("release", help="write the students' repository (the student edition has "
                                  "no answer keys)")
    release.add_argument("edition", choices=["student", "self-paced"],
                         help="student: a graded class, no answer keys; self-paced: keeps solutions/ and q.solution()")
    release.add_argument("folder", help="a new (or empty) folder for the edition, outside this repository")
    release.add_argument("--solutions-note", help="what q.solution() says in the student edition "
                         "(default: solutions will be available after the deadline)")
    release.set_defaults(handler=command_release)

    link = commands.add_parser("link", help="print the link that opens the course on a JupyterHub or Binder")
    link.add_argument("--hub", help="the hub's address, e.g. https://hub.example.edu (prints an nbgitpuller link)")
    link.add_argument("--binder", action="store_true", help="print the Binder link (the default without --hub)")
    link.add_argument("--repo", help="the repository's web address (default: this clone's git origin)")
    link.add_argument("--branch", default="main", help="the branch to open (default: main)")
    link.set_defaults(handler=command_link)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
