"""Datasette plugin: pages that read like a registry, built on the registry's own read API.

- ``/-/profile/<slug>``: one profile, fields grouped, each with value, unit, status badge, verification date,
  quotes on demand, source links and competing values; the version timeline; a diff of any two versions
  (``?from=1&to=2``) as a table with the reason and findings of the newer version.
- ``/-/changes?since=YYYY-MM-DD``: every field that changed in a version recorded on or after a date.
- ``/-/checklist/<slug>?lang=en``: the service checklist as one printable A4 page.
- Cell links: slugs and profile columns go to the profile page, field keys to the field on it, field ids to the
  field row, source ids to the archived snapshots of that source.
- The home page lists the canned queries, each with its description, and the profiles.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote as urlquote

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

GROUPS = [
    ("Print", ("print.",)), ("Digital file", ("digital.", "file.")), ("Head and face", ("head.", "face.")),
    ("Background", ("background.",)),
    ("Pose and appearance", ("pose.", "expression.", "eyes.", "glasses.", "headwear.", "colour.", "photo.")),
    ("Documents", ("documents",)), ("Photos", ("photos.",)), ("Fees", ("fee", "fine.")),
    ("Terms", ("processing_time", "validity", "renewal", "min_age", "eligibility", "grounds", "income.",
               "investment.", "health_insurance", "sponsor", "leads_to_", "residence.", "application.deadline",
               "fingerprinting", "issuing_body", "legal_basis", "mci.")),
    ("Where to apply", ("application.channels", "service.")),
]


def _group(key: str) -> str:
    for name, prefixes in GROUPS:
        if any(key == p.rstrip(".") or key.startswith(p) for p in prefixes):
            return name
    return "Other"


def _db_path(datasette: Any) -> tuple[str, str]:
    db = datasette.get_database()
    return db.name, db.path


def _registry(datasette: Any) -> Any:
    from registry.api import Registry

    return Registry.open(_db_path(datasette)[1])


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    context = {"db_name": _db_path(datasette)[0], **context}
    return Response.html(await datasette.render_template(template, context, request=request))


def _error(message: str, status: int = 404) -> Response:
    return Response.html(f"<p>{escape(message)}</p>", status=status)


async def profile_page(datasette: Any, request: Any) -> Response:
    from registry.diffing import diff_versions
    from registry.errors import KzdocsError

    slug = request.url_vars["slug"]
    try:
        with _registry(datasette) as reg:
            profile = reg.current(slug)
            history = reg.history(slug)
            diff, pair = None, None
            a, b = request.args.get("from"), request.args.get("to")
            if a and b:
                old, new = reg.version(slug, int(a)), reg.version(slug, int(b))
                diff, pair = diff_versions(old, new), (old, new)
            photo_links = [p.slug for p in reg.profiles("photo") if reg.current(p.slug).document == profile.document]
    except (KzdocsError, ValueError) as error:
        return _error(str(error))
    groups: dict[str, list[Any]] = {}
    for f in sorted(profile.fields, key=lambda f: f.key):
        groups.setdefault(_group(f.key), []).append(f)
    order = [name for name, _ in GROUPS] + ["Other"]
    linked = profile.field("photos.profile")
    return await _page(datasette, request, "profile.html", {
        "profile": profile, "history": history, "groups": [(g, groups[g]) for g in order if g in groups],
        "diff": diff, "pair": pair, "from_v": a, "to_v": b,
        "photo_profile": linked.value if linked else (photo_links[0] if len(photo_links) == 1 else None),
        "today": dt.date.today(),
    })


async def changes_page(datasette: Any, request: Any) -> Response:
    from registry.diffing import diff_versions

    since = request.args.get("since") or (dt.date.today() - dt.timedelta(days=30)).isoformat()
    try:
        dt.date.fromisoformat(since)
    except ValueError:
        return _error(f"'since' must be a date like 2026-11-01, not {since!r}", 400)
    rows = []
    with _registry(datasette) as reg:
        for slug in reg.slugs():
            for entry in reg.history(slug):
                if str(entry["created_at"])[:10] < since:
                    continue
                new = reg.version(slug, entry["version"])
                if entry["version"] == 1:
                    rows.append({"slug": slug, "key": "(new profile)", "change": "added", "before": None,
                                 "after": f"{len(new.fields)} fields", "version": 1, "reason": entry["reason"],
                                 "findings": entry["findings"], "created_at": entry["created_at"]})
                    continue
                old = reg.version(slug, entry["version"] - 1)
                for change in diff_versions(old, new):
                    rows.append({"slug": slug, **change, "version": entry["version"], "reason": entry["reason"],
                                 "findings": entry["findings"], "created_at": entry["created_at"]})
    rows.sort(key=lambda r: (str(r["created_at"]), r["slug"], r["key"]), reverse=True)
    return await _page(datasette, request, "changes.html", {"since": since, "rows": rows})


async def checklist_page(datasette: Any, request: Any) -> Response:
    from registry.checklist import build_checklist
    from registry.checklist_render import CSS, LANGS, render_html
    from registry.errors import KzdocsError

    lang = request.args.get("lang", "en")
    if lang not in LANGS:
        return _error(f"lang must be one of {', '.join(LANGS)}", 400)
    try:
        with _registry(datasette) as reg:
            checklist = build_checklist(reg, request.url_vars["slug"])
    except KzdocsError as error:
        return _error(str(error))
    return await _page(datasette, request, "checklist_page.html", {
        "checklist": checklist, "lang": lang, "langs": LANGS, "css": Markup(CSS),
        "content": Markup(render_html(checklist, lang, standalone=False)),
    })


@hookimpl
def register_routes():
    return [
        (r"^/-/profile/(?P<slug>[a-z0-9-]+)$", profile_page),
        (r"^/-/changes$", changes_page),
        (r"^/-/checklist/(?P<slug>[a-z0-9-]+)$", checklist_page),
    ]


@hookimpl
def render_cell(value, column, table, database, row, datasette):
    if value is None or value == "":
        return None
    text = str(value)
    if column in ("slug", "profile") and text.startswith("kz-"):
        return Markup(f'<a href="/-/profile/{escape(text)}">{escape(text)}</a>')
    if column in ("key", "field") and row is not None and "." not in text[:1]:
        keys = row.keys() if hasattr(row, "keys") else []
        slug = row["slug"] if "slug" in keys else (row["profile"] if "profile" in keys else None)
        if isinstance(slug, str) and slug.startswith("kz-"):
            return Markup(f'<a href="/-/profile/{escape(slug)}#{escape(text)}">{escape(text)}</a>')
    if column == "field_id" and isinstance(value, int):
        return Markup(f'<a href="/{escape(database)}/field/{value}">{value}</a>')
    if column in ("source", "source_id") and text and " " not in text and not text.startswith("http"):
        return Markup(f'<a href="/{escape(database)}/snapshot?source_id={urlquote(text)}">{escape(text)}</a>')
    return None


@hookimpl
def extra_template_vars(template, datasette, request):
    if template != "index.html":
        return {}

    async def inner():
        name = datasette.get_database().name
        queries = await datasette.get_canned_queries(name, None)
        with _registry(datasette) as reg:
            profiles = reg.profiles()
        return {"canned_queries": [(name, q) for q in queries.values()], "registry_profiles": profiles}

    return inner
