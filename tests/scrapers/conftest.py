"""A real HTTP server on 127.0.0.1 for the scraper tests, and real PDFs made with reportlab.

The server runs in a thread; each test registers routes (path -> handler) and reads back what the server
saw: every request with its headers, and how many response bodies it sent per path.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scrapers.fetch import FetchPolicy

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: int = 0  # >0: send the body in this many pieces without Content-Length


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float


Handler = Callable[[Seen], Reply]


class SiteServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self.bodies_served: Counter[str] = Counter()
        self.lock = threading.Lock()
        owner = self

        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with owner.lock:
                    owner.requests.append(seen)
                route = owner.routes.get(self.path) or owner.routes.get(self.path.split("?")[0])
                reply = route(seen) if route else Reply(404, b"not here", {"Content-Type": "text/plain"})
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if not reply.chunks:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.body:
                        with owner.lock:
                            owner.bodies_served[self.path.split("?")[0]] += 1
                        if reply.chunks:
                            step = max(1, len(reply.body) // reply.chunks)
                            for i in range(0, len(reply.body), step):
                                self.wfile.write(reply.body[i:i + step])
                                self.wfile.flush()
                        else:
                            self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (oversized body, timeout): that is the point of the test

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def mirror(self, host: str) -> str:
        """A --mirror spec sending https://host to this server under the prefix /host."""
        return f"https://{host}={self.base}/{host}"

    def page(
        self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes[path] = lambda seen: Reply(200, data, {"Content-Type": content_type, **extra})

    def requests_to(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path.split("?")[0] == path]


@pytest.fixture
def server() -> Iterator[SiteServer]:
    site = SiteServer()
    site.thread.start()
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


@pytest.fixture
def policy() -> FetchPolicy:
    """Tiny delays and timeouts: the behaviour is the same, the suite stays fast."""
    return FetchPolicy(
        connect_timeout=1.0, read_timeout=0.3, max_attempts=3, backoff_base=0.01, backoff_max=0.05,
        min_host_interval=0.0, max_body_bytes=64 * 1024,
    )


def dejavu_font() -> Path:
    """A TTF with Cyrillic glyphs: the system DejaVu Sans, else the copy matplotlib ships (via mediapipe)."""
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    import matplotlib

    bundled = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
    if bundled.exists():
        return bundled
    raise RuntimeError("no DejaVuSans.ttf found for Cyrillic PDFs")


def requirements_pdf(
    rows: list[tuple[str, str]], *, intro: list[str] | None = None, items: list[str] | None = None
) -> bytes:
    """A real PDF: a heading, intro lines, a ruled two-column requirements table and a numbered list."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(dejavu_font())))
    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
    story: list = [Paragraph("Требования к документам", ParagraphStyle("h", parent=style, fontSize=14)), Spacer(1, 8)]
    for line in intro or []:
        story.append(Paragraph(line, style))
    story.append(Spacer(1, 8))
    table = Table([[Paragraph(a, style), Paragraph(b, style)] for a, b in rows], colWidths=[200, 270])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)
    story.append(Spacer(1, 10))
    for line in items or []:
        story.append(Paragraph(line, style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="kzdocs test").build(story)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def sample_pdf() -> bytes:
    return requirements_pdf(
        [
            ("Наименование требования", "Значение"),
            ("Размер фотографии", "35×45 мм"),
            ("Количество фотографий", "2 фотографии"),
            ("Государственная пошлина", "0,2 МРП"),
            ("Срок оформления", "15 рабочих дней"),
        ],
        intro=["Документ выдается сроком на 10 лет.", "Заявление подается с 16 лет."],
        items=[
            "Необходимые документы:",
            "1) заявление установленной формы;",
            "2) документ, удостоверяющий личность;",
            "3) квитанция об оплате государственной пошлины.",
        ],
    )
