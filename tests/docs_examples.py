"""Where the documented examples come from, and the workspace they run in.

The examples are read out of README.md (every line of a ```sh block), out of the Makefile recipes the README
names, and out of the "Example:" section of every command's --help. They are run against a temporary copy of
data/ and a temporary registry (KZDOCS_DATA and KZDOCS_DB point there), never against the repository's data/.
"""

from __future__ import annotations

import functools
import re
import shutil
import socket
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import pytest
import yaml

from kzdocs import cli
from tests.conftest import PROJECT_ROOT, SHARED

README = PROJECT_ROOT / "README.md"
MAKEFILE = PROJECT_ROOT / "Makefile"
SHARED_PORTRAITS = SHARED / "eval" / "portraits"


# --- parsing -------------------------------------------------------------------------------------------


def logical_lines(block: str) -> list[str]:
    """Command lines of a shell snippet: continuations joined, comments and blank lines dropped."""
    lines: list[str] = []
    pending = ""
    for raw in block.splitlines():
        line = raw.strip()
        if line.endswith("\\"):
            pending += line[:-1].strip() + " "
            continue
        line = re.sub(r"\s{2,}#.*$", "", pending + line).strip()
        pending = ""
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def readme_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [line for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in logical_lines(block)]


def commands_with_help() -> list[tuple[str, click.Command]]:
    """Every command and group under `kzdocs`, the root included, with its full name."""
    found: list[tuple[str, click.Command]] = []

    def walk(name: str, command: click.Command, ctx: click.Context) -> None:
        found.append((name, command))
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                assert child is not None, f"{name} {sub} cannot be loaded"
                walk(f"{name} {sub}", child, click.Context(child, info_name=sub, parent=ctx))

    walk("kzdocs", cli, click.Context(cli, info_name="kzdocs"))
    return found


def help_examples(command: click.Command) -> list[str]:
    """The lines of the indented block under 'Example:' / 'Examples:' in a command's help."""
    text = command.help or ""
    match = re.search(r"^\s*Examples?:\s*\n((?:[ \t]+\S.*\n?)+)", text, re.M)
    return logical_lines(match.group(1)) if match else []


def makefile_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target, after those of the targets it depends on (ours, not files)."""
    text = MAKEFILE.read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(target)}:([^\n]*)\n((?:\t[^\n]*\n?)*)", text, re.M)
    assert match, f"Makefile has no target {target!r}"
    lines: list[str] = []
    for prerequisite in match.group(1).split():
        if re.search(rf"^{re.escape(prerequisite)}:", text, re.M) and "$" not in prerequisite:
            lines += makefile_recipe(prerequisite)
    return lines + [line.strip().lstrip("@") for line in match.group(2).splitlines() if line.strip()]


def makefile_kzdocs_commands(target: str) -> list[str]:
    """The kzdocs command lines a make target runs, with make's variables spelled out."""
    commands = []
    for line in makefile_recipe(target):
        for part in line.split(";"):
            part = part.strip()
            if part.startswith("$(BIN)/kzdocs "):
                commands.append(part.replace("$(BIN)/kzdocs", "kzdocs").replace("$(PORT)", "8001"))
    return commands


# --- the workspace -------------------------------------------------------------------------------------

MIRROR_PORT_IN_DOCS = "127.0.0.1:8765"


@dataclass
class Workspace:
    """A folder that stands in for a user's checkout: data/, registry.db, input files, and state."""

    root: Path
    run_id: str | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def db(self) -> Path:
        return self.root / "data" / "registry.db"

    def env(self, columns: int = 100) -> dict[str, str]:
        # The photo tests' feature cache (outside the repository): evaluate examples re-read no portrait.
        from tests.photo_engine.conftest import FEATURE_CACHE

        return {"KZDOCS_DB": str(self.db), "KZDOCS_DATA": str(self.data), "COLUMNS": str(columns),
                "KZDOCS_PHOTO_CACHE": str(FEATURE_CACHE)}


def copy_project_data(target: Path) -> None:
    """The repository's data/ without a registry file (tests never write into the repository)."""
    shutil.copytree(PROJECT_ROOT / "data", target, ignore=shutil.ignore_patterns("registry.db*"))


def write_portrait(path: Path) -> None:
    """A real public-domain portrait (NASA, shipped inside the scikit-image wheel) as a JPEG.

    The wheel's copy is 512 px square, too few pixels for a 300 dpi print (make refuses to upscale 2.5x);
    resampled to 1536 px it has the pixel count of an ordinary camera crop, which is what a user brings.
    """
    from PIL import Image
    from skimage import data as skdata

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.fromarray(skdata.astronaut())
    image.resize((1536, 1536), Image.Resampling.LANCZOS).save(path, quality=92)


def add_second_version(ws: Workspace, slug: str = "kz-visa-photo") -> str:
    """What an editor does: reword why a field is inferred, say why in change_reason, build. Returns the key.

    An inferred field's reason is what changes, so the archive still confirms every value afterwards.
    """
    from registry.build import build_registry

    path = ws.data / "profiles" / f"{slug}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    field = next(f for f in doc["fields"] if f["key"] == INFERRED_KEY)
    field["reason"] = field["reason"].rstrip(".") + ". Reworded by an editor."
    doc["change_reason"] = "clearer wording of why background.plain is inferred"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = build_registry(ws.db, ws.data)
    assert [v["slug"] for v in report.new_versions] == [slug], report
    return INFERRED_KEY


INFERRED_KEY = "background.plain"


def alter_visa_page(mirror: Path) -> None:
    """The official visa page as it might change: a new photo size and a longer term."""
    page = mirror / "egov.kz" / "cms" / "en" / "articles" / "rk_visa_obtaining"
    text = page.read_text(encoding="utf-8")
    changed = text.replace("measuring 3.5 x 4.5 cm", "measuring 4 x 6 cm").replace(
        "do not exceed 5 working days", "do not exceed 7 working days"
    )
    assert changed.count("4 x 6 cm") == 1 and "7 working days" in changed, "the archived visa page changed shape"
    page.write_text(changed, encoding="utf-8")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        return


def serve_folder(folder: Path) -> ThreadingHTTPServer:
    """A plain static server on 127.0.0.1 (any free port), the way an editor serves an exported mirror."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- no internet -----------------------------------------------------------------------------------------

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections from this process go to 127.0.0.1 or nowhere."""
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host not in LOOPBACK and host is not None:
            raise OSError(f"tests never reach the internet (tried to resolve {host})")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self, address):  # noqa: ANN001, ANN202
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise OSError(f"tests never reach the internet (tried to connect to {address[0]})")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
