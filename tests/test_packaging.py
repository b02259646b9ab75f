"""The install is repeatable: constraints.txt pins every dependency pyproject.toml declares, within its bounds."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).parent.parent


def pins() -> dict[str, Version]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: '{line}' is not pinned with =="
            found[canonicalize_name(name)] = Version(version)
    return found


def test_every_dependency_is_pinned_within_its_bounds() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = [*project["dependencies"], *(item for extra in project["optional-dependencies"].values() for item in extra)]
    pinned = pins()
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is declared in pyproject.toml but not pinned in constraints.txt (make lock)"
        assert requirement.specifier.contains(pinned[name]), f"constraints.txt pins {name}=={pinned[name]}, outside pyproject.toml's {requirement.specifier}"


def test_the_makefile_installs_from_the_constraints() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert makefile.count("-c constraints.txt") == 2, "make install and make install-test both install from constraints.txt"
