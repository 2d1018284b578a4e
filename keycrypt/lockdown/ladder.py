"""The ladder itself: :class:`LadderRunner` runs the steps in order, each bounded, and reports every outcome."""

from __future__ import annotations

import asyncio
import logging
import os
import shlex
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from keycrypt.audit import AuditLog, normalise_detail
from keycrypt.constants import (
    LOCKDOWN_AUDIT_TIMEOUT,
    LOCKDOWN_POWEROFF_ARGV,
    LOCKDOWN_POWEROFF_RETRY_MAX,
    LOCKDOWN_POWEROFF_RETRY_MIN,
    LOCKDOWN_SYSRQ_SYNC_PAUSE,
)
from keycrypt.errors import AuditError, Reason
from keycrypt.lockdown import process
from keycrypt.lockdown.audit_writer import AuditWriter
from keycrypt.lockdown.config import AUTO, DEFAULT_TIMEOUTS, DESTRUCTIVE, Ladder, LadderStep, StepStatus
from keycrypt.lockdown.process import Host, in_thread, luks_mappings, run_argv
from keycrypt.logfmt import kv as _kv

log = logging.getLogger("keycrypt.lockdown")


def step_volumes(step: LadderStep, host: Host | None = None) -> tuple[str, ...]:
    """The volumes a luks-suspend step acts on now (AUTO resolved on ``host``)."""
    if step.volumes == AUTO:
        return luks_mappings((host or process.DEFAULT_HOST).sys_block)
    return tuple(step.volumes or ())



def describe(step: LadderStep, host: Host | None = None) -> str:
    """What a step runs, in words (used for "would run ..." records)."""
    host = host or process.DEFAULT_HOST
    if step.action == "audit":
        return "write and fsync the lockdown record"
    if step.action in ("command", "poweroff"):
        return shlex.join(step.argv or ())
    if step.action == "luks-suspend":
        vols = step_volumes(step, host)
        auto = "auto: " if step.volumes == AUTO else ""
        if not vols:
            return f"{auto}no active LUKS mapping found, nothing to suspend"
        return auto + "; ".join(shlex.join([host.cryptsetup, "luksSuspend", v]) for v in vols)
    if step.action == "sysrq":
        return f"echo 1 > {host.sysrq_enable}; echo s > {host.sysrq_trigger}; echo o > {host.sysrq_trigger}"
    return shlex.join(step.argv) if step.argv else "nothing (dry-run step)"



# ------------------------------------------------------------------ outcomes and the report


@dataclass(frozen=True, slots=True)
class StepOutcome:
    index: int
    action: str
    status: StepStatus
    duration: float
    exit_code: int | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["duration"] = round(self.duration, 4)
        return d


@dataclass(slots=True)
class LadderReport:
    reason: str
    dry_run: bool
    allow_destructive: bool
    started: str
    outcomes: list[StepOutcome] = field(default_factory=list)
    duration: float = 0.0
    audited: bool = False
    """The lockdown record was written and fsync'ed before any step ran."""
    finished: bool = False
    """Every step ran and the host is still up (a real lockdown ends earlier, with the host)."""
    retriggers: list[str] = field(default_factory=list)
    """Reasons of further calls that arrived while (or after) this ladder ran."""
    poweroff_retries: int = 0
    """Power-off attempts after the first, when it failed and there was no sysrq step."""
    last_retry: StepOutcome | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "dry_run": not self.allow_destructive,  # the top-level `dry_run` (nothing destructive runs)
            "lockdown.dry_run": self.dry_run,  # `[lockdown] dry_run` (nothing runs at all)
            "started": self.started,
            "duration": round(self.duration, 4),
            "audited": self.audited,
            "finished": self.finished,
            "retriggers": list(self.retriggers),
            "poweroff_retries": self.poweroff_retries,
            "last_retry": None if self.last_retry is None else self.last_retry.to_dict(),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def _safe_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """The caller's detail as it will be recorded; one that cannot be recorded must not cost the record."""
    try:
        return normalise_detail(dict(detail or {}))
    except (AuditError, TypeError, ValueError) as exc:
        return {"unrecordable_detail": str(exc)}


def _reason_value(reason: Any) -> str:
    return reason.value if isinstance(reason, Enum) else str(reason)


# ------------------------------------------------------------------ the ladder


class LadderRunner:
    """Runs one ladder at most once; :func:`execute` uses the process-wide instance."""

    def __init__(self, *, retry_min: float = LOCKDOWN_POWEROFF_RETRY_MIN, retry_max: float = LOCKDOWN_POWEROFF_RETRY_MAX) -> None:
        """``retry_min``/``retry_max``: the pauses between power-off retries (tests shorten them)."""
        self._retry_min, self._retry_max = retry_min, retry_max
        self._task: asyncio.Task[LadderReport] | None = None
        self._auditor: AuditWriter | None = None
        self._report: LadderReport | None = None

    @property
    def report(self) -> LadderReport | None:
        """The report of the ladder that runs or ran (filled in as it goes)."""
        return self._report

    async def execute(
        self,
        ladder: Ladder,
        reason: Reason,
        audit: AuditLog | None,
        *,
        detail: Mapping[str, Any] | None = None,
        allow_destructive: bool = False,
        host: Host | None = None,
    ) -> LadderReport:
        task = self._task
        if task is not None and not task.cancelled():
            if task.done():
                report = task.result()
                report.retriggers.append(_reason_value(reason))
                return report
            if task.get_loop() is asyncio.get_running_loop():
                assert self._report is not None
                self._report.retriggers.append(_reason_value(reason))
                if self._auditor is not None:
                    await self._auditor.write("lockdown_retrigger", _reason_value(reason), trigger=_safe_detail(detail))
                return await asyncio.shield(task)
            # A ladder started on an event loop that is gone and never finished: run again.
        self._report = LadderReport(
            reason=_reason_value(reason),
            dry_run=ladder.dry_run,
            allow_destructive=allow_destructive is True,
            started=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        )
        self._task = asyncio.get_running_loop().create_task(
            self._run(ladder, _reason_value(reason), audit, _safe_detail(detail), allow_destructive is True, host or process.DEFAULT_HOST),
            name="keycrypt-lockdown",
        )
        # shield: cancelling the caller (a session task, a shutdown) does not stop the ladder
        return await asyncio.shield(self._task)

    async def _run(
        self, ladder: Ladder, reason: str, audit: AuditLog | None, detail: dict[str, Any], destructive: bool, host: Host
    ) -> LadderReport:
        report = self._report
        assert report is not None
        t0 = time.monotonic()
        auditor = self._auditor = AuditWriter(audit, ladder.steps[0].timeout or LOCKDOWN_AUDIT_TIMEOUT)
        try:
            err = await auditor.write(
                "lockdown",
                reason,
                trigger=detail,
                # in the operator's words: the config's own keys and what they were set to
                **{"dry_run": not destructive, "lockdown.dry_run": ladder.dry_run},
                ladder=[f"{s.action}: {describe(s, host)}" for s in ladder.steps[1:]],
            )
            report.audited = err is None
            status: StepStatus = "ok" if err is None else ("timeout" if auditor.stalled else "failed")
            first = StepOutcome(0, "audit", status, time.monotonic() - t0, None, err or "lockdown record written and fsync'ed")
            report.outcomes.append(first)
            if err is not None:
                log.critical("%s", _kv(event="lockdown_audit_failed", reason=reason, error=err, note="the ladder goes on"))
            env = {**os.environ, "KEYCRYPT_LOCKDOWN_REASON": reason}
            for i, step in enumerate(ladder.steps[1:], 1):
                t = time.monotonic()
                try:
                    outcome = await self._step(i, step, ladder.dry_run, destructive, host, env, reason, auditor)
                except Exception as exc:  # a bug must not stop the ladder
                    outcome = StepOutcome(i, step.action, "failed", time.monotonic() - t, None, f"{type(exc).__name__}: {exc}")
                report.outcomes.append(outcome)
                log.warning(
                    "%s",
                    _kv(
                        event="lockdown_step", reason=reason, index=i, action=step.action, status=outcome.status,
                        duration=f"{outcome.duration:.3f}", exit_code=outcome.exit_code, detail=outcome.detail or None,
                    ),
                )
                await auditor.write("lockdown_step", reason, **outcome.to_dict())
            if destructive and not ladder.dry_run:
                await self._retry_poweroff(ladder, host, env, reason, auditor)
            report.finished = True
            report.duration = time.monotonic() - t0
            await auditor.write(
                "lockdown_end",
                reason,
                duration=round(report.duration, 4),
                statuses=[o.status for o in report.outcomes],
                host_still_up=True,
            )
            return report
        finally:
            report.duration = time.monotonic() - t0
            auditor.close()

    async def _retry_poweroff(
        self, ladder: Ladder, host: Host, env: Mapping[str, str], reason: str, auditor: AuditWriter
    ) -> None:
        """The host is still up and there is no sysrq step to fall back on: retry power-off until it works.

        Returns at once when the ladder has a sysrq step (the last resort ran
        already) or no poweroff step (the operator chose a ladder that keeps
        the host up). Otherwise it never returns: the host going down ends it.
        """
        actions = [s.action for s in ladder.steps]
        if "poweroff" not in actions or "sysrq" in actions:
            return
        i = max(n for n, a in enumerate(actions) if a == "poweroff")
        step = ladder.steps[i]
        report = self._report
        assert report is not None
        delay = self._retry_min
        while True:
            log.critical(
                "LOCKDOWN INCOMPLETE: the host is still up after power-off and the ladder has no sysrq step; "
                "retrying power-off in %g s (every %g s at most, until the host goes down)",
                delay, self._retry_max,
            )
            await auditor.write("lockdown_poweroff_retry", reason, index=i, attempt=report.poweroff_retries + 1, pause=delay)
            await asyncio.sleep(delay)
            t = time.monotonic()
            try:
                outcome = await self._step(i, step, False, True, host, env, reason, auditor)
            except Exception as exc:  # a bug must not stop the retries
                outcome = StepOutcome(i, step.action, "failed", time.monotonic() - t, None, f"{type(exc).__name__}: {exc}")
            report.poweroff_retries += 1
            report.last_retry = outcome  # not appended: retries may go on for days
            log.critical(
                "lockdown power-off retry %d: %s in %.3f s%s", report.poweroff_retries, outcome.status,
                outcome.duration, f" ({outcome.detail})" if outcome.detail else "",
            )
            await auditor.write("lockdown_step", reason, retry=report.poweroff_retries, **outcome.to_dict())
            delay = min(delay * 2, self._retry_max)

    async def _step(
        self,
        i: int,
        step: LadderStep,
        dry_run: bool,
        destructive: bool,
        host: Host,
        env: Mapping[str, str],
        reason: str,
        auditor: AuditWriter,
    ) -> StepOutcome:
        t = time.monotonic()
        timeout = step.timeout or DEFAULT_TIMEOUTS[step.action]
        what = describe(step, host)

        def done(status: StepStatus, exit_code: int | None = None, detail: str = "") -> StepOutcome:
            return StepOutcome(i, step.action, status, time.monotonic() - t, exit_code, detail)

        if dry_run or step.action == "dry-run":
            return done("dry-run", None, f"would run: {what}")
        if step.action in DESTRUCTIVE and not destructive:
            return done("refused", None, f"would run: {what}; refused: allow_destructive is not set")

        if step.action == "command":
            r = await run_argv(step.argv or (), timeout, env)
            return done(r.status, r.exit_code, r.detail)

        if step.action == "luks-suspend":
            vols = step_volumes(step, host)
            if not vols:
                return done("ok", None, what)
            runs = await asyncio.gather(*(run_argv([host.cryptsetup, "luksSuspend", v], timeout, env) for v in vols))
            status: StepStatus = (
                "timeout" if any(r.status == "timeout" for r in runs)
                else "failed" if any(r.status != "ok" for r in runs)
                else "ok"
            )
            code = next((r.exit_code for r in runs if r.exit_code), 0 if status == "ok" else None)
            detail = "; ".join(f"{v}: {r.status}" + (f" ({r.detail})" if r.detail else "") for v, r in zip(vols, runs, strict=True))
            return done(status, code, detail)

        # poweroff and sysrq end the process when they work: record the intent first.
        await auditor.write("lockdown_step_start", reason, index=i, action=step.action, run=what)
        if step.action == "poweroff":
            r = await run_argv(step.argv or LOCKDOWN_POWEROFF_ARGV, timeout, env)
            if r.status != "ok":
                return done(r.status, r.exit_code, r.detail)
            await asyncio.sleep(max(0.0, timeout - (time.monotonic() - t)))
            return done("timeout", 0, f"exit status 0, but the host was still up after {timeout:g} s")

        assert step.action == "sysrq"
        pause = min(LOCKDOWN_SYSRQ_SYNC_PAUSE, timeout / 2)

        def sysrq() -> str:
            note = ""
            try:
                process.write_proc(host.sysrq_enable, b"1")
            except OSError as exc:  # the trigger file works for root whatever this says
                note = f"enabling sysrq failed ({exc.strerror}); "
            process.write_proc(host.sysrq_trigger, b"s")
            time.sleep(pause)
            process.write_proc(host.sysrq_trigger, b"o")
            return note

        try:
            note = await asyncio.wait_for(in_thread(sysrq), timeout)
        except TimeoutError:
            return done("timeout", None, f"the sysrq writes did not finish within {timeout:g} s")
        except OSError as exc:
            return done("failed", None, f"sysrq: {exc.strerror or exc}")
        await asyncio.sleep(max(0.0, timeout - (time.monotonic() - t)))
        return done("timeout", None, f"{note}sync and power-off requested, but the host was still up after {timeout:g} s")


_PROCESS_LOCKDOWN = LadderRunner()


async def execute(
    ladder: Ladder,
    reason: Reason,
    audit: AuditLog | None,
    *,
    detail: Mapping[str, Any] | None = None,
    allow_destructive: bool = False,
    host: Host | None = None,
) -> LadderReport:
    """Run the lockdown ladder once per process; later calls return the same report.

    ``audit`` may be None (the log could not be opened): the ladder still runs.
    ``detail`` is non-secret context for the lockdown record (peer, state, ...).
    ``allow_destructive`` must be True for luks-suspend, poweroff and sysrq to
    act; the daemon passes True only when not in dry-run mode. Never raises
    for a failing step: see the report.
    """
    return await _PROCESS_LOCKDOWN.execute(
        ladder, reason, audit, detail=detail, allow_destructive=allow_destructive, host=host
    )
