"""The pinned requirement files match their short input files (tests/pins.py compiles one from the other),
and the course's venv has what they pin: so an install made later gives the outputs nbval compares."""

import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement

from pins import COURSE, PAIRS, digest, recorded_digest

FIX = "run `.venv/bin/python tests/pins.py` to compile it again"


def requirements(path):
    """{name: Requirement} of a requirements file, following `-r` as pip does; editable lines skipped."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(requirements(path.parent / line[3:].strip()))
        elif line and not line.startswith("-"):
            requirement = Requirement(line)
            found.setdefault(canonical(requirement.name), []).append(requirement)
    return found


def canonical(name):
    return name.lower().replace("_", "-").replace(".", "-")


@pytest.mark.parametrize("source, target, constraints", PAIRS, ids=[target for _, target, _ in PAIRS])
def test_the_pins_were_compiled_from_the_input_file_as_it_is(source, target, constraints):
    assert recorded_digest(target) == digest(source), f"{source} changed since {target} was compiled: {FIX}"


@pytest.mark.parametrize("source, target, constraints", PAIRS, ids=[target for _, target, _ in PAIRS])
def test_every_direct_requirement_is_pinned_as_the_input_file_asks(source, target, constraints):
    pinned = requirements(COURSE / target)
    for name, [wanted] in ((name, found[:1]) for name, found in requirements(COURSE / source).items()):
        assert name in pinned, f"{target} does not pin {name}: {FIX}"
        for requirement in pinned[name]:
            assert next(iter(requirement.specifier)).version in wanted.specifier, (
                f"{target} pins {requirement}, {source} asks for {wanted}: {FIX}"
            )


def test_every_package_the_course_imports_is_pinned():
    declared = tomllib.loads((COURSE / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = requirements(COURSE / "requirements.txt")
    assert [name for name in declared if canonical(Requirement(name).name) not in pinned] == []


def test_the_tests_pins_agree_with_the_course_pins():
    course, tests = requirements(COURSE / "requirements.txt"), requirements(COURSE / "tests" / "requirements.txt")

    def versions(found):  # markers may differ (a package needed on fewer platforms by the tests' packages)
        return sorted({str(requirement.specifier) for requirement in found})

    differ = {
        name: (versions(course[name]), versions(found))
        for name, found in tests.items()
        if name in course and not set(versions(found)) <= set(versions(course[name]))
    }
    assert differ == {}, f"installed together, these pins disagree: {FIX}"


def test_the_venv_has_the_pinned_versions():
    """What the tests run with is what the pins say (make setup and make test reinstall when the pins change)."""
    wrong = {}
    for name, found in requirements(COURSE / "requirements.txt").items():
        for requirement in found:
            if requirement.marker is None or requirement.marker.evaluate():
                try:
                    installed = metadata.version(name)
                except metadata.PackageNotFoundError:
                    installed = None
                if installed is None or installed not in requirement.specifier:
                    wrong[name] = (str(requirement.specifier), installed)
    assert wrong == {}, "the venv differs from requirements.txt: run make setup (or make test)"
