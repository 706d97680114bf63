"""Datasette plugin: ``/-/photo``, where an applicant makes a document photo from a portrait.

- ``GET /-/photo?profile=<slug>&lang=kk|ru|en``: the form (works without JavaScript; JavaScript adds a
  preview, drag and drop and progress). The language comes from ``lang``, else from Accept-Language.
- ``POST /-/photo``: a multipart form (``csrftoken`` first, checked by Datasette's CSRF protection):
  the result page, or the form again with a message the person can act on.
- ``GET /-/photo/result/<token>?lang=kk|ru|en``: the same result page again, in any language (the language
  switch of a result page leads here), while the token lives.
- ``GET /-/photo/file/<token>/<photo.jpg|sheet-<lang>.jpg|preview-<lang>.png>``: the made files, only with
  the token, for 15 minutes (photo_engine.webflow keeps them in memory; nothing uploaded is stored). A sheet
  or preview in another language than the upload's is drawn on first request from the kept photo.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response

FILE_TYPES = {"photo.jpg": "image/jpeg", **{f"sheet-{code}.jpg": "image/jpeg" for code in ("kk", "ru", "en")},
              **{f"preview-{code}.png": "image/png" for code in ("kk", "ru", "en")}}
PAPERS = ("10x15", "a4")
NO_STORE = {"Cache-Control": "no-store, private", "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer"}


def _photo_profiles(datasette: Any, lang: str) -> list[dict[str, Any]]:
    """The current photo profiles with their names, sizes and the spec the engine needs."""
    from photo_engine.messages import document_name, page_text
    from photo_engine.spec import spec_from_profile
    from registry.api import Registry

    options = []
    with Registry.open(datasette.get_database().path) as reg:
        for summary in reg.profiles("photo"):
            profile = reg.current(summary.slug)
            try:
                spec = spec_from_profile(profile)
            except Exception:  # noqa: BLE001 - a profile the engine cannot use is simply not offered
                continue
            options.append({
                "slug": profile.slug, "name": document_name(profile.slug, profile.title, lang),
                "title": profile.title, "version": profile.version, "spec": spec, "profile": profile,
                "print": f"{spec.print_width_mm.value:g} × {spec.print_height_mm.value:g} {page_text('mm', lang)}",
                "digital": f"{spec.width_px.value} × {spec.height_px.value} px, {spec.dpi.value} dpi"
                           + (f", ≤ {spec.max_size_kb.value:g} {page_text('kb', lang)}" if spec.max_size_kb else ""),
            })
    return sorted(options, key=lambda o: o["name"])


def _lang(request: Any, chosen: str | None = None) -> str:
    from photo_engine.messages import pick_lang

    return pick_lang(chosen or request.args.get("lang"), request.headers.get("accept-language"))


async def _render(datasette: Any, request: Any, lang: str, status: int = 200, **context: Any) -> Response:
    from photo_engine.messages import LANG_NAMES, page_text

    def t(key: str, **params: Any) -> str:
        return page_text(key, lang, **params)

    profiles = context.pop("profiles", None) or _photo_profiles(datasette, lang)
    chosen = context.pop("chosen", None) or request.args.get("profile")
    if chosen not in {p["slug"] for p in profiles}:
        chosen = "kz-id-card-photo" if any(p["slug"] == "kz-id-card-photo" for p in profiles) else None
    token = context.get("token")
    if context.get("result") and token:  # the switch keeps the result: the same token, another language
        switch = {code: f"/-/photo/result/{token}?lang={code}" for code in LANG_NAMES}
    else:
        switch = {code: f"/-/photo?lang={code}" + (f"&profile={chosen}" if chosen else "") for code in LANG_NAMES}
    html = await datasette.render_template("photo.html", {
        "lang": lang, "t": t, "langs": LANG_NAMES, "switch": switch, "profiles": profiles, "chosen": chosen,
        "papers": PAPERS, "paper": context.pop("paper", "10x15"), **context}, request=request)
    return Response.html(html, status=status, headers=dict(NO_STORE, **{"Content-Language": lang}))


async def photo_page(datasette: Any, request: Any) -> Response:
    if request.method == "POST":
        return await _make(datasette, request)
    return await _render(datasette, request, _lang(request))


async def _make(datasette: Any, request: Any) -> Response:
    from photo_engine import webflow
    from photo_engine.messages import render

    lang = _lang(request, request.args.get("lang"))
    try:
        upload = await webflow.read_upload(request.headers.get("content-type", ""),
                                           request.headers.get("content-length"), request.receive)
    except webflow.UploadError as error:
        return await _render(datasette, request, lang, error.status, error=render(error.kind, lang, **error.params))
    lang = _lang(request, upload.fields.get("lang") or request.args.get("lang"))
    slug, paper = upload.fields.get("profile", ""), upload.fields.get("paper", "10x15")
    paper = paper if paper in PAPERS else "10x15"
    options = {p["slug"]: p for p in _photo_profiles(datasette, lang)}

    async def failed(kind: str, status: int = 400, **params: Any) -> Response:
        return await _render(datasette, request, lang, status, error=render(kind, lang, **params), chosen=slug,
                             paper=paper)

    if slug not in options:
        return await failed("unknown_profile")
    if not upload.data:
        return await failed("no_file")
    option = options[slug]
    try:
        outcome = await webflow.make_in_pool(upload.data, webflow.suffix_for(upload.filename, upload.content_type),
                                             option["spec"].model_dump_json(), paper, lang)
    except webflow.UploadError as error:
        return await failed(error.kind, error.status, **error.params)
    finally:
        upload.data = b""
    if "error" in outcome:
        return await failed(outcome["error"], 422, **outcome["params"])
    token = webflow.STORE.put(outcome["files"], outcome["report"])
    return await _render(datasette, request, lang, chosen=slug, paper=paper,
                         result=_result_view(outcome["report"], option, lang), token=token,
                         profiles=list(options.values()))


async def photo_result(datasette: Any, request: Any) -> Response:
    """A kept result again, in the language asked for: the language switch of a result page leads here."""
    from photo_engine import webflow
    from photo_engine.messages import render

    lang = _lang(request)
    kept = webflow.STORE.get(request.url_vars["token"])
    options = {p["slug"]: p for p in _photo_profiles(datasette, lang)}
    if kept is None or kept.report.get("profile") not in options:
        return await _render(datasette, request, lang, 404, error=render("expired", lang),
                             profiles=list(options.values()))
    option = options[kept.report["profile"]]
    paper = kept.report.get("sheet", {}).get("paper") or "10x15"
    return await _render(datasette, request, lang, chosen=option["slug"], paper=paper,
                         result=_result_view(kept.report, option, lang), token=request.url_vars["token"],
                         profiles=list(options.values()))


def _result_view(report: dict[str, Any], option: dict[str, Any], lang: str) -> dict[str, Any]:
    """What the result page shows, in ``lang``: advice first, then every check with its rule's provenance."""
    from photo_engine.messages import advice, check_message, check_title, page_text, spoken

    profile = option["profile"]
    checks, todo, consider = [], [], []
    for raw in report["checks"]:
        result = SimpleNamespace(**raw)
        field = profile.field(result.rule_key) if result.rule_key else None
        status = field.status.value if field else result.rule_status
        checks.append({
            "name": result.name, "title": check_title(result.name, lang), "status": result.status,
            "status_text": page_text(f"status_{result.status}", lang), "message": check_message(result, lang),
            "rule_key": result.rule_key if field else None, "rule_status": status,
            "rule_status_text": page_text(status, lang), "verified": str(field.verified_at) if field else None,
        })
        if result.status == "fail":
            todo.append(advice(result, lang))
        elif result.status == "warn":
            consider.append(advice(result, lang))
    digital = report.get("digital", {})
    return {"compliant": bool(report.get("compliant")), "todo": list(dict.fromkeys(todo)),
            "consider": list(dict.fromkeys(consider)), "checks": checks, "slug": option["slug"],
            "name": option["name"], "version": report["profile_version"], "digital": digital,
            "sheet": report.get("sheet", {}), "notes": [spoken([n], lang) for n in report.get("note_phrases", [])],
            "preview": f"preview-{lang}.png", "sheet_file": f"sheet-{lang}.jpg",
            "version_text": page_text("profile_version", lang, title=option["name"],
                                      version=report["profile_version"])}


async def photo_file(datasette: Any, request: Any) -> Response:
    from photo_engine import webflow
    from photo_engine.messages import render

    name = request.url_vars["name"]
    result = webflow.STORE.get(request.url_vars["token"])
    if result is not None and name not in result.files and name in FILE_TYPES and name != "photo.jpg":
        # Another language than the upload's: drawn now, off the event loop, and kept with the result.
        draw = webflow.draw_kept_preview if name.startswith("preview-") else webflow.draw_kept_sheet
        await asyncio.to_thread(draw, result, name.split("-")[1].split(".")[0])
    if result is None or name not in result.files:
        return Response.text(render("expired", _lang(request)), status=404, headers=NO_STORE)
    headers = dict(NO_STORE)
    if request.args.get("download"):
        slug = result.report.get("profile", "photo")
        headers["Content-Disposition"] = f'attachment; filename="{slug}-{name}"'
    return Response(result.files[name], status=200, headers=headers, content_type=FILE_TYPES[name])


@hookimpl
def register_routes():
    return [
        (r"^/-/photo$", photo_page),
        (r"^/-/photo/result/(?P<token>[A-Za-z0-9_-]{20,64})$", photo_result),
        (r"^/-/photo/file/(?P<token>[A-Za-z0-9_-]{20,64})/"
         r"(?P<name>photo\.jpg|sheet-(?:kk|ru|en)\.jpg|preview-(?:kk|ru|en)\.png)$", photo_file),
    ]
