"""Set up the course and run a student's command, with the standard library only, on any operating system.

    python -m course lab [-- JUPYTER ARGS]   set up once, then open the course in JupyterLab
    python -m course check [02 ...] [--complete]
                                             check exercises (none named: all of them)
    python -m course reset 02                back up an exercise, then start it afresh
    python -m course test [--fast] [-- PYTEST ARGS]
                                             the course's tests (--fast: not the slow ones)
    python -m course setup [--tests] [--with FILE]
                                             set up only (the Makefile and IT use it)
    python -m course OTHER ...               any other command of the full command line
                                             (python -m takedown OTHER ... in the course's environment)

Which Python runs the course:
* on a hub (JUPYTERHUB_USER is set, or IT set COURSE_USE_CURRENT_ENV=1), or wherever the running
  Python already has requirements.txt installed and imports the course package from this folder: that
  Python, with no `.venv` of its own;
* otherwise the course's own environment, `.venv/` in the course folder, made with a Python 3.11 or newer
  (this one, else one found on the computer) and filled from requirements.txt with uv (seconds) or pip.
  It is made again only when requirements.txt or pyproject.toml change (their hash is kept in `.venv`).

Everything it starts gets the course folder at the front of PYTHONPATH, so notebooks and checks import
this folder's `takedown` even where the hub's image holds an older copy (which it then reports).

This module must run on old Pythons (3.6 on) far enough to say what to do: no walrus, no match, no
`X | Y` types, no subprocess.run(capture_output=...) or text=... (3.7).
"""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1]
MINIMUM = (3, 11)
NEWER_PYTHONS = ("3.13", "3.12", "3.11")  # looked for, newest first, when this Python is too old
UV_VERSION = "0.13.9"  # the uv the course was tested with (the Makefile installed the same)
REQUIREMENTS = "requirements.txt"
TEST_REQUIREMENTS = "tests/requirements.txt"
SITE_REQUIREMENTS = "course/authoring/site/requirements.txt"
STAMP = ".course-setup.json"  # in .venv: the hash of what was installed, for each set of requirement files
# How the environment is set up, in the stamp too: changing it sets up existing environments once more.
SETUP_STEPS = "install, then compile bytecode"
CHECK_FOLDER = "exercises"
LAB_CONFIG = "jupyter-config/jupyter_lab_config.py"
TEST_COMMAND = [
    "-m",
    "pytest",
    "-n",
    "2",
    "--dist",
    "loadfile",
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "tests/sanitize.cfg",
]
FAST_TEST_COMMAND = ["-m", "pytest", "-n", "2", "-m", "not slow", "tests"]
YES = ("1", "true", "yes", "on")
NO = ("0", "false", "no", "off")


class Problem(Exception):
    """Something the person must do: its message is printed as it is, without a traceback."""


def say(text=""):
    print(text, flush=True)


def spelled(os_name=None):
    """How the command is typed on this system, for the messages."""
    return "py -m course" if is_windows(os_name) else "python3 -m course"


# ---- Paths that differ on Windows ------------------------------------------------------------


def is_windows(os_name=None):
    return (os_name or os.name) == "nt"


def venv_python(venv, os_name=None):
    """The Python inside a venv: Scripts\\python.exe on Windows, bin/python elsewhere."""
    venv = Path(venv)
    return venv / "Scripts" / "python.exe" if is_windows(os_name) else venv / "bin" / "python"


def venv_tool(venv, name, os_name=None):
    """A program installed into a venv (uv), as venv_python finds Python."""
    venv = Path(venv)
    return venv / "Scripts" / (name + ".exe") if is_windows(os_name) else venv / "bin" / name


def python_candidates(os_name=None, which=shutil.which):
    """Commands that may start a newer Python, newest first: the `py` launcher on Windows, pythonX.Y elsewhere."""
    if is_windows(os_name):
        commands = [["py", "-" + version] for version in NEWER_PYTHONS] + [["python"], ["python3"]]
    else:
        commands = [["python" + version] for version in NEWER_PYTHONS] + [["python3"], ["python"]]
    return [command for command in commands if which(command[0])]


# ---- Finding a Python 3.11 or newer ----------------------------------------------------------


def output_of(command, cwd=None, env=None, timeout=60):
    """(exit code, what the command printed), or (None, why) when it cannot be started."""
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            universal_newlines=True,
            timeout=timeout,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return None, str(error)
    return done.returncode, done.stdout


def probe(command):
    """(major, minor), executable of the Python a command starts, or None (not there, or a shim that fails)."""
    status, printed = output_of(
        command + ["-c", "import sys; print(sys.version_info[0], sys.version_info[1]); print(sys.executable)"],
        timeout=30,
    )
    lines = (printed or "").split("\n")
    if status != 0 or len(lines) < 2:
        return None
    try:
        version = tuple(int(part) for part in lines[0].split())
    except ValueError:
        return None
    return version, lines[1].strip()


def find_python(version=None, executable=None, os_name=None, which=shutil.which, probe=probe):
    """The path of a Python 3.11 or newer: this one, else the newest found on the computer; None if none."""
    version = tuple(version or sys.version_info[:2])
    if version >= MINIMUM:
        return executable or sys.executable
    for command in python_candidates(os_name, which):
        found = probe(command)
        if found and found[0] >= MINIMUM and found[1]:
            return found[1]
    return None


def how_to_get_python(version, executable, platform=None):
    """What to do when no Python 3.11 or newer is found, for this operating system."""
    platform = platform or sys.platform
    lines = [
        "This is Python {}.{} ({}); the course needs Python 3.11 or newer, and none was found on this computer.".format(
            version[0], version[1], executable
        ),
        "",
    ]
    if platform.startswith("win"):
        lines += [
            "Install Python 3.12, either way:",
            "  * from https://www.python.org/downloads/windows/ (the Windows installer, 64-bit);",
            "  * or, in a terminal (PowerShell): winget install Python.Python.3.12",
            "Then open a NEW terminal, go to the course folder and type again:",
            "  py -m course lab",
        ]
    elif platform == "darwin":
        lines += [
            "Install Python 3.12, either way (Apple's own python3 is 3.9, too old):",
            "  * from https://www.python.org/downloads/macos/ (the macOS installer), then run",
            "    'Install Certificates.command' in Applications > Python 3.12;",
            "  * or with Homebrew (https://brew.sh): brew install python@3.12",
            "Then open a NEW Terminal window, go to the course folder and type again:",
            "  python3 -m course lab",
            "(the command finds python3.12 by itself, even where python3 is still Apple's)",
        ]
    else:
        lines += [
            "Install Python 3.11 or newer with its venv module:",
            "  * Debian 12, Ubuntu 22.04 or newer: sudo apt install python3.11 python3.11-venv",
            "    (Ubuntu 24.04: sudo apt install python3.12 python3.12-venv)",
            "  * Fedora: sudo dnf install python3.12",
            "  * or from https://www.python.org/downloads/",
            "Then type again, in the course folder:",
            "  python3 -m course lab",
            "(the command finds python3.11 or python3.12 by itself, even where python3 is older)",
        ]
    return "\n".join(lines)


# ---- What the course needs -------------------------------------------------------------------


def requirement_files(first, course=COURSE):
    """A requirements file and every file it includes with -r, in order (paths relative to the including file)."""
    files, queue = [], [Path(course) / first]
    while queue:
        path = queue.pop(0)
        if path in files or not path.is_file():
            continue
        files.append(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            included = re.match(r"\s*(?:-r|--requirement)\s*=?\s*(\S+)", line)
            if included:
                queue.append((path.parent / included.group(1)).resolve())
    return files


def marker_applies(marker):
    """Whether an environment marker (`sys_platform == 'win32'`, `python_full_version >= '3.12'`...) holds here.

    The pins are written for Windows, macOS and Linux and several Pythons at once; a pin whose marker does not
    hold here is not wanted here. Uses `packaging` where this Python has it, else reads the simple forms the
    pin files use (clauses joined by `and` / `or`, no brackets)."""
    marker = marker.strip()
    if not marker:
        return True
    try:
        from packaging.markers import Marker

        return Marker(marker).evaluate()
    except ImportError:
        pass
    except Exception:  # an unreadable marker: keep the pin, as pip would report it
        return True
    import platform

    values = {
        "sys_platform": sys.platform,
        "os_name": os.name,
        "platform_system": platform.system(),
        "platform_machine": platform.machine(),
        "implementation_name": sys.implementation.name,
        "python_version": "{}.{}".format(*sys.version_info[:2]),
        "python_full_version": platform.python_version(),
    }

    def as_version(text):
        return tuple(int(part) for part in re.findall(r"\d+", text)[:3])

    def clause(text):
        found = re.match(r"\s*(\w+)\s*(==|!=|>=|<=|<|>)\s*['\"]([^'\"]*)['\"]\s*$", text)
        if not found or found.group(1) not in values:
            return True
        name, operator, wanted = found.groups()
        have = values[name]
        if name.startswith("python"):
            have, wanted = as_version(have), as_version(wanted)
        return {
            "==": have == wanted,
            "!=": have != wanted,
            ">=": have >= wanted,
            "<=": have <= wanted,
            "<": have < wanted,
            ">": have > wanted,
        }[operator]

    return any(all(clause(part) for part in alternative.split(" and ")) for alternative in marker.split(" or "))


def pins(requirements, course=COURSE):
    """{distribution name: version} pinned with == in a requirements file (and the files it includes), for this
    platform and Python (a pin whose marker does not hold here is left out)."""
    found = {}
    for path in requirement_files(requirements, course):
        for line in path.read_text(encoding="utf-8").splitlines():
            pinned = re.match(
                r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)\s*(?:;([^#]*))?", line
            )
            if pinned and marker_applies(pinned.group(3) or ""):
                found[pinned.group(1)] = pinned.group(2)
    return found


def fingerprint(requirements, course=COURSE):
    """A hash of what a set of requirement files installs: their text (includes too), pyproject.toml's and
    SETUP_STEPS."""
    digest = hashlib.sha256(SETUP_STEPS.encode("utf-8") + b"\0")
    paths = [path for first in requirements for path in requirement_files(first, course)]
    for path in paths + [Path(course) / "pyproject.toml"]:
        digest.update(str(path.name).encode("utf-8") + b"\0")
        if path.is_file():
            digest.update(path.read_bytes().replace(b"\r\n", b"\n"))  # git on Windows may check out CRLF
    return digest.hexdigest()


def installed_versions(names):
    """{name: installed version or None} in THIS Python (3.8 or newer)."""
    from importlib import metadata

    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def requirement_gaps(requirements=(REQUIREMENTS,), course=COURSE, versions=None):
    """(missing, different): pinned packages this Python lacks, and those it has at another version."""
    wanted = {}
    for name in requirements:
        wanted.update(pins(name, course))
    versions = versions if versions is not None else installed_versions(list(wanted))
    missing = sorted(name for name in wanted if versions.get(name) is None)
    different = sorted(
        "{} {} (pinned: {})".format(name, versions[name], wanted[name])
        for name in wanted
        if versions.get(name) not in (None, wanted[name])
    )
    return missing, different


def takedown_origin(python, environ=None):
    """Where a notebook's kernel started by `python` imports `takedown` from (its folder), or None.

    Asked in a fresh interpreter started outside the course folder, with PYTHONPATH as the person's
    environment has it, because that is what a kernel that JupyterHub starts sees.
    """
    script = (
        "import importlib.util, os\nspec = importlib.util.find_spec('takedown')\n"
        "print(os.path.dirname(spec.origin) if spec and spec.origin else '')"
    )
    with tempfile.TemporaryDirectory(prefix="course-where-") as elsewhere:
        status, printed = output_of([str(python), "-c", script], cwd=elsewhere, env=environ, timeout=60)
    folder = (printed or "").strip().splitlines()[-1:] if status == 0 else []
    return Path(folder[0]) if folder and folder[0] else None


def same_folder(one, other):
    try:
        return Path(one).resolve() == Path(other).resolve()
    except OSError:
        return False


def stale_package_note(origin, course=COURSE):
    """What to tell IT when the notebooks would import another copy of `takedown` (or none); None when fine."""
    if origin is not None and same_folder(origin, Path(course) / "takedown"):
        return None
    if origin is None:
        where = 'the notebooks cannot import the course\'s package `takedown` ("No module named takedown")'
    else:
        where = (
            "the notebooks import the course's package `takedown` from {}, not from this course folder, "
            "so course updates you pull (nbgitpuller, git pull) do not reach them"
        ).format(origin)
    return (
        "Note for your instructor or IT: {}. The commands `python -m course ...` use this folder's copy. "
        "The fix, once for everyone: set PYTHONPATH to the course folder in the hub's environment "
        "(here: PYTHONPATH={}), and install the image's packages from binder/requirements.txt "
        "without the course package itself; see the IT handout."
    ).format(where, course)


# ---- Choosing the environment ----------------------------------------------------------------


def in_venv_of(course=COURSE, prefix=None):
    return same_folder(prefix or sys.prefix, Path(course) / ".venv")


def use_current_python(
    environ=None, course=COURSE, version=None, prefix=None, gaps=None, origin=None, requirements=(REQUIREMENTS,)
):
    """(True, why) to run the course in this Python with no .venv of its own; (False, why) to use .venv.

    `gaps` and `origin` (requirement_gaps(), takedown_origin()) are computed only when needed unless given.
    Raises Problem when IT asked for this Python (COURSE_USE_CURRENT_ENV=1) and it lacks packages.
    """
    environ = os.environ if environ is None else environ
    flag = environ.get("COURSE_USE_CURRENT_ENV", "").strip().lower()
    version = tuple(version or sys.version_info[:2])
    if flag in NO or in_venv_of(course, prefix) or version < MINIMUM:
        return False, "the course's own environment"
    missing, different = gaps if gaps is not None else requirement_gaps(requirements, course)
    if flag in YES:
        if missing:
            raise Problem(
                "COURSE_USE_CURRENT_ENV is set, so the course runs in this Python ({}), but it lacks "
                "{} of the packages this needs: {}. Install them once for everyone (IT): {} -m pip install {}".format(
                    sys.executable,
                    len(missing),
                    ", ".join(missing),
                    sys.executable,
                    " ".join("-r " + name for name in requirements),
                )
            )
        return True, "COURSE_USE_CURRENT_ENV is set"
    if missing:
        return False, "this Python lacks the course's packages"
    if environ.get("JUPYTERHUB_USER"):
        return True, "on a hub whose Python has the course's packages"
    if different:
        return False, "this Python has other versions of the course's packages"
    origin = origin if origin is not None else takedown_origin(sys.executable, environ)
    if origin is not None and same_folder(origin, Path(course) / "takedown"):
        return True, "this Python has the course's packages and this folder's takedown"
    return False, "this Python imports another copy of the course's package"


def child_environment(environ=None, course=COURSE, os_name=None):
    """The environment for what the command starts: this course folder first on PYTHONPATH (so notebooks and
    checks import its `takedown`), and on Windows UTF-8 output (the checks print ✓ and ○ into pipes too)."""
    environ = dict(os.environ if environ is None else environ)
    paths = [str(course)] + [
        part for part in environ.get("PYTHONPATH", "").split(os.pathsep) if part and not same_folder(part, course)
    ]
    environ["PYTHONPATH"] = os.pathsep.join(paths)
    if is_windows(os_name):
        environ.setdefault("PYTHONUTF8", "1")
    return environ


# ---- Making .venv and installing -------------------------------------------------------------


def venv_version(venv):
    """(major, minor) of the Python a venv was made with, from its pyvenv.cfg; None if unreadable."""
    try:
        text = (Path(venv) / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^\s*(?:version|version_info)\s*=\s*(\d+)\.(\d+)", text, re.M)
    return (int(found.group(1)), int(found.group(2))) if found else None


def usable_venv(venv, os_name=None):
    version = venv_version(venv)
    return venv_python(venv, os_name).exists() and version is not None and version >= MINIMUM


def read_stamp(venv):
    try:
        return json.loads((Path(venv) / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_stamp(venv, key, value):
    stamp = read_stamp(venv)
    stamp[key] = value
    (Path(venv) / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True), encoding="utf-8")


def make_venv(venv, course=COURSE):
    """A fresh .venv made with a Python 3.11 or newer (this one or another found); Problem if there is none."""
    if venv.exists():
        if not (venv / "pyvenv.cfg").exists():
            raise Problem(
                "{} is in the way: it is not a Python environment the course made. Move it "
                "elsewhere (or delete it) and run the command again.".format(venv)
            )
        say(
            "  The course's environment in .venv no longer works with this computer's Python (or was made by "
            "a Python older than 3.11): making it again."
        )
        shutil.rmtree(str(venv))
    base = find_python()
    if base is None:
        raise Problem(how_to_get_python(sys.version_info[:2], sys.executable))
    if base != sys.executable:
        say(
            "  This Python ({}.{}) is too old for the course; using {}.".format(
                sys.version_info[0], sys.version_info[1], base
            )
        )
    say("  Making the course's own Python environment in .venv ...")
    status, printed = output_of([base, "-m", "venv", "--without-pip", str(venv)], cwd=str(course), timeout=300)
    if status != 0:
        raise Problem(
            "Could not make the course's environment with {}:\n{}\nOn Debian or Ubuntu, install venv "
            "support first (sudo apt install python3-venv, or python3.12-venv for Python 3.12), "
            "then run the command again.".format(base, (printed or "").strip())
        )


def find_uv(venv, base_python, os_name=None):
    """A uv to install with, or None: the one in .venv, one on PATH, or uv installed into .venv with pip."""
    inside = venv_tool(venv, "uv", os_name)
    if inside.exists():
        return str(inside)
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    say("  Getting the installer uv (it installs in seconds what pip installs in minutes) ...")
    python = str(venv_python(venv, os_name))
    # The Python that runs this command often has pip: it installs uv into .venv without pip in .venv.
    attempts = [[base_python, "-m", "pip", "--python", python, "install", "--quiet", "uv==" + UV_VERSION]]
    attempts.append([python, "-m", "pip", "install", "--quiet", "uv==" + UV_VERSION])
    for command in attempts:
        if command[0] == python and not ensure_pip(python, quiet=True):
            continue
        status, _ = output_of(command, timeout=600)
        if status == 0 and inside.exists():
            return str(inside)
    return None


def ensure_pip(python, quiet=False):
    if output_of([python, "-m", "pip", "--version"], timeout=120)[0] == 0:
        return True
    if not quiet:
        say("  Adding pip to .venv ...")
    return output_of([python, "-m", "ensurepip", "--default-pip"], timeout=600)[0] == 0


def watch(command, log, what, course=COURSE, append=False):
    """Run an installer with its output in `log`, saying every 15 s that it is still working; its exit code."""
    started = time.time()
    with open(str(log), "a" if append else "w", encoding="utf-8") as output:
        try:
            process = subprocess.Popen(
                command, cwd=str(course), stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        except OSError as error:
            output.write(str(error))
            return 127
        said = started
        while process.poll() is None:
            time.sleep(0.2)
            if time.time() - said >= 15:
                said = time.time()
                fetched = len(re.findall(r"^(?:Collecting|Downloading) ", log.read_text(errors="replace"), re.M))
                more = ", {} packages fetched so far".format(fetched) if fetched else ""
                say("    ... still {} ({} s{})".format(what, int(said - started), more))
    return process.returncode


def install(venv, requirements, base_python, course=COURSE, os_name=None, environ=None):
    """Install requirement files into .venv with uv when it can be had, else pip; Problem if it fails."""
    environ = os.environ if environ is None else environ
    python = str(venv_python(venv, os_name))
    files = [argument for name in requirements for argument in ("-r", name)]
    uv = None if environ.get("COURSE_INSTALLER", "").lower() == "pip" else find_uv(venv, base_python, os_name)
    log = venv / "install.log"
    if uv:
        say("  Installing the course's packages with uv ({}) ...".format(", ".join(requirements)))
        command = [uv, "pip", "install", "--python", python] + files
    else:
        if not ensure_pip(python):
            raise Problem(
                "This Python has no pip, and uv could not be had. On Debian or Ubuntu: sudo apt install "
                "python3-venv python3-pip; then delete the .venv folder and run the command again."
            )
        say("  Installing the course's packages with pip ({}; a few minutes) ...".format(", ".join(requirements)))
        command = [python, "-m", "pip", "install", "--progress-bar", "off"] + files
    if watch(command, log, "installing", course) != 0:
        tail = "\n".join(log.read_text(errors="replace").strip().splitlines()[-15:])
        raise Problem(
            "Installing the course's packages did not finish. The installer's last words:\n{}\n\n"
            "Check the internet connection; on a network with a proxy, set HTTPS_PROXY (for example "
            "HTTPS_PROXY=http://proxy.example.edu:8080) first. Then run the same command again: it goes "
            "on from where it stopped. The whole log: {}".format(tail, log)
        )
    compile_bytecode(python, log, course)


def compile_bytecode(python, log, course=COURSE):
    """Compile every installed module to bytecode now, once, as pip does and uv does not by default.

    Otherwise Python compiles pandas, plotly, IPython... at each start until it may write __pycache__, and it
    never may where the environment is read-only: the grading sandbox binds it read-only, a JupyterHub may
    share it, PYTHONDONTWRITEBYTECODE may be set. Measured on 2 busy cores: a kernel that imports pandas,
    plotly and the course took 3.2 s of imports without bytecode and 1.7 s with it; compiling takes 20-40 s,
    once. A file that does not compile (a package's Python 2 example) is skipped, never an error."""
    say("  Compiling the packages to bytecode (once: every notebook then starts faster) ...")
    status, printed = output_of([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    folder = printed.strip() if status == 0 else ""
    if folder:
        watch([python, "-m", "compileall", "-q", "-j", "0", folder], log, "compiling", course, append=True)


def ready_environment(requirements, course=COURSE, environ=None, os_name=None):
    """The Python to run the course with, set up for these requirement files (installing only what changed)."""
    environ = os.environ if environ is None else environ
    current, why = use_current_python(environ, course, requirements=requirements)
    if current:
        note = stale_package_note(takedown_origin(sys.executable, environ), course)
        if note:
            say(note)
        return sys.executable
    venv = Path(course) / ".venv"
    key = "+".join(requirements)
    wanted = fingerprint(requirements, course)
    if usable_venv(venv, os_name) and read_stamp(venv).get(key) == wanted:
        return str(venv_python(venv, os_name))
    started = time.time()
    say(
        "Setting up the course ({}; only this once, and again when its requirements change) ...".format(
            ", ".join(requirements)
        )
    )
    if not usable_venv(venv, os_name):
        make_venv(venv, course)
    base = find_python() or sys.executable
    install(venv, requirements, base, course, os_name, environ)
    write_stamp(venv, key, wanted)
    if len(requirements) > 1 and requirements[0] == REQUIREMENTS:  # the course's own set is installed too
        write_stamp(venv, REQUIREMENTS, fingerprint([REQUIREMENTS], course))
    say("  Set up in {:.0f} s.".format(time.time() - started))
    return str(venv_python(venv, os_name))


# ---- The commands ----------------------------------------------------------------------------


def exercise_paths(names, course=COURSE, folder=CHECK_FOLDER):
    """The exercise notebooks named: "02", "02_countries", "02_countries.ipynb", "exercises/02_countries.ipynb";
    none named: every exercise. Backups (exercises/backups/) are never included. Problem for an unknown name."""
    folder = Path(course) / folder
    notebooks = sorted(folder.glob("*.ipynb"))
    if not names:
        if not notebooks:
            raise Problem("There are no exercises in {}.".format(folder))
        return notebooks
    chosen = []
    for name in names:
        given = Path(name)
        if given.is_file() or (Path(course) / given).is_file():
            chosen.append(given if given.is_file() else Path(course) / given)
            continue
        stem = given.name
        while stem.lower().endswith(".ipynb"):
            stem = stem[: -len(".ipynb")]
        matches = [path for path in notebooks if stem and path.stem.lower().startswith(stem.lower())]
        exact = [path for path in matches if path.stem.lower() == stem.lower()]
        if len(exact) == 1 or len(matches) == 1:
            chosen.append((exact or matches)[0])
            continue
        which = "'{}' fits more than one exercise".format(name) if matches else "There is no exercise '{}'".format(name)
        raise Problem(
            "{}. The exercises are: {}. Name one by its number, e.g. {} check {}".format(
                which,
                ", ".join(path.stem for path in notebooks),
                spelled(),
                notebooks[0].stem[:2] if notebooks else "02",
            )
        )
    return chosen


def relative(path, course=COURSE):
    try:
        return str(Path(path).resolve().relative_to(Path(course).resolve()))
    except ValueError:
        return str(path)


def run(command, course=COURSE, environ=None):
    """Run a command in the course folder until it ends (Ctrl+C reaches it, and it decides); its exit code."""
    try:
        process = subprocess.Popen(command, cwd=str(course), env=environ)
    except OSError as error:
        raise Problem("Could not start {}: {}".format(command[0], error))
    if os.name == "posix":  # stopped with SIGTERM (a test, a service): stop what it started too
        signal.signal(signal.SIGTERM, lambda number, frame: process.terminate())
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:  # the same Ctrl+C reached the child (same console): wait for it to stop
            continue


def split_extra(arguments):
    """(our arguments, the ones after `--`, passed on as they are)."""
    if "--" in arguments:
        at = arguments.index("--")
        return arguments[:at], arguments[at + 1 :]
    return arguments, []


# The --help page: every command, grouped by who uses it, one line each ("{}" is the command as typed here).
USAGE_GROUPS = [
    (
        "For students",
        [
            ("lab", "set up (the first time), then open the course in JupyterLab"),
            ("lab -- --no-browser --port 8899", "... with JupyterLab's own options after --"),
            ("check", "check every exercise"),
            ("check 02", "check one exercise (02, 02_countries or its file)"),
            ("check 02 --complete", "... and require every question to be answered (before handing in)"),
            ("reset 02", "keep your version as a backup, then start exercise 02 afresh"),
        ],
    ),
    (
        "For instructors, in the instructor's copy (with the answer keys): docs/instructors.md",
        [
            (
                "release student DIR",
                "write the student edition, without answer keys (--hidden-checks: checks only record)",
            ),
            ("link --hub URL --repo REPO", "the nbgitpuller link that opens the student edition on a JupyterHub"),
            ("grade ZIP --exercise 02_countries --out BOOK --feedback DIR", "grade a class's download (Linux)"),
            ("merge-review BOOK SCORES --out BOOK", "add the scores you typed in review/scores.csv"),
            ("export BOOK --moodle FILE", "the grading worksheet Moodle imports"),
            ("export BOOK --canvas FILE --assignment NAME", "the gradebook file Canvas imports"),
            ("gains PRE POST --out gains.csv", "compare the pre- and post-assessment: did the unit work? (--roster)"),
        ],
    ),
    (
        "For authors: docs/authors.md",
        [
            ("run NOTEBOOK ...", "run notebooks top to bottom and save their outputs"),
            ("build [02_countries]", "make exercises/ from solutions/ and run them"),
            ("pace", "each lesson's minutes and the gaps between checks"),
        ],
    ),
    (
        "For maintainers: docs/maintainers.md",
        [
            ("test", "run every test (about 15 minutes on 2 cores)"),
            ("test --fast", "the fast tier (under a minute)"),
            ("setup [--tests]", "only set up the course's environment (.venv)"),
            ("site", "build the static course site into build/site"),
            ("bench", "measure speed and size against their floors"),
        ],
    ),
]


def usage(os_name=None):
    """The --help page, with the command as it is typed on this system."""
    command = spelled(os_name)
    lines = [
        "Usage, from the course folder (Windows: py -m course ..., macOS and Linux: python3 -m course ...).",
        "The options of grade, merge-review, export, release, link, gains: {} COMMAND --help".format(command),
    ]
    for title, entries in USAGE_GROUPS:
        lines += ["", title]
        for arguments, what in entries:
            typed = "  {} {}".format(command, arguments)
            lines.append(typed.ljust(44) + what if len(typed) < 44 else typed + "\n" + " " * 44 + what)
    return "\n".join(lines) + "\n"


def main(argv=None, course=COURSE):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        say(usage())
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "lab":
            ours, extra = split_extra(rest)
            if ours:
                raise Problem(
                    "JupyterLab's own options go after --, for example: {} lab -- --no-browser --port 8899".format(
                        spelled()
                    )
                )
            python = ready_environment([REQUIREMENTS], course)
            return run(
                [python, "-m", "jupyterlab", "--config", LAB_CONFIG] + extra, course, child_environment(course=course)
            )
        if command == "check":
            complete = "--complete" in rest
            names = [name for name in rest if name != "--complete"]
            unknown = [name for name in names if name.startswith("-")]
            if unknown:
                raise Problem("Unknown option {}. Usage: {} check [02 ...] [--complete]".format(unknown[0], spelled()))
            paths = exercise_paths(names, course)
            python = ready_environment([REQUIREMENTS], course)
            return run(
                [python, "-m", "takedown", "check"]
                + [relative(path, course) for path in paths]
                + (["--complete"] if complete else []),
                course,
                child_environment(course=course),
            )
        if command == "reset":
            names = [name for name in rest if not name.startswith("-")]
            if not names:
                raise Problem("Say which exercise to start afresh, for example: {} reset 02".format(spelled()))
            options = [name for name in rest if name.startswith("-")]
            paths = exercise_paths(names, course)
            python = ready_environment([REQUIREMENTS], course)
            for path in paths:
                status = run(
                    [python, "-m", "takedown", "reset", relative(path, course)] + options,
                    course,
                    child_environment(course=course),
                )
                if status:
                    return status
            return 0
        if command == "test":
            ours, extra = split_extra(rest)
            unknown = [name for name in ours if name != "--fast"]
            if unknown:
                raise Problem(
                    "Unknown option {}. Usage: {} test [--fast] [-- PYTEST OPTIONS]".format(unknown[0], spelled())
                )
            python = ready_environment([REQUIREMENTS, TEST_REQUIREMENTS], course)
            tests = FAST_TEST_COMMAND if "--fast" in ours else TEST_COMMAND
            return run([python] + tests + extra, course, child_environment(course=course))
        if command == "setup":
            files = [REQUIREMENTS] + ([TEST_REQUIREMENTS] if "--tests" in rest else [])
            for at, name in enumerate(rest):
                if name == "--with" and at + 1 < len(rest):
                    files.append(rest[at + 1])
            python = ready_environment(files, course)
            say("The course runs with {}".format(python))
            return 0
        # The static site needs Sphinx and its theme, which students never do: installed for `site` only.
        site = command == "site" and (Path(course) / SITE_REQUIREMENTS).is_file()  # not in a student edition
        files = [REQUIREMENTS] + ([SITE_REQUIREMENTS] if site else [])
        python = ready_environment(files, course)
        return run([python, "-m", "takedown"] + argv, course, child_environment(course=course))
    except Problem as problem:
        say(str(problem))
        return 1
    except KeyboardInterrupt:
        say("\nStopped. Run the same command again to go on from there.")
        return 130
