"""KeyCrypt's test kit: attacks, fuzzing, fault proxy, doc and vector generators (never installed on a keypad or host)."""
