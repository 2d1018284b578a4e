"""Requirement ids (issue 12 items 1 and 5): the spec's MUSTs carry ids, cases and mutants cover them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from keycrypt_kit import requirements as R
from keycrypt_kit.vectorgen.builder import GenerationError, VectorFile

ROOT = Path(__file__).resolve().parent.parent


def test_the_spec_has_no_requirement_problems() -> None:
    """Every MUST/SHOULD sentence has an id, no id is duplicated or marks a sentence without a key word."""
    assert R.problems() == []
    assert len(R.requirements()) >= 40


def test_the_parser_finds_what_it_must_refuse() -> None:
    text = ("# 1. A\n\n**[KCP1-X-1]** A thing MUST be. A bare sentence MUST fail.\n\n"
            "- **[KCP1-X-1]** MAY repeat.\n\n**[KCP1-X-2]** This says nothing.\n\n"
            "```\nA MUST in code is no requirement.\n```\n\nRead MUST as in RFC 2119.\n")
    reqs, problems = R.parse(text, "t.md")
    assert [(r.id, r.level) for r in reqs] == [("KCP1-X-1", "MUST"), ("KCP1-X-1", "MAY")]
    assert reqs[0].text == "A thing MUST be."
    assert any("without a requirement id" in p and "bare sentence" in p for p in problems)
    assert any("KCP1-X-2" in p and "without MUST" in p for p in problems)
    assert len(problems) == 2


def test_levels() -> None:
    reqs, _ = R.parse("**[KCP1-X-1]** It MUST NOT. **[KCP1-X-2]** It SHOULD. **[KCP1-X-3]** It MUST and MUST NOT.\n",
                      "t.md")
    assert [r.level for r in reqs] == ["MUST NOT", "SHOULD", "MUST"]


def _tracked_text_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    files = []
    for name in out:
        path = ROOT / name
        if path.suffix in {".md", ".py", ".json", ".toml", ".yml", ".yaml", ".pml", ".txt", ".sh"} and path.is_file():
            files.append(path)
    return files


PLACEHOLDERS = {"KCP1-AREA-N", "KCP1-NOPE-1"}  # the id template in prose, and the unknown id the runner test uses


def test_every_cited_id_exists_and_no_old_style_is_left() -> None:
    known = R.known_ids() | PLACEHOLDERS
    unknown, old = [], []
    for path in _tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(ROOT)
        if rel.as_posix() == "tests/test_requirements.py":
            continue
        unknown += [f"{rel}: {i}" for i in sorted(set(R.ID_RE.findall(text))) if i not in known]
        old += [f"{rel}: {i}" for i in sorted(set(R.OLD_STYLE_RE.findall(text)))]
    assert not unknown, f"ids cited that spec/*.md does not define: {unknown}"
    assert not old, f"ids in the old KCP-AREA-N style (rename to KCP1-AREA-N): {old}"


def test_every_must_has_a_case_and_a_mutant() -> None:
    assert R.gaps() == []


def test_every_case_names_live_requirements() -> None:
    cov = R.coverage()
    reqs = R.requirements()
    assert set(cov.cases) <= set(reqs), sorted(set(cov.cases) - set(reqs))
    assert sum(cov.per_file.values()) == len({c for v in cov.cases.values() for c in v})


def _file(requirements: dict[str, tuple[str, ...]]) -> VectorFile:
    f = VectorFile("t", [], {"Normal": ("Functionality", "x"), "New": ("MissingCheck", "y")}, requirements)
    g = f.group("kem.check_ek", "g")
    from keycrypt_kit.vectorgen import material as M

    g.valid("t/ok", "ok", {"ek": M.ek().hex()}, ["Normal"])
    g.invalid("t/bad", "bad", {"ek": "00"}, ["New"], "kem_error", "ek")
    return f


def test_generation_refuses_a_case_without_ids() -> None:
    with pytest.raises(GenerationError, match="flag 'New'.*no entry"):
        _file({"Normal": ("KCP1-KEM-1",)}).to_json()
    with pytest.raises(GenerationError, match="checks no requirement id"):
        _file({"Normal": ("KCP1-KEM-1",), "New": ()}).to_json()
    with pytest.raises(R.RequirementError, match="KCP1-NOPE-1"):
        _file({"Normal": ("KCP1-KEM-1",), "New": ("KCP1-NOPE-1",)}).to_json()
    out = _file({"Normal": ("KCP1-KEM-1",), "New": ("KCP1-KEM-2", "KCP1-KEM-1")}).to_json()
    tests = out["testGroups"][0]["tests"]
    assert [t["requirements"] for t in tests] == [["KCP1-KEM-1"], ["KCP1-KEM-1", "KCP1-KEM-2"]]
    assert list(tests[0])[:5] == ["tcId", "id", "comment", "flags", "requirements"]


def test_device_refuses_a_window_out_of_bounds() -> None:
    """KCP1-DEVICE-2, which no vector can ask (the reference refuses before the table): refused, never clamped."""
    from keycrypt.errors import LocalUsageError
    from keycrypt.machines.device import DeviceConfig, KeypadDevice

    top = DeviceConfig().window_max
    for window in (0.0, -1.0, top + 1.0):
        dev = KeypadDevice()
        with pytest.raises(LocalUsageError, match="maintenance window"):
            dev.pin("ok", 10.0, window=window)
    dev = KeypadDevice()
    dev.pin("ok", 10.0, window=top)
    assert dev.state != "SEALED"
