"""The body model's hand cue for occlusion: where Pose puts a visible hand against the mouth."""

from __future__ import annotations

import numpy as np

from photo_engine.judging.features import POSE_FAR, _body_hands


def _body(hand_xy: tuple[float, float], visibility: float = 0.9) -> np.ndarray:
    """A body with ears 100 px apart around a mouth at (500, 600), and every hand point at ``hand_xy``."""
    body = np.zeros((33, 3))
    body[:, 2] = 0.9
    body[7, :2], body[8, :2] = (450, 560), (550, 560)
    body[9, :2], body[10, :2] = (480, 600), (520, 600)
    body[15:23, :2] = hand_xy
    body[15:23, 2] = visibility
    return body


def test_a_visible_hand_at_the_mouth_reads_near_and_one_far_away_does_not() -> None:
    at_mouth = _body_hands([_body((500, 610))])
    away = _body_hands([_body((500, 1000))])
    assert at_mouth["pose_hand_near"] > 0.8 and at_mouth["pose_hand_min"] < 0.2
    assert away["pose_hand_near"] < 0.01 and away["pose_hand_min"] == POSE_FAR


def test_a_hand_the_model_barely_sees_counts_little() -> None:
    hidden = _body_hands([_body((500, 610), visibility=0.1)])
    assert hidden["pose_hand_near"] < 0.15 and hidden["pose_hand_min"] == POSE_FAR


def test_no_body_seen_means_no_hand_at_the_face_and_orientations_are_averaged() -> None:
    assert _body_hands([]) == {"pose_hand_near": 0.0, "pose_hand_min": POSE_FAR}
    one_of_two = _body_hands([_body((500, 610)), np.zeros((0, 3))])
    both = _body_hands([_body((500, 610)), _body((500, 610))])
    assert one_of_two["pose_hand_near"] == np.float64(0.5 * both["pose_hand_near"])


def test_the_body_model_reads_both_orientations_of_a_real_portrait(white_analysis) -> None:
    """The test portrait (hands out of the picture) gives a body per orientation and no hand at the mouth."""
    bodies = white_analysis.models.bodies
    assert len(bodies) == 2
    for body in bodies:
        assert body.shape == (33, 3)
        assert 0.0 <= body[:, 2].min() and body[:, 2].max() <= 1.0
    cue = _body_hands(bodies)
    assert cue["pose_hand_near"] < 0.3
