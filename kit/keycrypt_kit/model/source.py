"""Where the model's input comes from: ``spec/`` of this checkout, or of a git revision.

Either way the tables go through the runtime's own loader (:func:`keycrypt.tables.parse_table`),
so a table the daemons would refuse cannot be model-checked either.
"""

from __future__ import annotations

import copy
import json
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keycrypt._specdata import read_spec_text
from keycrypt.errors import KeyCryptError
from keycrypt.tables import MACHINES, Table, parse_table


class SourceError(KeyCryptError):
    """The spec files could not be read (a bad git revision, a missing file)."""


@dataclass(frozen=True)
class Spec:
    """The tables and constants one model is generated from."""

    raw_tables: dict[str, dict[str, Any]]
    constants: dict[str, Any]
    origin: str  # "spec/" or "git:<rev>" or "mutant:<name>", printed in the model's header

    @property
    def tables(self) -> dict[str, Table]:
        return {name: parse_table(raw) for name, raw in self.raw_tables.items()}

    def mutated(self, origin: str) -> Spec:
        """A deep copy to change (the mutants start from it)."""
        return Spec(copy.deepcopy(self.raw_tables), copy.deepcopy(self.constants), origin)


def from_checkout() -> Spec:
    """The spec/ the runtime reads (this checkout, or the installed package data)."""
    tables = {name: json.loads(read_spec_text("tables", f"{name}.json")) for name in MACHINES}
    return Spec(tables, tomllib.loads(read_spec_text("constants.toml")), "spec/")


def from_revision(rev: str, repo: Path | None = None) -> Spec:
    """spec/ as it was at git revision ``rev`` (e.g. the tables before a security fix)."""
    from keycrypt_kit.checkout import CheckoutNotFound, repo_root

    try:
        root = repo or repo_root()
    except CheckoutNotFound as exc:
        raise SourceError(str(exc)) from exc

    def show(path: str) -> str:
        try:
            out = subprocess.run(
                ["git", "-C", str(root), "show", f"{rev}:{path}"],
                check=True, capture_output=True, text=True,
            )
        except FileNotFoundError as exc:
            raise SourceError("git is not installed: --tables-from needs it") from exc
        except subprocess.CalledProcessError as exc:
            raise SourceError(f"cannot read {path} at revision {rev!r}: {exc.stderr.strip()}") from exc
        return out.stdout

    tables = {name: _with_outputs(json.loads(show(f"spec/tables/{name}.json"))) for name in MACHINES}
    return Spec(tables, tomllib.loads(show("spec/constants.toml")), f"git:{rev}")


def _with_outputs(raw: dict[str, Any]) -> dict[str, Any]:
    """Tables from before the ``outputs`` entry (issue 12): the loader now requires it; the model
    never reads it, so an old revision gets an empty declaration per action."""
    if "outputs" not in raw and isinstance(raw.get("actions"), dict):
        raw["outputs"] = {action: [] for action in raw["actions"]}
    return raw
