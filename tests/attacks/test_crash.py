"""CI form of the crash-safety run: a live keypad and 4 clients SIGKILLed at random points, files checked."""

from __future__ import annotations

import pytest

from keycrypt_kit.attacks.crash import rounds

pytestmark = pytest.mark.slow  # waits on clocks or starts processes: CI runs it with -m slow


def test_sigkill_rounds_leave_sound_files() -> None:
    # up to 2.5 s: a child needs about 1.4 s (imports, handshakes) to its first lockdown on a loaded machine
    res = rounds(4, seed=11, kill_range=(0.3, 2.5))
    assert res["ok"] and res["kills"] == 4
    assert res["audit_records_in_longest_log"] > 0  # the children got as far as a lockdown
    assert res["audit_logs_verified_by_cli"] > 0  # `keycrypt audit verify` exited 0 on the logs after each kill
