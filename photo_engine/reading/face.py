"""The face backend: the only module that talks to mediapipe.

Five models from the mediapipe 0.10.14 wheel (no download at run time): face detection (short and full
range, to count faces at any distance), FaceMesh with iris refinement (478 landmarks), SelfieSegmentation
(the person mask the crown is read from), Hands (a hand over or under the face is an occlusion; read on
the whole picture and again on the aligned face view, where a hand at the face is large enough to be found)
and Pose (33 body points with a visibility each: it places a wrist or fingers at the chin or mouth where
the palm detector finds no hand, because it reads the hand as part of the whole body).

FaceMesh and Hands are not mirror-symmetric: on a mirrored portrait the mesh puts lids and lips a few
pixels elsewhere and Hands may miss a hand it found before. A mirror must not change a verdict, so the
symmetric reading (used to judge a portrait as given) also looks at the mirrored picture: face boxes are
averaged with their mirrored twins, the mesh reading is the average of the direct and the mirrored mesh
(landmarks paired by :data:`photo_engine.reading.mesh_mirror.MIRROR_PARTNER`), and the hands are those found in
either. The results are then the same for a portrait and its mirror image. Both Hands passes run on a
worker thread while the face models run (mediapipe releases the GIL), on the one set of graphs. `make`
reads one orientation only: the second would break its time budget, and it crops rather than judges.

The models see reduced copies - the whole picture at most ~1280 px, the face and the head region at a
fixed working size - and everything they return is mapped back to full-resolution pixel coordinates, so
the rest of the engine never needs to know which copy a model saw. Models load once per process.
"""

from __future__ import annotations

import contextlib
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import warnings  # noqa: E402

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from photo_engine.reading.mesh_mirror import MIRROR_PARTNER  # noqa: E402
from photo_engine.reading.resample import shrink_to  # noqa: E402

# mediapipe 0.10.14 asks protobuf for a deprecated call on every result; Hands and Pose read on worker threads
# (outside any catch_warnings of the caller, which is not thread-safe anyway), so that one warning is muted here.
warnings.filterwarnings("ignore", message="SymbolDatabase.GetPrototype", category=UserWarning)

ANALYSIS_MAX_SIDE = 1280
MESH_CROP_SIDE = 640
REGION_MAX_SIDE = 640
MIN_FACE_SCORE = 0.6
# A second face counts when it is at least this wide relative to the main one; smaller ones are far behind.
OTHER_FACE_MIN_WIDTH = 0.3


@dataclass
class Box:
    """An axis-aligned box in full-resolution pixels."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def iou(self, other: "Box") -> float:
        ix = max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))
        iy = max(0.0, min(self.y1, other.y1) - max(self.y0, other.y0))
        inter = ix * iy
        union = self.width * self.height + other.width * other.height - inter
        return inter / union if union > 0 else 0.0


@dataclass
class HeadRegion:
    """The area around the head at a working size: its pixels, the person mask and where it sits."""

    box: Box  # full-resolution pixels, clipped to the image
    scale: float  # region pixels per full-resolution pixel
    rgb: np.ndarray
    person: np.ndarray  # float32 0..1, same size as rgb

    def to_full(self, x: float, y: float) -> tuple[float, float]:
        return self.box.x0 + x / self.scale, self.box.y0 + y / self.scale

    def to_region(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.box.x0) * self.scale, (y - self.box.y0) * self.scale


@dataclass
class FaceModelOutput:
    """What the models saw, in full-resolution pixel coordinates."""

    width: int
    height: int
    faces: list[Box]
    face_scores: list[float]
    landmarks: np.ndarray | None  # (478, 3): x, y in px, z in px (same scale as x)
    overview: np.ndarray  # the whole picture at most ANALYSIS_MAX_SIDE px
    overview_scale: float
    region: HeadRegion | None
    # Hands and Pose are still reading on their worker threads when the face models are done; the geometry,
    # the aligned view and the background need neither, so they are measured meanwhile and these wait only
    # when first asked for (see `hands` and `bodies`).
    hands_job: Future | None = field(default=None, repr=False)
    bodies_job: Future | None = field(default=None, repr=False)

    @property
    def face_count(self) -> int:
        return len(self.faces)

    @property
    def hands(self) -> list[np.ndarray]:
        """Hands found on the whole picture, each (21, 2) in px."""
        return self.hands_job.result() if self.hands_job is not None else []

    @property
    def bodies(self) -> list[np.ndarray]:
        """Pose body points per orientation read (the direct picture, then its mirror), each (33, 3): x, y in px
        of the picture as given (a mirrored reading is mapped back), visibility 0..1; (0, 3) where no body was seen.
        """
        return self.bodies_job.result() if self.bodies_job is not None else []


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Hide the C++ log lines mediapipe prints on model start; Python-level errors still surface."""
    fd = 2
    try:
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass
    saved = os.dup(fd)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


class FaceModels:
    """The mediapipe graphs, built once per process (a batch worker builds its own on first use)."""

    def __init__(self) -> None:
        with _quiet_native_stderr(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from mediapipe.python.solutions import face_detection, face_mesh, hands, pose, selfie_segmentation

            self.detect_near = face_detection.FaceDetection(model_selection=0, min_detection_confidence=0.5)
            self.detect_far = face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.5)
            self.mesh = face_mesh.FaceMesh(
                static_image_mode=True, max_num_faces=1, refine_landmarks=True, min_detection_confidence=0.3
            )
            self.segmenter = selfie_segmentation.SelfieSegmentation(model_selection=0)
            self.hands = hands.Hands(
                static_image_mode=True, max_num_hands=2, model_complexity=1, min_detection_confidence=0.5
            )
            # Pose gets a thread of its own: its graph is built there while the others are built here, and it
            # reads the picture there while the face models and Hands read it (each graph on one thread only).
            self._body_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="body")
            self._pose_ready = self._body_worker.submit(_build_pose, pose)
            # The first call of each graph initialises its delegate and logs; do it here, quietly.
            blank = np.full((256, 256, 3), 127, np.uint8)
            for model in (self.detect_near, self.detect_far, self.mesh, self.segmenter, self.hands):
                model.process(blank)
            self.pose = self._pose_ready.result()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mirror")

    def analyse(self, rgb: np.ndarray, symmetric: bool = True) -> FaceModelOutput:
        """Read the face; ``symmetric`` also reads the mirrored picture and combines both (see the module doc).

        The single reading is for `make`, whose time budget the second orientation would break; judging a
        portrait as given (`check`, the evaluation) uses the symmetric one.
        """

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return self._analyse(rgb, symmetric)

    def _analyse(self, rgb: np.ndarray, symmetric: bool) -> FaceModelOutput:
        height, width = rgb.shape[:2]
        scale = min(1.0, ANALYSIS_MAX_SIDE / max(width, height))
        overview = rgb if scale == 1.0 else shrink_to(rgb, round(width * scale), round(height * scale))
        overview = np.ascontiguousarray(overview)
        mirrored_overview = np.ascontiguousarray(overview[:, ::-1]) if symmetric else None
        # Hands run on the worker thread (both orientations, one after the other, on the one Hands graph) while
        # the face is read here; the face detectors read both orientations here, in turn. A graph never runs two
        # images at once, and no second set of graphs is held in memory. Pose reads both orientations on its own
        # thread at the same time.
        # Their results are waited for only when used (FaceModelOutput.hands and .bodies): each worker runs its
        # jobs one after another, so a later job never finds its graph busy with an earlier one.
        hands_pending = self._worker.submit(self._hands, overview, mirrored_overview, self.hands, scale)
        bodies_pending = self._body_worker.submit(self._bodies, overview, mirrored_overview, scale)
        direct = self._detections(overview, scale, (self.detect_far, self.detect_near))
        mirrored = (self._detections(mirrored_overview, scale, (self.detect_far, self.detect_near))
                    if mirrored_overview is not None else [])
        faces, scores = _merge_mirrored_faces(direct, mirrored, overview.shape[1] / scale)
        landmarks = self._mesh(rgb, overview, scale, faces, symmetric)
        if landmarks is not None and not faces:
            xs, ys = landmarks[:, 0], landmarks[:, 1]
            faces, scores = [Box(xs.min(), ys.min(), xs.max(), ys.max())], [0.5]
        region = self._head_region(rgb, landmarks, symmetric) if landmarks is not None else None
        return FaceModelOutput(width, height, faces, scores, landmarks, overview, scale, region, hands_pending,
                               bodies_pending)

    def _detections(self, overview: np.ndarray, scale: float, detectors: tuple) -> list[tuple[Box, float]]:
        """Faces both detectors find on one picture (full-resolution px of that picture), same face merged."""
        h, w = overview.shape[:2]
        found: list[tuple[Box, float]] = []
        for model in detectors:
            result = model.process(overview)
            for det in result.detections or []:
                score = float(det.score[0])
                if score < MIN_FACE_SCORE:
                    continue
                rel = det.location_data.relative_bounding_box
                box = Box(
                    rel.xmin * w / scale, rel.ymin * h / scale,
                    (rel.xmin + rel.width) * w / scale, (rel.ymin + rel.height) * h / scale,
                )
                same = next((i for i, (b, _) in enumerate(found) if b.iou(box) > 0.3), None)
                if same is None:
                    found.append((box, score))
                elif score > found[same][1]:
                    found[same] = (box, score)
        return found

    def _mesh(
        self, rgb: np.ndarray, overview: np.ndarray, scale: float, faces: list[Box], symmetric: bool
    ) -> np.ndarray | None:
        """Landmarks of the main face, measured on a crop around it so small faces get as many pixels as big ones."""
        if faces:
            box = faces[0]
            cx, cy = box.centre
            side = 2.2 * max(box.width, box.height)
            crop, x0, y0 = _square_crop(rgb, cx, cy, side)
            crop_scale = MESH_CROP_SIDE / crop.shape[0]
            crop = shrink_to(crop, MESH_CROP_SIDE, MESH_CROP_SIDE)
            points = self._mesh_points(crop, symmetric)
            if points is not None:
                points /= crop_scale
                points[:, 0] += x0
                points[:, 1] += y0
                return points
        points = self._mesh_points(overview, symmetric)
        if points is not None:
            points /= scale
        return points

    def _mesh_points(self, image: np.ndarray, symmetric: bool) -> np.ndarray | None:
        """Landmarks read on the image and on its mirror, averaged: the same for a face and its mirror image.

        Where only one of the two readings finds a face, that one is used (a mirror cannot tell which of
        the two is right, and either is better than none).
        """
        direct = self._mesh_once(image)
        if not symmetric:
            return direct
        mirrored = self._mesh_once(image[:, ::-1])
        if mirrored is not None:
            mirrored[:, 0] = image.shape[1] - mirrored[:, 0]
            mirrored = mirrored[list(MIRROR_PARTNER)]
        if direct is None or mirrored is None:
            return direct if mirrored is None else mirrored
        return (direct + mirrored) / 2

    def _mesh_once(self, image: np.ndarray) -> np.ndarray | None:
        result = self.mesh.process(np.ascontiguousarray(image))
        if not result.multi_face_landmarks:
            return None
        h, w = image.shape[:2]
        lms = result.multi_face_landmarks[0].landmark
        return np.array([(p.x * w, p.y * h, p.z * w) for p in lms], dtype=np.float64)

    def _head_region(self, rgb: np.ndarray, landmarks: np.ndarray, symmetric: bool = True) -> HeadRegion:
        """The area a document photo would show (and a bit more): where the crown and the background are read.

        With ``symmetric`` the person mask is the average of the direct and the mirrored reading, like the mesh:
        the head outline, the background and the hair shares are then the same for a portrait and its mirror.
        """
        height, width = rgb.shape[:2]
        chin = landmarks[152, :2]
        brow = landmarks[10, :2]
        face_h = float(np.hypot(*(chin - brow)))
        cx = float(landmarks[:468, 0].mean())
        top, bottom = chin[1] - 2.5 * face_h, chin[1] + 1.0 * face_h
        left, right = cx - 1.7 * face_h, cx + 1.7 * face_h
        box = Box(max(0.0, left), max(0.0, top), min(float(width), right), min(float(height), bottom))
        x0, y0, x1, y1 = (int(round(v)) for v in (box.x0, box.y0, box.x1, box.y1))
        x1, y1 = max(x1, x0 + 2), max(y1, y0 + 2)
        box = Box(float(x0), float(y0), float(x1), float(y1))
        crop = rgb[y0:y1, x0:x1]
        scale = min(1.0, REGION_MAX_SIDE / max(crop.shape[:2]))
        if scale < 1.0:
            crop = shrink_to(crop, max(2, round(crop.shape[1] * scale)), max(2, round(crop.shape[0] * scale)))
        crop = np.ascontiguousarray(crop)
        scale = crop.shape[1] / (x1 - x0)
        person = self._person(crop)
        if symmetric:
            person = 0.5 * (person + self._person(np.ascontiguousarray(crop[:, ::-1]))[:, ::-1])
        face_xy = ((landmarks[:468, 0].mean() - x0) * scale, (landmarks[:468, 1].mean() - y0) * scale)
        return HeadRegion(box, scale, crop, _keep_the_person(person, face_xy))

    def hands_in(self, rgb: np.ndarray, symmetric: bool = True) -> list[np.ndarray]:
        """Hands found on a picture (and its mirror), each (21, 2) in that picture's pixels.

        Run on the aligned face view: at the view's fixed face size a hand at the chin or over an eye is
        large enough for the palm detector, which misses most of them on the whole picture.
        """
        return self.hands_in_later(rgb, symmetric).result()

    def hands_in_later(self, rgb: np.ndarray, symmetric: bool = True) -> Future:
        """:meth:`hands_in` on the Hands worker thread (after the whole-picture pass), so the caller can
        measure other things meanwhile; the future's result is the list of hands."""
        mirrored = np.ascontiguousarray(rgb[:, ::-1]) if symmetric else None
        return self._worker.submit(self._hands, np.ascontiguousarray(rgb), mirrored, self.hands, 1.0)

    def _bodies(self, overview: np.ndarray, mirrored_overview: np.ndarray | None, scale: float) -> list[np.ndarray]:
        h, w = overview.shape[:2]
        found = []
        for image, mirrored in ((overview, False), (mirrored_overview, True)):
            if image is None:
                continue
            body = self.pose.process(image).pose_landmarks
            if body is None:
                found.append(np.zeros((0, 3)))
                continue
            points = np.array([(p.x * w, p.y * h, p.visibility) for p in body.landmark], float)
            if mirrored:
                points[:, 0] = w - points[:, 0]
            points[:, :2] /= scale
            found.append(points)
        return found

    def _person(self, crop: np.ndarray) -> np.ndarray:
        mask = self.segmenter.process(crop).segmentation_mask
        return np.zeros(crop.shape[:2], np.float32) if mask is None else np.asarray(mask, dtype=np.float32)

    def _hands(
        self, overview: np.ndarray, mirrored_overview: np.ndarray | None, mirrored_hands: Any, scale: float
    ) -> list[np.ndarray]:
        """Hands found on the picture (and on its mirror when given), in the picture's coordinates."""
        h, w = overview.shape[:2]
        found = []
        passes = [(self.hands, overview, False)]
        if mirrored_overview is not None:
            passes.append((mirrored_hands, mirrored_overview, True))
        for model, image, mirrored in passes:
            for hand in model.process(image).multi_hand_landmarks or []:
                points = np.array([(p.x * w, p.y * h) for p in hand.landmark])
                if mirrored:
                    points[:, 0] = w - points[:, 0]
                found.append(points / scale)
        return found


def _build_pose(pose: Any) -> Any:
    """The Pose graph (the full landmark model: the one the wheel ships), initialised on a blank picture."""
    model = pose.Pose(static_image_mode=True, model_complexity=1, min_detection_confidence=0.3)
    model.process(np.full((256, 256, 3), 127, np.uint8))
    return model


def _merge_mirrored_faces(direct: list[tuple[Box, float]], mirrored: list[tuple[Box, float]],
                          width: float) -> tuple[list[Box], list[float]]:
    """Faces seen on the picture or its mirror; one seen in both gets the average of its two boxes.

    The mesh is read on a crop around the main face, so a crop placed the same way for a portrait and for
    its mirror image is what makes the mesh reading (and every verdict built on it) mirror-symmetric.
    """
    mirrored = [(Box(width - b.x1, b.y0, width - b.x0, b.y1), s) for b, s in mirrored]
    found: list[tuple[Box, float]] = []
    for box, score in direct:
        twin = max(mirrored, key=lambda item: item[0].iou(box), default=None)
        if twin is not None and twin[0].iou(box) > 0.3:
            mirrored.remove(twin)
            other = twin[0]
            box = Box((box.x0 + other.x0) / 2, (box.y0 + other.y0) / 2, (box.x1 + other.x1) / 2,
                      (box.y1 + other.y1) / 2)
            score = (score + twin[1]) / 2
        found.append((box, score))
    found.extend(mirrored)
    if not found:
        return [], []
    found.sort(key=lambda item: -item[0].width * item[0].height)
    widest = found[0][0].width
    kept = [(b, s) for b, s in found if b.width >= OTHER_FACE_MIN_WIDTH * widest]
    return [b for b, _ in kept], [s for _, s in kept]


def _keep_the_person(person: np.ndarray, face_xy: tuple[float, float]) -> np.ndarray:
    """Drop mask blobs not joined to the face: the model sometimes marks a patch of wall or a passer-by."""
    solid = (person > 0.5).astype(np.uint8)
    count, labels = cv2.connectedComponents(solid)
    if count <= 2:
        return person
    x = int(min(max(face_xy[0], 0), person.shape[1] - 1))
    y = int(min(max(face_xy[1], 0), person.shape[0] - 1))
    keep = labels[y, x]
    if keep == 0:
        return person
    near = cv2.dilate((labels == keep).astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    return np.where(near, person, 0.0).astype(np.float32)


def _square_crop(rgb: np.ndarray, cx: float, cy: float, side: float) -> tuple[np.ndarray, int, int]:
    """A square around (cx, cy), padded by edge replication where it leaves the image."""
    height, width = rgb.shape[:2]
    half = max(8, int(round(side / 2)))
    x0, y0 = int(round(cx)) - half, int(round(cy)) - half
    x1, y1 = x0 + 2 * half, y0 + 2 * half
    pad = (max(0, -y0), max(0, y1 - height), max(0, -x0), max(0, x1 - width))
    crop = rgb[max(0, y0):min(height, y1), max(0, x0):min(width, x1)]
    if any(pad):
        crop = cv2.copyMakeBorder(crop, *pad, borderType=cv2.BORDER_REPLICATE)
    return crop, x0, y0


@lru_cache(maxsize=1)
def models() -> FaceModels:
    """The process-wide models, loaded on first use."""
    return FaceModels()


def analyse_face(rgb: np.ndarray, symmetric: bool = True) -> FaceModelOutput:
    return models().analyse(rgb, symmetric)
