"""`kzdocs photo`: check portraits against a document's current photo profile, make the photo, score the engine.

Exit codes: 0 compliant, 1 not compliant, 2 error (for several images: the worst of them).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from photo_engine.messages import msgid
from registry.paths import db_option, json_option
from registry.render import echo_json, echo_wrapped

DEFAULT_PROFILE = "kz-id-card-photo"
BACKGROUND_ACTIONS = {"replaced": msgid("report.background_replaced"), "kept": msgid("report.background_kept")}
LANG_OPTION = click.option("--lang", type=click.Choice(["en", "ru", "kk"]), default="en", show_default=True,
                           help="Language of the report, the notes, the errors and the words drawn on the preview "
                                "and sheet: en, ru or kk (--json keeps the English message and adds message_local "
                                "and notes_local).")


def _spec(db_path: Path, slug: str):  # noqa: ANN202 - PhotoSpec, imported lazily
    from photo_engine.spec import spec_from_profile
    from registry.api import Registry

    registry = Registry.open(db_path)
    try:
        return spec_from_profile(registry.current(slug))
    finally:
        registry.close()


def _in_language(lang: str, work, *args):  # noqa: ANN001, ANN202
    """Run ``work``; a photo error comes out in ``lang`` (the CLI edge prints it as one line, exit code 2)."""
    from photo_engine.errors import PhotoError

    try:
        return work(*args)
    except PhotoError as error:
        if lang == "en":
            raise
        from registry.errors import KzdocsError

        raise KzdocsError(error.localized(lang)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def photo() -> None:
    """Check and make document photos from a portrait, driven by the current profiles.

    \b
    Example:
      kzdocs photo check me.jpg --profile kz-passport-photo
      kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg
    """


@photo.command()
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--profile", "slug", required=True, help="Photo profile slug, e.g. kz-id-card-photo.")
@LANG_OPTION
@db_option
@json_option
def check(images: tuple[Path, ...], slug: str, lang: str, db_path: Path, as_json: bool) -> None:
    """Judge each IMAGE as given against the profile's current version.

    A busy background fails 'background' here even though 'make' could replace it; 'fixable' says whether
    cropping and background replacement alone would make the image compliant. Folders are expanded.
    Exit 0 when all are compliant, 1 when any is not, 2 when any could not be read.

    \b
    Example:
      kzdocs photo check portrait.jpg --profile kz-passport-photo
      kzdocs photo check photos/ --profile kz-visa-photo --json
      kzdocs photo check portrait.jpg --profile kz-visa-photo --lang kk
    """
    from photo_engine.batch import check_many, expand_inputs

    spec = _in_language(lang, _spec, db_path, slug)
    paths = expand_inputs(images)
    if not paths:
        raise click.UsageError("no images found in the given folder(s)")
    reports = check_many(paths, spec, progress=len(paths) > 1)
    if as_json:
        data = [_as_json(r, lang) for r in reports]
        echo_json(data[0] if len(data) == 1 else data)
    else:
        for report in reports:
            _print_report(report, lang)
    click.get_current_context().exit(max(r.exit_code for r in reports))


def _as_json(report, lang: str) -> dict:  # noqa: ANN001
    """The report as JSON; with --lang other than English the checks, notes and error also come in ``lang``."""
    data = report.model_dump(mode="json")
    if lang != "en":
        from photo_engine.messages import check_message, spoken

        for item, result in zip(data.get("checks", []), report.checks, strict=True):
            item["message_local"] = check_message(result, lang)
        data["notes_local"] = [spoken([note], lang) for note in report.note_phrases]
        if report.error_phrase is not None:
            data["error_local"] = f"{report.image}: {spoken([report.error_phrase], lang)}"
    return data


def _print_report(report, lang: str = "en") -> None:  # noqa: ANN001
    """One line per check, its message wrapped under it to the terminal width (in ``lang``)."""
    from photo_engine.messages import check_message, check_title, page_text, render, spoken
    from registry.render import echo_wrapped
    from registry.table import terminal_width

    if report.error:
        problem = spoken([report.error_phrase], lang) if report.error_phrase is not None else report.error
        if report.error_phrase is not None:
            problem = f"{report.image}: {problem}"
        echo_wrapped(f"{report.image}: {render('report.error', lang, problem=problem)}")
        return
    verdict = render("report.compliant" if report.compliant else
                     ("report.fixable" if report.fixable else "report.not_compliant"), lang)
    line = f"{report.image}: {verdict}  ({report.profile} v{report.profile_version})"
    if len(line) <= terminal_width():
        click.echo(line)
    else:  # a long path: the verdict keeps a line of its own rather than being split
        echo_wrapped(f"{report.image}:")
        echo_wrapped(f"  {verdict}  ({report.profile} v{report.profile_version})")
    if lang == "en":  # the check's own name, as in --json
        marks, names = {"pass": "ok", "warn": "warn", "fail": "FAIL"}, {r.name: r.name for r in report.checks}
    else:
        marks = {status: page_text(f"status_{status}", lang) for status in ("pass", "warn", "fail")}
        names = {r.name: check_title(r.name, lang) for r in report.checks}
    mark_width = max(len(m) for m in marks.values())
    name_width = max([13] + [len(n) for n in names.values()])
    indent = " " * (4 + mark_width + name_width)
    for result in report.checks:
        status = page_text(result.rule_status, lang) if lang != "en" else result.rule_status
        text = (f"  {marks[result.status]:<{mark_width}} {names[result.name]:<{name_width}} "
                f"{check_message(result, lang)}  [{status}]")
        lines = textwrap.wrap(text, max(40, terminal_width()), subsequent_indent=indent, break_on_hyphens=False)
        for line in lines:
            click.echo(line)
    for note in report.note_phrases:
        echo_wrapped("  " + render("report.note", lang, note=spoken([note], lang)))
    if report.defaulted_rules:
        echo_wrapped("  " + render("report.defaults_used", lang, keys=", ".join(report.defaulted_rules)))


@photo.command()
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--profile", "slug", required=True, help="Photo profile slug, e.g. kz-passport-photo.")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Digital JPEG to write (a folder when several images are given).")
@click.option("--sheet", type=click.Path(path_type=Path),
              help="Print sheet to write (.jpg, .png or .pdf; a folder in a batch).")
@click.option("--paper", type=click.Choice(["10x15", "a4"]), default="10x15", show_default=True,
              help="Paper of the print sheet (300 dpi).")
@click.option("--preview", type=click.Path(path_type=Path), help="Annotated preview PNG (a folder in a batch).")
@click.option("--report", type=click.Path(path_type=Path),
              help="Also write the JSON report to this file (a folder in a batch).")
@click.option("--background", type=click.Choice(["auto", "keep", "replace"]), default="auto", show_default=True,
              help="auto replaces the background when it fails the profile.")
@click.option("--overwrite", is_flag=True, help="Replace output files that already exist (inputs are never replaced).")
@LANG_OPTION
@db_option
@json_option
def make(images: tuple[Path, ...], slug: str, output: Path, sheet: Path | None, paper: str, preview: Path | None,
         report: Path | None, background: str, overwrite: bool, lang: str, db_path: Path, as_json: bool) -> None:
    """Make the document photo from a portrait: exact pixels, DPI, sRGB, file-size limit, sheet and preview.

    Several images or a folder run as a batch on both cores; then -o, --sheet and --preview name folders
    and each output is named after its image. Exit 0 when every output is compliant, 1 when any is not
    (the report says why), 2 when any image could not be used (nothing is written for it).

    \b
    Example:
      kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg --preview check.png
      kzdocs photo make portraits/ --profile kz-egov-upload-photo -o out/ --json
      kzdocs photo make me.jpg --profile kz-passport-photo -o passport.jpg --sheet sheet.jpg --lang ru
    """
    from photo_engine.batch import expand_inputs, make_many
    from photo_engine.pipeline import MakeRequest

    spec = _in_language(lang, _spec, db_path, slug)
    paths = expand_inputs(images)
    if not paths:
        raise click.UsageError("no images found in the given folder(s)")
    batch = len(paths) > 1 or any(p.is_dir() for p in images)
    if batch:
        for folder in (output, sheet, preview, report):
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
        requests = [MakeRequest(image=p, output=output / f"{p.stem}.jpg",
                                sheet=(sheet / f"{p.stem}-sheet.jpg") if sheet else None, paper=paper,
                                preview=(preview / f"{p.stem}-preview.png") if preview else None,
                                report=(report / f"{p.stem}.json") if report else None,
                                background=background, overwrite=overwrite, lang=lang) for p in paths]
        reports = make_many(requests, spec, progress=True)
    else:
        from photo_engine.pipeline import make_photo

        request = MakeRequest(image=paths[0], output=output, sheet=sheet, paper=paper, preview=preview, report=report,
                              background=background, overwrite=overwrite, lang=lang)
        reports = [_in_language(lang, make_photo, request, spec)]
    if as_json:
        data = [_as_json(r, lang) for r in reports]
        echo_json(data[0] if len(data) == 1 else data)
    else:
        from photo_engine.messages import render
        from registry.render import echo_wrapped

        for item in reports:
            _print_report(item, lang)
            for kind, path in getattr(item, "outputs", {}).items():
                echo_wrapped("  " + render("report.wrote", lang, kind=kind, path=path))
            if getattr(item, "background_action", None):
                echo_wrapped("  " + render(BACKGROUND_ACTIONS[item.background_action], lang))
    click.get_current_context().exit(max(r.exit_code for r in reports))


@photo.command()
@click.option("--portraits", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder with labels.csv and the portraits (repeat for several; all are scored together) "
                   "[default: ../shared/eval/portraits and ../shared/eval/pool from the project root].")
@click.option("--profile", "slug", default=DEFAULT_PROFILE, show_default=True, help="Profile whose rules are applied.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None, envvar="KZDOCS_PHOTO_CACHE",
              help="Folder to keep what was read from each portrait (keyed by image and engine code; "
                   "env KZDOCS_PHOTO_CACHE).")
@db_option
@json_option
def evaluate(folders: tuple[Path, ...], slug: str, cache: Path | None, db_path: Path, as_json: bool) -> None:
    """Score the engine on labelled portraits: out-of-fold balanced accuracy per attribute, 95 % interval.

    Every learned weight is fitted inside 5-fold cross-validation over all folders together (folds fixed
    by a seed); each portrait is judged by models that never saw it. The in-sample figure (models fitted on
    everything, as committed) stands beside it. Rows' 'uncertain' attributes are skipped. Exit 0 when every
    attribute reaches the 0.92 target out-of-fold, 1 otherwise.

    \b
    Example:
      kzdocs photo evaluate
      kzdocs photo evaluate --portraits ../shared/eval/portraits --portraits ../shared/eval/pool --json
    """
    from photo_engine.judging.evaluate import DEFAULT_FOLDERS, TARGET
    from photo_engine.judging.evaluate import evaluate as run_evaluation

    chosen = list(folders) or DEFAULT_FOLDERS
    for folder in chosen:
        if not (folder / "labels.csv").is_file():
            from registry.errors import KzdocsError

            where = "" if folders else " (the labelled portraits live beside the project, never inside it)"
            raise KzdocsError(f"no labelled portraits at {folder}{where}; pass --portraits DIR with a labels.csv")
    spec = _spec(db_path, slug)
    count = 0

    def progress(step: int) -> None:
        nonlocal count
        count += step
        if count % 25 == 0:
            click.echo(f"read {count} portraits", err=True)

    result = run_evaluation(chosen, spec, cache, progress)
    if as_json:
        echo_json(result.model_dump(mode="json"))
    else:
        echo_wrapped(f"{result.portraits} portraits ({result.no_face} without a face found) in "
                     f"{', '.join(result.folders)}; profile {result.profile} v{result.profile_version}; "
                     f"{result.folds}-fold, seed {result.seed}")
        click.echo(f"{'attribute':<12}{'out-of-fold':>12}  {'95% interval':<13}{'in-sample':>10}{'n':>5}{'pos':>5}"
                   f"{'neg':>5}  {'lighter':>8}{'darker':>8}  method")
        for row in result.rows:
            skin = "".join(f"{v:>8.3f}" if v is not None else f"{'-':>8}" for v in
                           (row.by_skin.get("lighter"), row.by_skin.get("darker")))
            click.echo(f"{row.attribute:<12}{row.out_of_fold:>12.3f}  {row.interval[0]:.3f}-{row.interval[1]:.3f}  "
                       f"{row.in_sample:>10.3f}{row.n:>5}{row.positives:>5}{row.negatives:>5}  {skin}  {row.method}")
        for miss in result.misses:
            click.echo(f"  miss: {miss}")
    click.get_current_context().exit(0 if all(r.out_of_fold >= TARGET for r in result.rows) else 1)
