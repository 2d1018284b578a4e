"""The requirement ids of the spec: every MUST, MUST NOT and SHOULD of ``spec/*.md`` carries one.

An id is ``KCP1-<AREA>-<N>``, written inline in bold at the start of its sentence,
``**[KCP1-STREAM-1]** A receiver on a stream MUST ...``. The sentence that holds the marker is the
requirement; its level is the strongest RFC 2119 key word in it (MUST and MUST NOT over SHOULD over
MAY). Ids are stable: a requirement is never renumbered, and a retired id stays retired (listed in
:data:`RETIRED`, never reused).

Vector cases name the ids they check (``"requirements"``, set by the generator module that makes
the case); mutants name the ids they violate (``keycrypt_conformance.mutants``). The generated
page ``docs/generated/requirements.md`` shows requirement -> cases and mutants, and the tests fail
on a MUST with no case or no mutant, on a sentence with a key word but no id, on a duplicate id, and
on an id cited anywhere in the tree that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.abc import Traversable

from keycrypt._specdata import spec_root

ID_RE = re.compile(r"\bKCP1-[A-Z]+(?:-[A-Z0-9]+)+\b")  # a cited id (the model's ids have more parts)
MARKER_RE = re.compile(r"\*\*\[(KCP1-[A-Z]+-\d+)\]\*\*")
OLD_STYLE_RE = re.compile(r"\bKCP-[A-Z]+-\d+\b")  # the style before issue 12; renamed everywhere
KEYWORD_RE = re.compile(r"\b(MUST NOT|MUST|SHOULD NOT|SHOULD|MAY)\b")
LEVELS = ("MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY")
MANDATORY = frozenset({"MUST", "MUST NOT"})

RETIRED: dict[str, str] = {}  # id -> why it was retired (the id is never used again)

# MUSTs that no vector can observe. Each names what checks it instead; the requirement page shows
# it, and the coverage tests accept these (and only these) without a case and a mutant.
NOT_BY_VECTORS: dict[str, str] = {
    "KCP1-MAC-3": "timing is not observable through the shim; `keycrypt/crypto/schedule.py` `verify` uses "
                  "`hmac.compare_digest` (review), and every tag comparison goes through it",
    "KCP1-DEVICE-2": "the reference refuses such a window before the device table sees it (config check, request "
                     "error), so no vector asks for one: `tests/test_requirements.py::"
                     "test_device_refuses_a_window_out_of_bounds` and `tests/test_config.py`",
    "KCP1-MULTI-1": "a rule of the client daemon across several sessions; a vector plays one session: "
                    "`tests/test_e2e.py::test_policy_all_locks_down_only_when_every_keypad_is_lost` and "
                    "`::test_policy_all_a_keypad_that_never_answered_guards_nothing`",
    "KCP1-KEYSTORE-3": "file-system behaviour, not an operation's answer: `tests/test_keystore.py` (crash points "
                       "between write, fsync and rename) and `tests/test_fsutil.py`",
}

# Sentences with a key word that are not requirements.
_NOT_REQUIREMENTS = ("RFC 2119",)
# A sentence ends at '.', ';' or ':' followed by white space and what starts a sentence, or before a marker.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*`(\[])|\s+(?=\*\*\[KCP1-)")


@dataclass(frozen=True)
class Requirement:
    id: str
    level: str
    text: str  # the sentence, marker removed, Markdown kept
    file: str  # spec file name, e.g. protocol.md
    section: str  # the heading it is under
    line: int


class RequirementError(Exception):
    """The spec's requirement markup is broken (an id without a key word, a duplicate, a bare MUST)."""


def spec_dir() -> Traversable:
    """spec/ of the checkout, or the copy the runtime's wheel carries (what the other generated pages read)."""
    return spec_root()


def _paragraphs(text: str) -> list[tuple[int, str, str]]:
    """(first line, heading, paragraph text joined on one line), outside code fences and tables."""
    out: list[tuple[int, str, str]] = []
    heading = ""
    buf: list[str] = []
    start = 0
    fence = False

    def flush() -> None:
        if buf:
            out.append((start, heading, " ".join(x.strip() for x in buf)))
            buf.clear()

    for no, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            flush()
            fence = not fence
            continue
        if fence:
            continue
        if line.startswith("#"):
            flush()
            heading = line.lstrip("#").strip()
            continue
        if not line.strip() or line.lstrip().startswith("|"):
            flush()
            continue
        if re.match(r"\s*(?:[-*]|\d+\.)\s", line):  # a list item starts a paragraph of its own
            flush()
        if not buf:
            start = no
        buf.append(line)
    flush()
    return out


def _level(sentence: str) -> str | None:
    found = set(KEYWORD_RE.findall(sentence))
    for level in ("MUST", "MUST NOT", "SHOULD", "SHOULD NOT", "MAY"):
        if level in found:
            return level
    return None


def parse(text: str, file: str) -> tuple[list[Requirement], list[str]]:
    """The requirements of one spec file, and its problems (key-word sentences without an id, ...)."""
    reqs: list[Requirement] = []
    problems: list[str] = []
    for line, heading, para in _paragraphs(text):
        for sentence in _SENTENCE_END.split(para):
            ids = MARKER_RE.findall(sentence)
            level = _level(sentence)
            where = f"{file}:{line} ({heading})"
            if len(ids) > 1:
                problems.append(f"{where}: one sentence holds several ids {ids}")
            if not ids:
                if level in ("MUST", "MUST NOT", "SHOULD", "SHOULD NOT") and not any(
                        x in sentence for x in _NOT_REQUIREMENTS):
                    problems.append(f"{where}: a {level} sentence without a requirement id: {sentence[:120]!r}")
                continue
            if level is None:
                problems.append(f"{where}: {ids[0]} marks a sentence without MUST, SHOULD or MAY")
                continue
            body = re.sub(r"^[-\d.\s]*", "", MARKER_RE.sub("", sentence)).strip()
            reqs.append(Requirement(ids[0], level, body, file, heading, line))
    return reqs, problems


@lru_cache(maxsize=4)
def _load(directory: Traversable) -> tuple[tuple[Requirement, ...], tuple[str, ...]]:
    reqs: list[Requirement] = []
    problems: list[str] = []
    for path in sorted((p for p in directory.iterdir() if p.name.endswith(".md")), key=lambda p: p.name):
        r, p = parse(path.read_text(encoding="utf-8"), path.name)
        reqs += r
        problems += p
    seen: dict[str, Requirement] = {}
    for r in reqs:
        if r.id in seen:
            problems.append(f"{r.file}:{r.line}: duplicate id {r.id} (also {seen[r.id].file}:{seen[r.id].line})")
        if r.id in RETIRED:
            problems.append(f"{r.file}:{r.line}: {r.id} is retired ({RETIRED[r.id]}); take a new number")
        seen.setdefault(r.id, r)
    for rid in NOT_BY_VECTORS:
        if rid not in seen or seen[rid].level not in MANDATORY:
            problems.append(f"NOT_BY_VECTORS names {rid}, which is not a MUST of the spec")
    return tuple(reqs), tuple(problems)


def requirements(directory: Traversable | None = None) -> dict[str, Requirement]:
    """id -> requirement, in spec order (files by name, then by position)."""
    reqs, _ = _load(directory or spec_dir())
    return {r.id: r for r in reqs}


def problems(directory: Traversable | None = None) -> list[str]:
    return list(_load(directory or spec_dir())[1])


def model_properties() -> dict[str, str]:
    """The SPIN model's ``KCP1-MODEL-*`` ids (kit/keycrypt_kit/model/properties.py) -> their one-line summary."""
    from keycrypt_kit.model import properties

    out = {prop.id: prop.summary for prop in properties.PROPERTIES}
    out[properties.WELLFORMED] = "an action ran without its inputs (the daemon would crash)"
    return out


def known_ids(directory: Traversable | None = None) -> set[str]:
    """Every id a file may cite: the spec's, the retired ones and the model's properties."""
    return set(requirements(directory)) | set(RETIRED) | set(model_properties())


def check_ids(ids: list[str] | tuple[str, ...], where: str) -> None:
    """Raise unless every id is one of the spec's live requirements (a generator or mutant cites them)."""
    reqs = requirements()
    unknown = [i for i in ids if i not in reqs]
    if unknown:
        raise RequirementError(f"{where}: unknown requirement ids {unknown} (spec/*.md defines "
                               f"{len(reqs)} ids: `**[KCP1-AREA-N]**` at the sentence)")


# --------------------------------------------------------------------------- coverage and the generated page


@dataclass(frozen=True)
class Coverage:
    cases: dict[str, list[str]]  # id -> case names (file-stem:id) that check it
    mutants: dict[str, list[str]]  # id -> mutant names that violate it
    per_file: dict[str, int]  # vector file -> number of cases


def coverage() -> Coverage:
    """Which committed vector cases check each id, and which mutants violate it."""
    import json

    from keycrypt_conformance.mutants import MUTANTS
    from keycrypt_vectors import VECTOR_FILES, vectors_dir

    cases: dict[str, list[str]] = {rid: [] for rid in requirements()}
    per_file: dict[str, int] = {}
    for name in VECTOR_FILES:
        data = json.loads((vectors_dir() / name).read_text(encoding="utf-8"))
        per_file[name] = data["numberOfTests"]
        for group in data["testGroups"]:
            for test in group["tests"]:
                for rid in test.get("requirements", ()):
                    cases.setdefault(rid, []).append(f"{name.removesuffix('.json')}:{test['id']}")
    mutants: dict[str, list[str]] = {rid: [] for rid in requirements()}
    for mname, mutant in sorted(MUTANTS.items()):
        for rid in mutant.violates:
            mutants.setdefault(rid, []).append(mname)
    return Coverage(cases, mutants, per_file)


def gaps(cov: Coverage | None = None) -> list[str]:
    """MUSTs (and MUST NOTs) with no case or no mutant, other than the listed NOT_BY_VECTORS ones."""
    cov = cov or coverage()
    out = []
    for rid, r in requirements().items():
        if r.level not in MANDATORY or rid in NOT_BY_VECTORS:
            continue
        if not cov.cases.get(rid):
            out.append(f"{rid} ({r.level}, {r.file} §{r.section}): no vector case checks it")
        if not cov.mutants.get(rid):
            out.append(f"{rid} ({r.level}, {r.file} §{r.section}): no mutant violates it")
    return out


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_page(banner: str) -> str:
    """docs/generated/requirements.md: per id its level, sentence, cases and mutants; then the counts."""
    reqs = requirements()
    cov = coverage()
    total_cases = sum(cov.per_file.values())
    parts = [banner, "# Requirements\n\n",
             "Every MUST, MUST NOT and SHOULD of the spec (`spec/*.md`) carries a stable id, `KCP1-<AREA>-<N>`, "
             "written in bold at its sentence. Every vector case lists the ids it checks (`\"requirements\"`), and "
             "every mutant of the reference (`keycrypt_conformance/mutants.py`) the ids it violates. "
             "`keycrypt-conformance shim --requirement KCP1-STREAM-1` runs the cases of one id, and a failing case "
             "names its ids. The tests fail on a MUST with no case or no mutant, and on a mutant that survives.\n\n",
             "## Summary\n\n",
             "| level | ids | with a case | with a mutant |\n|---|---|---|---|\n"]
    for level in LEVELS:
        ids = [rid for rid, r in reqs.items() if r.level == level]
        if ids:
            parts.append(f"| {level} | {len(ids)} | {sum(1 for i in ids if cov.cases.get(i))} | "
                         f"{sum(1 for i in ids if cov.mutants.get(i))} |\n")
    parts.append(f"| all | {len(reqs)} | {sum(1 for i in reqs if cov.cases.get(i))} | "
                 f"{sum(1 for i in reqs if cov.mutants.get(i))} |\n\n")
    parts.append(f"{total_cases} vector cases: " + ", ".join(f"`{f}` {n}" for f, n in cov.per_file.items())
                 + f". {sum(len(v) for v in cov.mutants.values())} (mutant, id) pairs over "
                 f"{len({m for v in cov.mutants.values() for m in v})} mutants.\n\n")
    without = [rid for rid, r in reqs.items() if r.level not in MANDATORY and not cov.cases.get(rid)]
    if without:
        parts.append("Without a case (not a MUST): " + ", ".join(f"`{rid}` ({reqs[rid].level})" for rid in without)
                     + ".\n\n")
    if NOT_BY_VECTORS:
        parts.append("MUSTs no vector can observe, and what checks them instead:\n\n")
        for rid, why in NOT_BY_VECTORS.items():
            parts.append(f"- `{rid}`: {why}.\n")
        parts.append("\n")
    model = model_properties()
    parts.append("## The requirements\n")
    section = None
    for rid, r in reqs.items():
        where = f"{r.file} §{r.section}"
        if where != section:
            parts.append(f"\n### {r.file}: {r.section}\n")
            section = where
        cases = cov.cases.get(rid, [])
        mutants = cov.mutants.get(rid, [])
        parts.append(f"\n#### {rid}\n\n**{r.level}**: {_cell(r.text)}\n\n")
        if rid in NOT_BY_VECTORS:
            parts.append(f"- cases: none, not observable by a vector ({NOT_BY_VECTORS[rid]})\n")
        elif not cases:
            parts.append("- cases: **none**\n")
        elif len(cases) <= 6:
            parts.append(f"- cases ({len(cases)}): " + ", ".join(f"`{c}`" for c in cases) + "\n")
        else:
            parts.append(f"- cases ({len(cases)}): listed below\n")
        parts.append("- mutants: " + (", ".join(f"`{m}`" for m in mutants) if mutants else "**none**") + "\n")
        if len(cases) > 6 and rid not in NOT_BY_VECTORS:
            listing = "\n".join(f"    - `{c}`" for c in cases)
            parts.append(f'\n??? note "the {len(cases)} cases of {rid}"\n\n{listing}\n')
    parts.append("\n## Model properties\n\nThe SPIN model (`kit/keycrypt_kit/model/properties.py`) checks these "
                 "properties of the tables; their ids are the model's own.\n\n| id | property |\n|---|---|\n")
    for pid, summary in model.items():
        parts.append(f"| `{pid}` | {_cell(summary)} |\n")
    return "".join(parts)
