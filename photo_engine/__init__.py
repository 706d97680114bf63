"""The photo engine: checks a portrait against a document's current photo profile and makes a photo that meets it.

It reads requirements only through :mod:`registry.api` (wrapped in :class:`photo_engine.spec.PhotoSpec`), so a
profile change in the registry changes the output without touching code. Heavy libraries (numpy, OpenCV,
mediapipe) are imported by the submodules that need them, never here.
"""
