"""Coverage-guided fuzzing with atheris (optional extra ``fuzz``).

``python -m keycrypt_kit.fuzz.atheris_harness decoder [CORPUS_DIR...] -atheris_runs=100000``
(without a corpus dir the genuine seeds are written to a fresh temporary one);
targets: decoder, keypad, client, keystore (see :mod:`keycrypt_kit.fuzz.targets`).
Typed errors are expected outcomes; anything else (or an oracle violation)
makes atheris stop and write the crashing input. Without atheris installed,
use ``python -m keycrypt_kit.fuzz.run``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    try:
        import atheris
    except ImportError:
        print("atheris is not installed (pip install 'keycrypt-kcp1-kit[fuzz]'); use python -m keycrypt_kit.fuzz.run", file=sys.stderr)
        return 2
    with atheris.instrument_imports():
        from keycrypt_kit.fuzz import targets

    names = [a for a in argv[1:] if not a.startswith("-")]
    if not names or names[0] not in targets.TARGETS:
        print(f"usage: python -m keycrypt_kit.fuzz.atheris_harness {{{'|'.join(targets.TARGETS)}}} [libFuzzer flags]", file=sys.stderr)
        return 2
    fn = targets.TARGETS[names[0]]
    for s in targets.seeds(names[0]):  # warm the snapshot caches before the timed runs
        try:
            fn(s)
        except targets.TYPED:
            pass
    count = 0

    def one(data: bytes) -> None:
        nonlocal count
        count += 1
        try:
            fn(data)
        except targets.TYPED:
            pass

    corpus = names[1:]
    if not corpus:  # start from the genuine frames / files rather than from nothing
        import tempfile

        d = tempfile.mkdtemp(prefix=f"keycrypt-fuzz-{names[0]}-")
        for i, s in enumerate(targets.seeds(names[0])):
            with open(f"{d}/seed{i}", "wb") as fh:
                fh.write(s)
        corpus = [d]
    atheris.Setup([argv[0], *[a for a in argv[1:] if a.startswith("-")], *corpus], one)
    try:
        atheris.Fuzz()
    finally:  # pragma: no cover - atheris exits the process itself at the end of the runs
        print(f"inputs: {count}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
