"""The vector generator: every vector file derived from fixed labeled seeds, so that
``keycrypt-vectors check`` can regenerate them in memory and find any byte of drift.

The expected outputs are the answers of the reference executor
(:mod:`keycrypt_conformance.reference`), the same answers the conformance
runner's reference shim serves. The file list lives in :mod:`keycrypt_vectors`.
"""
