"""The requirements registry: versioned profiles with field-level provenance, stored in SQLite.

The registry is the core of kzdocs and depends on no other package of ours. Other packages read it
through :mod:`registry.api` and write to it only through :mod:`registry.store`.
"""
