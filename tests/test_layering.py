"""The import graph: the runtime stands on its own floors, with no import running back up.

Every ``import`` in a module counts, at the top or inside a function: a lazy
import is still a dependency. The runtime (``keycrypt``) must have no cycle
between its modules nor between its parts (``wire``, ``crypto``, ``machines``,
``daemon``, ``hw``, ``lockdown``, and the top-level modules), and must import nothing of the
kit, the conformance runner, the vectors or the test tools. The kit's packages
(attacks, fuzz, faultproxy, …) must not import each other in a loop either.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {  # import package -> its directory
    "keycrypt": ROOT / "keycrypt",
    "keycrypt_kit": ROOT / "kit" / "keycrypt_kit",
    "keycrypt_conformance": ROOT / "conformance" / "keycrypt_conformance",
    "keycrypt_vectors": ROOT / "vectors" / "keycrypt_vectors",
}
NOT_IN_THE_RUNTIME = ("keycrypt_kit", "keycrypt_conformance", "keycrypt_vectors", "hypothesis", "jsonschema", "pytest", "mkdocs")


def modules(top: str) -> dict[str, Path]:
    base = PACKAGES[top]
    out = {}
    for f in sorted(base.rglob("*.py")):
        parts = [top, *f.relative_to(base).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


def _type_checking_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:`` (annotations only, never executed)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return out


def imported_names(name: str, path: Path, known: Iterable[str] = ()) -> Iterable[str]:
    """What a module imports when it runs: ``from pkg import mod`` names ``pkg.mod`` when that is a
    module of ``known``, else ``pkg``; imports under ``if TYPE_CHECKING:`` are left out."""
    known = set(known)
    is_pkg = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = name.split(".") if is_pkg else name.split(".")[:-1]
                base = ".".join(pkg[: len(pkg) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for a in node.names:
                yield f"{base}.{a.name}" if f"{base}.{a.name}" in known else base


@cache
def graph(top: str) -> dict[str, set[str]]:
    """module -> the modules of ``top`` it imports."""
    mods = modules(top)
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for m, path in mods.items():
        for target in imported_names(m, path, mods):
            while target and target not in mods:
                target = target.rpartition(".")[0]
            if target and target != m:
                edges[m].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def collapse(edges: dict[str, set[str]], depth: int) -> dict[str, set[str]]:
    """The graph between parts: each module named by its first ``depth`` components."""
    def part(m: str) -> str:
        return ".".join(m.split(".")[:depth])

    out: dict[str, set[str]] = {}
    for m, targets in edges.items():
        out.setdefault(part(m), set()).update(part(t) for t in targets if part(t) != part(m))
    return out


def floors(edges: dict[str, set[str]]) -> int:
    """The number of floors: the longest import chain, counted in modules (the graph has no cycle)."""
    @cache
    def height(m: str) -> int:
        return 1 + max((height(t) for t in edges[m]), default=0)

    return max(height(m) for m in edges)


def test_the_runtime_has_no_import_cycle() -> None:
    assert cycles(graph("keycrypt")) == []
    print(f"runtime import floors (longest import chain, in modules): {floors(graph('keycrypt'))}")


def test_the_runtime_parts_have_no_import_cycle() -> None:
    """wire, crypto, machines, daemon, hw, lockdown and the top-level modules: no part imports back up."""
    assert cycles(collapse(graph("keycrypt"), 2)) == []


@pytest.mark.parametrize("path", sorted(modules("keycrypt").values()), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_runtime_imports_no_kit_and_no_test_tool(path: Path) -> None:
    name = next(m for m, p in modules("keycrypt").items() if p == path)
    bad = sorted({n for n in imported_names(name, path) if n.split(".")[0] in NOT_IN_THE_RUNTIME})
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize("top", ["keycrypt_kit", "keycrypt_conformance", "keycrypt_vectors"])
def test_the_kit_distributions_have_no_import_cycle(top: str) -> None:
    """Neither between modules nor between the kit's packages (attacks, fuzz, faultproxy, …)."""
    assert cycles(graph(top)) == []
    assert cycles(collapse(graph(top), 2)) == []


def test_the_vectors_and_the_runner_do_not_need_the_runtime() -> None:
    """What an implementer in another language installs; the reference shim is the extra."""
    assert not [n for p in modules("keycrypt_vectors").values() for n in imported_names("keycrypt_vectors", p) if n.split(".")[0] == "keycrypt"]
    reference = {"keycrypt_conformance.reference", "keycrypt_conformance.reference_shim", "keycrypt_conformance.mutants",
                 "keycrypt_conformance.live_client", "keycrypt_conformance.live_keypad", "keycrypt_conformance.jsonio",
                 "keycrypt_conformance.rng"}
    runner = {m: p for m, p in modules("keycrypt_conformance").items() if m not in reference}
    needs = sorted(m for m, p in runner.items() for n in imported_names(m, p) if n.split(".")[0] == "keycrypt")
    assert needs == [], needs
    reached = set(runner)
    edges = graph("keycrypt_conformance")
    live = {"keycrypt_conformance.live_client", "keycrypt_conformance.live_keypad"}
    todo = list(runner)
    while todo:
        m = todo.pop()
        for t in edges[m] if m not in live else ():
            if t not in reached:
                reached.add(t)
                todo.append(t)
    # the shim mode never reaches the reference; the live modes (imported lazily by the CLI) may
    assert reached - set(runner) <= live
