"""Attack cases over real sockets on 127.0.0.1 against the reference daemons (filled in below)."""
