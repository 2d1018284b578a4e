"""Find the KeyCrypt checkout that the doc and vector generators write into.

The generated pages and vector files are committed in a checkout; an
installed kit must never default to writing into site-packages. The kit's
own checkout (an editable install) comes first, then the current directory
and its parents.
"""

from __future__ import annotations

from pathlib import Path


class CheckoutNotFound(Exception):
    """No KeyCrypt checkout here: the generators need one (or an explicit path)."""


def is_checkout(path: Path) -> bool:
    return (path / "spec" / "constants.toml").is_file() and (path / "keycrypt").is_dir() and (path / "vectors").is_dir()


def repo_root(cwd: Path | None = None) -> Path:
    """The checkout's root directory; :class:`CheckoutNotFound` when neither the kit nor ``cwd`` is in one."""
    here = (cwd or Path.cwd()).resolve()
    for candidate in (Path(__file__).resolve().parents[2], here, *here.parents):
        if is_checkout(candidate):
            return candidate
    raise CheckoutNotFound(f"no KeyCrypt checkout (spec/constants.toml, keycrypt/, vectors/) at or above {here}: "
                           "run from a clone of the repository or pass the path explicitly")
