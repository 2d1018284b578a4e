"""Progress display, readable summary, JSON and JUnit XML reports (shared by every mode)."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, TextIO

from keycrypt_conformance.runner import CaseStatus, Result

_MARK = {CaseStatus.PASS: ".", CaseStatus.FAIL: "F", CaseStatus.UNIMPLEMENTED: "u", CaseStatus.DISABLED: "d"}


class Progress:
    """One updating line on a terminal; rows of status marks otherwise (CI logs)."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, enabled: bool = True) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.tty = enabled and stream.isatty()
        self.done = 0
        self.failed = 0
        self._col = 0

    def __call__(self, res: Result) -> None:
        self.done += 1
        self.failed += res.status == CaseStatus.FAIL
        if not self.enabled:
            return
        if self.tty:
            width = shutil.get_terminal_size((100, 20)).columns
            line = f"[{self.done:>{len(str(self.total))}}/{self.total}] {self.failed} failed  {res.case.name}"
            self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        else:
            self.stream.write(_MARK[res.status])
            self._col += 1
            if self._col == 80 or self.done == self.total:
                self.stream.write(f" {self.done}/{self.total}\n")
                self._col = 0
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((100, 20)).columns - 1) + "\r")
        elif self.enabled and self._col:
            self.stream.write(f" {self.done}/{self.total}\n")
        self.stream.flush()


def counts(results: list[Result]) -> dict[str, int]:
    c = Counter(r.status.value for r in results)
    return {s.value: c.get(s.value, 0) for s in CaseStatus}


def ok(results: list[Result], require_all: bool = False) -> bool:
    bad = {CaseStatus.FAIL} | ({CaseStatus.UNIMPLEMENTED} if require_all else set())
    return not any(r.status in bad for r in results)


def summary(results: list[Result], elapsed: float, implementation: str, *, verbose: bool = False,
            max_failures: int = 50) -> str:
    by_file: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_file[r.case.file].append(r)
    lines = [f"implementation: {implementation}", "",
             f"{'file':<22}{'cases':>7}{'pass':>7}{'fail':>7}{'unimpl':>8}{'disabled':>10}"]
    for name, rs in by_file.items():
        c = counts(rs)
        lines.append(f"{name:<22}{len(rs):>7}{c['pass']:>7}{c['fail']:>7}{c['unimplemented']:>8}{c['disabled']:>10}")
    c = counts(results)
    lines.append(f"{'total':<22}{len(results):>7}{c['pass']:>7}{c['fail']:>7}{c['unimplemented']:>8}{c['disabled']:>10}")
    fails = [r for r in results if r.status == CaseStatus.FAIL]
    if fails:
        lines += ["", "failures:"]
        for r in fails[:max_failures]:
            lines.append(f"  FAIL {r.case.name} (tcId {r.case.tcid}, {r.case.operation}): {r.case.comment}")
            lines.append(f"       {r.message}")
        if len(fails) > max_failures:
            lines.append(f"  ... and {len(fails) - max_failures} more (see --json)")
    unimpl = sorted({r.case.operation for r in results if r.status == CaseStatus.UNIMPLEMENTED})
    if unimpl:
        lines += ["", f"unimplemented operations: {', '.join(unimpl)}"]
    if verbose:
        dis = [r for r in results if r.status == CaseStatus.DISABLED]
        for r in dis:
            lines.append(f"  disabled {r.case.name}: {r.message}")
    verdict = "PASS" if not fails else "FAIL"
    lines += ["", f"{verdict}: {c['pass']} passed, {c['fail']} failed, {c['unimplemented']} unimplemented, "
              f"{c['disabled']} disabled in {elapsed:.2f} s"]
    return "\n".join(lines)


def to_json(results: list[Result], elapsed: float, mode: str, caps: dict[str, Any]) -> dict[str, Any]:
    return {
        "tool": "keycrypt-conformance",
        "mode": mode,
        "implementation": caps,
        "elapsed": round(elapsed, 3),
        "summary": counts(results),
        "cases": [
            {"file": r.case.file, "tcId": r.case.tcid, "id": r.case.id, "operation": r.case.operation,
             "flags": list(r.case.flags), "requirements": list(r.case.requirements), "status": r.status.value,
             "message": r.message,
             "duration": round(r.duration, 6)}
            for r in results
        ],
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def write_junit(path: Path, results: list[Result], elapsed: float, mode: str) -> None:
    root = ET.Element("testsuites", name=f"keycrypt-conformance {mode}", time=f"{elapsed:.3f}")
    by_file: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_file[r.case.file].append(r)
    for name, rs in by_file.items():
        c = counts(rs)
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(len(rs)), failures=str(c["fail"]),
                              skipped=str(c["unimplemented"] + c["disabled"]), errors="0",
                              time=f"{sum(r.duration for r in rs):.3f}")
        for r in rs:
            tc = ET.SubElement(suite, "testcase", classname=f"{name.removesuffix('.json')}.{r.case.operation}",
                               name=r.case.id, time=f"{r.duration:.6f}")
            if r.status == CaseStatus.FAIL:
                ET.SubElement(tc, "failure", message=r.message[:500], type="mismatch").text = (
                    f"{r.case.comment}\n{r.message}")
            elif r.status in (CaseStatus.UNIMPLEMENTED, CaseStatus.DISABLED):
                ET.SubElement(tc, "skipped", message=f"{r.status.value}: {r.message}")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
