"""KeyCrypt's tooling (attacks, fuzzing, vector generator, SPIN model): never imported by the runtime."""
