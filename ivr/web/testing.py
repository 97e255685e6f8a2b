"""Helpers for tests of the web rooms: accounts and signed-in Flask test clients.

Public so every room's tests (softphone, console, dashboard, QA) sign in the
same way a browser does: the sign-in form with its CSRF token, then every
state-changing request carrying the token in `X-CSRFToken`, as the pages'
scripts send it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from ivr.web.accounts import Accounts, User

TEST_PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf[-_]token" (?:type="hidden" )?(?:content|value)="([^"]+)"')


def add_user(app: Flask, username: str, role: str, password: str = TEST_PASSWORD, **extra: Any) -> User:
    """An account in the app's database (for a test)."""
    book: Accounts = app.extensions["accounts"]
    existing = book.get(username)
    return existing if existing is not None else book.add(username, password, role, **extra)


def csrf_token(client: FlaskClient, path: str = "/signin") -> str:
    """The CSRF token a page at `path` carries (its `<meta name="csrf-token">` or form field)."""
    page = client.get(path).get_data(as_text=True)
    found = _TOKEN.search(page)
    if found is None:
        raise AssertionError(f"no CSRF token on {path}")
    return found.group(1)


def signed_in_client(app: Flask, username: str, role: str, password: str = TEST_PASSWORD) -> FlaskClient:
    """A test client signed in as `username` (made with `role` if new), sending the CSRF header."""
    add_user(app, username, role, password)
    client = app.test_client()
    response = client.post("/signin", data={"username": username, "password": password, "csrf_token": csrf_token(client)})
    if response.status_code != 302:
        raise AssertionError(f"sign-in as {username} failed: {response.status_code}")
    client.environ_base["HTTP_X_CSRFTOKEN"] = csrf_token(client)
    return client


# --- real browsers (Playwright over Debian's chromium) ------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def playwright_or_skip() -> ModuleType:
    """`playwright.sync_api` for a browser test module, called at its top.

    Outside CI a machine without Debian's chromium (or the playwright package) skips the
    module; in CI (`CI` set) either missing is a failure, not a skip.
    """
    if not os.environ.get("CI"):
        import pytest

        if not Path(CHROMIUM).exists():
            pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
        pytest.importorskip("playwright.sync_api")
    import playwright.sync_api

    return playwright.sync_api


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright; closed when the block ends."""
    sync_api = playwright_or_skip()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def page_of(browser: Any, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A fresh page of `browser` (the tests' `browser` fixture) at this size, closed when the block ends."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        yield page
    finally:
        page.close()


class LiveServer:
    """The app served over HTTP on a free loopback port in a thread (werkzeug, as `ivr serve` does)."""

    def __init__(self, app: Flask) -> None:
        import threading

        from werkzeug.serving import make_server

        self.app = app
        self.http = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.http.server_port}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.http.shutdown()
        self.thread.join(5)


class Pixels:
    """A screenshot's RGB pixels as rows (`pixels[y][x]` is an (r, g, b) tuple), decoded by Pillow as they are read."""

    def __init__(self, image: Any) -> None:
        self.image = image.convert("RGB")
        self.width, self.height = self.image.size

    def __len__(self) -> int:
        return int(self.height)

    def __getitem__(self, y: int) -> list[tuple[int, int, int]]:
        if not 0 <= y < self.height:
            raise IndexError(y)
        return _rgb(self.image.crop((0, y, self.width, y + 1)))

    def __iter__(self) -> Iterator[list[tuple[int, int, int]]]:
        return (self[y] for y in range(self.height))

    def region(self, box: dict[str, float]) -> list[tuple[int, int, int]]:
        """The pixels inside a bounding box (Playwright's x, y, width, height), clipped to the screenshot."""
        left, top = max(0, int(box["x"])), max(0, int(box["y"]))
        right = min(self.width, int(box["x"] + box["width"]))
        bottom = min(self.height, int(box["y"] + box["height"]))
        if right <= left or bottom <= top:
            return []
        return _rgb(self.image.crop((left, top, right, bottom)))


def _rgb(image: Any) -> list[tuple[int, int, int]]:
    """An RGB image's pixels, row by row, as (r, g, b) tuples."""
    raw = image.tobytes()
    return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 3)]


def read_png(data: bytes) -> tuple[int, int, Pixels]:
    """Width, height and pixels of a PNG (what Chromium writes): screenshots checked by tests.

    Pillow decodes it (a pure-Python decoder took about ten seconds a screenshot, most of a browser test's time)."""
    import io

    from PIL import Image

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError("not a PNG")
    pixels = Pixels(Image.open(io.BytesIO(data)))
    return pixels.width, pixels.height, pixels


def share_of_colour(pixels: Pixels, box: dict[str, float], colour: tuple[int, int, int], tolerance: int = 14) -> float:
    """The share of a screenshot region's pixels that are `colour` (a highlighted box's fill)."""
    inside = pixels.region(box)
    hits = sum(1 for rgb in inside if all(abs(a - b) <= tolerance for a, b in zip(rgb, colour)))
    return hits / len(inside) if inside else 0.0
