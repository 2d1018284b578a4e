"""Locate the normative data files of spec/.

A checkout (and an editable install) reads ``spec/`` beside the package, so
an edit to a table takes effect at once; a wheel carries the same files as
the ``keycrypt.spec`` package.
"""

from __future__ import annotations

import importlib.resources
from importlib.abc import Traversable
from pathlib import Path


def spec_root() -> Traversable:
    """The directory that holds constants.toml and tables/."""
    checkout = Path(__file__).resolve().parent.parent / "spec"
    if (checkout / "constants.toml").is_file():
        return checkout
    return importlib.resources.files("keycrypt.spec")


def read_spec_text(*parts: str) -> str:
    node = spec_root()
    for part in parts:
        node = node / part
    return node.read_text(encoding="utf-8")
