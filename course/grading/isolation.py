"""The walls around a submission being graded: bubblewrap's command line and a process limit.

The grader starts each of its workers (course/grading/sandbox.py) inside bubblewrap (`bwrap`, Debian's
`bubblewrap`), and the worker starts every kernel in there with it: the kernel's ports on
127.0.0.1 stay inside the sandbox's own network, and a long-lived worker saves starting Python,
nbclient and bubblewrap once per submission. Measured on 2 busy cores, 30 submissions, two jobs,
fastest of three interleaved runs: a sandbox per worker 43.6 s, a sandbox per submission 49.3 s,
unisolated 41.7 s (1.05x and 1.18x). The worker receives each submission's text on its standard
input and answers with the results on its standard output, so no folder is shared with the
grader. Inside, a submission sees:

* the system read-only: /usr (and /bin, /lib... as links into it) and /etc without its secrets
  (/etc/shadow and the like, SSH host keys); no /home, /root, /run, /var, /mnt, /media, /srv or /sys;
* read-only, the Python interpreter's prefix, the virtual environment, the course's runtime (the
  package takedown/, which holds no answer key) with the article it reads (seeds/), and the worker's
  own file; not the course's solutions/, tests/, tools (course/) or anything else of the course,
  not the class folder, the gradebook or the instructor's home. So a graded kernel sees what a
  student edition ships, nothing more: whatever a student cannot see, a submission cannot use;
* Python's import path set to exactly that runtime (PYTHONPATH is the folder that holds the bound
  takedown/, whatever the grader's own PYTHONPATH was), so a kernel imports the package the grader
  judges with, never another checkout of the course that an editable install or a .pth file names;
* three small memory-backed folders, the only writable places: the job folder /job (also HOME and
  the working folder; JOB_MB), /tmp (TMP_MB) and /dev/shm (SHM_MB). The worker empties all three
  and ends every process a submission left running before it takes the next submission;
* no network but its own loopback (its own network namespace), its own process and IPC
  namespaces, no capabilities, a new terminal session, and a cleared environment (the
  instructor's variables, tokens included, are not passed in).

Limits besides the grader's memory and time limits: at most PROCESSES processes and threads per
sandbox (a pids cgroup when the grader may create one, as root usually can; else RLIMIT_NPROC,
which the kernel counts per sandbox for an ordinary user but ignores for root), and one file at
most FILE_MB (RLIMIT_FSIZE).
"""

import functools
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import takedown

JOB = "/job"
JOB_MB = 256
TMP_MB = 64
SHM_MB = 64
FILE_MB = 128
PROCESSES = 256

# Kept out of the sandbox's /etc: password hashes, SSH host keys, TLS private keys.
SECRETS = (
    "/etc/shadow",
    "/etc/shadow-",
    "/etc/gshadow",
    "/etc/gshadow-",
    "/etc/ssh",
    "/etc/ssl/private",
    "/etc/sudoers",
    "/etc/sudoers.d",
    "/etc/security/opasswd",
)
# Variables passed into the sandbox; everything else in the grader's environment stays out.
PASSED = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")
CGROUPS = Path("/sys/fs/cgroup")
# The worker the grader starts in the sandbox, run by its path: the only file of the tools (course/) bound
# in; it imports nothing of the course but the runtime's takedown.answers, in the cell it adds.
WORKER = Path(__file__).resolve().with_name("sandbox.py")

INSTALL = "install it (Debian and Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install bubblewrap)"
UNISOLATED = (
    "to grade anyway with your own permissions (a submission could then read and change your files), add --unisolated"
)


class Unavailable(RuntimeError):
    """Grading cannot be isolated on this machine; the message says why and what to do."""


def runtime():
    """The course's runtime package the grader itself imported (the one it judges with)."""
    return Path(takedown.__file__).resolve().parent


def visible_paths():
    """What the sandbox binds read-only besides the system, as (source, where it appears) pairs:
    Python, its packages, the course's runtime and its seeds, and the worker's file, each at its real
    path and at the path Python knows it by (a virtual environment reached through a link keeps its name).
    Never solutions/, tests/ or the tools: the runtime holds no answer key, they do."""
    package = runtime()
    paths = [
        Path(sys.base_prefix),
        Path(sys.prefix),
        Path(sys.base_exec_prefix),
        Path(sys.exec_prefix),
        Path(sys.executable).parent.parent,
        package,
        package.parent / "seeds",
        WORKER,
    ]
    # Packages installed outside the prefixes (a user site, for one): only the site-packages folders.
    paths += [Path(entry) for entry in sys.path if entry.endswith(("site-packages", "dist-packages"))]
    kept = []
    for path in paths:
        if not path.exists() or path.resolve() == Path("/"):
            continue
        for pair in ((path.resolve(), path.resolve()), (path.resolve(), Path(os.path.abspath(path)))):
            if pair not in kept:
                kept.append(pair)
    return kept


def system_binds():
    arguments = []
    for name in ("usr", "etc", "bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/", name)
        if path.is_symlink():  # merged /usr: /bin -> usr/bin
            arguments += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            arguments += ["--ro-bind", str(path), str(path)]
    for secret in SECRETS:
        if os.path.isdir(secret):
            arguments += ["--tmpfs", secret, "--remount-ro", secret]
        elif os.path.lexists(secret):
            arguments += ["--ro-bind", "/dev/null", secret]  # bound without devices: reading it is refused
    return arguments


def bwrap_command(command, env):
    """The bubblewrap command line that runs `command` (a list) in the sandbox with exactly `env`."""
    megabytes = 1024 * 1024
    arguments = [
        "bwrap",
        "--unshare-all",
        "--unshare-user",
        "--cap-drop",
        "ALL",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        *system_binds(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(SHM_MB * megabytes),
        "--tmpfs",
        "/dev/shm",
        "--size",
        str(TMP_MB * megabytes),
        "--tmpfs",
        "/tmp",
        "--size",
        str(JOB_MB * megabytes),
        "--tmpfs",
        JOB,
    ]
    for source, path in visible_paths():  # after /tmp: a virtual environment may live there
        arguments += ["--ro-bind", str(source), str(path)]
    # bubblewrap's own root and /dev are unbounded memory-backed folders: make them read-only too.
    arguments += ["--remount-ro", "/dev", "--remount-ro", "/"]
    path = os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])
    variables = {name: os.environ[name] for name in PASSED if name in os.environ}
    # Exactly the bound runtime on the import path, ahead of the editable install's finder (which names the
    # checkout the virtual environment was made from), and no user site: see the module's docstring.
    variables.update(PATH=path, HOME=JOB, TMPDIR="/tmp", PYTHONPATH=str(runtime().parent), PYTHONNOUSERSITE="1", **env)
    for name, value in variables.items():
        arguments += ["--setenv", name, value]
    # The worker itself starts in /, so that nothing a submission writes in /job is on its import path.
    return arguments + ["--chdir", "/", *command]


# ---- A limit on processes --------------------------------------------------------------------


class ProcessLimit:
    """A pids cgroup of its own for one sandbox (cgroup v1's pids hierarchy, or v2's)."""

    def __init__(self, folder):
        self.folder = folder

    @classmethod
    def create(cls, processes=None):
        """A new cgroup allowing `processes` tasks, or None where this grader may not make one."""
        for parent in cls.parents():
            folder = parent / f"takedown-grade-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            try:
                folder.mkdir()
            except OSError:
                continue
            try:
                (folder / "pids.max").write_text(str(processes or PROCESSES))
                return cls(folder)
            except OSError:
                folder.rmdir()
        return None

    @staticmethod
    def parents():
        v1 = CGROUPS / "pids"
        if (v1 / "pids.max").exists() or (v1 / "cgroup.procs").exists():
            yield v1
        try:  # v2: beneath this process's own cgroup, if it hands the pids controller down
            own = next(
                line[3:] for line in Path("/proc/self/cgroup").read_text().splitlines() if line.startswith("0::")
            )
            folder = CGROUPS / own.lstrip("/")
            if "pids" in (folder / "cgroup.subtree_control").read_text().split():
                yield folder
        except (OSError, StopIteration):
            pass

    def wrap(self, command):
        """`command`, started from inside this cgroup (a shell moves itself in, then runs it)."""
        return ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', str(self.folder / "cgroup.procs"), *command]

    def remove(self, wait=5.0):
        """End whatever is still in the cgroup, then delete it."""
        deadline = time.monotonic() + wait
        while True:
            try:
                pids = [int(pid) for pid in (self.folder / "cgroup.procs").read_text().split()]
            except OSError:
                return
            for pid in pids:
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass
            try:
                self.folder.rmdir()
                return
            except OSError:
                if time.monotonic() > deadline:
                    return  # an empty cgroup left behind costs nothing; never stop grading for it
                time.sleep(0.05)


# ---- Can the grader isolate here? -----------------------------------------------------------

# What the systems without Linux are called in messages (sys.platform's own names are not what people say).
SYSTEMS = {"darwin": "macOS", "win32": "Windows", "cygwin": "Windows (Cygwin)"}
ROUTES_PAGE = "docs/grading-platforms.md"


def unsupported_system(platform=None):
    """Why grading cannot run at all on this operating system, with the supported routes (lines to print),
    or None on Linux. Even --unisolated needs Linux here: the grader waits on pipes with select() (not on
    Windows pipes), ends a submission's whole process group (os.killpg) and caps memory with `resource`
    (neither on Windows), and none of it is tested on macOS."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return None
    system = SYSTEMS.get(platform, platform)
    return [
        f"error: grading runs on Linux only, and this is {system}: each notebook runs in a Linux sandbox "
        "(bubblewrap), and even --unisolated needs Linux's process controls. Grade in one of these, with the "
        "same command:",
        "  - the course's JupyterHub: open a Terminal there (it is Linux) and grade the class's folder;",
        "  - Windows: WSL 2 with Ubuntu (in PowerShell: wsl --install), then in Ubuntu: "
        "sudo apt-get install bubblewrap python3-venv;",
        "  - any Linux machine or virtual machine, or a Linux container (Docker or Podman) holding this folder.",
        f"Step by step: {ROUTES_PAGE}. Exporting to Canvas or Moodle and merging review scores run anywhere.",
    ]


@functools.cache
def problem():
    """Why grading cannot be isolated on this machine (one sentence), or None when it can."""
    if not sys.platform.startswith("linux"):
        return f"the grading sandbox (bubblewrap) needs Linux, and this is {SYSTEMS.get(sys.platform, sys.platform)}"
    if shutil.which("bwrap") is None:
        return f"bubblewrap (bwrap) is not installed: {INSTALL}"
    try:
        probe = subprocess.run(bwrap_command(["/bin/true"], {}), capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bubblewrap could not start ({error})"
    if probe.returncode != 0:
        said = (probe.stderr.strip().splitlines() or ["no message"])[-1]
        return (
            f"bubblewrap cannot create its sandbox here ({said}): user namespaces are turned off on this "
            "machine or in this container; grade on a machine that allows them"
        )
    if os.geteuid() == 0:
        limit = ProcessLimit.create(1)
        if limit is None:
            return (
                "the grader runs as root but cannot create a pids cgroup to limit a submission's "
                "processes (root ignores RLIMIT_NPROC); run it as an ordinary user"
            )
        limit.remove()
    return None


def refusal(reason):
    """The one sentence the command prints when it will not grade unisolated."""
    return f"error: cannot isolate the submissions from your files: {reason}. Or, {UNISOLATED}."
