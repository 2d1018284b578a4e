"""What each action and event *name* of the tables means in the model: the one hand-written part.

The rows (which state follows which event, with which actions) are read from the tables and
never written here. This module only says, once per name, what an action does to the
abstract state, mirroring ``keycrypt/machines/{client,keypad,device}.py``. A table that uses
an action or event this module does not know fails generation with :class:`ModelError`, so
a new table feature cannot slip past the model silently.

Promela snippets refer to the globals declared by :mod:`.promela`. ``check`` is the condition
under which a ``verify_``/``accept_`` action succeeds (evaluated before the row runs, like the
engine, which discards a row whose check fails and handles ``bad_frame`` instead); ``pre`` is
what the action needs to run at all (the Python would crash without it).
"""

from __future__ import annotations

from dataclasses import dataclass

from keycrypt.errors import KeyCryptError


class ModelError(KeyCryptError):
    """The tables use a name the model has no meaning for, or the model cannot be built."""


@dataclass(frozen=True)
class Sem:
    effect: str = "skip"
    check: str | None = None  # success condition of a verify/accept action
    pre: str | None = None  # inputs the action needs (a model error otherwise)


# --- client session (keycrypt/machines/client.py) -----------------------------------------------
CLIENT: dict[str, Sem] = {
    "send_hello": Sem(
        "c_keys = 1; c_hello = 1; c_epoch = 0; c_ctr = 0; c_out = 0; c_pend = 0; c_req = 0; acted = 1; c_tx = F_HELLO(c_att)",
        pre="c_conn",
    ),
    # now + D, never past the end of the boot grace
    "arm_deadline": Sem("if :: c_grace != OFF && c_grace < D_T -> c_dl = c_grace :: else -> c_dl = D_T fi; c_dlf = 0"),
    "cancel_deadline": Sem("c_dl = OFF; c_dlf = 0"),
    # the deadline at the send time of the frame just answered + D (c_exp is that frame's age)
    "extend_deadline": Sem("if :: c_exp <= D_T -> c_dl = D_T - c_exp :: else -> c_dl = 0 fi; c_dlf = 0",
                           pre="c_exp != OFF"),
    # drop the connection if one is open (a new one is a new keypad session and a new byte
    # stream) and fall back to the boot grace
    "retry": Sem("if :: c_conn -> c_conn = 0; k_conn = 0; c_hello = 0; c_dl = c_grace; c_dlf = 0; new_connection() "
                 ":: else fi"),
    "verify_hello_ack": Sem(
        "acted = 1; c_est = 1; c_exp = c_req; c_req = OFF; c_status(fS)",
        check="fT == T_HELLO_ACK && fV && fX == c_att && fS != ST_NONE",
        pre="c_keys",
    ),
    "send_ping": Sem(
        "if :: c_ctr >= NC -> bound() :: else -> "
        "REQ(5, !USED(c_epoch, c_ctr)); used = used | (1 << (c_epoch * NC + c_ctr)); "
        "c_out = 1; c_req = 0; acted = 1; c_tx = F_PING(c_epoch, c_ctr) fi",
        pre="c_est",
    ),
    "verify_pong": Sem(
        "acted = 1; c_out = 0; c_ctr = c_ctr + 1; c_exp = c_req; c_req = OFF; c_status(fS)",
        check="fT == T_PONG && fV && fX == c_att && fE == c_epoch && fC == c_ctr && fS != ST_NONE",
        pre="c_out",
    ),
    "send_rekey": Sem(
        "if :: c_epoch >= EMAX -> bound() :: else -> c_pend = 1; c_req = 0; acted = 1; c_tx = F_REKEY(c_epoch) fi",
        pre="c_est",
    ),
    "verify_rekey_ack": Sem(
        "acted = 1; c_epoch = c_epoch + 1; c_ctr = 0; c_pend = 0; c_exp = c_req; c_req = OFF",
        check="fT == T_REKEY_ACK && fV && fX == c_att && fE == c_epoch + 1",
        pre="c_pend",
    ),
    "lockdown": Sem("c_locked = 1; c_hup = 1"),
    "close": Sem("c_hup = 1"),
}

# --- keypad session (keycrypt/machines/keypad.py) -------------------------------------------------
KEYPAD: dict[str, Sem] = {
    "accept_hello": Sem(
        "acted = 1; k_keys = 1; k_sess = fX; k_epoch = 0; k_ctr = 0",
        check="fT == T_HELLO",  # any HELLO decapsulates (implicit rejection): the keypad cannot refuse one
    ),
    "send_hello_ack": Sem("acted = 1; if :: k_sess != SESS_ADV -> k_tx = F_HELLO_ACK(k_sess, DSTATUS(ds[0])) :: else fi",
                          pre="k_keys"),
    "verify_ping": Sem(
        "acted = 1; if :: fX == SESS_ADV -> k_pc = k_ctr :: else -> k_pc = fC fi",
        check="fT == T_PING && fX == k_sess && (fX == SESS_ADV || (fV && fE == k_epoch && fC == k_ctr))",
        pre="k_keys",
    ),
    "send_pong": Sem(
        "acted = 1; if :: k_pc >= NC || k_epoch >= NE -> bound() :: k_sess != SESS_ADV -> "
        "REQ(5, !PUSED(k_epoch, k_pc)); pused = pused | (1 << (k_epoch * NC + k_pc)); "
        "k_tx = F_PONG(k_epoch, k_pc, DSTATUS(ds[0])); k_ctr = k_pc + 1 :: else -> k_ctr = k_pc + 1 fi",
        pre="k_keys",
    ),
    "verify_rekey": Sem(
        "acted = 1; if :: k_epoch >= NE -> bound() :: else -> k_epoch = k_epoch + 1; k_ctr = 0 fi",
        check="fT == T_REKEY && fX == k_sess && (fX == SESS_ADV || (fV && fE == k_epoch))",
        pre="k_keys",
    ),
    "send_rekey_ack": Sem("acted = 1; if :: k_sess != SESS_ADV -> k_tx = F_REKEY_ACK(k_epoch) :: else fi",
                          pre="k_keys"),
    "arm_timeout": Sem("k_to = IDLE_T; k_tof = 0"),
    "close": Sem("k_hup = 1"),
}

# --- keypad device (keycrypt/machines/device.py) ----------------------------------------------------
# Parameters of the inline: DS state, FL real failures, LK real lock-out ticks, SF shown failures, SL
# shown lock-out ticks (spec §9 "Two counts"), WN window ticks, DP display sequence of this step, DR
# sessions dropped in this step, EV event.
DEVICE: dict[str, Sem] = {
    "unseal": Sem("accepting = 1"),
    "refuse_clients": Sem("accepting = 0"),
    "accept_clients": Sem("accepting = 1"),
    "drop_all": Sem("DR = 1; k_drop = 1"),
    # shows the next state's shown name (a duress state shows what a correct PIN would); the tables
    # before the `shown` map showed nothing on a duress row and masked it with mask_duress instead
    "status_changed": Sem("DISPLAY_NEXT"),
    "publish_status": Sem("skip"),
    "record_failure": Sem("if :: FL < FCAP -> FL = FL + 1 :: else fi; LK = LOCKT(FL); "
                          "if :: SF < FCAP -> SF = SF + 1 :: else fi; SL = LOCKT(SF); DP = DP * 32 + DISP_WRONG"),
    "pretend_failure": Sem("if :: SF < FCAP -> SF = SF + 1 :: else fi; SL = LOCKT(SF); DP = DP * 32 + DISP_WRONG"),
    "reset_failures": Sem("REQ(8, REAL_PIN_EVENT); FL = 0; LK = 0; SF = 0; SL = 0"),
    # the keypad shows SF wrong PINs: what a correct PIN would have left (tables before the shown
    # count had no pin_unchecked and refused by the real lock-out LK; see promela.Devices)
    "hide_failures": Sem("SF = 0; SL = 0"),
    "reject_attempt": Sem("DP = DP * 32 + DISP_LOCKED"),
    "require_pin": Sem("DP = DP * 32 + DISP_REQUIRE"),
    "open_window": Sem("WN = wreq"),
    "cancel_window": Sem("WN = 0"),
    "recheck_sensor": Sem("skip"),  # the sensor is nondeterministic: a breach can come at any step anyway
    "mask_duress": Sem("DP = DP * 32 + DISP_MASKED"),
    "alarm": Sem("DP = DP * 32 + DISP_ALARM"),  # a sign at the keypad
    "silent_alarm": Sem("skip"),  # recorded, no sign at the keypad
    "log_event": Sem("skip"),
}

SEMANTICS: dict[str, dict[str, Sem]] = {"client_session": CLIENT, "keypad_session": KEYPAD, "keypad_device": DEVICE}

# Events and who raises them in the model; a table event outside these sets is a ModelError.
CLIENT_EVENTS = {"connected", "connect_failed", "tick", "deadline", "no_answer", "eof", "bad_frame", "stop",
                 "lockdown_order"}
KEYPAD_EVENTS = {"bad_frame", "eof", "timeout", "drop"}
DEVICE_EVENTS = {"pin_ok", "pin_wrong", "pin_duress", "pin_locked_out", "pin_unchecked", "arm", "breach", "window_expired",
                 "lockdown_order", "pin_ok_arm", "pin_ok_disarm", "pin_duress_arm", "pin_duress_disarm"}

# Frame types and their direction (c2k: client to keypad).
C2K_TYPES = ("HELLO", "PING", "REKEY")
K2C_TYPES = ("HELLO_ACK", "PONG", "REKEY_ACK")
