"""KeyCrypt: a post-quantum dead man's switch for servers (protocol KCP/1)."""

__version__ = "0.1.0"
