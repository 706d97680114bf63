"""The photo engine: checks a portrait against a document's current photo profile and makes a photo that meets it.

It reads requirements only through :mod:`registry.api` (wrapped in :class:`photo_engine.spec.PhotoSpec`), so a
profile change in the registry changes the output without touching code. Heavy libraries (numpy, OpenCV,
mediapipe) are imported by the submodules that need them, never here.

The engine works in three stages, one sub-package each, and data flows one way through them:

- :mod:`photo_engine.reading`: decode the file, run the face models, measure (independent of any document);
- :mod:`photo_engine.judging`: those readings against a document's rules: checks and learned verdicts;
- :mod:`photo_engine.outputs`: frame, background and files for the document.

At the top sit what ties them together and faces the user: :mod:`photo_engine.spec` (a profile's rules in
typed form), :mod:`photo_engine.pipeline` (check and make one image), :mod:`photo_engine.batch` (several
images in worker processes), :mod:`photo_engine.webflow` (the photo page's work), :mod:`photo_engine.messages`
(what the engine says, in three languages), :mod:`photo_engine.errors` and :mod:`photo_engine.cli`.
"""
