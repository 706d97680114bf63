"""What to bring and do for one service, built from the registry: the model behind `kzdocs checklist`.

A checklist is read from the current version of a service profile and, for its photos, from the photo profile the
service links (`photos.profile`). Every item keeps the status and verification date of the field it comes from, so
an applicant sees how sure each line is; the oldest date is carried to the top because a checklist is only as fresh
as its stalest line. Fees in MCI are converted to tenge with the MCI of the current year, itself a field of the
`kz-monthly-calculation-index` profile with its own status; when that year has no recorded value nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from registry.api import Registry
from registry.errors import KzdocsError
from registry.models import ProfileField, ProfileKind, ProfileVersion
from registry.store import readable

MCI_PROFILE = "kz-monthly-calculation-index"
PHOTO_PAGE = "/-/photo"
# Keys that describe who may apply and on what terms, in the order a reader wants them.
TERMS = ["eligibility", "grounds", "residence.min_years", "income.min_monthly", "income.min_per_family_member",
         "investment.min", "health_insurance", "sponsor", "min_age", "validity", "renewal", "renewal.limit",
         "leads_to_permanent_residence", "application.deadline", "fingerprinting", "issuing_body", "legal_basis"]
# The photo rules worth repeating on a checklist, in reading order.
PHOTO_RULES = ["print.width_mm", "print.height_mm", "head.height_mm", "head.height_ratio", "face.area_ratio",
               "background.colours", "colour.mode", "expression.neutral", "glasses.allowed", "glasses.tinted_allowed",
               "headwear.allowed", "headwear.religious_allowed", "photo.max_age_months", "digital.min_width_px",
               "digital.min_height_px", "file.max_size_kb"]


class NotAService(KzdocsError):
    def __init__(self, slug: str) -> None:
        super().__init__(f"'{slug}' is a photo profile; a checklist is made for a service (try the service that "
                         "links it, e.g. 'kzdocs checklist kz-visa')")


class ChecklistItem(BaseModel):
    """One line: what it says, where it comes from and how sure it is."""

    section: str  # documents | photos | fees | processing | apply | terms
    key: str
    text: str
    unit: str | None = None
    status: str
    verified_at: dt.date
    source_url: str | None = None
    source_language: str | None = None
    reason: str | None = None
    note: str | None = None
    tenge: float | None = None  # a fee in MCI converted with the MCI of `mci_year`
    competing: int = 0


class PhotoSummary(BaseModel):
    profile: str
    linked_by: str  # "photos.profile" (a field with its own status) or "document" (same document family)
    title: str
    version: int
    rules: list[ChecklistItem]
    make_command: str
    page: str | None


class MciValue(BaseModel):
    year: int
    kzt: float | None
    status: str | None = None
    verified_at: dt.date | None = None
    source_url: str | None = None


class Checklist(BaseModel):
    slug: str
    title: str
    version: int
    official_url: str | None
    generated_on: dt.date
    oldest_verified: dt.date | None
    newest_verified: dt.date | None
    items: list[ChecklistItem]
    photo: PhotoSummary | None
    mci: MciValue
    missing: list[str]  # sections no sourced field covers


def build_checklist(reg: Registry, slug: str, today: dt.date | None = None, photo_page: bool = False) -> Checklist:
    """The checklist of a service's current version; `photo_page` says whether the photo page is served."""
    today = today or dt.date.today()
    profile = reg.current(slug)
    if profile.kind is not ProfileKind.SERVICE:
        raise NotAService(slug)
    mci = _mci(reg, today.year)
    items: list[ChecklistItem] = []
    for f in sorted(profile.fields, key=lambda f: f.key):
        section = _section(f.key)
        if section is None:
            continue
        if section == "documents" and isinstance(f.value, list):
            items.extend(_item(section, f, text=str(entry)) for entry in f.value)
            continue
        item = _item(section, f)
        if section == "fees" and f.unit == "MCI" and isinstance(f.value, int | float) and mci.kzt:
            item.tenge = round(float(f.value) * mci.kzt, 2)
        items.append(item)
    items.sort(key=lambda i: (_SECTIONS.index(i.section), _order(i.key)))
    photo = _photo(reg, profile, photo_page)
    dates = [i.verified_at for i in items] + ([r.verified_at for r in photo.rules] if photo else [])
    covered = {i.section for i in items}
    return Checklist(
        slug=profile.slug, title=profile.title, version=profile.version, official_url=profile.official_url,
        generated_on=today, oldest_verified=min(dates) if dates else None,
        newest_verified=max(dates) if dates else None, items=items, photo=photo, mci=mci,
        missing=[s for s in _SECTIONS if s not in covered],
    )


_SECTIONS = ["documents", "photos", "fees", "processing", "apply", "terms"]


def _section(key: str) -> str | None:
    if key == "documents" or (key.startswith("documents.") and key != "documents.max_age"):
        return "documents"
    if key.startswith("photos."):
        return "photos"
    if key == "fee" or key.startswith(("fee.", "fine.")):
        return "fees"
    if key == "processing_time" or key.startswith("processing_time."):
        return "processing"
    if key in ("application.channels", "service.url", "service.code"):
        return "apply"
    if key in TERMS or key.startswith("validity.") or key == "documents.max_age":
        return "terms"
    return None


def _order(key: str) -> int:
    base = key if key in TERMS else key.split(".")[0]
    return TERMS.index(base) if base in TERMS else len(TERMS)


def _item(section: str, f: ProfileField, text: str | None = None) -> ChecklistItem:
    source = f.sources[0] if f.sources else None
    return ChecklistItem(
        section=section, key=f.key, text=text if text is not None else readable(f.value), unit=f.unit,
        status=f.status.value, verified_at=f.verified_at, source_url=source.url if source else None,
        source_language=source.language if source else None, reason=f.reason, note=f.note,
        competing=len(f.alternatives),
    )


def _mci(reg: Registry, year: int) -> MciValue:
    if MCI_PROFILE not in reg.slugs():
        return MciValue(year=year, kzt=None)
    f = reg.current(MCI_PROFILE).field(f"mci.{year}")
    if f is None or not isinstance(f.value, int | float):
        return MciValue(year=year, kzt=None)
    return MciValue(year=year, kzt=float(f.value), status=f.status.value, verified_at=f.verified_at,
                    source_url=f.sources[0].url if f.sources else None)


def _photo(reg: Registry, service: ProfileVersion, photo_page: bool) -> PhotoSummary | None:
    link = service.field("photos.profile")
    if link is not None and isinstance(link.value, str) and link.value in reg.slugs():
        photo, linked_by = reg.current(link.value), "photos.profile"
    else:
        same = [p.slug for p in reg.profiles("photo") if reg.current(p.slug).document == service.document]
        if len(same) != 1:
            return None
        photo, linked_by = reg.current(same[0]), "document"
    rules = [_item("photos", f) for key in PHOTO_RULES if (f := photo.field(key)) is not None]
    return PhotoSummary(
        profile=photo.slug, linked_by=linked_by, title=photo.title, version=photo.version, rules=rules,
        make_command=f"kzdocs photo make portrait.jpg --profile {photo.slug} -o photo.jpg --sheet sheet.jpg",
        page=f"{PHOTO_PAGE}?profile={photo.slug}" if photo_page else None,
    )


def checklist_json(c: Checklist) -> dict[str, Any]:
    return c.model_dump(mode="json")
