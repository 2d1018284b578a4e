"""mutation/equivalent.toml (docs/testing.md §7): every class says what it is and why; every mutant names real code."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"equivalent", "out_of_scope", "unreviewed", "killed_fresh_process"}


def test_every_listed_survivor_has_a_class_a_reason_and_a_place() -> None:
    data = tomllib.loads((ROOT / "mutation" / "equivalent.toml").read_text(encoding="utf-8"))
    assert data, "no classes"
    seen: set[str] = set()
    for cls, body in data.items():
        assert body["kind"] in KINDS, cls
        assert len(body["why"]) > 20, cls
        for m in body["mutants"]:
            assert m["name"].startswith("keycrypt.") and "__mutmut_" in m["name"], m
            assert m["name"] not in seen, f"{m['name']} listed twice"
            seen.add(m["name"])
            lines = (ROOT / m["file"]).read_text(encoding="utf-8").splitlines()
            assert 1 <= m["line"] <= len(lines), m
            assert " => " in m["change"], m


def test_the_docs_totals_row_counts_what_the_toml_lists() -> None:
    """docs/testing.md §7's totals: survived = unreviewed, equivalent and out of scope = the toml's entries."""
    import re

    data = tomllib.loads((ROOT / "mutation" / "equivalent.toml").read_text(encoding="utf-8"))
    counts = {kind: 0 for kind in KINDS}
    for body in data.values():
        counts[body["kind"]] += len(body["mutants"])
    doc = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith("| **total** |"))
    cells = [int(c.replace(",", "")) for c in re.findall(r"\*\*([\d,]+)\*\*", row)]
    _mutants, _killed, survived, equivalent, out_of_scope, _unreached = cells[:6]
    assert (survived, equivalent, out_of_scope) == (counts["unreviewed"], counts["equivalent"], counts["out_of_scope"])
