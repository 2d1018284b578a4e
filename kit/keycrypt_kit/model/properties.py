"""The properties the model checks: one requirement id each, and the configuration it runs in.

Every property is a Promela assertion guarded by ``CHECK_<n>`` in the generated model, so
that one committed ``.pml`` serves every run: ``spin -DCONFIG_<config> -DCHECK_<n>=1``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Property:
    id: str
    number: int  # the n of CHECK_n in the model
    config: str  # ADVERSARY (hostile network), BENIGN (clean network) or DEVICE (two keypad devices)
    summary: str


PROPERTIES: tuple[Property, ...] = (
    Property("KCP1-MODEL-AUTH", 1, "ADVERSARY",
             "the client acts on a HELLO_ACK, PONG or REKEY_ACK only if the keypad sent it in this session "
             "and epoch, for the request it answers, and only once (injective agreement)"),
    Property("KCP1-MODEL-FAIL-CLOSED", 2, "ADVERSARY",
             "a frame the peer did not send at this point (forged, replayed, reordered, duplicated, "
             "reflected, cut) ends the receiving session, and nothing is sent or accepted first"),
    Property("KCP1-MODEL-EXPOSURE", 3, "ADVERSARY",
             "a client is never up longer than the response deadline after the send time of the last "
             "frame (HELLO, PING or REKEY) whose answer it verified, breach or not"),
    Property("KCP1-MODEL-DEADLINE-ARMED", 4, "ADVERSARY",
             "in every state that awaits an answer (a state with a verify_/accept_ row) the machine has "
             "its deadline or timeout armed"),
    Property("KCP1-MODEL-REKEY-UNIQUE", 5, "ADVERSARY",
             "no (epoch, counter) pair is used twice, by the client's PINGs or by the keypad's PONGs"),
    Property("KCP1-MODEL-REKEY-EPOCH", 6, "ADVERSARY",
             "both sides agree on the epoch: the keypad is at the client's epoch, or one ahead while the "
             "client waits for REKEY_ACK"),
    Property("KCP1-MODEL-NO-FALSE-LOCKDOWN", 7, "BENIGN",
             "with a network that delivers every frame in order within a bound below the deadline and an "
             "ARMED keypad, the client never locks down, across rekeys"),
    Property("KCP1-MODEL-PIN-RESET", 8, "DEVICE",
             "only the real PIN resets the wrong-PIN counter"),
    Property("KCP1-MODEL-WINDOW", 9, "DEVICE",
             "a maintenance window always ends within window_max: a DISARMED device always has a window "
             "timer running, and its expiry leaves DISARMED"),
    Property("KCP1-MODEL-BREACH", 10, "DEVICE",
             "a breach in a state answered ARMED or LOCKDOWN (duress included) is never ignored: every "
             "session is dropped and new ones are refused"),
    Property("KCP1-MODEL-DURESS", 11, "DEVICE",
             "two devices given the same inputs, one the real PIN and one the duress PIN, show the same "
             "display sequence until the real PIN is entered again"),
)

BY_ID: dict[str, Property] = {p.id: p for p in PROPERTIES}
BY_NUMBER: dict[int, Property] = {p.number: p for p in PROPERTIES}
WELLFORMED = "KCP1-MODEL-WELLFORMED"  # number 0: an action ran without its inputs (the daemon would crash)
CONFIGS: tuple[str, ...] = ("ADVERSARY", "BENIGN", "DEVICE")


def of_config(config: str) -> list[Property]:
    return [p for p in PROPERTIES if p.config == config]
