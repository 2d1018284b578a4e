"""The wheel a sysadmin installs carries every package and the normative spec data.

An editable install reads spec/ in place, so only a real wheel shows whether
the state tables and constants ship; this builds one and runs it outside the
checkout.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _source_packages() -> set[str]:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("keycrypt", "conformance")
        for p in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    return found | {"keycrypt.spec"}


def test_pyproject_lists_every_package() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert listed == _source_packages()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=build,
    )
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("keycrypt-*.whl")
    return whl


def test_wheel_carries_the_spec_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    spec = {p.relative_to(ROOT / "spec").as_posix() for p in (ROOT / "spec").rglob("*") if p.is_file()}
    shipped = {n.removeprefix("keycrypt/spec/") for n in names if n.startswith("keycrypt/spec/")}
    assert {"constants.toml", "tables/client_session.json", "tables/keypad_session.json", "tables/keypad_device.json"} <= shipped
    assert spec <= shipped, f"spec files missing from the wheel: {sorted(spec - shipped)}"


def test_installed_wheel_loads_tables_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import keycrypt._specdata as s, keycrypt.tables as t, keycrypt.constants as c, keycrypt.install_units as u;"
        "print(type(s.spec_root()).__name__, sorted(t.load(n).name for n in t.MACHINES), c.MAGIC,"
        " [u.PLACEHOLDER in u.shipped_unit(w) for w in sorted(u.UNITS)])"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "['client_session', 'keypad_device', 'keypad_session']" in proc.stdout
    assert "b'KC'" in proc.stdout
    assert "[True, True]" in proc.stdout  # keycrypt install-units finds the units in the installed package


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """.ci/run must run the README's "Run the tests" command verbatim (issue #2: CI installs from the
    project's own files and runs exactly what the README tells a newcomer to run)."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("**Run the tests**", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 1, commands
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert commands[0] in ci, (commands[0], ci)
    assert "pytest" in commands[0] and "-k" not in commands[0].split()  # the whole suite, nothing left out
