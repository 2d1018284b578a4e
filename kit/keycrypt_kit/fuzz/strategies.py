"""Hypothesis strategies over every KCP/1 frame type and both key-file formats.

Shared by tests/test_fuzz.py and anyone writing property tests: valid
frames (every field drawn over its legal range), their encodings, malformed
variants (a mutation of a valid encoding), and keystore / public key files
(structurally valid with random contents, or mutations of a real one).
"""

from __future__ import annotations

from hypothesis import strategies as st

from keycrypt.constants import (
    AEAD_TAG_SIZE,
    ARGON2_MEMORY_KIB_RANGE,
    ARGON2_PARALLELISM_RANGE,
    ARGON2_SALT_SIZE,
    ARGON2_TIME_COST_RANGE,
    CHALLENGE_SIZE,
    CLIENT_ID_CHARS,
    CLIENT_ID_MAX,
    CT_SIZE,
    FINGERPRINT_SIZE,
    FLAG_PSK,
    REKEY_LOG2_MAX,
    REKEY_LOG2_MIN,
    SALT_SIZE,
    SEED_SIZE,
    TAG_SIZE,
    XCHACHA_NONCE_SIZE,
    FrameType,
    Status,
)
from keycrypt.wire import frames
from keycrypt.wire import keyfile as wk

u32 = st.integers(0, 0xFFFFFFFF)
statuses = st.sampled_from([int(s) for s in Status])
bad_statuses = st.integers(0, 255).filter(lambda s: s not in Status._value2member_map_)
tags = st.binary(min_size=TAG_SIZE, max_size=TAG_SIZE)


def _client_ids() -> st.SearchStrategy[str]:
    alphabet = "".join(sorted(chr(b) for b in CLIENT_ID_CHARS))
    return st.text(alphabet=alphabet, min_size=1, max_size=CLIENT_ID_MAX)


hellos = st.builds(
    frames.Hello,
    flags=st.sampled_from([0, FLAG_PSK]),
    rekey_log2=st.integers(REKEY_LOG2_MIN, REKEY_LOG2_MAX),
    client_id=_client_ids(),
    ct=st.binary(min_size=CT_SIZE, max_size=CT_SIZE),
    challenge=st.binary(min_size=CHALLENGE_SIZE, max_size=CHALLENGE_SIZE),
    salt=st.binary(min_size=SALT_SIZE, max_size=SALT_SIZE),
)
hello_acks = st.builds(frames.HelloAck, status=statuses, nonce=st.binary(min_size=32, max_size=32), tag=tags)
pings = st.builds(frames.Ping, counter=u32, challenge=st.binary(min_size=CHALLENGE_SIZE, max_size=CHALLENGE_SIZE), tag=tags)
pongs = st.builds(frames.Pong, counter=u32, status=statuses, tag=tags)
rekeys = st.builds(frames.Rekey, salt=st.binary(min_size=SALT_SIZE, max_size=SALT_SIZE), tag=tags)
rekey_acks = st.builds(frames.RekeyAck, tag=tags)

BY_TYPE: dict[FrameType, st.SearchStrategy[frames.Frame]] = {
    FrameType.HELLO: hellos,
    FrameType.HELLO_ACK: hello_acks,
    FrameType.PING: pings,
    FrameType.PONG: pongs,
    FrameType.REKEY: rekeys,
    FrameType.REKEY_ACK: rekey_acks,
}
any_frame: st.SearchStrategy[frames.Frame] = st.one_of(*BY_TYPE.values())
encoded_frames: st.SearchStrategy[bytes] = any_frame.map(frames.encode)


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """One to four mutations of a value of ``base``: bit flip, byte set, insert, delete, truncate, length rewrite."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.integers(0, 5))
        n = len(data)
        if op == 0 and n:
            i = draw(st.integers(0, n - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == 1 and n:
            data[draw(st.integers(0, n - 1))] = draw(st.integers(0, 255))
        elif op == 2:
            i = draw(st.integers(0, n))
            data[i:i] = draw(st.binary(min_size=1, max_size=16))
        elif op == 3 and n:
            i = draw(st.integers(0, n - 1))
            del data[i : i + draw(st.integers(1, 16))]
        elif op == 4 and n:
            del data[draw(st.integers(0, n - 1)) :]
        elif op == 5 and n >= 6:
            data[4:6] = draw(st.sampled_from([0, 1, 65535]) | st.integers(0, 65535)).to_bytes(2, "big")
    return bytes(data)


malformed_frames = mutated(encoded_frames)
frame_streams = st.lists(encoded_frames | malformed_frames | st.binary(max_size=64), max_size=6).map(b"".join)

# --- key files ---------------------------------------------------------------------------------------

argon2_params = st.builds(
    wk.Argon2Params,
    time_cost=st.integers(*ARGON2_TIME_COST_RANGE),
    memory_kib=st.integers(*ARGON2_MEMORY_KIB_RANGE),
    parallelism=st.integers(*ARGON2_PARALLELISM_RANGE),
)


@st.composite
def keystore_files(draw: st.DrawFn) -> bytes:
    """A structurally valid keystore file (right magic, checksum, lengths) with random contents."""
    header = wk.encode_keystore_header(
        draw(argon2_params),
        draw(st.binary(min_size=ARGON2_SALT_SIZE, max_size=ARGON2_SALT_SIZE)),
        draw(st.binary(min_size=XCHACHA_NONCE_SIZE, max_size=XCHACHA_NONCE_SIZE)),
        draw(st.binary(min_size=FINGERPRINT_SIZE, max_size=FINGERPRINT_SIZE)),
    )
    sealed = draw(st.binary(min_size=SEED_SIZE + AEAD_TAG_SIZE, max_size=SEED_SIZE + AEAD_TAG_SIZE))
    return wk.encode_keystore(header, sealed)


def real_keystore_files() -> st.SearchStrategy[bytes]:
    """The reproducible real keystore (cheap Argon2 costs, PIN ``24682468``) and its public key file."""
    from keycrypt_kit.fuzz.targets import keystore_seeds

    return st.sampled_from(list(keystore_seeds()))


def any_key_file() -> st.SearchStrategy[bytes]:
    return keystore_files() | mutated(keystore_files()) | mutated(real_keystore_files()) | st.binary(max_size=512)
