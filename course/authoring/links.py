"""Links that open the course for a class: on Binder, or on a JupyterHub through nbgitpuller.

    python3 -m course link --hub https://hub.example.edu   the nbgitpuller link for that hub
    python3 -m course link --binder                         the Binder link

The repository is this clone's `origin` unless given with --repo. Both links open the first lesson.
"""

import re
import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from takedown.paths import COURSE

START = "notebooks/00_start_here.ipynb"


class LinkError(ValueError):
    """A link cannot be made; the message says what to give instead."""


def origin_url(folder=COURSE):
    """The URL of the clone's `origin` remote, or None."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def web_url(repo):
    """A repository address a hub or Binder can clone: git@host:owner/name.git -> https://host/owner/name."""
    repo = repo.strip()
    ssh = re.fullmatch(r"(?:ssh://)?git@([^:/]+)[:/](.+?)(?:\.git)?/?", repo)
    if ssh:
        return f"https://{ssh.group(1)}/{ssh.group(2)}"
    parts = urlsplit(repo)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.path.strip("/") == "":
        raise LinkError(
            f"{repo!r} is not the web address of a git repository (expected e.g. https://github.com/OWNER/NAME)"
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/').removesuffix('.git')}"


def repository(repo=None, course=None):
    """The repository's web address, from --repo or from git's origin.

    Git's origin is used only where the course has no answer keys: the instructor's repository (with
    solutions/) must never be what students' links clone, so there --repo must name the student edition."""
    course = Path(course) if course else COURSE
    if not repo and (course / "solutions").is_dir():
        raise LinkError(
            "this is the instructor's repository: its answer keys (solutions/) would reach every student "
            "who opens the link. Link the student edition's repository instead, with --repo "
            "https://github.com/OWNER/NAME (docs/instructors.md, 'Editions: what students get')"
        )
    repo = repo or origin_url()
    if not repo:
        raise LinkError(
            "this clone has no git remote named origin: give the repository's address with "
            "--repo https://github.com/OWNER/NAME"
        )
    return web_url(repo)


def nbgitpuller_link(hub, repo, branch="main", start=START):
    """A link that clones (first time) or merges updates into (later) the course on `hub`, then opens `start`."""
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise LinkError(f"{hub!r} is not a hub's web address (expected e.g. https://hub.example.edu)")
    folder = repo.rstrip("/").rsplit("/", 1)[-1]  # nbgitpuller clones into a folder named after the repository
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/{start}"})
    base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    return f"{base}/hub/user-redirect/git-pull?{query}"


def binder_link(repo, branch="main", start=START, binder="https://mybinder.org"):
    """A link that builds the repository on Binder and opens `start` in JupyterLab."""
    github = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+)", repo)
    where = f"gh/{github.group(1)}/{github.group(2)}" if github else f"git/{quote(repo, safe='')}"
    return f"{binder}/v2/{where}/{quote(branch, safe='')}?urlpath={quote('lab/tree/' + start, safe='')}"
