"""Binder and JupyterHub: what repo2docker would build from this repository, and the links to open it.

`repo2docker --no-build` prints the Dockerfile it would build, offline, without Docker. The tests
read it as a Binder build (user 1000, jovyan) and check that the image gets the Python the pins
need, the course's requirements and the course package installed editable from the repository
(so `takedown` finds seeds/ and exercises/ beside it), and no second, non-editable copy.
"""

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from course.authoring import links

COURSE = Path(__file__).resolve().parents[1]
REPO2DOCKER = Path(sys.executable).parent / "repo2docker"


def repo2docker_dockerfile(*options):
    executable = str(REPO2DOCKER) if REPO2DOCKER.exists() else shutil.which("repo2docker")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the Binder tests: install jupyter-repo2docker (see tests/requirements.txt)")
        pytest.skip("repo2docker is missing: python -m pip install jupyter-repo2docker==2026.4.0")
    result = subprocess.run(
        [
            executable,
            "--no-build",
            "--debug",
            "--no-run",
            "--user-id",
            "1000",
            "--user-name",
            "jovyan",
            *options,
            str(COURSE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def requirement_lines(path):
    """The lines pip would read from a requirements file, following `-r` as pip does (relative to the file)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            lines += requirement_lines(path.parent / line[3:].strip())
        elif line:
            lines.append(line)
    return lines


def binder_python():
    return (COURSE / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")


@pytest.fixture(scope="module")
def dockerfile():
    return repo2docker_dockerfile()


@pytest.mark.slow  # repo2docker writes the image's Dockerfile
def test_binder_installs_the_course_requirements_after_copying_the_repository(dockerfile):
    copy = dockerfile.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    install = dockerfile.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    assert copy < install, "the requirements name the course package (-e .), which needs the repository copied first"
    assert not re.search(r"pip install --no-cache-dir \.\s*$", dockerfile, flags=re.M), (
        "repo2docker would add a non-editable copy of takedown/ that cannot find seeds/ and exercises/"
    )


def test_binder_requirements_are_the_course_requirements_with_the_package_editable():
    binder = requirement_lines(COURSE / "binder" / "requirements.txt")
    assert binder == requirement_lines(COURSE / "requirements.txt")
    assert "-e ." in binder


@pytest.mark.slow
def test_binder_python_is_the_one_the_image_gets_and_every_pinned_package_supports_it(dockerfile):
    version = binder_python()
    assert f"Building conda environment for python={version}" in dockerfile
    for line in requirement_lines(COURSE / "requirements.txt"):
        if line.startswith("-"):
            continue
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate(
            {"python_version": version, "python_full_version": f"{version}.0"}
        ):
            continue  # a pin for other Pythons or platforms (requirements.txt is compiled --universal)
        try:
            installed = metadata.metadata(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        if installed["Version"] not in requirement.specifier:
            continue  # the venv has this package's pin for its own Python, whose metadata says nothing here
        needs = installed["Requires-Python"]
        if needs:
            assert Version(f"{version}.0") in SpecifierSet(needs), f"{requirement} needs Python {needs}"


def test_the_nbgitpuller_link_clones_this_repository_and_opens_the_first_lesson():
    link = links.nbgitpuller_link("https://hub.example.edu/", "https://github.com/acme/propaganda-course")
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://hub.example.edu/hub/user-redirect/git-pull"
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://github.com/acme/propaganda-course",
        "branch": "main",
        "urlpath": "lab/tree/propaganda-course/notebooks/00_start_here.ipynb",
    }
    assert (COURSE / query["urlpath"].split("/", 3)[3]).is_file()


def test_the_binder_link_opens_the_first_lesson():
    assert links.binder_link("https://github.com/acme/propaganda-course") == (
        "https://mybinder.org/v2/gh/acme/propaganda-course/main?urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb"
    )


def test_the_repository_comes_from_git_origin(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(
        ["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:acme/propaganda-course.git"], check=True
    )
    assert links.web_url(links.origin_url(tmp_path)) == "https://github.com/acme/propaganda-course"
    assert links.origin_url(tmp_path / "no-repository-here") is None


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--hub", "hub.example.edu", "--repo", "https://github.com/a/b"], "is not a hub's web address"),
        (
            ["--hub", "https://hub.example.edu", "--repo", "propaganda-course"],
            "is not the web address of a git repository",
        ),
        # without --repo, the instructor's repository (it has solutions/) would link students to the answer keys
        (["--hub", "https://hub.example.edu"], "Link the student edition's repository instead"),
    ],
)
def test_the_link_command_explains_bad_input_in_a_sentence(arguments, message):
    result = subprocess.run(
        [sys.executable, "-m", "takedown", "link", *arguments], capture_output=True, text=True, cwd=COURSE
    )
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_the_readme_link_command_prints_the_hub_link():
    """The command the README gives instructors, with the repository named."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "takedown",
            "link",
            "--hub",
            "https://hub.example.edu",
            "--repo",
            "https://github.com/acme/propaganda-course",
        ],
        capture_output=True,
        text=True,
        cwd=COURSE,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == links.nbgitpuller_link(
        "https://hub.example.edu", "https://github.com/acme/propaganda-course"
    )
