"""Four distributions, each installable on its own, and no test kit in the runtime a sysadmin installs.

- ``keycrypt-kcp1`` (``keycrypt/``): the runtime and the normative spec data, importable with no test
  extras;
- ``keycrypt-kcp1-vectors`` (``vectors/``): the vector files, data only;
- ``keycrypt-kcp1-conformance`` (``conformance/``): the runner, which plays the vectors against a
  shim in any language without the runtime (the reference shim needs the ``reference`` extra);
- ``keycrypt-kcp1-kit`` (``kit/``): attacks, fuzzing, fault proxy, doc and vector generators.

An editable install reads everything in place, so only real wheels show what ships. Each is built
from a copy of its source tree in a temporary directory (a build writes ``build/`` and
``*.egg-info`` next to its sources, never into the checkout) and run outside the checkout, with
the packages it must not need made unimportable.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow

ROOT = Path(__file__).resolve().parent.parent

KIT_TOPS = ("keycrypt_kit", "keycrypt_conformance", "keycrypt_vectors", "conformance", "vectors")
"""Top-level names that must never be in the runtime wheel."""

TEST_EXTRAS = ("hypothesis", "jsonschema", "pytest", "mkdocs", "atheris")

SOURCES = {  # distribution -> (its directory, what of it the build needs)
    "keycrypt_kcp1": (ROOT, ("pyproject.toml", "README.md", "keycrypt", "spec")),
    "keycrypt_kcp1_vectors": (ROOT / "vectors", ("pyproject.toml", "README.md", "keycrypt_vectors", "*.json", "*.bin")),
    "keycrypt_kcp1_conformance": (ROOT / "conformance", ("pyproject.toml", "README.md", "keycrypt_conformance")),
    "keycrypt_kcp1_kit": (ROOT / "kit", ("pyproject.toml", "README.md", "keycrypt_kit")),
}


def _runtime_packages() -> set[str]:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "keycrypt").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    return found | {"keycrypt.spec"}


def test_pyproject_lists_every_runtime_package() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert listed == _runtime_packages()


def test_kit_packages_are_not_under_the_runtime() -> None:
    for gone in ("attacks", "fuzz", "vectors", "faultproxy.py", "docgen.py"):
        assert not (ROOT / "keycrypt" / gone).exists(), f"keycrypt/{gone} belongs to the kit"


def _copy_sources(dist: str, dest: Path) -> Path:
    src, parts = SOURCES[dist]
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for pattern in parts:
        for path in sorted(src.glob(pattern)):
            if path.is_dir():
                shutil.copytree(path, dest / path.name, ignore=ignore)
            else:
                shutil.copy2(path, dest / path.name)
    return dest


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """distribution -> its built wheel (each from a copy of its sources, outside the checkout)."""
    out = tmp_path_factory.mktemp("wheels")
    srcs = [_copy_sources(dist, tmp_path_factory.mktemp("src") / dist) for dist in SOURCES]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), *map(str, srcs)],
        capture_output=True, text=True, cwd=out, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {dist: next(out.glob(f"{dist}-*.whl")) for dist in SOURCES}


def _names(whl: Path) -> set[str]:
    return set(zipfile.ZipFile(whl).namelist())


def _install(target: Path, *wheels: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), *map(str, wheels)],
        check=True, capture_output=True, timeout=300,
    )
    return target


BLOCKER = """
import importlib.abc, sys
class _Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ModuleNotFoundError(f"blocked by test_packaging: {{name}}", name=name)
        return None
sys.meta_path.insert(0, _Block())
"""


def _run(target: Path, code: str, blocked: tuple[str, ...], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter that sees the wheels in ``target`` first and cannot import ``blocked``."""
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", BLOCKER.format(blocked=set(blocked)) + code],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def test_runtime_wheel_has_no_kit_and_carries_the_spec_data(wheels: dict[str, Path]) -> None:
    names = _names(wheels["keycrypt_kcp1"])
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"keycrypt"}, tops
    assert not [n for n in names if n.split("/")[0] in KIT_TOPS or n.startswith(("keycrypt/attacks/", "keycrypt/fuzz/", "keycrypt/vectors/"))]
    assert not {"keycrypt/docgen.py", "keycrypt/faultproxy.py"} & names
    spec = {p.relative_to(ROOT / "spec").as_posix() for p in (ROOT / "spec").rglob("*") if p.is_file()}
    shipped = {n.removeprefix("keycrypt/spec/") for n in names if n.startswith("keycrypt/spec/")}
    assert {"constants.toml", "tables/client_session.json", "tables/keypad_session.json", "tables/keypad_device.json"} <= shipped
    assert spec <= shipped, f"spec files missing from the wheel: {sorted(spec - shipped)}"


def test_runtime_imports_every_module_without_test_extras_or_the_kit(wheels: dict[str, Path], tmp_path: Path) -> None:
    target = _install(tmp_path / "site", wheels["keycrypt_kcp1"])
    code = (
        "import importlib, pkgutil, keycrypt\n"
        f"assert keycrypt.__file__.startswith({str(target)!r}), keycrypt.__file__\n"
        "mods = [m.name for m in pkgutil.walk_packages(keycrypt.__path__, 'keycrypt.')]\n"
        "for m in mods: importlib.import_module(m)\n"
        "import keycrypt._specdata as s, keycrypt.tables as t, keycrypt.constants as c\n"
        "import keycrypt.install_units as u\n"
        "print(len(mods), type(s.spec_root()).__name__, sorted(t.load(n).name for n in t.MACHINES), c.MAGIC,"
        " [u.PLACEHOLDER in u.shipped_unit(w) for w in sorted(u.UNITS)] + [u.units_doc().is_file()])\n"
    )
    proc = _run(target, code, KIT_TOPS + TEST_EXTRAS, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "['client_session', 'keypad_device', 'keypad_session']" in proc.stdout
    assert "b'KC'" in proc.stdout
    assert "[True, True, True]" in proc.stdout  # keycrypt install-units finds the units and their notes
    assert int(proc.stdout.split()[0]) >= 20  # every runtime module was imported


def test_vectors_wheel_is_data_only(wheels: dict[str, Path], tmp_path: Path) -> None:
    names = _names(wheels["keycrypt_kcp1_vectors"])
    code = {n for n in names if n.endswith(".py")}
    assert code == {"keycrypt_vectors/__init__.py"}, code
    data = {n.removeprefix("keycrypt_vectors/data/") for n in names if n.startswith("keycrypt_vectors/data/")}
    assert data == {p.name for p in ROOT.glob("vectors/*.json")} | {p.name for p in ROOT.glob("vectors/*.bin")}
    target = _install(tmp_path / "site", wheels["keycrypt_kcp1_vectors"])
    proc = _run(target, "import keycrypt_vectors as v; d = v.vectors_dir(); print(d, sorted(p.name for p in d.iterdir()))",
                ("keycrypt",) + KIT_TOPS[:2] + TEST_EXTRAS, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(str(target / "keycrypt_vectors" / "data")), proc.stdout


@pytest.mark.skipif(not (shutil.which("sh") and shutil.which("openssl")), reason="needs sh and openssl")
def test_conformance_runner_plays_the_vectors_without_the_runtime(wheels: dict[str, Path], tmp_path: Path) -> None:
    """What an implementer in another language installs: the runner and the vectors, no daemons."""
    target = _install(tmp_path / "site", wheels["keycrypt_kcp1_conformance"], wheels["keycrypt_kcp1_vectors"])
    assert not (target / "keycrypt").exists()
    shim = f"sh {ROOT / 'conformance' / 'examples' / 'rekey_shim.sh'}"
    code = (
        "import sys\n"
        "from keycrypt_conformance.cli import main\n"
        f"code = main(['shim', '-q', '-k', 'key_schedule:', '--cmd', {shim!r}, '--json', 'r.json'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'keycrypt'], 'the runner imported the runtime'\n"
        "sys.exit(code)\n"
    )
    proc = _run(target, code, ("keycrypt", "keycrypt_kit") + TEST_EXTRAS, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = json.loads((tmp_path / "r.json").read_text())["summary"]
    assert summary["pass"] == 15 and summary["fail"] == 0, summary


def test_conformance_reference_shim_runs_from_the_wheels(wheels: dict[str, Path], tmp_path: Path) -> None:
    """With the ``reference`` extra (the runtime), the reference shim passes the wire vectors."""
    target = _install(tmp_path / "site", wheels["keycrypt_kcp1_conformance"], wheels["keycrypt_kcp1_vectors"],
                      wheels["keycrypt_kcp1"])
    code = (
        "import sys\n"
        "from keycrypt_conformance.cli import main\n"
        "sys.exit(main(['shim', '-q', '-k', 'wire:', '--require-all', '--cmd',"
        " f'{sys.executable} -m keycrypt_conformance.reference_shim']))\n"
    )
    proc = _run(target, code, ("keycrypt_kit",) + TEST_EXTRAS, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_kit_installs_and_runs_on_its_own(wheels: dict[str, Path], tmp_path: Path) -> None:
    target = _install(tmp_path / "site", *wheels.values())
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    code = (
        "import sys, keycrypt_kit\n"
        f"assert keycrypt_kit.__file__.startswith({str(target)!r}), keycrypt_kit.__file__\n"
        "from keycrypt_kit.attacks.__main__ import main\n"
        "sys.exit(main(['--only', 'pong-replay', 'ping-replay']))\n"
    )
    proc = _run(target, code, ("mkdocs", "atheris"), outside)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2/2 cases PASS" in proc.stdout
    # the generators write into a checkout, never into site-packages: outside one they refuse ...
    proc = _run(target, "import sys; from keycrypt_kit.docgen.pages import main; sys.exit(main(['--check']))", (), outside)
    assert proc.returncode == 2 and "no KeyCrypt checkout" in proc.stderr, proc.stderr
    # ... and given one, the installed docgen checks it
    proc = _run(target, f"import sys; from keycrypt_kit.docgen.pages import main; sys.exit(main(['--check', '--root', {str(ROOT)!r}]))",
                (), outside)
    assert proc.returncode == 0, proc.stderr


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
    assert "-k" not in commands[0].split()  # the whole suite, nothing left out:
    addopts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "-m 'not slow'" in addopts  # the default run leaves the slow tests out ...
    assert commands[0].endswith("&& python -m pytest && python -m pytest -m slow -n 0")  # ... and CI adds them
    for dist in ("./vectors", "./conformance", "./kit"):  # the kit's distributions are installed for the tests
        assert dist in commands[0], dist
