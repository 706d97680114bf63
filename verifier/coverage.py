"""Which official fields the sources watch: every field the registry cites as `official` or
`official-general` must be read by some source evidence, or be listed under `unmonitored:` in
data/sources.yaml with the reason no source can be read for it (a page no rule reads, a value stated only
in a law text we do not archive). A field in neither list is *uncovered*: a change there would pass silently.
"""

from __future__ import annotations

from registry.models import ProfileVersion, Status
from verifier.models import Coverage, SourceList

CITED = {Status.OFFICIAL, Status.OFFICIAL_GENERAL}


def cited_fields(profiles: dict[str, ProfileVersion]) -> list[str]:
    return sorted(f"{slug}:{f.key}" for slug, p in profiles.items() for f in p.fields if f.status in CITED)


def coverage(listing: SourceList, profiles: dict[str, ProfileVersion]) -> Coverage:
    cited = cited_fields(profiles)
    watched = {f"{e.profile}:{e.field}" for s in listing.sources for e in s.evidences}
    listed = {f"{u.profile}:{u.field}" for u in listing.unmonitored}
    monitored = [c for c in cited if c in watched]
    unmonitored = [c for c in cited if c not in watched and c in listed]
    uncovered = [c for c in cited if c not in watched and c not in listed]
    return Coverage(total=len(cited), monitored=len(monitored), unmonitored=len(unmonitored), uncovered=uncovered)
