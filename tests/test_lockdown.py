"""The lockdown ladder: order, audit first, bounded steps, dry-run, once per process, config errors.

Safety: these tests may run as root. They only ever run ``command`` steps and
harmless stand-ins (``true``, ``sleep``, a fake ``cryptsetup`` script, sysrq
files under tmp_path). An autouse fixture points the default host at those
stand-ins, refuses to start systemctl/cryptsetup/shutdown-like programs and
to write anything under /proc, and fails the test if anything tried.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from keycrypt import lockdown
from keycrypt.audit import AuditLog, iter_records, verify
from keycrypt.constants import (
    LOCKDOWN_AUDIT_TIMEOUT,
    LOCKDOWN_LUKS_SUSPEND_TIMEOUT,
    LOCKDOWN_POWEROFF_ARGV,
    LOCKDOWN_POWEROFF_TIMEOUT,
    LOCKDOWN_STEP_TIMEOUT_MAX,
    LOCKDOWN_SYSRQ_TIMEOUT,
)
from keycrypt.errors import AuditError, ConfigError, Reason
from keycrypt.lockdown import Host, Ladder, LadderRunner, LadderStep, default_ladder, ladder_from_config, process
from keycrypt.lockdown import ladder as ladder_module

DANGEROUS = {"systemctl", "cryptsetup", "shutdown", "poweroff", "halt", "reboot", "init", "telinit", "dmsetup"}


class Guard:
    def __init__(self) -> None:
        self.spawned: list[list[str]] = []
        self.proc_writes: list[tuple[str, bytes, float]] = []
        self.violations: list[str] = []


@pytest.fixture(autouse=True)
def guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Guard:
    g = Guard()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "fake-cryptsetup"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{tmp_path}/cryptsetup.calls"\n'
        'case "$2" in *bad*) echo "Device $2 is not active." >&2; exit 5;; *hang*) exec sleep 30;; esac\n'
    )
    fake.chmod(0o755)
    (tmp_path / "sysrq").write_bytes(b"0\n")
    (tmp_path / "sysrq-trigger").write_bytes(b"")
    monkeypatch.setattr(
        process,
        "DEFAULT_HOST",
        Host(
            cryptsetup=str(fake),
            sysrq_enable=str(tmp_path / "sysrq"),
            sysrq_trigger=str(tmp_path / "sysrq-trigger"),
            sys_block=str(tmp_path / "sys-block"),  # volumes = "auto" never sees this machine's mappings
        ),
    )
    real_spawn, real_write_proc = process._spawn, process.write_proc

    def guarded_spawn(argv: Any, env: Any) -> Any:
        argv = list(argv)
        g.spawned.append(argv)
        if os.path.basename(argv[0]) in DANGEROUS:
            g.violations.append(f"tried to run {argv}")
            raise PermissionError(1, "refused by the test guard")
        return real_spawn(argv, env)

    def guarded_write_proc(path: str, data: bytes) -> None:
        g.proc_writes.append((path, data, time.monotonic()))
        if os.path.realpath(path).startswith("/proc"):
            g.violations.append(f"tried to write {data!r} to {path}")
            raise PermissionError(1, "refused by the test guard")
        real_write_proc(path, data)

    monkeypatch.setattr(process, "_spawn", guarded_spawn)
    monkeypatch.setattr(process, "write_proc", guarded_write_proc)
    monkeypatch.setattr(ladder_module, "_PROCESS_LOCKDOWN", LadderRunner())
    yield g
    assert not g.violations, g.violations


def cmd(*argv: str, timeout: float = 5.0) -> LadderStep:
    return LadderStep("command", timeout, list(argv))


def sh(script: str, timeout: float = 5.0) -> LadderStep:
    return cmd("/bin/sh", "-c", script, timeout=timeout)


def run(ladder: Ladder, audit: Any = None, reason: Reason = Reason.DEADLINE, **kw: Any) -> lockdown.LadderReport:
    kw.setdefault("detail", {"keypad": "rack-1", "peer": "10.0.0.2:7447"})
    return asyncio.run(LadderRunner().execute(ladder, reason, audit, **kw))


def records(path: Path) -> list[dict]:
    return list(iter_records(path))


# ------------------------------------------------------------------ order and the audit record first


def test_steps_run_in_order_after_the_fsynced_audit_record(tmp_path: Path) -> None:
    log_path = tmp_path / "audit.log"
    order = tmp_path / "order"
    seen = tmp_path / "seen"
    steps = (
        # the first hook looks at the log: the lockdown record is already there
        sh(f"grep -c '\"event\":\"lockdown\"' {log_path} > {seen}; echo 1 >> {order}"),
        sh(f"echo 2 >> {order}"),
        sh(f"echo 3 >> {order}"),
    )
    with AuditLog(log_path) as audit:
        report = run(Ladder(steps), audit, Reason.MAC_FAILURE)
    assert order.read_text().split() == ["1", "2", "3"]
    assert seen.read_text().strip() == "1"
    assert [o.index for o in report.outcomes] == [0, 1, 2, 3]
    assert [o.action for o in report.outcomes] == ["audit", "command", "command", "command"]
    assert [o.status for o in report.outcomes] == ["ok"] * 4
    assert report.audited and report.finished and report.reason == "mac_failure"
    recs = records(log_path)
    assert [r["event"] for r in recs] == ["lockdown"] + ["lockdown_step"] * 3 + ["lockdown_end"]
    first = recs[0]
    assert first["reason"] == "mac_failure"
    assert first["detail"]["trigger"] == {"keypad": "rack-1", "peer": "10.0.0.2:7447"}
    assert len(first["detail"]["ladder"]) == 3
    # in the config's words: run() does not allow destructive steps, which is what `dry_run = true` does
    assert first["detail"]["dry_run"] is True and first["detail"]["lockdown.dry_run"] is False
    assert [r["detail"]["index"] for r in recs[1:4]] == [1, 2, 3]
    assert all(r["detail"]["status"] == "ok" and r["detail"]["exit_code"] == 0 for r in recs[1:4])
    assert all(r["reason"] == "mac_failure" for r in recs)
    assert verify(log_path).ok


def test_the_audit_step_comes_first_even_when_omitted(tmp_path: Path) -> None:
    ladder = Ladder((cmd("true"),))
    assert [s.action for s in ladder.steps] == ["audit", "command"]
    assert ladder.steps[0].timeout == LOCKDOWN_AUDIT_TIMEOUT
    from_config = ladder_from_config({"steps": [{"action": "command", "argv": ["true"]}]})
    assert [s.action for s in from_config.steps] == ["audit", "command"]
    explicit = ladder_from_config({"steps": [{"action": "audit", "timeout": 3}, {"action": "command", "argv": ["true"]}]})
    assert [s.action for s in explicit.steps] == ["audit", "command"] and explicit.steps[0].timeout == 3.0
    with pytest.raises(ConfigError) as e:
        Ladder((cmd("true"), LadderStep("audit")))
    assert e.value.key == "steps[1].action"


def test_a_failing_step_is_recorded_and_the_next_one_taken(tmp_path: Path) -> None:
    after = tmp_path / "after"
    with AuditLog(tmp_path / "audit.log") as audit:
        report = run(
            Ladder((sh("echo cannot lock >&2; exit 7"), cmd(str(tmp_path / "no-such-program")), cmd("touch", str(after)))),
            audit,
        )
    assert [o.status for o in report.outcomes] == ["ok", "failed", "failed", "ok"]
    assert report.outcomes[1].exit_code == 7 and "exit status 7" in report.outcomes[1].detail
    assert "cannot lock" in report.outcomes[1].detail
    assert report.outcomes[2].exit_code is None and "not found" in report.outcomes[2].detail
    assert after.exists()
    steps = [r["detail"] for r in records(tmp_path / "audit.log") if r["event"] == "lockdown_step"]
    assert [(s["status"], s["exit_code"]) for s in steps] == [("failed", 7), ("failed", None), ("ok", 0)]


def test_a_hanging_step_is_killed_with_its_process_group_and_the_next_one_taken(tmp_path: Path) -> None:
    after, pidfile = tmp_path / "after", tmp_path / "grandchild.pid"
    t0 = time.monotonic()
    report = run(
        Ladder(
            (
                cmd("sleep", "30", timeout=0.3),
                sh(f"sleep 30 & echo $! > {pidfile}; wait", timeout=0.3),
                cmd("touch", str(after)),
            )
        ),
        None,
    )
    elapsed = time.monotonic() - t0
    assert [o.status for o in report.outcomes[1:]] == ["timeout", "timeout", "ok"]
    for o in report.outcomes[1:3]:
        assert 0.25 <= o.duration < 1.5 and "killed" in o.detail
    assert after.exists()
    assert elapsed < 3.0, elapsed  # two 30 s sleeps, bounded to 0.3 s each
    grandchild = int(pidfile.read_text())
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:  # the background sleep died with its group (gone, or a zombie)
        try:
            state = Path(f"/proc/{grandchild}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            break
        if state in ("Z", "X"):
            break
        time.sleep(0.02)
    else:
        pytest.fail(f"grandchild {grandchild} survived the kill of its process group")


def test_commands_get_argv_without_a_shell_closed_stdin_a_new_session_and_the_reason(tmp_path: Path) -> None:
    marker = tmp_path / "injected"
    out = tmp_path / "stdin"
    # Give this process a stdin that never ends, so a child that inherited it would hang in cat.
    r, w = os.pipe()
    saved = os.dup(0)
    os.dup2(r, 0)
    try:
        report = run(
            Ladder(
                (
                    cmd("echo", f"$HOME; touch {marker}"),
                    sh(f"cat > {out}", timeout=2),
                    cmd(sys.executable, "-c", "import os; print('own session', os.getsid(0) == os.getpid())"),
                    sh('echo "reason=$KEYCRYPT_LOCKDOWN_REASON"'),
                )
            ),
            None,
            Reason.EOF,
        )
    finally:
        os.dup2(saved, 0)
        for fd in (saved, r, w):
            os.close(fd)
    assert [o.status for o in report.outcomes[1:]] == ["ok"] * 4
    assert not marker.exists() and report.outcomes[1].detail == f"$HOME; touch {marker}"
    assert out.read_bytes() == b"" and report.outcomes[2].duration < 1.5
    assert report.outcomes[3].detail == "own session True"
    assert report.outcomes[4].detail == "reason=eof"


# ------------------------------------------------------------------ dry-run and refusal


def test_dry_run_executes_nothing_and_audits_what_it_would_run(tmp_path: Path, guard: Guard) -> None:
    would = tmp_path / "would-be-created"
    log_path = tmp_path / "audit.log"
    ladder = ladder_from_config(
        {
            "dry_run": True,
            "steps": [
                {"action": "command", "argv": ["touch", str(would)]},
                {"action": "luks-suspend", "volumes": ["cryptdata"]},
                {"action": "poweroff", "argv": ["touch", str(would)]},
                {"action": "sysrq"},
            ],
        }
    )
    with AuditLog(log_path) as audit:
        report = run(ladder, audit, allow_destructive=True)  # dry-run wins over allow_destructive
    assert not would.exists()
    assert guard.spawned == [] and guard.proc_writes == []
    assert [o.status for o in report.outcomes] == ["ok", "dry-run", "dry-run", "dry-run", "dry-run"]
    assert report.dry_run and report.audited
    steps = [r["detail"] for r in records(log_path) if r["event"] == "lockdown_step"]
    assert [s["status"] for s in steps] == ["dry-run"] * 4
    assert steps[0]["detail"] == f"would run: touch {would}"
    assert "luksSuspend cryptdata" in steps[1]["detail"] and "sysrq-trigger" in steps[3]["detail"]
    assert records(log_path)[0]["detail"]["lockdown.dry_run"] is True and records(log_path)[0]["detail"]["dry_run"] is False
    assert verify(log_path).ok


def test_a_dry_run_step_executes_nothing(tmp_path: Path, guard: Guard) -> None:
    would = tmp_path / "would-be-created"
    report = run(ladder_from_config({"steps": [{"action": "dry-run", "argv": ["touch", str(would)]}]}), None)
    assert not would.exists() and guard.spawned == []
    assert report.outcomes[1].status == "dry-run" and report.outcomes[1].detail == f"would run: touch {would}"


@pytest.mark.parametrize("allow", [False, None, 1, "yes"])
def test_destructive_steps_are_refused_without_allow_destructive(tmp_path: Path, guard: Guard, allow: Any) -> None:
    would = tmp_path / "would-be-created"
    after = tmp_path / "hook-ran"
    ladder = Ladder(
        (
            LadderStep("luks-suspend", 1.0, None, ["cryptdata"]),
            LadderStep("poweroff", 1.0, ["touch", str(would)]),
            LadderStep("sysrq", 1.0),
            cmd("touch", str(after)),  # non-destructive hooks still run
        )
    )
    kw = {} if allow is None else {"allow_destructive": allow}
    report = run(ladder, None, **kw)
    assert [o.status for o in report.outcomes[1:]] == ["refused", "refused", "refused", "ok"]
    assert all("allow_destructive" in o.detail for o in report.outcomes[1:4])
    assert not would.exists() and after.exists()
    assert guard.proc_writes == [] and guard.spawned == [["touch", str(after)]]
    assert not (tmp_path / "cryptsetup.calls").exists()
    assert not report.allow_destructive


# ------------------------------------------------------------------ destructive steps, against stand-ins


def test_luks_suspend_runs_cryptsetup_per_volume_and_reports_each(tmp_path: Path) -> None:
    report = run(Ladder((LadderStep("luks-suspend", 2.0, None, ["cryptdata", "badvol", "crypthome"]),)), None, allow_destructive=True)
    o = report.outcomes[1]
    assert o.status == "failed" and o.exit_code == 5
    assert "badvol: failed (exit status 5: Device badvol is not active.)" in o.detail
    assert "cryptdata: ok" in o.detail and "crypthome: ok" in o.detail
    calls = sorted((tmp_path / "cryptsetup.calls").read_text().splitlines())
    assert calls == ["luksSuspend badvol", "luksSuspend cryptdata", "luksSuspend crypthome"]


def test_a_hanging_luks_suspend_is_bounded(tmp_path: Path) -> None:
    t0 = time.monotonic()
    report = run(
        Ladder((LadderStep("luks-suspend", 0.3, None, ["hangvol", "cryptdata"]), cmd("true"))), None, allow_destructive=True
    )
    assert time.monotonic() - t0 < 2.5
    assert [o.status for o in report.outcomes[1:]] == ["timeout", "ok"]
    assert "hangvol: timeout" in report.outcomes[1].detail and "cryptdata: ok" in report.outcomes[1].detail


def test_poweroff_then_sysrq_when_the_host_stays_up(tmp_path: Path, guard: Guard) -> None:
    log_path = tmp_path / "audit.log"
    ladder = Ladder((LadderStep("poweroff", 0.3, ["true"]), LadderStep("sysrq", 0.4)))
    with AuditLog(log_path) as audit:
        report = run(ladder, audit, allow_destructive=True)
    poweroff, sysrq = report.outcomes[1:]
    assert poweroff.status == "timeout" and poweroff.exit_code == 0 and "still up" in poweroff.detail
    assert poweroff.duration >= 0.29  # it waited for the host to go down
    assert sysrq.status == "timeout" and "still up" in sysrq.detail and sysrq.duration >= 0.39
    host = process.DEFAULT_HOST
    assert [(p, d) for p, d, _ in guard.proc_writes] == [
        (host.sysrq_enable, b"1"),
        (host.sysrq_trigger, b"s"),
        (host.sysrq_trigger, b"o"),
    ]
    assert guard.proc_writes[2][2] - guard.proc_writes[1][2] >= 0.19  # a pause for the sync before power-off
    assert (tmp_path / "sysrq").read_bytes().startswith(b"1")
    events = [(r["event"], r["detail"].get("action")) for r in records(log_path)]
    assert events == [
        ("lockdown", None),
        ("lockdown_step_start", "poweroff"),  # the intent is on disk before anything that ends the host
        ("lockdown_step", "poweroff"),
        ("lockdown_step_start", "sysrq"),
        ("lockdown_step", "sysrq"),
        ("lockdown_end", None),
    ]
    assert verify(log_path).ok


def test_a_failing_poweroff_goes_straight_to_sysrq(tmp_path: Path, guard: Guard) -> None:
    t0 = time.monotonic()
    report = run(Ladder((LadderStep("poweroff", 10.0, ["false"]), LadderStep("sysrq", 0.2))), None, allow_destructive=True)
    assert report.outcomes[1].status == "failed" and report.outcomes[1].exit_code == 1
    assert time.monotonic() - t0 < 3.0  # did not wait the 10 s meant for a host going down
    assert [d for _, d, _ in guard.proc_writes] == [b"1", b"s", b"o"]


def test_sysrq_goes_on_when_enabling_fails_and_reports_a_failing_trigger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, guard: Guard) -> None:
    trigger = tmp_path / "sysrq-trigger"
    monkeypatch.setattr(process, "DEFAULT_HOST", Host(sysrq_enable=str(tmp_path / "missing"), sysrq_trigger=str(trigger)))
    report = run(Ladder((LadderStep("sysrq", 0.2),)), None, allow_destructive=True)
    assert report.outcomes[1].status == "timeout" and "enabling sysrq failed" in report.outcomes[1].detail
    assert trigger.read_bytes() == b"o"  # "s" then "o", each written at offset 0
    monkeypatch.setattr(process, "DEFAULT_HOST", Host(sysrq_enable=str(tmp_path / "missing"), sysrq_trigger=str(tmp_path / "gone")))
    report = run(Ladder((LadderStep("sysrq", 0.2), cmd("true"))), None, allow_destructive=True)
    assert [o.status for o in report.outcomes[1:]] == ["failed", "ok"]


# ------------------------------------------------------------------ the disk never blocks a lockdown


class HangingAudit:
    def __init__(self, seconds: float) -> None:
        self.seconds, self.calls = seconds, 0

    def append(self, *a: Any, **k: Any) -> dict:
        self.calls += 1
        time.sleep(self.seconds)
        return {}


class FailingAudit:
    def append(self, *a: Any, **k: Any) -> dict:
        raise AuditError("audit write failed: No space left on device")


def test_a_hanging_audit_log_does_not_hold_up_the_ladder(tmp_path: Path) -> None:
    after = tmp_path / "after"
    ladder = ladder_from_config(
        {"steps": [{"action": "audit", "timeout": 0.2}, {"action": "command", "argv": ["true"]}, {"action": "command", "argv": ["touch", str(after)]}]}
    )
    audit = HangingAudit(3.0)
    t0 = time.monotonic()
    report = run(ladder, audit)
    elapsed = time.monotonic() - t0
    assert after.exists()
    assert report.outcomes[0].status == "timeout" and not report.audited
    assert [o.status for o in report.outcomes[1:]] == ["ok", "ok"]
    assert elapsed < 1.5, elapsed  # one audit timeout, not one per record


@pytest.mark.parametrize("audit", [None, FailingAudit()], ids=["no-log", "failing-log"])
def test_a_missing_or_failing_audit_log_does_not_stop_the_ladder(tmp_path: Path, audit: Any) -> None:
    after = tmp_path / "after"
    report = run(Ladder((cmd("touch", str(after)),)), audit)
    assert after.exists()
    assert report.outcomes[0].status == "failed" and not report.audited
    assert report.outcomes[0].detail in ("no audit log", "AuditError: audit write failed: No space left on device")


def test_unrecordable_detail_still_gives_a_lockdown_record(tmp_path: Path) -> None:
    log_path = tmp_path / "audit.log"
    with AuditLog(log_path) as audit:
        report = run(Ladder((cmd("true"),)), audit, detail={"psk": b"\x00" * 32})
    assert report.audited
    first = records(log_path)[0]
    assert first["event"] == "lockdown" and "unrecordable_detail" in first["detail"]["trigger"]
    assert b"\\u0000" not in log_path.read_bytes()


# ------------------------------------------------------------------ once per process


def test_a_second_trigger_while_running_gets_the_same_report(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    log_path = tmp_path / "audit.log"
    ladder = Ladder((sh(f"echo run >> {counter}; sleep 0.3"),))

    async def main(audit: AuditLog) -> tuple[Any, Any, Any]:
        first = asyncio.create_task(lockdown.execute(ladder, Reason.DEADLINE, audit, detail={"n": 1}))
        await asyncio.sleep(0.05)
        second = await lockdown.execute(ladder, Reason.LOCKDOWN_ORDER, audit, detail={"n": 2})
        third = await lockdown.execute(ladder, Reason.EOF, audit, detail={"n": 3})  # after it finished
        return await first, second, third

    with AuditLog(log_path) as audit:
        r1, r2, r3 = asyncio.run(main(audit))
    assert r1 is r2 is r3
    assert counter.read_text() == "run\n"
    assert r1.reason == "deadline" and r1.retriggers == ["lockdown_order", "eof"]
    events = [(r["event"], r["reason"]) for r in records(log_path)]
    assert events.count(("lockdown", "deadline")) == 1 and ("lockdown_retrigger", "lockdown_order") in events
    assert verify(log_path).ok


def test_simultaneous_triggers_run_the_ladder_once(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    ladder = Ladder((sh(f"echo run >> {counter}"),))

    async def main() -> list[Any]:
        return await asyncio.gather(*(lockdown.execute(ladder, Reason.DEADLINE, None, detail={}) for _ in range(5)))

    reports = asyncio.run(main())
    assert all(r is reports[0] for r in reports) and counter.read_text() == "run\n"


def test_cancelling_the_caller_does_not_stop_the_ladder(tmp_path: Path) -> None:
    done, counter = tmp_path / "done", tmp_path / "runs"
    ladder = Ladder((sh(f"echo run >> {counter}; sleep 0.2"), cmd("touch", str(done))))

    async def main() -> Any:
        caller = asyncio.create_task(lockdown.execute(ladder, Reason.BREACH, None, detail={}))
        await asyncio.sleep(0.05)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        return await lockdown.execute(ladder, Reason.BREACH, None, detail={})

    report = asyncio.run(main())
    assert done.exists() and [o.status for o in report.outcomes[1:]] == ["ok", "ok"]
    assert counter.read_text() == "run\n"  # the first run went on; it was not cancelled and started again


# ------------------------------------------------------------------ configuration


def test_default_ladder() -> None:
    for section in (None, {}, {"dry_run": False}, {"volumes": "auto"}):
        ladder = ladder_from_config(section)
        assert [(s.action, s.timeout, s.volumes) for s in ladder.steps] == [
            ("audit", LOCKDOWN_AUDIT_TIMEOUT, None),
            ("luks-suspend", LOCKDOWN_LUKS_SUSPEND_TIMEOUT, "auto"),
            ("poweroff", LOCKDOWN_POWEROFF_TIMEOUT, None),
            ("sysrq", LOCKDOWN_SYSRQ_TIMEOUT, None),
        ]
        assert ladder.steps[2].argv == LOCKDOWN_POWEROFF_ARGV == ("systemctl", "poweroff", "--force")
        assert not ladder.dry_run
        assert ladder == default_ladder()
    ladder = ladder_from_config({"volumes": []})  # the explicit opt-out
    assert [(s.action, s.timeout) for s in ladder.steps] == [
        ("audit", LOCKDOWN_AUDIT_TIMEOUT),
        ("poweroff", LOCKDOWN_POWEROFF_TIMEOUT),
        ("sysrq", LOCKDOWN_SYSRQ_TIMEOUT),
    ]
    ladder = ladder_from_config({"volumes": ["cryptdata", "crypthome"], "dry_run": True})
    assert [s.action for s in ladder.steps] == ["audit", "luks-suspend", "poweroff", "sysrq"]
    assert ladder.steps[1].volumes == ("cryptdata", "crypthome") and ladder.steps[1].timeout == LOCKDOWN_LUKS_SUSPEND_TIMEOUT
    assert ladder.dry_run
    assert ladder == default_ladder(["cryptdata", "crypthome"], dry_run=True)
    assert (LOCKDOWN_AUDIT_TIMEOUT, LOCKDOWN_LUKS_SUSPEND_TIMEOUT, LOCKDOWN_POWEROFF_TIMEOUT, LOCKDOWN_SYSRQ_TIMEOUT) == (2.0, 10.0, 15.0, 5.0)


def test_explicit_steps_from_config() -> None:
    ladder = ladder_from_config(
        {
            "steps": [
                {"action": "command", "argv": ["loginctl", "lock-sessions"], "timeout": 5},
                {"action": "luks-suspend", "volumes": ["cryptdata"]},
                {"action": "poweroff", "argv": ["/sbin/poweroff", "-f"], "timeout": 20.5},
                {"action": "sysrq"},
            ]
        }
    )
    assert [(s.action, s.timeout, s.argv, s.volumes) for s in ladder.steps] == [
        ("audit", 2.0, None, None),
        ("command", 5.0, ("loginctl", "lock-sessions"), None),
        ("luks-suspend", 10.0, None, ("cryptdata",)),
        ("poweroff", 20.5, ("/sbin/poweroff", "-f"), None),
        ("sysrq", 5.0, None, None),
    ]


OK_CMD = {"action": "command", "argv": ["true"]}


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({"bogus": 1}, "lockdown.bogus"),
        ({"dry_run": "yes"}, "lockdown.dry_run"),
        ({"volumes": "cryptdata"}, "lockdown.volumes"),
        ({"volumes": ["/dev/mapper/cryptdata"]}, "lockdown.volumes"),
        ({"volumes": ["--help"]}, "lockdown.volumes"),
        ({"volumes": ["a", "a"]}, "lockdown.volumes"),
        ({"volumes": ["a"], "steps": [OK_CMD]}, "lockdown.volumes"),
        ({"steps": []}, "lockdown.steps"),
        ({"steps": "poweroff"}, "lockdown.steps"),
        ({"steps": {"action": "sysrq"}}, "lockdown.steps"),
        ({"steps": [{"action": "audit"}]}, "lockdown.steps"),
        ({"steps": [42]}, "lockdown.steps[0]"),
        ({"steps": [{"timeout": 1}]}, "lockdown.steps[0].action"),
        ({"steps": [{"action": "explode"}]}, "lockdown.steps[0].action"),
        ({"steps": [OK_CMD, {"action": "audit"}]}, "lockdown.steps[1].action"),
        ({"steps": [OK_CMD, OK_CMD, {"action": "command", "argv": ["x"], "timeout": 0}]}, "lockdown.steps[2].timeout"),
        ({"steps": [OK_CMD, OK_CMD, {"action": "command", "argv": ["x"], "timeout": -1}]}, "lockdown.steps[2].timeout"),
        ({"steps": [{"action": "sysrq", "timeout": math.nan}]}, "lockdown.steps[0].timeout"),
        ({"steps": [{"action": "sysrq", "timeout": math.inf}]}, "lockdown.steps[0].timeout"),
        ({"steps": [{"action": "sysrq", "timeout": True}]}, "lockdown.steps[0].timeout"),
        ({"steps": [{"action": "sysrq", "timeout": "5s"}]}, "lockdown.steps[0].timeout"),
        ({"steps": [{"action": "sysrq", "timeout": LOCKDOWN_STEP_TIMEOUT_MAX + 1}]}, "lockdown.steps[0].timeout"),
        ({"steps": [{"action": "command"}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "command", "argv": "rm -rf /"}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "command", "argv": []}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "command", "argv": ["ok", 3]}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "command", "argv": ["a\0b"]}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "sysrq", "argv": ["x"]}]}, "lockdown.steps[0].argv"),
        ({"steps": [{"action": "luks-suspend"}]}, "lockdown.steps[0].volumes"),
        ({"steps": [{"action": "luks-suspend", "volumes": []}]}, "lockdown.steps[0].volumes"),
        ({"steps": [{"action": "poweroff", "volumes": ["a"]}]}, "lockdown.steps[0].volumes"),
        ({"steps": [{"action": "command", "argv": ["x"], "shell": True}]}, "lockdown.steps[0].shell"),
    ],
)
def test_config_errors_name_the_key(section: dict, key: str) -> None:
    with pytest.raises(ConfigError) as e:
        ladder_from_config(section)
    assert e.value.key == key
    assert str(e.value).startswith(f"{key}: ")


def test_config_error_messages_say_what_is_wrong() -> None:
    with pytest.raises(ConfigError, match="mapping name, not a path"):
        ladder_from_config({"volumes": ["/dev/mapper/cryptdata"]})
    with pytest.raises(ConfigError, match="stall the lockdown"):
        ladder_from_config({"steps": [{"action": "sysrq", "timeout": 3600}]})
    with pytest.raises(ConfigError, match="unknown action 'explode'"):
        ladder_from_config({"steps": [{"action": "explode"}]})
    with pytest.raises(ConfigError) as e:
        ladder_from_config({"steps": [{"action": "command"}]}, where="client.lockdown")
    assert e.value.key == "client.lockdown.steps[0].argv"


def test_steps_built_in_code_are_checked_too() -> None:
    with pytest.raises(ConfigError) as e:
        LadderStep("command")
    assert e.value.key == "step.argv"
    with pytest.raises(ConfigError) as e:
        LadderStep("luks-suspend", 1.0)
    assert e.value.key == "step.volumes"
    with pytest.raises(ConfigError) as e:
        LadderStep("command", 0, ["true"])
    assert e.value.key == "step.timeout"
    step = LadderStep("command", 3, ["a", "b"])
    assert step.argv == ("a", "b") and step.timeout == 3.0


def test_report_is_json_serialisable(tmp_path: Path) -> None:
    report = run(Ladder((cmd("true"),), dry_run=True), None)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["lockdown.dry_run"] is True and data["dry_run"] is True and [o["status"] for o in data["outcomes"]] == ["failed", "dry-run"]


def test_the_guard_itself_refuses_real_programs(guard: Guard) -> None:
    """The safety net of this file works (checked with a harmless argv that has a dangerous name)."""
    report = run(Ladder((cmd("systemctl", "--version"),)), None)
    assert report.outcomes[1].status == "failed"
    assert guard.violations == ["tried to run ['systemctl', '--version']"]
    guard.violations.clear()


# ------------------------------------------------------------------ a failed power-off with no last resort (issue 11 item 12)


def test_a_failing_poweroff_without_sysrq_is_retried_until_it_works(tmp_path: Path, guard: Guard) -> None:
    """It recorded host_still_up and returned, leaving a breached host up for good."""
    log_path = tmp_path / "audit.log"
    tries = tmp_path / "tries"
    # fails three times, then "works" (exit 0; the host would now go down within the step's timeout)
    script = f'echo x >> "{tries}"; [ "$(wc -l < "{tries}")" -ge 4 ]'
    ladder = Ladder((LadderStep("poweroff", 0.3, ["/bin/sh", "-c", script]),))
    lk = LadderRunner(retry_min=0.05, retry_max=0.2)

    async def go() -> tuple[bool, lockdown.LadderReport | None]:
        task = asyncio.create_task(lk.execute(ladder, Reason.DEADLINE, audit, allow_destructive=True))
        done, _ = await asyncio.wait({task}, timeout=3.0)
        return bool(done), lk.report

    with AuditLog(log_path) as audit:
        finished, report = asyncio.run(go())
    assert not finished  # still trying: the host never went down
    assert report is not None and report.poweroff_retries >= 3, report
    assert tries.read_text().count("x") >= 4  # 1 + 3 retries; the 4th ran, exited 0 and waited for the host
    assert report.last_retry is not None and report.last_retry.status in ("timeout", "failed")
    events = [r["event"] for r in records(log_path)]
    assert events.count("lockdown_poweroff_retry") >= 3
    assert "lockdown_end" not in events  # no "host_still_up" and done
    assert not guard.proc_writes  # no sysrq step was invented


def test_a_ladder_without_poweroff_or_with_sysrq_is_not_retried(tmp_path: Path, guard: Guard) -> None:
    report = run(Ladder((LadderStep("poweroff", 0.2, ["false"]), LadderStep("sysrq", 0.1))), None, allow_destructive=True)
    assert report.finished and report.poweroff_retries == 0
    report = run(Ladder((cmd("true"),)), None, allow_destructive=True)
    assert report.finished and report.poweroff_retries == 0
    # dry-run or not allowed: nothing destructive ran, nothing to retry
    report = run(Ladder((LadderStep("poweroff", 0.2, ["false"]),)), None, allow_destructive=False)
    assert report.finished and report.poweroff_retries == 0


# ------------------------------------------------------------------ volumes = "auto"


def fake_sys_block(root: Path, devices: dict[str, tuple[str, str, str | None]]) -> Path:
    """``dm-N -> (uuid, name, suspended)`` as the kernel shows them under /sys/block."""
    for dev, (uuid, name, suspended) in devices.items():
        dm = root / dev / "dm"
        dm.mkdir(parents=True)
        (dm / "uuid").write_text(uuid + "\n")
        (dm / "name").write_text(name + "\n")
        if suspended is not None:
            (dm / "suspended").write_text(suspended + "\n")
    (root / "vda").mkdir(parents=True, exist_ok=True)  # not a dm device
    return root


def test_luks_mappings_are_found_from_the_dm_uuids(tmp_path: Path) -> None:
    root = fake_sys_block(
        tmp_path / "sys-block",
        {
            "dm-0": ("CRYPT-LUKS2-0123456789abcdef0123456789abcdef-cryptroot", "cryptroot", "0"),
            "dm-1": ("LVM-abcdefGHIJKL", "vg0-data", "0"),  # LVM, not dm-crypt
            "dm-2": ("CRYPT-LUKS1-fedcba9876543210-cryptdata", "cryptdata", None),  # older kernels: no file
            "dm-3": ("CRYPT-PLAIN-swap", "cryptswap", "0"),  # dm-crypt, but plain: no header to suspend
            "dm-4": ("CRYPT-LUKS2-aaaa-already", "already", "1"),  # suspended already
            "dm-5": ("CRYPT-LUKS2-bbbb-evil", "--help", "0"),  # not a name to hand to cryptsetup
            "dm-6": ("", "empty", "0"),
        },
    )
    assert lockdown.luks_mappings(root) == ("cryptdata", "cryptroot")
    assert lockdown.luks_mappings(tmp_path / "no-such-dir") == ()


def test_the_default_ladder_suspends_the_luks_mappings_found_at_lockdown_time(tmp_path: Path, guard: Guard) -> None:
    ladder = default_ladder()  # volumes = "auto", read when the ladder runs, not when it is built
    fake_sys_block(tmp_path / "sys-block", {"dm-0": ("CRYPT-LUKS2-0123-cryptdata", "cryptdata", "0"), "dm-1": ("CRYPT-LUKS2-4567-crypthome", "crypthome", "0")})
    only_luks = Ladder((ladder.steps[0], ladder.steps[1]))
    report = run(only_luks, allow_destructive=True)
    o = report.outcomes[1]
    assert o.action == "luks-suspend" and o.status == "ok", o
    calls = sorted((tmp_path / "cryptsetup.calls").read_text().splitlines())
    assert calls == ["luksSuspend cryptdata", "luksSuspend crypthome"]
    # dry run: the record says what auto found
    report = run(only_luks, allow_destructive=False)
    assert report.outcomes[1].status == "refused" and "auto: " in report.outcomes[1].detail
    assert "luksSuspend cryptdata" in report.outcomes[1].detail and "luksSuspend crypthome" in report.outcomes[1].detail


def test_auto_with_no_luks_mapping_is_a_harmless_ok_step(tmp_path: Path, guard: Guard) -> None:
    fake_sys_block(tmp_path / "sys-block", {"dm-0": ("LVM-x", "vg0-root", "0")})
    only_luks = Ladder((lockdown.AUDIT_STEP, LadderStep("luks-suspend", volumes="auto")))
    report = run(only_luks, allow_destructive=True)
    o = report.outcomes[1]
    assert o.status == "ok" and "no active LUKS mapping" in o.detail
    assert not (tmp_path / "cryptsetup.calls").exists()
