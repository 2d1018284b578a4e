"""The documentation cannot drift from the spec, and the site builds with no warning."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from keycrypt import constants as K
from keycrypt import tables
from keycrypt.constants import FrameType
from keycrypt.wire import frames
from keycrypt_kit.docgen import pages as docgen

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "docs" / "javascripts" / "mermaid.tiny.js"
MERMAID_SHA256 = "7a644017d37f93c8359790884e6b67fb1f747c78eb20475952404bd87190a3f8"  # @mermaid-js/tiny 11.17.2


def test_generated_pages_match_their_sources() -> None:
    problems = docgen.check(ROOT)
    assert not problems, "run `python -m keycrypt_kit.docgen` and commit docs/generated/:\n" + "\n".join(problems)


def test_check_detects_an_edited_missing_or_stale_page(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assert docgen.check(tmp_path)  # nothing written yet: every page is missing
    docgen.write(tmp_path)
    assert docgen.check(tmp_path) == []
    page = tmp_path / docgen.OUT / "frames" / "ping.md"
    page.write_text(page.read_text().replace("| 42 | 32 | tag", "| 40 | 32 | tag"))
    stale = tmp_path / docgen.OUT / "old.md"
    stale.write_text("# gone\n")
    assert docgen.check(tmp_path) == [f"out of date: {docgen.OUT / 'frames' / 'ping.md'}", f"stale (no longer generated): {docgen.OUT / 'old.md'}"]
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 1
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert docgen.check(tmp_path) == [] and not stale.exists()


def test_an_edit_inside_a_generated_part_of_the_spec_is_drift(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    docgen.write(tmp_path)
    shim = tmp_path / docgen.SPEC_SHIM
    shim.write_text(shim.read_text().replace("| `send_ping` | 1. `send` |", "| `send_ping` | 1. `set_timer` |"))
    frames_md = tmp_path / docgen.SPEC_FRAMES
    frames_md.write_text(frames_md.read_text().replace("| 42 | 32 | tag |", "| 40 | 32 | tag |"))
    assert docgen.check(tmp_path) == [f"out of date: {docgen.SPEC_FRAMES}", f"out of date: {docgen.SPEC_SHIM}"]


def test_generated_sections_need_their_markers() -> None:
    marked = "a\n<!-- BEGIN GENERATED outputs: x -->\nold\n<!-- END GENERATED outputs -->\nb\n"
    assert docgen._fill_sections(marked, "t", {"outputs": "new"}) == (
        "a\n<!-- BEGIN GENERATED outputs: x -->\n\nnew\n<!-- END GENERATED outputs -->\nb\n")
    with pytest.raises(ValueError, match="markers missing"):
        docgen._fill_sections("no markers\n", "t", {"outputs": "new"})
    with pytest.raises(ValueError, match="no generator"):
        docgen._fill_sections(marked.replace("outputs", "other"), "t", {})


def test_spec_frames_page_gives_every_field_at_its_offset_without_python() -> None:
    text = docgen.render()[docgen.SPEC_FRAMES]
    for ft in FrameType:
        for f in frames.describe(ft):
            size = "1 + n" if f.size is None else f.size
            if f.offset is not None:
                assert f"| {f.offset} | {size} | {f.name} |" in text, (ft, f)
    protocol = (ROOT / "spec" / "protocol.md").read_text()
    normative = protocol[: protocol.index("## 11. Changelog")]
    assert "](frames.md)" in normative
    assert not re.search(r"\bkeycrypt/\S+\.py\b", normative), "a porter must not need Python source"


def test_frame_pages_show_every_field_at_its_offset() -> None:
    pages = docgen.render()
    for ft in FrameType:
        text = pages[docgen.OUT / "frames" / f"{ft.name.lower().replace('_', '-')}.md"]
        lo, hi = frames.BODY_BOUNDS[ft]
        for f in frames.describe(ft):
            if f.offset is not None and f.size is not None:
                assert f"| {f.offset} | {f.size} | {f.name} | {f.kind} |" in text, (ft.name, f.name)
        assert (f"{lo} bytes" if lo == hi else f"{lo} … {hi} bytes") in text


def test_hello_offsets_after_the_client_id_are_right() -> None:
    """The symbolic offsets (k + n) agree with a real encoding for every client_id length."""
    text = docgen.render()[docgen.OUT / "frames" / "hello.md"]
    offsets = dict((name, int(base)) for base, name in re.findall(r"\| (\d+) \+ n \| \d+ \| (\w+) \|", text))
    for n in (K.CLIENT_ID_MIN, 7, K.CLIENT_ID_MAX):
        ct, challenge, salt = bytes([1]) * K.CT_SIZE, bytes([2]) * K.CHALLENGE_SIZE, bytes([3]) * K.SALT_SIZE
        raw = frames.encode(frames.Hello(0, K.REKEY_LOG2_DEFAULT, "x" * n, ct, challenge, salt))
        assert raw[offsets["ct"] + n : offsets["ct"] + n + K.CT_SIZE] == ct
        assert raw[offsets["challenge"] + n : offsets["challenge"] + n + K.CHALLENGE_SIZE] == challenge
        assert raw[offsets["salt"] + n :] == salt


def test_constants_page_lists_every_constant_and_label_bytes() -> None:
    text = docgen.render()[docgen.OUT / "constants.md"]
    for section, values in K.RAW.items():
        for key in values:
            assert f"`{key}`" in text, (section, key)
    for label in K.RAW["labels"].values():
        assert " ".join(f"{b:02x}" for b in label.encode("ascii")) in text


def test_table_pages_list_every_row() -> None:
    pages = docgen.render()
    for name in tables.MACHINES:
        t = tables.load(name)
        text = pages[docgen.OUT / "tables" / f"{name.replace('_', '-')}.md"]
        assert "stateDiagram-v2" in text
        for r in t.iter_rows():
            assert f"| `{r.state}` | `{r.event}` | `{r.next}` |" in text, r
        # every legal transition between two live states is drawn, or its event is in the table of
        # events that lead to one state from anywhere (their arrows crossed everything else)
        for r in t.iter_rows():
            if r.state != r.next and r.next not in t.terminal and r.state not in t.terminal:
                drawn = re.search(rf"{r.state} --> {r.next}: .*\b{r.event}\b", text)
                listed = re.search(rf"\| `{r.event}` \| `{r.next}` \| [^\n]*`{r.state}`", text)
                assert drawn or listed, r


@pytest.mark.slow
def test_check_command_passes_and_reports_its_time() -> None:
    """The CLI a CI step runs; prints its time rather than asserting on speed (house rule, target < 2 s)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "keycrypt_kit.docgen.pages", "--check"], capture_output=True, text=True, cwd=ROOT)
    print(f"python -m keycrypt_kit.docgen --check: {time.perf_counter() - start:.2f} s")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "up to date" in out.stdout


def test_configuration_reference_is_a_generated_page_with_every_key() -> None:
    """docs/configuration.md is written and checked by docgen, and names every key any part of the code accepts."""
    from keycrypt import config, hw, lockdown

    text = docgen.render()[docgen.CONFIG_PAGE]
    keys = [opt.key for schema in config.SCHEMAS.values() for section in schema.sections for opt in section.opts]
    keys += [k for drivers in (hw.SENSOR_DEFAULTS, hw.PINPAD_DEFAULTS) for d in drivers.values() for k in d]
    keys += [*lockdown.SECTION_KEYS, *lockdown.STEP_KEYS]
    for key in keys:
        assert f"| `{key}` |" in text, key
    for schema in config.SCHEMAS.values():
        for section in schema.sections:
            if section.name:
                assert f"[{section.name}]" in text, section.name


def test_configuration_reference_refuses_an_undocumented_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from keycrypt import hw, lockdown
    from keycrypt_kit.docgen.config_reference import render_config_reference

    monkeypatch.setitem(hw.SENSOR_DEFAULTS, "gpio", {**hw.SENSOR_DEFAULTS["gpio"], "new_key": 1})
    with pytest.raises(AssertionError, match="new_key"):
        render_config_reference()
    monkeypatch.undo()
    monkeypatch.setattr(lockdown, "SECTION_KEYS", (*lockdown.SECTION_KEYS, "retries"))
    with pytest.raises(AssertionError, match="retries"):
        render_config_reference()


def test_vector_flags_page_explains_every_flag_of_every_file() -> None:
    import json

    text = docgen.render()[docgen.OUT / "vector-flags.md"]
    for path in sorted((ROOT / "vectors").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert f"## `{path.name}`" in text
        for flag, note in data["notes"].items():
            assert f"| `{flag}` | `{note['bugType']}` |" in text and note["description"] in text, (path.name, flag)


def test_shim_protocol_page_is_the_spec_with_site_links() -> None:
    text = docgen.render()[docgen.OUT / "shim-protocol.md"]
    assert "](protocol.md)" not in text and "](spec.md)" in text
    assert "### 2.1 Requests" in text


def test_vendored_mermaid_is_the_recorded_release() -> None:
    """The site renders diagrams offline from this file; a swapped file must be a deliberate change."""
    assert hashlib.sha256(MERMAID.read_bytes()).hexdigest() == MERMAID_SHA256
    assert (MERMAID.parent / "mermaid.LICENSE").read_text().startswith("The MIT License")


@pytest.mark.slow
def test_mkdocs_build_strict(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("mkdocs / mkdocs-material not installed: pip install -e '.[docs]'")
    out = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "WARNING" not in out.stderr, out.stderr[-3000:]
    site = tmp_path / "site"
    assert (site / "generated" / "frames" / "ping.html").is_file()
    _assert_works_from_disk(site)


def _assert_works_from_disk(site: Path) -> None:
    """Opened with file:// (air-gapped operators): every link names a file, and search needs no fetch.

    With directory URLs a link to `cli/` opened from disk showed a directory listing; the search
    worker's fetch of search_index.json is refused on file://, so the index must be inline JS.
    """
    import re

    assert (site / "search" / "search_index.js").is_file(), "the offline plugin's inline search index is missing"
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]  # 404: for a web server only
    assert len(pages) > 20
    bad = []
    for page in pages:
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith(("#", "//")):
                continue
            target = (page.parent / href.split("#", 1)[0].split("?", 1)[0]).resolve()
            if not target.is_file():
                bad.append(f"{page.relative_to(site)}: {href}")
    assert not bad, bad[:20]


# --- hand-written pages stay consistent with the code they describe ----------------------------

DOCS = ROOT / "docs"
OTHERS = {"configuration.md", "cli.md", "hardware.md"}  # generated (configuration) or checked by their owners' tests
HAND_WRITTEN = sorted(p for p in DOCS.rglob("*.md") if "generated" not in p.parts and p.name not in OTHERS)


def _commands(text: str) -> list[list[str]]:
    """Every `keycrypt ...` invocation in inline code or code blocks, as tokens after 'keycrypt'."""
    text = text.replace("\\\n", " ")
    spans = re.findall(r"`([^`\n]+)`", text) + text.splitlines()
    out = []
    for span in spans:
        for m in re.finditer(r"(?:^|[\s/`])keycrypt ((?:keypad|client|audit|demo)\b[^`|;&)]*)", span):
            out.append(m.group(1).split())
    return out


def _subparsers(parser: Any) -> dict[str, Any]:
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return dict(action.choices)
    return {}


def test_commands_and_options_in_the_docs_exist_in_the_cli() -> None:
    cli = pytest.importorskip("keycrypt.cli", reason="keycrypt/cli.py not there yet")
    groups = _subparsers(cli.build_parser())
    seen = 0
    for page in HAND_WRITTEN:
        for tokens in _commands(page.read_text(encoding="utf-8")):
            group = groups.get(tokens[0])
            assert group is not None, f"{page.name}: unknown command group in `keycrypt {' '.join(tokens)}`"
            sub = _subparsers(group)
            parser = group
            if sub and len(tokens) > 1 and not tokens[1].startswith("-"):
                if tokens[1] not in sub:  # prose such as "keycrypt keypad status, arm, ..." names the group only
                    assert not re.fullmatch(r"[a-z][a-z-]*", tokens[1]) or tokens[1] in ("and", "or"), (
                        f"{page.name}: no command `keycrypt {tokens[0]} {tokens[1]}`"
                    )
                    continue
                parser = sub[tokens[1]]
            options = {s for a in parser._actions for s in a.option_strings}
            for tok in tokens:
                if tok.startswith("--"):
                    assert tok.split("=")[0] in options, f"{page.name}: `keycrypt {' '.join(tokens[:2])}` has no option {tok}"
            seen += 1
    assert seen >= 5  # the deployment page names the provisioning commands


def test_rows_quoted_in_prose_are_rows_of_the_tables() -> None:
    """Tables of (table, state, event, next, actions) in hand-written pages must match spec/tables."""
    names = {"client": "client_session", "keypad": "keypad_session", "device": "keypad_device"}
    quoted = 0
    for page in HAND_WRITTEN:
        for m in re.finditer(r"^\| (client|keypad|device) \| `(\w+)` \| `(\w+)` \| `(\w+)` \| ([\w, ]+) \|$", page.read_text(), re.M):
            who, state, event, nxt, actions = m.groups()
            row = tables.load(names[who]).row(state, event)
            assert (row.next, ", ".join(row.actions)) == (nxt, actions.strip()), f"{page.name}: {m.group(0)}"
            quoted += 1
    assert quoted >= 7


def test_hand_written_mermaid_has_no_statement_separators() -> None:
    """A ';' inside a mermaid message ends the statement, and the whole diagram silently fails to render."""
    for page in HAND_WRITTEN:
        for block in re.findall(r"```mermaid\n(.*?)```", page.read_text(), re.S):
            assert ";" not in block, f"{page.name}: ';' in a mermaid diagram"


def test_protocol_code_blocks_fit_the_page() -> None:
    """The content column shows about 72 monospace characters; beyond that a formula's end is
    hidden behind a scrollbar (the rekey label and epoch were, on the rendered key schedule)."""
    pages = [ROOT / "spec" / "protocol.md", *sorted((DOCS / "protocol").glob("*.md")), *sorted((DOCS / "generated" / "frames").glob("*.md"))]
    for page in pages:
        for lang, block in re.findall(r"^```(\w*)[^\n]*\n(.*?)^```", page.read_text(encoding="utf-8"), re.S | re.M):
            if lang != "mermaid":
                for line in block.splitlines():
                    assert len(line) <= 72, f"{page.relative_to(ROOT)}: {len(line)} columns: {line}"
