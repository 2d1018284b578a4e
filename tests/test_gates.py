"""The gates of CI, as tests, so that the README's test command runs them: ruff on the whole tree
(import sorting, bugbear, async rules; configured in pyproject.toml) and mypy --strict on the
runtime package. .pre-commit-config.yaml runs the same two before a commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean_on_the_whole_tree() -> None:
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow  # a cold mypy run takes tens of seconds
def test_mypy_strict_is_clean_on_the_runtime(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success" in proc.stdout


def test_pre_commit_runs_the_same_gates() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    assert "entry: ruff check" in config and "entry: mypy" in config
