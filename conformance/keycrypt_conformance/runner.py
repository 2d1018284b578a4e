"""What every conformance mode shares: loading and selecting vector cases, per-implementation config, results.

The shim mode (``keycrypt_conformance.shim``) and the live keypad and client modes
use the same :class:`Case` selection (``-k``), the same config file
(disabled cases with reasons, error-name mapping, ignored actions) and the
same :class:`Result` records that ``keycrypt_conformance.report`` summarizes.
"""

from __future__ import annotations

import fnmatch
import json
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable

from keycrypt_vectors import OUTCOMES, VECTOR_FILES, vectors_dir


class ConformanceError(Exception):
    """A usage problem of the runner itself (bad config, missing vectors, shim that will not start)."""


class CaseStatus(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    UNIMPLEMENTED = "unimplemented"
    DISABLED = "disabled"


@dataclass(frozen=True)
class Case:
    """One test case, with its group's shared input merged in."""

    file: str
    tcid: int
    id: str
    operation: str
    comment: str
    flags: tuple[str, ...]
    input: dict[str, Any]
    output: dict[str, Any] | None
    result: str
    outcome: str | None
    field: str | None
    requirements: tuple[str, ...] = ()  # the spec's requirement ids the case checks (KCP1-AREA-N)

    @property
    def name(self) -> str:
        """``file-stem:id``, the name shown in reports and matched by ``-k``."""
        return f"{self.file.removesuffix('.json')}:{self.id}"


@dataclass
class Result:
    case: Case
    status: CaseStatus
    message: str = ""
    duration: float = 0.0


def default_vectors_dir() -> Path:
    return vectors_dir()


def vector_source(path: Path | None) -> tuple[Path, tuple[str, ...]]:
    """``--vectors``: a directory (every file) or one vector file; refuses a name the runner does not know.

    An unknown name would otherwise be ignored and its cases silently never run.
    """
    if path is None:
        return default_vectors_dir(), VECTOR_FILES
    if path.is_dir():
        return path, VECTOR_FILES
    if path.name not in VECTOR_FILES:
        raise ConformanceError(f"--vectors {path}: not a vector directory nor one of the vector files "
                               f"{', '.join(VECTOR_FILES)}")
    if not path.is_file():
        raise ConformanceError(f"--vectors {path}: no such file")
    return path.parent, (path.name,)


def load_cases(vectors_dir: Path | None = None, files: Iterable[str] = VECTOR_FILES) -> list[Case]:
    vectors_dir = vectors_dir or default_vectors_dir()
    cases: list[Case] = []
    for name in files:
        path = vectors_dir / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConformanceError(f"{path}: vector file missing (run keycrypt-vectors generate)") from None
        except ValueError as exc:
            raise ConformanceError(f"{path}: not JSON: {exc}") from None
        for group in data["testGroups"]:
            shared = group.get("input", {})
            for t in group["tests"]:
                cases.append(Case(name, t["tcId"], t["id"], group["operation"], t["comment"], tuple(t["flags"]),
                                  {**shared, **t["input"]}, t.get("output"), t["result"], t.get("outcome"),
                                  t.get("field"), tuple(t.get("requirements", ()))))
    return cases


def matches(case: Case, pattern: str) -> bool:
    """Glob (``*?[``) against the case's name, or a plain substring of it."""
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(case.name, pattern) or fnmatch.fnmatchcase(case.id, pattern)
    return pattern in case.name


def select(cases: list[Case], include: list[str] | None = None, exclude: list[str] | None = None,
           requirements: list[str] | None = None) -> list[Case]:
    """The cases matching any ``include`` pattern, none of ``exclude``, and checking any of ``requirements``."""
    out = [c for c in cases if not include or any(matches(c, p) for p in include)]
    if requirements:
        out = [c for c in out if set(c.requirements) & set(requirements)]
    return [c for c in out if not exclude or not any(matches(c, p) for p in exclude)]


def name_requirements(results: list[Result]) -> None:
    """Append to each failure the requirement ids its case checks: what an implementer reads in the spec."""
    for r in results:
        if r.status == CaseStatus.FAIL and r.case.requirements and "[requirements " not in r.message:
            r.message = f"{r.message} [requirements {', '.join(r.case.requirements)}]"


@dataclass
class Config:
    """Per-implementation settings (TOML or JSON), like BoGo's shim config.

    ``disabled``: pattern -> reason (the case is reported as disabled, not run);
    ``errors``: the implementation's error name -> typed outcome;
    ``compare_field``: require the failing field where a vector names one;
    ``ignore_actions``: action kinds left out of transcript comparisons;
    ``timeout``: seconds to wait for one answer.
    """

    name: str | None = None
    disabled: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    compare_field: bool = True
    ignore_actions: frozenset[str] = frozenset()
    timeout: float = 30.0

    def disabled_reason(self, case: Case) -> str | None:
        for pattern, reason in self.disabled.items():
            if matches(case, pattern):
                return reason
        return None

    def outcome(self, error: str) -> str:
        return self.errors.get(error, error)


_CONFIG_KEYS = {"name", "disabled", "errors", "compare_field", "ignore_actions", "timeout"}


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError) as exc:
        raise ConformanceError(f"config {path}: {exc}") from None
    unknown = set(raw) - _CONFIG_KEYS
    if unknown:
        raise ConformanceError(f"config {path}: unknown keys {sorted(unknown)}")
    outcomes = set(OUTCOMES)
    errors = raw.get("errors", {})
    bad = {k: v for k, v in errors.items() if v not in outcomes}
    if bad:
        raise ConformanceError(f"config {path}: [errors] maps to unknown outcomes {bad}; use one of {sorted(outcomes)}")
    disabled = raw.get("disabled", {})
    if not all(isinstance(v, str) and v.strip() for v in disabled.values()):
        raise ConformanceError(f"config {path}: every [disabled] pattern needs a reason")
    timeout = raw.get("timeout", 30.0)
    if not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ConformanceError(f"config {path}: timeout must be a positive number of seconds")
    return Config(
        name=raw.get("name"),
        disabled=dict(disabled),
        errors=dict(errors),
        compare_field=bool(raw.get("compare_field", True)),
        ignore_actions=frozenset(raw.get("ignore_actions", [])),
        timeout=float(timeout),
    )
