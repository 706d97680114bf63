"""Stage two, judging: the readings of a portrait against one document's rules, check by check.

Rule-based checks (sizes, pose, head in frame) and learned verdicts (headwear, glasses, colour ...) both
end as a CheckResult with the status of the profile rule they enforce. The learned weights are fitted by
``scripts/train_photo_verdicts.py`` and scored out of fold by :mod:`photo_engine.judging.evaluate`.
"""
