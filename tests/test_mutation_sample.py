"""A small, fixed sample of the mutmut run (docs/testing.md, "Mutation testing"), in CI.

The full run (2,569 mutants, about an hour on two cores) is a separate command;
this runs mutmut itself on a handful of named mutants, one or more per package, against
the vector cases that should kill them, so that CI fails when the vectors stop
killing one of them or when the mutmut set-up in pyproject.toml breaks. Mutant
names are mutmut's own (stable for a given source and mutmut version); when a
source change renumbers them, pick killed ones again from a full run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SAMPLE: dict[str, str] = {
    "keycrypt.crypto.schedule.x_hkdf_extract__mutmut_1": "key schedule: HKDF-Extract's default salt",
    "keycrypt.wire.frames.x_split_tag__mutmut_1": "frames: where the tag starts",
    "keycrypt.machines.keypad.xǁKeypadSessionǁtimer__mutmut_1": "keypad session: the timer event",
    "keycrypt.machines.device.x_backoff_delay__mutmut_2": "keypad device: the PIN lock-out back-off",
    "keycrypt.machines.client.xǁClientSessionǁ_overdue__mutmut_3": "client session: > for >= at the deadline "
                                                                    "(killed only by the boundary cases of #12)",
    "keycrypt.machines.device.xǁKeypadDeviceǁ_act_reset_failures__mutmut_3": "keypad device: a correct PIN clears a "
                                                                             "real count a duress PIN hid",
    "keycrypt.machines.device.xǁKeypadDeviceǁ_act_cancel_window__mutmut_1": "keypad device: a stale window timer "
                                                                            "after arm",
}
CASES = "key_schedule:,mac:mac/verify/ping,sessions:keypad/,sessions:client/,state_machines:keypad_device/"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mutmut", path=str(Path(sys.executable).parent)) is None, reason="needs mutmut (test extra)")
def test_mutmut_kills_the_sample(tmp_path: Path) -> None:
    work = tmp_path / "repo"
    work.mkdir()
    for name in ("keycrypt", "spec", "mutation"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    env = {**os.environ, "KEYCRYPT_MUTATION_CASES": CASES}
    mutmut = str(Path(sys.executable).parent / "mutmut")
    run = subprocess.run([mutmut, "run", "--max-children", "2", *SAMPLE], cwd=work, env=env, capture_output=True,
                         text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    res = subprocess.run([mutmut, "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True,
                         timeout=300)
    status = dict(re.findall(r"^\s*(\S+): (.+)$", res.stdout, re.M))
    survivors = {name: status.get(name, "missing") for name in SAMPLE if status.get(name) != "killed"}
    assert not survivors, f"mutants the vectors no longer kill: {survivors}"
