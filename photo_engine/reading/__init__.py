"""Stage one, reading the portrait: decode it safely, run the face models once, measure what they show.

Nothing here knows about a document: the same readings (landmarks, head outline, hair and person masks,
appearance cues, the background as it is) are judged against any profile by :mod:`photo_engine.judging`.
:mod:`photo_engine.reading.face` is the only module that talks to mediapipe.
"""
