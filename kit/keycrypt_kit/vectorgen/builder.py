"""Assemble Wycheproof-shaped vector files, with the reference's answers as expected outputs.

Every case is executed through :func:`keycrypt_conformance.reference.handle`
while it is built, and the builder checks that the reference gives the
outcome the generator meant (a valid case succeeds, an invalid one fails
with exactly the intended typed outcome and field). A vector that does not
test what its comment says cannot be written.

Every case names the requirement ids of the spec it checks (``"requirements"``). They are
given in ONE place per case class, the generator module that makes the case: its
``REQUIREMENTS`` map, flag -> ids (or flag -> {role: ids} where the client and keypad sides
of a flag check different rules), passed to :class:`VectorFile`, plus the ids a whole group
checks (``f.group(..., requirements=[...])``) and, for a rule no flag tells apart, the
file's ``refine`` hook. A flag without an entry in the map, a case that ends up with no id,
and an id the spec does not define all fail generation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from keycrypt_conformance.reference import handle
from keycrypt_kit import requirements as R
from keycrypt_vectors import GENERATOR_VERSION, SCHEMA_VERSION

# flag -> ids, or flag -> {"client": ids, "keypad": ids} (the case's input "role"; "*" for any other)
RequirementMap = Mapping[str, Sequence[str] | Mapping[str, Sequence[str]]]
# (group, case) -> further ids, for what the flags do not tell apart
Refine = Callable[["Group", dict[str, Any]], Sequence[str]]


class GenerationError(Exception):
    """The reference disagreed with what a vector was meant to show."""


@dataclass
class Group:
    operation: str
    comment: str
    shared: dict[str, Any]
    tests: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    requirements: tuple[str, ...] = ()  # ids every case of the group checks

    def _run(self, inp: dict[str, Any]) -> dict[str, Any]:
        return handle({"op": self.operation, **self.shared, **inp})

    def valid(self, id: str, comment: str, inp: dict[str, Any], flags: list[str] | None = None,
              expect: dict[str, Any] | None = None) -> dict[str, Any]:
        ans = self._run(inp)
        if "result" not in ans:
            raise GenerationError(f"{id}: the reference failed a valid case: {ans}")
        if expect is not None:
            for k, v in expect.items():
                if ans["result"].get(k) != v:
                    raise GenerationError(f"{id}: {k} is {ans['result'].get(k)!r}, the generator expected {v!r}")
        return self._add(id, comment, flags or [], inp, ans["result"], "valid", None, None)

    def invalid(self, id: str, comment: str, inp: dict[str, Any], flags: list[str], outcome: str,
                field_: str | None = None) -> dict[str, Any]:
        if not flags:
            raise GenerationError(f"{id}: every invalid case needs flags")
        ans = self._run(inp)
        if ans.get("error") != outcome:
            raise GenerationError(f"{id}: expected {outcome}, the reference answered {ans}")
        got = ans.get("field")
        if field_ is not None and got != field_:
            raise GenerationError(f"{id}: expected field {field_!r}, the reference named {got!r}")
        return self._add(id, comment, flags, inp, None, "invalid", outcome, got)

    def transcript(self, id: str, comment: str, inp: dict[str, Any], flags: list[str], outcome: str | None,
                   last_action: str | None = None) -> dict[str, Any]:
        """A run whose answer is a list of steps; ``outcome`` = the typed failure its last step ends in."""
        ans = self._run(inp)
        if "result" not in ans:
            raise GenerationError(f"{id}: the reference failed the run: {ans}")
        if outcome is not None:
            if not flags:
                raise GenerationError(f"{id}: every invalid case needs flags")
            final = ans["result"]["steps"][-1]["actions"]
            kinds = {(a["action"], a.get("reason")) for a in final}
            want = last_action or ("lockdown" if any(k == "lockdown" for k, _ in kinds) else "close")
            if (want, outcome) not in kinds:
                raise GenerationError(f"{id}: the last step should {want} with {outcome}, got {final}")
        return self._add(id, comment, flags, inp, ans["result"], "invalid" if outcome else "valid", outcome, None)

    def _add(self, id: str, comment: str, flags: list[str], inp: dict[str, Any], out: dict[str, Any] | None,
             result: str, outcome: str | None, field_: str | None) -> dict[str, Any]:
        test: dict[str, Any] = {"tcId": 0, "id": id, "comment": comment, "flags": flags, "input": inp}
        if out is not None:
            test["output"] = out
        test["result"] = result
        if outcome is not None:
            test["outcome"] = outcome
        if field_ is not None:
            test["field"] = field_
        self.tests.append(test)
        return test


@dataclass
class VectorFile:
    algorithm: str
    header: list[str]
    notes: dict[str, tuple[str, str]]
    requirements: RequirementMap
    refine: Refine | None = None
    groups: list[Group] = field(default_factory=list)

    def group(self, operation: str, comment: str, shared: dict[str, Any] | None = None,
              requirements: Sequence[str] = (), **extra: Any) -> Group:
        g = Group(operation, comment, shared or {}, extra=extra, requirements=tuple(requirements))
        self.groups.append(g)
        return g

    def case_requirements(self, g: Group, t: dict[str, Any]) -> list[str]:
        """The ids case ``t`` of group ``g`` checks, in spec order."""
        ids = set(g.requirements)
        role = {**g.shared, **t["input"]}.get("role", "*")
        for flag in t["flags"]:
            if flag not in self.requirements:
                raise GenerationError(f"{self.algorithm}: flag {flag!r} (case {t['id']}) has no entry in the "
                                      "generator's REQUIREMENTS map: name the requirement ids it checks")
            got = self.requirements[flag]
            if isinstance(got, Mapping):
                ids.update(got.get(role, got.get("*", ())))
            else:
                ids.update(got)
        if self.refine is not None:
            ids.update(self.refine(g, t))
        if not ids:
            raise GenerationError(f"{self.algorithm}: case {t['id']} checks no requirement id; map its flags "
                                  "(REQUIREMENTS), give its group requirements=..., or refine it")
        R.check_ids(sorted(ids), f"{self.algorithm}: case {t['id']}")
        order = list(R.requirements())
        return sorted(ids, key=order.index)

    def to_json(self) -> dict[str, Any]:
        ids: set[str] = set()
        tc = 0
        groups = []
        used_flags: set[str] = set()
        for g in self.groups:
            for t in g.tests:
                tc += 1
                t["tcId"] = tc
                if t["id"] in ids:
                    raise GenerationError(f"duplicate case id {t['id']}")
                ids.add(t["id"])
                used_flags.update(t["flags"])
                reqs = self.case_requirements(g, t)
                items = [(k, v) for k, v in t.items() if k != "requirements"]
                t.clear()
                for k, v in items:
                    t[k] = v
                    if k == "flags":
                        t["requirements"] = reqs
            obj: dict[str, Any] = {"operation": g.operation, "comment": g.comment, **g.extra}
            if g.shared:
                obj["input"] = g.shared
            obj["tests"] = g.tests
            groups.append(obj)
        unknown = used_flags - set(self.notes)
        if unknown:
            raise GenerationError(f"{self.algorithm}: flags without notes: {sorted(unknown)}")
        return {
            "algorithm": self.algorithm,
            "schema": SCHEMA_VERSION,
            "generatorVersion": GENERATOR_VERSION,
            "numberOfTests": tc,
            "header": self.header,
            "notes": {k: {"bugType": b, "description": d} for k, (b, d) in sorted(self.notes.items()) if k in used_flags},
            "testGroups": groups,
        }
