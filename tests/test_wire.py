"""The KCP/1 codec: round trips, every malformation class with its field, the stream
reader, the hot-path codec against the construct codec, and describe() against the bytes."""

from __future__ import annotations

import dataclasses
import struct

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from keycrypt.constants import (
    CHALLENGE_SIZE,
    CLIENT_ID_CHARS,
    CLIENT_ID_MAX,
    CT_SIZE,
    FLAGS_RESERVED,
    HEADER_SIZE,
    MAGIC,
    REKEY_LOG2_MAX,
    REKEY_LOG2_MIN,
    SALT_SIZE,
    TAG_SIZE,
    VERSION,
    FrameType,
    Status,
)
from keycrypt.errors import LocalUsageError, ParseError
from keycrypt.wire import fastpath, frames
from keycrypt.wire.frames import BODY_BOUNDS, Hello, HelloAck, Ping, Pong, Rekey, RekeyAck, decode, encode
from keycrypt.wire.stream import FrameReader

from conftest import examples

STATUSES = [int(s) for s in Status]
u32 = st.integers(0, 2**32 - 1)
tag = st.binary(min_size=TAG_SIZE, max_size=TAG_SIZE)
challenge = st.binary(min_size=CHALLENGE_SIZE, max_size=CHALLENGE_SIZE)
salt = st.binary(min_size=SALT_SIZE, max_size=SALT_SIZE)
status = st.sampled_from(STATUSES)
ID_CHARS = "".join(sorted(chr(b) for b in CLIENT_ID_CHARS))
client_id = st.text(alphabet=ID_CHARS, min_size=1, max_size=CLIENT_ID_MAX)

hellos = st.builds(
    Hello,
    flags=st.sampled_from([0, 1]),
    rekey_log2=st.integers(REKEY_LOG2_MIN, REKEY_LOG2_MAX),
    client_id=client_id,
    ct=st.binary(min_size=CT_SIZE, max_size=CT_SIZE),
    challenge=challenge,
    salt=salt,
)
small_frames = st.one_of(
    st.builds(HelloAck, status=status, nonce=st.binary(min_size=32, max_size=32), tag=tag),
    st.builds(Ping, counter=u32, challenge=challenge, tag=tag),
    st.builds(Pong, counter=u32, status=status, tag=tag),
    st.builds(Rekey, salt=salt, tag=tag),
    st.builds(RekeyAck, tag=tag),
)
any_frame = st.one_of(hellos, small_frames)

HELLO_FIXED = BODY_BOUNDS[FrameType.HELLO][0] - 1  # body bytes besides the client_id itself


def sample(ft: FrameType) -> frames.Frame:
    """One valid frame of each type, for the exhaustive (non-hypothesis) checks."""
    return {
        FrameType.HELLO: Hello(1, 4, "host-a.example", bytes(range(256)) * 4 + bytes(64), b"c" * 32, b"s" * 16),
        FrameType.HELLO_ACK: HelloAck(1, b"n" * 32, b"t" * 32),
        FrameType.PING: Ping(7, b"c" * 32, b"t" * 32),
        FrameType.PONG: Pong(7, 2, b"t" * 32),
        FrameType.REKEY: Rekey(b"s" * 16, b"t" * 32),
        FrameType.REKEY_ACK: RekeyAck(b"t" * 32),
    }[ft]


def parse_error_field(data: bytes) -> str:
    with pytest.raises(ParseError) as info:
        decode(data)
    return str(info.value.field)


def hello_with_id(id_bytes: bytes, *, length: int | None = None) -> bytes:
    """A HELLO whose client_id is raw bytes (possibly illegal), its header length consistent unless given."""
    body = bytes((0, 4, len(id_bytes) & 0xFF)) + id_bytes + bytes(CT_SIZE + CHALLENGE_SIZE + SALT_SIZE)
    n = len(body) if length is None else length
    return struct.pack(">2sBBH", MAGIC, VERSION, FrameType.HELLO, n) + body


# --- round trips -----------------------------------------------------------------------


@given(any_frame)
def test_round_trip(frame: frames.Frame) -> None:
    raw = encode(frame)
    assert decode(raw) == frame
    assert raw[:2] == MAGIC and raw[2] == VERSION and raw[3] == frame.type
    assert struct.unpack(">H", raw[4:6])[0] == len(raw) - HEADER_SIZE
    if frame.type in frames.TAGGED:
        assert frames.split_tag(raw) == (frames.encode_prefix(frame), frame.tag)  # type: ignore[union-attr]


def test_every_type_round_trips_and_sizes_match_bounds() -> None:
    for ft in FrameType:
        raw = encode(sample(ft))
        lo, hi = BODY_BOUNDS[ft]
        assert lo <= len(raw) - HEADER_SIZE <= hi
        assert decode(raw) == sample(ft)
    assert frames.MAX_FRAME_SIZE == HEADER_SIZE + BODY_BOUNDS[FrameType.HELLO][1]


def test_encode_refuses_what_decode_refuses() -> None:
    bad = [
        Hello(2, 4, "x", bytes(CT_SIZE), bytes(32), bytes(16)),
        Hello(0, 3, "x", bytes(CT_SIZE), bytes(32), bytes(16)),
        Hello(0, 25, "x", bytes(CT_SIZE), bytes(32), bytes(16)),
        Hello(0, 4, "", bytes(CT_SIZE), bytes(32), bytes(16)),
        Hello(0, 4, "x" * 65, bytes(CT_SIZE), bytes(32), bytes(16)),
        Hello(0, 4, "x", bytes(CT_SIZE - 1), bytes(32), bytes(16)),
        Hello(0, 4, "host 1", bytes(CT_SIZE), bytes(32), bytes(16)),
        HelloAck(3, bytes(32), bytes(32)),
        Pong(0, 255, bytes(32)),
        Ping(2**32, bytes(32), bytes(32)),
        Ping(0, bytes(31), bytes(32)),
        Ping(0, bytes(32), bytes(31)),
        RekeyAck(b""),
    ]
    for frame in bad:
        with pytest.raises(LocalUsageError):
            encode(frame)


# --- header malformations ------------------------------------------------------------------


@given(any_frame, st.binary(min_size=2, max_size=2).filter(lambda m: m != MAGIC))
def test_bad_magic(frame: frames.Frame, magic: bytes) -> None:
    assert parse_error_field(magic + encode(frame)[2:]) == "magic"


@given(any_frame, st.integers(0, 255).filter(lambda v: v != VERSION))
def test_bad_version(frame: frames.Frame, version: int) -> None:
    raw = bytearray(encode(frame))
    raw[2] = version
    assert parse_error_field(bytes(raw)) == "version"


@given(any_frame, st.integers(0, 255).filter(lambda t: t not in FrameType._value2member_map_))
def test_unknown_type(frame: frames.Frame, ftype: int) -> None:
    raw = bytearray(encode(frame))
    raw[3] = ftype
    assert parse_error_field(bytes(raw)) == "type"


@given(st.sampled_from(list(FrameType)), st.integers(0, 0xFFFF), st.data())
def test_length_outside_bounds(ft: FrameType, length: int, data: st.DataObject) -> None:
    lo, hi = BODY_BOUNDS[ft]
    assume(not lo <= length <= hi)
    raw = bytearray(encode(sample(ft)))
    raw[4:6] = struct.pack(">H", length)
    # the header alone is enough; so is the header with any body behind it
    tail = data.draw(st.binary(max_size=64))
    assert parse_error_field(bytes(raw[:HEADER_SIZE])) == "length"
    assert parse_error_field(bytes(raw) + tail) == "length"
    with pytest.raises(ParseError) as info:
        frames.check_header(bytes(raw[:HEADER_SIZE]))
    assert info.value.field == "length"


@pytest.mark.parametrize("ft", list(FrameType))
def test_truncated_at_every_length(ft: FrameType) -> None:
    raw = encode(sample(ft))
    for n in range(len(raw)):
        assert parse_error_field(raw[:n]) == ("header" if n < HEADER_SIZE else "body"), n


@given(any_frame, st.binary(min_size=1, max_size=40))
def test_trailing_bytes(frame: frames.Frame, extra: bytes) -> None:
    assert parse_error_field(encode(frame) + extra) == "trailing"


# --- HELLO fields -----------------------------------------------------------------------------


@given(hellos, st.integers(0, 255).filter(lambda f: f & FLAGS_RESERVED))
def test_reserved_flag_bits(hello: Hello, flags: int) -> None:
    raw = bytearray(encode(hello))
    raw[HEADER_SIZE] = flags
    assert parse_error_field(bytes(raw)) == "flags"


@given(hellos, st.integers(0, 255).filter(lambda v: not REKEY_LOG2_MIN <= v <= REKEY_LOG2_MAX))
def test_rekey_log2_out_of_range(hello: Hello, log2: int) -> None:
    raw = bytearray(encode(hello))
    raw[HEADER_SIZE + 1] = log2
    assert parse_error_field(bytes(raw)) == "rekey_log2"


def test_client_id_empty_or_too_long_with_a_consistent_length_is_a_length_error() -> None:
    # The header check comes first: a consistent frame with such an id has an illegal body length.
    assert parse_error_field(hello_with_id(b"")) == "length"
    for n in (CLIENT_ID_MAX + 1, 100, 255):
        assert parse_error_field(hello_with_id(b"x" * n)) == "length"


def test_client_id_length_byte_disagreeing_with_the_frame_length() -> None:
    good = hello_with_id(b"x" * 10)
    assert decode(good).client_id == "x" * 10  # type: ignore[union-attr]
    for id_len in [0, 1, 9, 11, 12, 64, 65, 200, 255]:
        raw = bytearray(good)
        raw[HEADER_SIZE + 2] = id_len
        assert parse_error_field(bytes(raw)) == "client_id", id_len


@given(st.binary(min_size=1, max_size=CLIENT_ID_MAX))
def test_client_id_charset(id_bytes: bytes) -> None:
    """KCP1-ID-1: a client_id is 1..64 bytes of ASCII letters, digits and . _ : @ -; anything else is a parse error."""
    if all(b in CLIENT_ID_CHARS for b in id_bytes):
        assert decode(hello_with_id(id_bytes)).client_id == id_bytes.decode()  # type: ignore[union-attr]
    else:
        assert parse_error_field(hello_with_id(id_bytes)) == "client_id"


@pytest.mark.parametrize("id_bytes", [b"x\nCRITICAL keycrypt.keypad event=alarm reason=breach",
                                      b"a b", b"host\x00", b'"q"', b"k=v", b"caf\xc3\xa9", b"\x1b[31m"])
def test_client_id_outside_the_charset_is_refused(id_bytes: bytes) -> None:
    assert parse_error_field(hello_with_id(id_bytes)) == "client_id"
    with pytest.raises(LocalUsageError):
        encode(Hello(0, 4, id_bytes.decode("utf-8"), bytes(CT_SIZE), bytes(32), bytes(16)))


@pytest.mark.parametrize("id_bytes", [b"\xff", b"\xed\xa0\x80", b"\xc0\xaf", b"ok\x80"])  # lone, surrogate, overlong
def test_client_id_invalid_utf8_examples(id_bytes: bytes) -> None:
    assert parse_error_field(hello_with_id(id_bytes)) == "client_id"


# --- status ---------------------------------------------------------------------------------


@given(st.sampled_from([FrameType.HELLO_ACK, FrameType.PONG]), st.integers(0, 255).filter(lambda s: s not in STATUSES))
def test_unknown_status(ft: FrameType, bad_status: int) -> None:
    raw = bytearray(encode(sample(ft)))
    offset = next(f.offset for f in frames.describe(ft) if f.name == "status")
    assert offset is not None
    raw[offset] = bad_status
    assert parse_error_field(bytes(raw)) == "status"


# --- fuzz -----------------------------------------------------------------------------------


def header_then(body: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Bytes that pass or nearly pass the header check, so the body checks get exercised."""
    return st.builds(
        lambda ft, delta, b: struct.pack(">2sBBH", MAGIC, VERSION, ft, max(0, len(b) + delta)) + b,
        st.integers(0, 8),
        st.integers(-2, 2),
        body,
    )


@settings(max_examples=examples(300))
@given(st.one_of(st.binary(max_size=1300), header_then(st.binary(max_size=1300))))
def test_arbitrary_bytes_only_raise_parse_error(data: bytes) -> None:
    try:
        frame = decode(data)
    except ParseError as exc:
        assert exc.field
    else:
        assert encode(frame) == data  # anything accepted is canonical


@settings(max_examples=examples(300))
@given(any_frame, st.data())
def test_single_byte_mutation(frame: frames.Frame, data: st.DataObject) -> None:
    raw = bytearray(encode(frame))
    i = data.draw(st.integers(0, len(raw) - 1))
    raw[i] ^= data.draw(st.integers(1, 255))
    try:
        other = decode(bytes(raw))
    except ParseError:
        return
    assert other != frame and encode(other) == bytes(raw)


# --- stream reader --------------------------------------------------------------------------


@settings(max_examples=examples(25))
@given(st.lists(any_frame, min_size=1, max_size=4))
def test_reader_split_at_every_boundary(frame_list: list[frames.Frame]) -> None:
    raws = [encode(f) for f in frame_list]
    stream = b"".join(raws)
    for i in range(len(stream) + 1):
        reader = FrameReader()
        assert reader.feed(stream[:i]) + reader.feed(stream[i:]) == raws
        assert reader.buffered == 0
    reader = FrameReader()
    got = [fr for b in stream for fr in reader.feed(bytes((b,)))]
    assert got == raws


@given(st.lists(any_frame, min_size=1, max_size=5), st.data())
def test_reader_random_chunks(frame_list: list[frames.Frame], data: st.DataObject) -> None:
    raws = [encode(f) for f in frame_list]
    stream = b"".join(raws)
    cuts = sorted(data.draw(st.sets(st.integers(0, len(stream)), max_size=20)))
    reader, got, prev = FrameReader(), [], 0
    for cut in cuts + [len(stream)]:
        got += reader.feed(stream[prev:cut])
        prev = cut
    assert got == raws


BAD_HEADERS = {
    "magic": b"KD" + bytes((VERSION, FrameType.PING)) + struct.pack(">H", 68),
    "version": MAGIC + bytes((VERSION + 1, FrameType.PING)) + struct.pack(">H", 68),
    "type": MAGIC + bytes((VERSION, 0)) + struct.pack(">H", 68),
    "length": MAGIC + bytes((VERSION, FrameType.PING)) + struct.pack(">H", 0xFFFF),
}


@pytest.mark.parametrize("field", sorted(BAD_HEADERS))
def test_reader_rejects_bad_header_at_its_sixth_byte(field: str) -> None:
    good = encode(sample(FrameType.PONG))
    reader = FrameReader()
    assert reader.feed(good + BAD_HEADERS[field][:5]) == [good]  # five bytes: not yet judged
    with pytest.raises(ParseError) as info:
        reader.feed(BAD_HEADERS[field][5:6])  # the sixth: rejected, no body awaited
    assert info.value.field == field


def test_reader_holds_a_partial_frame() -> None:
    raw = encode(sample(FrameType.HELLO))
    reader = FrameReader()
    assert reader.feed(raw[:-1]) == []
    assert reader.buffered == len(raw) - 1
    assert reader.feed(raw[-1:]) == [raw]


# --- hot-path codec ---------------------------------------------------------------------------


@given(u32, challenge)
def test_fastpath_ping_prefix_equals_construct(counter: int, chal: bytes) -> None:
    assert fastpath.ping_prefix(counter, chal) == frames.encode_prefix(Ping(counter, chal))


@given(u32, status)
def test_fastpath_pong_prefix_equals_construct(counter: int, st_: int) -> None:
    assert fastpath.pong_prefix(counter, st_) == frames.encode_prefix(Pong(counter, st_))


@given(
    st.one_of(st.integers(-(2**33), -1), st.integers(2**32, 2**40)),
    st.integers(-5, 300).filter(lambda s: s not in STATUSES),
    st.binary(max_size=40).filter(lambda b: len(b) != CHALLENGE_SIZE),
)
def test_fastpath_encoders_refuse_what_construct_refuses(counter: int, bad_status: int, bad_chal: bytes) -> None:
    for call in (
        lambda: fastpath.ping_prefix(counter, b"c" * 32),
        lambda: fastpath.ping_prefix(0, bad_chal),
        lambda: fastpath.pong_prefix(counter, 0),
        lambda: fastpath.pong_prefix(0, bad_status),
    ):
        with pytest.raises(LocalUsageError):
            call()
    with pytest.raises(LocalUsageError):
        frames.encode_prefix(Pong(0, bad_status))


def mutated(base: st.SearchStrategy[frames.Frame]) -> st.SearchStrategy[bytes]:
    """Valid frames with a few random byte changes, truncations or extensions."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        raw = bytearray(encode(draw(base)))
        for _ in range(draw(st.integers(0, 3))):
            i = draw(st.integers(0, len(raw) - 1))
            raw[i] = draw(st.integers(0, 255))
        cut = draw(st.one_of(st.none(), st.integers(0, len(raw))))
        tail = draw(st.binary(max_size=3))
        return bytes(raw[:cut]) + tail if cut is not None else bytes(raw)

    return build()


def same_outcome(fast: object, data: bytes, want: type) -> None:
    """fastpath decoder ``fast`` accepts exactly what decode() accepts as ``want``, else the same field."""
    try:
        frame = decode(data)
    except ParseError as exc:
        with pytest.raises(ParseError) as info:
            fast(data)  # type: ignore[operator]
        assert info.value.field == exc.field, (exc, info.value)
        return
    if isinstance(frame, want):
        fields = tuple(getattr(frame, f.name) for f in dataclasses.fields(frame))
        assert fast(data) == fields  # type: ignore[operator]
    else:
        with pytest.raises(ParseError) as info:
            fast(data)  # type: ignore[operator]
        assert info.value.field == "type"


@settings(max_examples=examples(400))
@given(st.one_of(mutated(small_frames), st.binary(max_size=80), header_then(st.binary(max_size=80))))
def test_fastpath_decode_ping_agrees_with_decode(data: bytes) -> None:
    same_outcome(fastpath.decode_ping, data, Ping)


@settings(max_examples=examples(400))
@given(st.one_of(mutated(small_frames), st.binary(max_size=80), header_then(st.binary(max_size=80))))
def test_fastpath_decode_pong_agrees_with_decode(data: bytes) -> None:
    same_outcome(fastpath.decode_pong, data, Pong)


def test_fastpath_sizes() -> None:
    assert fastpath.PING_SIZE == len(encode(sample(FrameType.PING)))
    assert fastpath.PONG_SIZE == len(encode(sample(FrameType.PONG)))


# --- describe() -------------------------------------------------------------------------------


@given(any_frame)
def test_describe_agrees_with_encoded_bytes(frame: frames.Frame) -> None:
    raw = encode(frame)
    info = frames.describe(frame.type)
    values: dict[str, object] = {
        "magic": MAGIC,
        "version": VERSION,
        "type": int(frame.type),
        "length": len(raw) - HEADER_SIZE,
        **{f.name: getattr(frame, f.name) for f in dataclasses.fields(frame)},
    }
    assert [f.name for f in info] == list(values)
    if isinstance(frame, Hello):
        values["client_id"] = frame.client_id.encode()
    # Walk the fields: fixed ones must sit at their stated offset; variable ones advance by content.
    pos = 0
    for f in info:
        v = values[f.name]
        if f.offset is not None:
            assert f.offset == pos, f
        if f.size is None:  # the u8-length-prefixed client_id
            assert isinstance(v, bytes) and raw[pos] == len(v) and raw[pos + 1 : pos + 1 + len(v)] == v
            pos += 1 + len(v)
            continue
        chunk = raw[pos : pos + f.size]
        if isinstance(v, bytes):
            assert chunk == v, f
            assert f.kind == f"bytes[{f.size}]"
        else:
            assert int.from_bytes(chunk, "big") == v, f
            assert f.kind == {1: "u8", 2: "u16", 4: "u32"}[f.size]
        pos += f.size
    assert pos == len(raw)
    if frame.type in frames.TAGGED:
        assert info[-1].name == "tag" and info[-1].size == TAG_SIZE
        assert info[-1].offset in (None, len(raw) - TAG_SIZE)
    assert all(f.doc for f in info)


def test_direction_covers_every_type() -> None:
    assert set(frames.DIRECTION) == set(FrameType)
    assert {ft for ft, d in frames.DIRECTION.items() if d == "C→K"} == {
        FrameType.HELLO,
        FrameType.PING,
        FrameType.REKEY,
    }


@settings(max_examples=examples(300))
@given(mutated(st.one_of(st.builds(Ping, counter=u32, challenge=challenge, tag=tag), st.builds(Pong, counter=u32, status=status, tag=tag))))
def test_decode_shortcut_agrees_with_construct(data: bytes) -> None:
    """frames.decode reads whole PING/PONG frames without construct; construct stays the reference."""
    try:
        ft, length = frames.check_header(data)
    except ParseError:
        return
    if len(data) != HEADER_SIZE + length:
        return
    parsed = frames.BODIES[ft].parse(data[HEADER_SIZE:])
    values = {k: v for k, v in parsed.items() if not k.startswith("_")}
    if values.get("status", 0) not in STATUSES:
        assert parse_error_field(data) == "status"
        return
    assert decode(data) == frames.FRAME_CLASSES[ft](**values)
