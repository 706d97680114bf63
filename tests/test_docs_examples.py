"""Every command line in README.md and every example in a --help text runs here, and does what it says.

After sqlite-utils' tests/test_docs.py and urlwatch's documented-filter tests: the examples are parsed out of
the README's ```sh blocks, the Makefile recipes those name and each command's help (tests/docs_examples.py),
so a new or changed example runs automatically, and one that EXPECT does not know fails the suite. Each runs
through the real CLI against a temporary copy of data/ and a temporary registry; examples that need state (a
second version, a verification run with findings) get it first, made the way a user would make it. Nothing
reaches the internet: mirrors and servers are on 127.0.0.1 and other connections are refused.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kzdocs import cli
from tests.conftest import FIXTURES, PROJECT_ROOT, SHARED
from tests.docs_examples import (
    MIRROR_PORT_IN_DOCS,
    README,
    SHARED_PORTRAITS,
    Workspace,
    add_second_version,
    alter_visa_page,
    commands_with_help,
    copy_project_data,
    help_examples,
    makefile_kzdocs_commands,
    makefile_recipe,
    no_internet,  # noqa: F401 - autouse: connections go to 127.0.0.1 or nowhere
    readme_examples,
    serve_folder,
    write_portrait,
)

WIDTH = 100


# --- what each example must do ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """How an example is judged: its exit codes, a pattern its output shows, the state it needs, more checks."""

    exits: tuple[int, ...] = (0,)
    says: str = ""
    state: str = "built"  # clean: data copied, nothing built | built: registry with 2 versions of kz-visa-photo
    # | reviewed: built, plus a mirror verification run with findings F001-F007 awaiting review
    check: Callable[[Workspace, str], None] | None = None
    needs_shared: bool = False


def is_json(predicate: Callable[[object], bool]) -> Callable[[Workspace, str], None]:
    def check(ws: Workspace, output: str) -> None:
        assert predicate(json.loads(output)), output[:500]

    return check


def files(*names: str) -> Callable[[Workspace, str], None]:
    def check(ws: Workspace, output: str) -> None:
        for name in names:
            assert (ws.root / name).is_file(), f"{name} was not written; output:\n{output}"

    return check


def photo_px(ws: Workspace, slug: str) -> tuple[int, int]:
    """The digital size the profile's photo spec asks for, read from the workspace's registry."""
    from photo_engine.spec import spec_from_profile
    from registry.api import Registry

    with Registry.open(ws.db) as registry:
        spec = spec_from_profile(registry.current(slug))
    return spec.width_px.value, spec.height_px.value


def photo_made(output: str, sheet: str | None, preview: str | None, slug: str) -> Callable[[Workspace, str], None]:
    """The photo has the profile's exact pixel size; the sheet is 10 x 15 cm at 300 dpi; the preview exists."""

    def check(ws: Workspace, text: str) -> None:
        from PIL import Image

        for name in (output, sheet, preview):
            if name:
                assert (ws.root / name).is_file(), f"{name} was not written; output:\n{text}"
        want = photo_px(ws, slug)
        with Image.open(ws.root / output) as image:
            assert image.size == want, f"{output} is {image.size}, {slug} asks for {want}"
        if sheet:
            with Image.open(ws.root / sheet) as image:
                assert sorted(image.size) == [1181, 1772], f"{sheet} is {image.size}"

    return check


def same_as_repository(name: str) -> Callable[[Workspace, str], None]:
    """The file the example wrote is the one committed in the repository (generated docs do not drift)."""

    def check(ws: Workspace, output: str) -> None:
        written = (ws.root / name).read_text(encoding="utf-8")
        assert written == (PROJECT_ROOT / name).read_text(encoding="utf-8"), f"{name} differs from the output"

    return check


def report_written(path: str, heading: str) -> Callable[[Workspace, str], None]:
    def check(ws: Workspace, output: str) -> None:
        text = (ws.root / path).read_text(encoding="utf-8")
        assert text.startswith("# Verification run") and heading in text, text[:400]

    return check


def new_version(slug: str, number: int) -> Callable[[Workspace, str], None]:
    def check(ws: Workspace, output: str) -> None:
        assert (ws.data / "versions" / slug / f"{number:04d}.yaml").is_file(), output

    return check


PHOTO_VERDICT = r"(?m)^\S+\.jpg: (compliant|not compliant)"
PHOTO_VERDICT_KK = r"(?m)^\S+\.jpg: талапқа сай( емес)?"
PHOTO_VERDICT_RU = r"(?m)^\S+\.jpg: (не )?соответствует"
# Counts the examples print follow the data, not a number frozen on the day the test was written.
PROFILE_COUNT = len(list((PROJECT_ROOT / "data" / "profiles").glob("*.yaml")))
_SNAPSHOTS = [json.loads(line) for line in (PROJECT_ROOT / "data" / "archive" / "snapshots.jsonl")
              .read_text(encoding="utf-8").splitlines() if line.strip()]
ARCHIVED_SOURCES = len({s["source_id"] for s in _SNAPSHOTS if s["sha256"] and s["source_id"] != "robots.txt"})


def checklist_html(name: str, language: str) -> Callable[[Workspace, str], None]:
    """A printable checklist page was written, in the language asked for."""

    def check(ws: Workspace, output: str) -> None:
        text = (ws.root / name).read_text(encoding="utf-8")
        assert text.lstrip().lower().startswith("<!doctype html") and f'lang="{language}"' in text, text[:300]
        assert "@page" in text and "A4" in text, "the page must print on A4"

    return check

EXPECT: dict[str, Expect] = {
    # registry
    "kzdocs build": Expect(says=rf"{PROFILE_COUNT}\s+profiles,\s+0\s+new\s+version\(s\)", state="clean"),
    "kzdocs build && kzdocs profiles": Expect(says=r"kz-visa-photo\s+photo", state="clean"),
    "kzdocs build --db scratch.db --json": Expect(
        state="clean",
        check=lambda ws, out: (json.loads(out)["profiles"] == PROFILE_COUNT and (ws.root / "scratch.db").is_file())
        or pytest.fail(out),
    ),
    "kzdocs profiles": Expect(says=r"kz-permanent-residence-permit\s+service"),
    "kzdocs profiles --kind photo": Expect(
        says=r"kz-passport-photo", check=lambda ws, out: "service" not in out or pytest.fail(out)
    ),
    "kzdocs profiles --json": Expect(check=is_json(lambda d: len(d) == PROFILE_COUNT)),
    "kzdocs show kz-visa-photo": Expect(says=r"(?s)print\.width_mm\s+35\s+mm\s+official.*“.*3\.5 x 4\.5 cm"),
    "kzdocs show kz-passport --version 1 --json": Expect(check=is_json(lambda d: d["version"] == 1)),
    "kzdocs show kz-permanent-residence-permit --version 1 --json": Expect(
        check=is_json(lambda d: d["slug"] == "kz-permanent-residence-permit" and d["fields"])
    ),
    "kzdocs show kz-id-card-photo --json": Expect(check=is_json(lambda d: d["kind"] == "photo")),
    "kzdocs history kz-permanent-residence-permit": Expect(
        says=r"(?m)^1\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+First version"
    ),
    "kzdocs history kz-passport --json": Expect(check=is_json(lambda d: [v["version"] for v in d["versions"]] == [1])),
    "kzdocs diff kz-visa-photo 1 2": Expect(says=r"(?s)background\.plain\s+reason\s.*Reworded\s+by\s+an\s+editor"),
    "kzdocs serve --port 8001": Expect(),  # a server: see run_server
    "kzdocs fields --kind photo": Expect(
        says=r"(?m)^print\.width_mm\s+photo\s+number",
        check=lambda ws, out: "processing_time" not in out or pytest.fail(out),
    ),
    "kzdocs fields --markdown > docs/fields.md": Expect(check=same_as_repository("docs/fields.md")),
    "kzdocs checklist kz-family-reunification-visa": Expect(
        says=r"(?is)oldest verification of any line: \d{4}-\d\d-\d\d.*\((official|inferred)[^)]*verified \d{4}"
    ),
    "kzdocs checklist kz-kandas-status --lang kk --format html -o checklist.html": Expect(
        check=checklist_html("checklist.html", "kk")
    ),
    "kzdocs checklist kz-kandas-status --lang kk --format md": Expect(says=r"(?m)^#"),
    "kzdocs checklist kz-visa --format html -o checklist.html": Expect(check=checklist_html("checklist.html", "en")),
    "kzdocs checklist kz-id-card --json": Expect(
        check=is_json(lambda d: d["slug"] == "kz-id-card" and d["items"]
                      and d["oldest_verified"] == min(i["verified_at"] for i in d["items"]))
    ),
    # scrapers
    "kzdocs extract page.html": Expect(says=r"observations in page\.html \(html\)[\s\S]*fee"),
    'kzdocs extract page.html --block "div.service-passport" --json': Expect(
        check=is_json(
            lambda d: d["block"] == "div.service-passport" and any(o["key"] == "fee" for o in d["observations"])
        )
    ),
    "kzdocs extract tests/fixtures/pages/egov_article.html": Expect(says=r"observations in tests/fixtures"),
    "kzdocs extract https://egov.kz/cms/en/articles/rk_visa_obtaining "
    "--mirror https://egov.kz=http://127.0.0.1:8765/egov.kz": Expect(
        state="reviewed", says=r"photo\.size\s+4[0–-]*[x×]?6|photo\.size[\s\S]*4 x 6 cm"
    ),
    # verifier
    "kzdocs verify --offline": Expect(says=r"\(offline\): all \d+ findings confirmed"),
    "kzdocs verify --offline --report out/verification.md": Expect(
        says=r"findings confirmed", check=report_written("out/verification.md", "## Confirmed")
    ),
    "kzdocs verify --offline --source egov-article-residence-permit --json": Expect(
        check=is_json(
            lambda d: d["exit_code"] == 0
            and d["findings"]
            and {f["source"] for f in d["findings"]} == {"egov-article-residence-permit"}
        )
    ),
    "kzdocs verify --source egov-article-visa --mirror https://egov.kz=http://127.0.0.1:8765/egov.kz": Expect(
        exits=(1,), state="reviewed", says=r"F005\s+kz-visa-photo\s+print\.width_mm\s+changed\s+35 mm\s+40 mm"
    ),
    "kzdocs verify --source egov-article-visa --mirror https://egov.kz=http://127.0.0.1:8765/egov.kz "
    "--report out/run.md": Expect(exits=(1,), state="reviewed", says=r"7 changed",
                                  check=report_written("out/run.md", "## Changed (7)")),
    'kzdocs accept RUN_ID --finding F004 --reason "the visa page now asks for 4 x 6 cm"': Expect(
        state="reviewed", says=r"kz-visa: version 2 recorded \(\S*F004\)", check=new_version("kz-visa", 2)
    ),
    'kzdocs accept RUN_ID --finding F005 --reason "the visa page now asks for 4 x 6 cm"': Expect(
        state="reviewed", says=r"kz-visa-photo: version 3 recorded \(\S*F005\)", check=new_version("kz-visa-photo", 3)
    ),
    'kzdocs reject RUN_ID --finding F007 --reason "page typo, the term is unchanged"': Expect(
        state="reviewed", says=r"Rejected F007"
    ),
    'kzdocs reject RUN_ID --finding F007 --reason "typo on the page, the term is unchanged"': Expect(
        state="reviewed", says=r"Rejected F007"
    ),
    "kzdocs archive export out/mirror": Expect(
        says=rf"Exported {ARCHIVED_SOURCES} source\(s\) to out/mirror", check=files("out/mirror/index.json")
    ),
    "kzdocs archive export out/mirror && python -m http.server -d out/mirror --bind 127.0.0.1 8765": Expect(),
    # photo engine (the portrait is NASA's astronaut from scikit-image; compliance is the engine's call)
    "kzdocs photo check portrait.jpg --profile kz-visa-photo": Expect(exits=(0, 1), says=PHOTO_VERDICT),
    "kzdocs photo check portrait.jpg --profile kz-passport-photo": Expect(exits=(0, 1), says=PHOTO_VERDICT),
    "kzdocs photo check me.jpg --profile kz-passport-photo": Expect(exits=(0, 1), says=PHOTO_VERDICT),
    "kzdocs photo check portrait.jpg --profile kz-visa-photo --lang kk": Expect(
        exits=(0, 1), says=PHOTO_VERDICT_KK, check=lambda ws, out: "бір бет табылды" in out or pytest.fail(out)),
    "kzdocs photo check --lang ru portrait.jpg --profile kz-id-card-photo": Expect(
        exits=(0, 1), says=PHOTO_VERDICT_RU, check=lambda ws, out: "найдено одно лицо" in out or pytest.fail(out)),
    "kzdocs photo make portrait.jpg --profile kz-id-card-photo -o photo.jpg --preview preview.png --lang kk": Expect(
        exits=(0, 1), says=r"жазылды \(тексеру\): preview\.png",
        check=photo_made("photo.jpg", None, "preview.png", "kz-id-card-photo")),
    "kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg --lang ru": Expect(
        exits=(0, 1), says=PHOTO_VERDICT_RU, check=photo_made("passport.jpg", "sheet.jpg", None, "kz-passport-photo")),
    "kzdocs photo check photos/ --profile kz-visa-photo --json": Expect(
        exits=(0, 1), check=is_json(lambda d: all(r["profile"] == "kz-visa-photo" for r in (d if isinstance(d, list)
                                                                                             else [d])))
    ),
    "kzdocs photo make portrait.jpg --profile kz-id-card-photo -o photo.jpg --sheet sheet.jpg --preview preview.png":
        Expect(exits=(0, 1), says=PHOTO_VERDICT,
               check=photo_made("photo.jpg", "sheet.jpg", "preview.png", "kz-id-card-photo")),
    "kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg": Expect(
        exits=(0, 1), says=PHOTO_VERDICT, check=photo_made("passport.jpg", "sheet.jpg", None, "kz-passport-photo")
    ),
    "kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg --preview check.png":
        Expect(exits=(0, 1), says=PHOTO_VERDICT,
               check=photo_made("passport.jpg", "sheet.jpg", "check.png", "kz-passport-photo")),
    "kzdocs photo make portraits/ --profile kz-egov-upload-photo -o out/ --json": Expect(
        exits=(0, 1), check=photo_made("out/astronaut.jpg", None, None, "kz-egov-upload-photo")
    ),
    "kzdocs photo evaluate": Expect(
        exits=(0, 1), says=r"(?s)\d+ portraits \(\d+ without a face found\) in .*profile kz-id-card-photo",
        needs_shared=True),
    "kzdocs photo evaluate --portraits ../shared/eval/portraits --portraits ../shared/eval/pool --json": Expect(
        exits=(0, 1), needs_shared=True,
        check=is_json(lambda d: d["portraits"] > 200 and {r["attribute"] for r in d["rows"]} >= {"headwear", "glasses"})
    ),
}

# README lines that are make targets: what each runs, and how the test stands behind it.
MAKE_TARGETS = {"make run", "make test", "make bench", "make lint", "make reliability"}


def all_examples() -> list[tuple[str, str]]:
    """(where, example) for every documented example, each example once (the first place it appears)."""
    seen: dict[str, str] = {}
    for line in readme_examples():
        seen.setdefault(line, "README")
    for name, command in commands_with_help():
        for line in help_examples(command):
            seen.setdefault(line, f"{name} --help")
    for line in makefile_kzdocs_commands("run"):
        seen.setdefault(line, "Makefile run")
    return [(where, line) for line, where in seen.items()]


EXAMPLES = all_examples()


# --- guards and workspaces -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Workspace]]:
    """The three states an example may need, made once; each example runs in a fresh copy of one."""
    from registry.build import build_registry
    from verifier.run import verify

    clean = Workspace(tmp_path_factory.mktemp("clean") / "project")
    copy_project_data(clean.data)
    write_portrait(clean.root / "portrait.jpg")
    shutil.copy(clean.root / "portrait.jpg", clean.root / "me.jpg")
    write_portrait(clean.root / "photos" / "astronaut.jpg")
    write_portrait(clean.root / "portraits" / "astronaut.jpg")
    shutil.copytree(FIXTURES / "pages", clean.root / "tests" / "fixtures" / "pages")
    if SHARED.is_dir():  # ../shared as the examples name it, relative to the checkout
        (clean.root.parent / "shared").symlink_to(SHARED, target_is_directory=True)

    built = Workspace(tmp_path_factory.mktemp("built") / "project")
    shutil.copytree(clean.root, built.root, symlinks=True)
    if SHARED.is_dir():
        (built.root.parent / "shared").symlink_to(SHARED, target_is_directory=True)
    build_registry(built.db, built.data)
    add_second_version(built)

    from scrapers.archive import Archive

    Archive(built.data / "archive").export(built.root / "mirror")
    alter_visa_page(built.root / "mirror")
    # page.html: a service passport page as someone would save it from the browser
    shutil.copy(
        built.root / "mirror" / "m.egov.kz" / "cms" / "en" / "government-services" / "for_citizen" / "pass003_mvd",
        built.root / "page.html",
    )
    reviewed = Workspace(tmp_path_factory.mktemp("reviewed") / "project")
    shutil.copytree(built.root, reviewed.root, symlinks=True)
    if SHARED.is_dir():
        (reviewed.root.parent / "shared").symlink_to(SHARED, target_is_directory=True)
    server = serve_folder(reviewed.root / "mirror")
    try:
        run, _ = verify(
            reviewed.db, reviewed.data, reviewed.data / "sources.yaml", reviewed.data / "archive",
            ("egov-article-visa",), False, (f"https://egov.kz=http://127.0.0.1:{server.server_address[1]}/egov.kz",), 0,
        )
    finally:
        server.shutdown()
        server.server_close()
    # The page still states its other fields (confirmed); the two edits change seven monitored fields.
    changed = [(f.id, f.kind.value) for f in run.findings if f.kind.value != "confirmed"]
    assert all(kind == "changed" for _, kind in changed), changed
    assert [(f.id, f.profile, f.field) for f in run.findings if f.kind.value == "changed"] == [
        ("F001", "kz-business-visa-single-entry", "photos.size"),
        ("F002", "kz-business-visa-single-entry", "processing_time"),
        ("F003", "kz-business-visa-single-entry", "documents"),
        ("F004", "kz-visa", "photos.size"),
        ("F005", "kz-visa-photo", "print.width_mm"),
        ("F006", "kz-visa-photo", "print.height_mm"),
        ("F007", "kz-visa", "processing_time"),
    ], changed
    reviewed.run_id = run.run_id
    yield {"clean": clean, "built": built, "reviewed": reviewed}


@pytest.fixture
def workspace_for(templates: dict[str, Workspace], tmp_path: Path) -> Callable[[str], Workspace]:
    def make(state: str) -> Workspace:
        template = templates[state]
        ws = Workspace(tmp_path / "project", run_id=template.run_id)
        shutil.copytree(template.root, ws.root, symlinks=True)
        if SHARED.is_dir():
            (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
        return ws

    return make


@pytest.fixture(scope="module", autouse=True)
def repository_data_untouched() -> Iterator[None]:
    """No example writes into the repository's data/ or docs/."""

    def snapshot() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(PROJECT_ROOT)): (p.stat().st_mtime_ns, p.stat().st_size)
            for folder in ("data", "docs")
            for p in (PROJECT_ROOT / folder).rglob("*")
            if p.is_file()
        }

    before = snapshot()
    yield
    assert snapshot() == before, "an example wrote into the repository's data/ or docs/"


# --- running -----------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    exit_code: int
    output: str
    stdout: str = ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(ws: Workspace, line: str, mirror_port: int | None) -> Result:
    if mirror_port is not None:
        line = line.replace(MIRROR_PORT_IN_DOCS, f"127.0.0.1:{mirror_port}")
    if ws.run_id:
        line = line.replace("RUN_ID", ws.run_id)
    argv = shlex.split(line)
    assert argv[0] == "kzdocs", line
    target = None
    if ">" in argv:  # `kzdocs ... > FILE`: what the shell does with the output
        at = argv.index(">")
        argv, target = argv[:at], argv[at + 1]
    result = CliRunner().invoke(cli, argv[1:], env=ws.env(WIDTH), catch_exceptions=False)
    if target is not None:
        (ws.root / target).parent.mkdir(parents=True, exist_ok=True)
        (ws.root / target).write_text(result.stdout, encoding="utf-8")
    return result


def server_env(ws: Workspace) -> dict[str, str]:
    return {**os.environ, **ws.env(WIDTH), "PYTHONPATH": str(PROJECT_ROOT)}


def get(url: str, timeout: float = 30) -> bytes:
    """GET url, retrying while the server starts."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def run_server(ws: Workspace, argv: list[str], probe: str, must_contain: bytes) -> str:
    """Start a documented server (as a user would, in its own process), ask it over HTTP, stop it with Ctrl+C."""
    process = subprocess.Popen(argv, cwd=ws.root, env=server_env(ws), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = get(probe)
        assert must_contain in body, body[:300]
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
    return out.decode("utf-8", "replace")


def run_example(ws: Workspace, line: str) -> Outcome:
    """Run one documented line (parts joined by &&), in the workspace, the way the documentation says."""
    needs_mirror = MIRROR_PORT_IN_DOCS in line and "http.server" not in line
    server = serve_folder(ws.root / "mirror") if needs_mirror else None
    mirror_port = server.server_address[1] if server else None
    outputs: list[str] = []
    stdouts: list[str] = []
    code = 0
    try:
        for part in (p.strip() for p in line.split("&&")):
            argv = shlex.split(part)
            if argv[:2] == ["kzdocs", "serve"]:
                port = free_port()
                argv[argv.index("--port") + 1] = str(port)
                text = run_server(ws, [sys.executable, "-m", "kzdocs", *argv[1:]], f"http://127.0.0.1:{port}/registry.json",
                                  b'"database": "registry"')
                assert f"http://127.0.0.1:{port}/" in text, text
                outputs.append(text)
                continue
            if argv[:3] == ["python", "-m", "http.server"]:
                port = free_port()
                text = run_server(ws, [sys.executable, "-m", "http.server", *argv[3:-1], str(port)],
                                  f"http://127.0.0.1:{port}/index.json", b'"sources"')
                outputs.append(text)
                continue
            result = run_cli(ws, part, mirror_port)
            outputs.append(result.output)
            stdouts.append(result.stdout)
            code = result.exit_code
            if code != 0:
                break
    finally:
        if server:
            server.shutdown()
            server.server_close()
    return Outcome(code, "\n".join(outputs), "\n".join(stdouts))


# --- the tests ----------------------------------------------------------------------------------------------


def test_the_docs_have_examples_to_run() -> None:
    wheres = {where for where, _ in EXAMPLES}
    assert "README" in wheres and "kzdocs verify --help" in wheres and "Makefile run" in wheres
    assert len(EXAMPLES) >= 40


def test_every_expectation_belongs_to_a_documented_example() -> None:
    documented = {line for _, line in EXAMPLES}
    stale = sorted(set(EXPECT) - documented)
    assert not stale, f"EXPECT judges examples the docs no longer show: {stale}"


@pytest.mark.parametrize(("where", "example"), [e for e in EXAMPLES if e[1] not in MAKE_TARGETS],
                         ids=[e[1][:90] for e in EXAMPLES if e[1] not in MAKE_TARGETS])
def test_documented_example_runs(where: str, example: str, workspace_for: Callable[[str], Workspace],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    expect = EXPECT.get(example)
    if expect is None:
        pytest.fail(f"{where} shows `{example}`, which no test runs: add it to EXPECT in {__file__}")
    if expect.needs_shared and not SHARED_PORTRAITS.is_dir():
        pytest.skip(f"the labelled portraits are not beside the project ({SHARED_PORTRAITS})")
    ws = workspace_for(expect.state)
    monkeypatch.chdir(ws.root)
    outcome = run_example(ws, example)
    assert outcome.exit_code in expect.exits, f"exit {outcome.exit_code}, documented {expect.exits}:\n{outcome.output}"
    assert "Traceback" not in outcome.output, outcome.output
    if expect.says:
        assert re.search(expect.says, outcome.output), f"expected /{expect.says}/ in:\n{outcome.output}"
    if expect.check:
        expect.check(ws, outcome.stdout if "--json" in example else outcome.output)
    if "--json" not in example and ">" not in example:  # JSON and redirected output are not for a terminal
        too_wide = [line for line in outcome.output.splitlines() if len(line) > WIDTH]
        assert not too_wide, f"lines wider than {WIDTH} columns:\n" + "\n".join(too_wide)


def test_make_run_runs_its_kzdocs_commands_and_serves(workspace_for: Callable[[str], Workspace],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`make run` = build, verify --offline with a report (exit <= 1 accepted), serve: in that order, on a
    fresh copy of data/ (the venv part is what `make test` itself just did)."""
    commands = makefile_kzdocs_commands("run")
    assert [c.split()[1] for c in commands] == ["build", "verify", "serve"], commands
    ws = workspace_for("clean")
    monkeypatch.chdir(ws.root)
    for line in commands:
        outcome = run_example(ws, line)
        assert outcome.exit_code in (0, 1), outcome.output
    assert (ws.root / "out" / "verification.md").is_file()


def test_make_test_bench_and_lint_name_tools_that_exist() -> None:
    """`make test` is this suite (pytest -n 2 needs pytest-xdist); `make bench` runs bench/; `make lint` runs
    ruff, and the tree is clean."""
    import importlib.util

    assert any("-m pytest -n 2" in line for line in makefile_recipe("test"))
    assert importlib.util.find_spec("xdist") is not None
    assert any("-m bench" in line for line in makefile_recipe("bench"))
    assert (PROJECT_ROOT / "bench" / "__main__.py").is_file()
    assert any("ruff check ." in line for line in makefile_recipe("lint"))
    # `make reliability` is the long form of tests/reliability plus its benchmark (minutes: not run here)
    assert any("tests/reliability" in line for line in makefile_recipe("reliability"))
    assert any("-m bench.reliability" in line for line in makefile_recipe("reliability"))
    assert (PROJECT_ROOT / "bench" / "reliability.py").is_file() or (PROJECT_ROOT / "bench" / "reliability").is_dir()
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=PROJECT_ROOT, capture_output=True,
                          text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    readme_targets = {line for _, line in EXAMPLES if line.startswith("make ")}
    assert readme_targets == MAKE_TARGETS, readme_targets


def test_evaluate_without_the_labelled_portraits_fails_cleanly(tmp_path: Path, templates: dict[str, Workspace]) -> None:
    """On a clone with nothing beside it, `kzdocs photo evaluate` says where it looked and what to pass."""
    clone = tmp_path / "alone" / "kzdocs"
    for name in ("registry", "scrapers", "verifier", "photo_engine"):
        shutil.copytree(PROJECT_ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "kzdocs.py", clone / "kzdocs.py")
    assert not (clone.parent / "shared").exists()
    env = {**os.environ, "PYTHONPATH": str(clone), "KZDOCS_DB": str(templates["built"].db)}
    done = subprocess.run([sys.executable, "-m", "kzdocs", "photo", "evaluate"], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    message = done.stderr.strip()
    assert message.startswith("Error: ") and len(message.splitlines()) == 1, message
    assert str(clone.parent / "shared" / "eval" / "portraits") in message and "--portraits" in message, message


def inline_commands() -> list[str]:
    """Commands named in the README's prose and tables (`kzdocs ...`, `make ...`, `python -m bench ...`)."""
    text = README.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"`((?:kzdocs|make|python -m bench)(?: [^`]*)?)`", text)))


@pytest.mark.parametrize("span", inline_commands())
def test_commands_named_in_the_readme_prose_exist(span: str) -> None:
    """A command named in a sentence or a table exists, with the options it is shown with."""
    import click

    words = shlex.split(span)
    if words[0] == "make":  # bare `make` names the tool; `make X` a target
        assert all(makefile_recipe(target) for target in words[1:]), span
        return
    if words[:3] == ["python", "-m", "bench"]:
        assert all(any((PROJECT_ROOT / "bench" / f"{prefix}{name}.py").is_file() for prefix in ("bench_", ""))
                   for name in words[3:] if not name.startswith("-")), span
        return
    command: click.Command = cli
    ctx = click.Context(cli, info_name="kzdocs")
    rest = words[1:]
    while rest and isinstance(command, click.Group) and not rest[0].startswith("-"):
        child = command.get_command(ctx, rest[0])
        assert child is not None, f"`{span}`: no command {rest[0]!r}"
        command, ctx, rest = child, click.Context(child, info_name=rest[0], parent=ctx), rest[1:]
    options = {opt for p in command.get_params(ctx) for opt in getattr(p, "opts", [])}
    unknown = [w for w in rest if w.startswith("-") and w.split("=")[0] not in options]
    assert not unknown, f"`{span}`: {command.name} has no option {unknown}"


def test_examples_cannot_reach_the_internet() -> None:
    with pytest.raises(OSError, match="tests never reach the internet"):
        socket.create_connection(("egov.kz", 443), timeout=1)
    with pytest.raises(OSError, match="tests never reach the internet"):
        socket.create_connection(("93.184.215.14", 80), timeout=1)
