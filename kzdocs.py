"""The kzdocs command line: a click group that imports each package's commands only when they run.

Start-up stays fast because heavy libraries (OpenCV, mediapipe, Datasette, pdfplumber) are imported
inside the commands that use them, never here.
"""

from __future__ import annotations

import importlib

import click

# command name -> "module:attribute"; modules are imported on first use only.
COMMANDS: dict[str, str] = {
    "build": "registry.cli:build",
    "profiles": "registry.cli:profiles",
    "show": "registry.cli:show",
    "history": "registry.cli:history",
    "diff": "registry.cli:diff",
    "fields": "registry.fields_cli:fields",
    "serve": "registry.cli:serve",
    "extract": "scrapers.cli:extract",
    "verify": "verifier.cli:verify",
    "accept": "verifier.cli:accept",
    "reject": "verifier.cli:reject",
    "archive": "verifier.cli:archive",
    "photo": "photo_engine.cli:photo",
}

SHORT_HELP: dict[str, str] = {
    "build": "Build or update the SQLite registry from data/.",
    "profiles": "List the current profiles.",
    "show": "Show a profile with every field and its provenance.",
    "history": "List every version of a profile.",
    "diff": "Compare two versions of a profile.",
    "fields": "List the field keys, types and units a profile may use.",
    "serve": "Serve the registry read-only in Datasette.",
    "extract": "Print the facts the extraction rules find in a page, PDF or text file.",
    "verify": "Re-verify official sources and report findings per profile field.",
    "accept": "Accept findings of a verification run as new profile versions.",
    "reject": "Reject findings so they are not raised again until the source changes.",
    "archive": "Work with the archive of fetched sources.",
    "photo": "Check and make document photos from a portrait.",
}


class LazyGroup(click.Group):
    """A group whose subcommands are resolved from COMMANDS at call time."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands from SHORT_HELP so that --help imports none of them."""
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        from registry.errors import KzdocsError

        try:
            return super().invoke(ctx)
        except KzdocsError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kzdocs")
def cli() -> None:
    """kzdocs: the open registry of official Kazakh document requirements.

    \b
    Example:
      kzdocs build && kzdocs profiles
      kzdocs show kz-id-card-photo --json
    """


def main() -> None:
    cli(prog_name="kzdocs")


if __name__ == "__main__":
    main()
