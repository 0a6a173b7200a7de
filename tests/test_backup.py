"""Nothing a student wrote is lost: reset and course updates keep a backup of changed exercises."""

import shutil
from pathlib import Path

import nbformat

from course.authoring import build
from course.cli import main
from course.student import backup

COURSE = Path(__file__).resolve().parents[1]
EXERCISE = COURSE / "exercises" / "02_countries.ipynb"


def student_copy(folder):
    """An exercise the student has worked on: their answer in the first question's cell."""
    path = folder / EXERCISE.name
    notebook = nbformat.read(EXERCISE, as_version=4)
    cell = next(cell for cell in notebook.cells if "q1.check(" in cell.source)
    cell.source = cell.source.replace("eu_servers = ...", "eu_servers = 1  # my answer")
    nbformat.write(notebook, path)
    return path


def backups_in(folder):
    """The backups saved for exercises in `folder` (in its backups/ folder, where make check never looks)."""
    assert not list(folder.glob("*.backup-*.ipynb")), "a backup beside the exercises would be checked as one"
    return sorted((folder / "backups").glob("*.backup-*.ipynb"))


def test_a_fresh_exercise_is_recognised_as_unchanged(tmp_path):
    path = tmp_path / EXERCISE.name
    shutil.copy(EXERCISE, path)
    assert not backup.changed_since_made(path)
    assert backup.changed_since_made(student_copy(tmp_path))


def test_reset_saves_the_students_work_then_restores_the_exercise(tmp_path, capsys):
    path = student_copy(tmp_path)
    work = path.read_bytes()
    assert main(["reset", str(path), "--no-run"]) == 0
    [saved] = backups_in(tmp_path)
    assert saved.read_bytes() == work
    assert "eu_servers = ...  # your answer here" in path.read_text()
    assert not backup.changed_since_made(path)
    assert str(saved) in capsys.readouterr().out
    assert saved.parent == tmp_path / "backups" and saved.name.startswith("02_countries.backup-")
    assert backup.is_backup(saved) and not backup.is_backup(path)


def test_two_resets_in_the_same_second_keep_both_backups(tmp_path):
    path = student_copy(tmp_path)
    main(["reset", str(path), "--no-run"])
    student_copy(tmp_path)
    main(["reset", str(path), "--no-run"])
    assert len(backups_in(tmp_path)) == 2


def test_reset_explains_a_missing_notebook(tmp_path, capsys):
    assert main(["reset", str(tmp_path / "02_countries.ipynb")]) == 1
    assert "there is no notebook" in capsys.readouterr().err


def test_a_course_update_backs_up_a_changed_exercise_and_replaces_an_untouched_one(tmp_path):
    changed = student_copy(tmp_path)
    work = changed.read_bytes()
    untouched = tmp_path / "01_the_article.ipynb"
    shutil.copy(COURSE / "exercises" / "01_the_article.ipynb", untouched)
    written, backups = build.build_exercises(
        COURSE / "solutions", tmp_path, run=False, only=("01_the_article", "02_countries")
    )
    assert [path.name for path in written] == ["01_the_article.ipynb", "02_countries.ipynb"]
    assert len(backups) == 1 and backups[0].read_bytes() == work
    assert backups_in(tmp_path) == backups


def test_an_unreadable_notebook_counts_as_changed(tmp_path):
    path = tmp_path / "02_countries.ipynb"
    path.write_text("not a notebook")
    assert backup.changed_since_made(path)
