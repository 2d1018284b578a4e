"""Shim mode: drive an implementation through its JSON-lines shim, one request per vector case.

The request is the case's operation and inputs only; expected answers never
leave the runner. The answer is judged here: a valid case must return the
vector's output (field by field), an invalid one the vector's typed outcome
(through the config's error-name map) and, where the vector names one, the
same field. See spec/shim-protocol.md.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shlex
import signal
import subprocess
import tempfile
import time
from typing import Any, Callable, Protocol

from keycrypt_conformance import bytediff
from keycrypt_conformance.runner import Case, CaseStatus, Config, ConformanceError, Result

OPTIONAL_OUTPUTS: dict[str, frozenset[str]] = {
    "mac.sign": frozenset({"mac_input"}),  # published for humans; compared only when a shim returns it
    "machine.step": frozenset({"state"}),
}


class ShimDied(Exception):
    """The shim process exited, closed stdout, answered garbage or timed out."""


class Transport(Protocol):
    def request(self, req: dict[str, Any]) -> dict[str, Any]: ...

    def close(self) -> None: ...


class SubprocessShim:
    """A shim command speaking JSON lines on stdin/stdout; stderr goes to a temporary file."""

    def __init__(self, cmd: str, timeout: float = 30.0, cwd: str | None = None) -> None:
        argv = shlex.split(cmd)
        if not argv:
            raise ConformanceError("empty shim command")
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                          cwd=cwd, bufsize=0)
        except OSError as exc:
            raise ConformanceError(f"cannot start shim {cmd!r}: {exc}") from None
        self._timeout = timeout
        self._buf = b""
        self._sel = selectors.DefaultSelector()
        assert self._proc.stdout is not None
        self._sel.register(self._proc.stdout, selectors.EVENT_READ)

    def stderr_tail(self, n: int = 800) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-n:]

    def _readline(self) -> bytes:
        deadline = time.monotonic() + self._timeout
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not self._sel.select(left):
                raise ShimDied(f"no answer within {self._timeout:g} s")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise ShimDied(f"the shim closed its stdout ({self.exit_status()})")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return line

    def exit_status(self, wait: float = 2.0) -> str:
        """'exit status 3' or 'killed by SIGSEGV' once the process has ended (it may close stdout first)."""
        try:
            code = self._proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            return f"still running {wait:g} s after closing stdout"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}"

    def request(self, req: dict[str, Any]) -> dict[str, Any]:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps(req, separators=(",", ":")).encode() + b"\n")
        except (BrokenPipeError, OSError) as exc:
            raise ShimDied(f"cannot write to the shim: {exc} ({self.exit_status()})") from None
        line = self._readline()
        try:
            ans = json.loads(line)
        except ValueError:
            raise ShimDied(f"the shim answered a line that is not JSON: {line[:200]!r}") from None
        if not isinstance(ans, dict) or ans.get("id") != req.get("id"):
            raise ShimDied(f"answer id {ans.get('id') if isinstance(ans, dict) else ans!r} for request {req.get('id')}")
        return ans

    def close(self) -> None:
        try:
            if self._proc.stdin:
                self._proc.stdin.close()
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        self._sel.close()
        self._stderr.close()


class InProcessShim:
    """A handler function behind the same JSON round trip (fast tests of the reference and its mutants)."""

    def __init__(self, handler: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        self._handler = handler

    def request(self, req: dict[str, Any]) -> dict[str, Any]:
        ans = self._handler(json.loads(json.dumps(req)))
        return json.loads(json.dumps({**ans, "id": req.get("id")}))

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- judging


TIME_FIELDS = frozenset({"at", "until", "locked_until", "now"})
"""Output members that are times (seconds): compared as numbers, so an expected 3 equals 3.0 (shim spec §4)."""

TEXT_FIELDS = frozenset({"client_id", "text", "reason", "action", "state", "next", "type", "event", "pin"})
"""String members that are text, never hex bytes (everything else that looks like hex is compared as bytes)."""

_HEX = re.compile(r"(?:[0-9a-f]{2})+")


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _close(a: Any, b: Any) -> bool:
    return _number(b) and abs(a - b) <= 1e-9 * max(1.0, abs(a))


def diff(want: Any, got: Any, path: str, config: Config, optional: frozenset[str] = frozenset()) -> str | None:
    """The first difference between an expected and a returned value, as 'path: want X, got Y'."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"{path or 'result'}: expected an object, got {json.dumps(got)[:80]}"
        for k, v in want.items():
            if k not in got:
                if k in optional:
                    continue
                return f"{path}{k}: missing from the answer"
            d = diff(v, got[k], f"{path}{k}.", config)
            if d:
                return d
        return None
    if isinstance(want, list):
        if not isinstance(got, list):
            return f"{path.rstrip('.')}: expected a list, got {json.dumps(got)[:80]}"
        if path.endswith("actions.") and config.ignore_actions:
            want = [a for a in want if not (isinstance(a, dict) and a.get("action") in config.ignore_actions)]
            got = [a for a in got if not (isinstance(a, dict) and a.get("action") in config.ignore_actions)]
        for i, (w, g) in enumerate(zip(want, got, strict=False)):  # a length difference is reported below
            d = diff(w, g, f"{path.rstrip('.')}[{i}].", config)
            if d:
                return d
        if len(want) != len(got):
            return f"{path.rstrip('.')}: expected {len(want)} items, got {len(got)}"
        return None
    key = path.rstrip(".").rsplit(".", 1)[-1]
    if isinstance(want, float) or (key in TIME_FIELDS and _number(want)):
        ok = _number(got) and _close(want, got)  # times: 3, 3.0 and 3.0000000001 are the same instant
    else:
        ok = want == got and type(want) is type(got)  # an int is not a float, a bool not an int
    if ok:
        return None
    if (isinstance(want, str) and isinstance(got, str) and key not in TEXT_FIELDS and _HEX.fullmatch(want)
            and _HEX.fullmatch(got)):
        return f"{path.rstrip('.')}: {bytediff.describe(bytes.fromhex(want), bytes.fromhex(got))}"
    return f"{path.rstrip('.')}: expected {json.dumps(want)[:120]}, got {json.dumps(got)[:120]}"


def judge(case: Case, ans: dict[str, Any], config: Config) -> tuple[CaseStatus, str]:
    if ans.get("unimplemented"):
        return CaseStatus.UNIMPLEMENTED, "the shim answered unimplemented"
    if "error" in ans:
        err = config.outcome(str(ans["error"]))
        said = _shim_message(ans)
        if case.output is not None:
            return CaseStatus.FAIL, f"expected a result, the shim failed with {err} ({ans.get('field')}){said}"
        if err != case.outcome:
            return CaseStatus.FAIL, f"expected {case.outcome} ({case.field}), got {err} ({ans.get('field')}){said}"
        if config.compare_field and case.field is not None and ans.get("field") != case.field:
            return CaseStatus.FAIL, (f"right outcome {err}, wrong field: expected {case.field}, "
                                 f"got {ans.get('field')}{said}")
        return CaseStatus.PASS, ""
    if "result" in ans:
        if case.output is None:
            return CaseStatus.FAIL, f"expected {case.outcome} ({case.field}), the shim accepted the input"
        d = diff(case.output, ans["result"], "", config, OPTIONAL_OUTPUTS.get(case.operation, frozenset()))
        return (CaseStatus.FAIL, d + _step_context(case, d)) if d else (CaseStatus.PASS, "")
    return CaseStatus.FAIL, f"malformed answer (no result, error or unimplemented): {json.dumps(ans)[:200]}"


def _shim_message(ans: dict[str, Any]) -> str:
    """The shim's own ``message``, escaped and bounded: it comes from the implementation under test."""
    msg = ans.get("message")
    if msg is None:
        return ""
    text = msg if isinstance(msg, str) else json.dumps(msg)
    return f"; the shim says: {ascii(text[:300])}"


def _step_context(case: Case, message: str) -> str:
    """For a transcript, name the input step where the answers part ways."""
    m = re.match(r"steps\[(\d+)\]", message)
    steps = case.input.get("steps")
    if not m or not isinstance(steps, list) or int(m.group(1)) >= len(steps):
        return ""
    step = steps[int(m.group(1))]
    return f" (at step {m.group(1)}: input {step.get('input')!r}, now {step.get('now')})"


# --------------------------------------------------------------------------- the run


def run(cases: list[Case], start: Callable[[], Transport], config: Config,
        on_result: Callable[[Result], None] = lambda r: None, fail_fast: bool = False,
        ) -> tuple[dict[str, Any], list[Result]]:
    """Play every case through the shim; returns (capabilities, results). Restarts a shim that dies."""
    transport = start()
    try:
        caps = _capabilities(transport)
        ops = set(caps.get("operations", []))
        results: list[Result] = []
        for n, case in enumerate(cases, 1):
            t0 = time.perf_counter()
            reason = config.disabled_reason(case)
            if reason is not None:
                res = Result(case, CaseStatus.DISABLED, reason)
            elif case.operation not in ops:
                res = Result(case, CaseStatus.UNIMPLEMENTED, f"{case.operation} is not among the shim's capabilities")
            else:
                try:
                    ans = transport.request({"id": n, "op": case.operation, **case.input})
                    status, msg = judge(case, ans, config)
                except ShimDied as exc:
                    tail = transport.stderr_tail() if isinstance(transport, SubprocessShim) else ""
                    status, msg = CaseStatus.FAIL, f"shim died: {exc}" + (f"; stderr: {tail.strip()}" if tail.strip() else "")
                    transport.close()
                    transport = start()
                    _capabilities(transport)
                res = Result(case, status, msg, time.perf_counter() - t0)
            results.append(res)
            on_result(res)
            if fail_fast and res.status == CaseStatus.FAIL:
                break
        return caps, results
    finally:
        transport.close()


def _capabilities(transport: Transport) -> dict[str, Any]:
    try:
        ans = transport.request({"id": 0, "op": "capabilities"})
    except ShimDied as exc:
        raise ConformanceError(f"the shim did not answer capabilities: {exc}") from None
    caps = ans.get("result")
    if not isinstance(caps, dict) or not isinstance(caps.get("operations"), list):
        raise ConformanceError(f"capabilities answer lacks result.operations: {json.dumps(ans)[:200]}")
    return caps
