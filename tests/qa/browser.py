"""Real headless Chromium for the QA pages: Debian's chromium driven by Playwright's Python package.

Outside CI a machine without chromium (or playwright) skips these tests; in CI (CI=true) a
missing browser is a failure, as in tests/trainers/test_softphone_browser.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ivr.web.testing import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A fresh page in headless Chromium; the browser closes when the block ends."""
    if not os.environ.get("CI"):
        if not Path(CHROMIUM).exists():
            pytest.skip("Chromium is not installed (apt-get install chromium)")
        pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()
