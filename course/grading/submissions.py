"""Find the submissions in what an instructor has: notebooks, folders (one per student, nested),
.zip downloads, and the file names Canvas and Moodle give.

    with collect(["submissions/"]) as found:
        found.submissions   # Submission(path, name, student), in a stable order
        found.skipped       # Skipped(name, reason): every file that is not graded, and why (a
                            # hidden folder such as .git is one entry, with its number of files)

A submission's `name` is its path inside the folder (or zip) it came from; its `student` comes
from the first that applies: a Moodle folder or file name (`Full Name_12345_assignsubmission_file_`
gives "Full Name (12345)"), a Canvas file name (`smithjane_12345_67890_02_countries.ipynb`, maybe
with `_LATE` after the name, gives "smithjane (12345)"), the folder right below the class folder
(one folder per student), else the file's own name.

A .zip is only read. Its notebooks are copied out into a temporary folder (removed when the
`with` block ends) under names of the grader's own making, so no path inside a zip can write
anywhere; members with paths that leave the zip's folder, links, nested zips and members past the
size caps are not extracted and are listed as skipped.
"""

import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_MEMBER_BYTES = 50 * 1024**2  # one unzipped notebook
MAX_ZIP_BYTES = 1024**3  # all the notebooks unzipped from one zip
MAX_ZIP_MEMBERS = 20_000

# Canvas: lastfirst[_LATE]_userid_submissionid_original-name
CANVAS = re.compile(r"^(?P<name>[^_\s]+?)(?:_LATE)?_(?P<id>\d{3,})_(?P<submission>\d{3,})_(?P<file>.+)$")
# Moodle: a folder, or the start of a file name, "Full Name_12345_assignsubmission_file_"
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_[a-z]+_(?P<file>.*)$")

BACKUP = "a backup copy (the course keeps these when it resets or updates an exercise), not the submission"


@dataclass(frozen=True)
class Submission:
    path: Path  # the file to read (inside a temporary folder, for a zip's notebooks)
    name: str  # where it came from, e.g. "alice/02_countries.ipynb" or "class.zip/x.ipynb"
    student: str

    @classmethod
    def of(cls, path):
        """A submission given as a bare path: named after its file."""
        path = Path(path)
        return cls(path, path.name, student_of([path.name]))


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


@dataclass
class Collection:
    submissions: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # paths given that do not exist
    temporary: list = field(default_factory=list)  # folders holding unzipped notebooks

    def close(self):
        for folder in self.temporary:
            shutil.rmtree(folder, ignore_errors=True)
        self.temporary.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def student_of(parts):
    """Who handed in the file at these path parts (below the class folder; a zip's own name left out)."""
    for part in parts:
        moodle = MOODLE.match(part)
        if moodle:
            return f"{moodle['name'].strip()} ({moodle['id']})"
    canvas = CANVAS.match(parts[-1])
    if canvas:
        return f"{canvas['name']} ({canvas['id']})"
    if len(parts) > 1:
        return parts[0]
    return PurePosixPath(parts[-1]).stem


def skip_reason(parts):
    """Why the file at these path parts is not a submission, or None when it is a notebook to grade."""
    for folder in parts[:-1]:
        if folder == "__MACOSX":
            return "macOS metadata added by the zip program, not a submission"
        if folder == ".ipynb_checkpoints":
            return "a checkpoint Jupyter saves by itself, not the submission"
        if folder == "backups":
            return BACKUP
        if folder.startswith("."):
            return "inside a hidden folder"
    name = parts[-1]
    if name.startswith("."):
        return "a hidden file"
    if ".backup-" in name:
        return BACKUP
    if not name.lower().endswith(".ipynb"):
        return "not a notebook (.ipynb)"
    return None


def collect(paths):
    """The submissions in these files, folders and zips, and every file skipped with its reason."""
    found = Collection()
    try:
        for given in map(Path, paths):
            if given.is_dir():
                within = Collection()
                _walk(given, within)
                # In the order of their paths, as a file browser lists them, whatever order the disk gives.
                found.submissions += sorted(within.submissions, key=lambda item: item.name.casefold())
                found.skipped += sorted(within.skipped, key=lambda item: item.name.casefold())
                found.temporary += within.temporary
            elif given.is_file() and given.suffix.lower() == ".zip":
                _unzip(given, [given.name], [], found)
            elif given.is_file():
                reason = skip_reason([given.name])
                if reason:
                    found.skipped.append(Skipped(str(given), reason))
                else:
                    found.submissions.append(Submission.of(given))
            else:
                found.missing.append(str(given))
    except BaseException:
        found.close()
        raise
    return found


def _walk(root, found):
    for folder, folders, files in os.walk(root):
        folders.sort()
        here = Path(folder)
        inside = list(here.relative_to(root).parts)
        for name in list(folders):
            if (here / name).is_symlink():  # not followed: it could lead anywhere, or in a circle
                found.skipped.append(Skipped("/".join(inside + [name]), "a link to a folder (not followed)"))
            elif name.startswith(".") and name != ".ipynb_checkpoints":
                # .git and the like: one line for the folder, not one per file inside it
                count = sum(len(files) for _, _, files in os.walk(here / name))
                found.skipped.append(
                    Skipped(
                        "/".join(inside + [name]) + "/",
                        f"a hidden folder ({count} file{'s' if count != 1 else ''}, not searched)",
                    )
                )
                folders.remove(name)
        for name in sorted(files):
            parts = inside + [name]
            reason = skip_reason(parts)
            if name.lower().endswith(".zip") and (reason is None or reason.startswith("not a notebook")):
                _unzip(here / name, parts, inside, found)
            elif reason:
                found.skipped.append(Skipped("/".join(parts), reason))
            else:
                found.submissions.append(Submission(here / name, "/".join(parts), student_of(parts)))


def _unzip(path, shown, owner, found):
    """Copy the notebooks out of a zip into a temporary folder; list everything else as skipped.

    `shown` names the zip in the output; `owner` is the folder it sits in (a student's, or none).
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        found.skipped.append(Skipped("/".join(shown), "not a readable zip file"))
        return
    with archive:
        members = [member for member in archive.infolist() if not member.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            found.skipped.append(Skipped("/".join(shown), f"a zip of more than {MAX_ZIP_MEMBERS} files (not opened)"))
            return
        into = Path(tempfile.mkdtemp(prefix="takedown-unzipped-"))
        found.temporary.append(into)
        total = 0
        for number, member in enumerate(members):
            name = unicode_name(member).replace("\\", "/")
            parts = [part for part in name.split("/") if part not in ("", ".")]
            where = "/".join(shown + parts)
            reason = _member_reason(member, name, parts)
            if reason is None:
                total += member.file_size
                if total > MAX_ZIP_BYTES:
                    reason = f"the zip holds more than {MAX_ZIP_BYTES // 1024**2} MB of notebooks (not extracted)"
            if reason is None:
                target = into / f"{number:05d}.ipynb"  # a name of our own: nothing in the zip decides where it goes
                reason = _extract(archive, member, target)
            if reason:
                found.skipped.append(Skipped(where, reason))
            else:
                found.submissions.append(Submission(target, where, student_of(owner + parts)))


def unicode_name(member):
    """A zip member's name as its maker wrote it. Zips made without the UTF-8 flag (Info-ZIP's zip, older
    tools) are read by Python as code page 437, which garbles "Zoë" into "Zo├½"; such names are decoded
    again as UTF-8 when their bytes are UTF-8."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return member.filename


def _member_reason(member, name, parts):
    if not parts or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        return "a path that leads out of the zip's folder (not extracted)"
    if stat.S_ISLNK(member.external_attr >> 16):
        return "a link (not extracted)"
    if parts[-1].lower().endswith(".zip"):
        return "a zip inside the zip (unzip it first, then grade the folder)"
    reason = skip_reason(parts)
    if reason:
        return reason
    if member.file_size > MAX_MEMBER_BYTES:
        return f"larger than {MAX_MEMBER_BYTES // 1024**2} MB once unzipped (not extracted)"
    return None


def _extract(archive, member, target):
    """Copy one member out, counting bytes (a zip can understate its sizes); a reason if it fails."""
    written = 0
    try:
        with archive.open(member) as source, open(target, "wb") as out:
            while chunk := source.read(1024 * 1024):
                written += len(chunk)
                if written > MAX_MEMBER_BYTES:
                    raise ValueError("too large")
                out.write(chunk)
        return None
    except ValueError:
        reason = f"larger than {MAX_MEMBER_BYTES // 1024**2} MB once unzipped (not extracted)"
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError, OSError):
        reason = "could not be unzipped (damaged, encrypted or compressed in an unusual way)"
    target.unlink(missing_ok=True)
    return reason
