"""Browser tests: headless Chromium (Debian's, driven by Playwright) against a running Escalator.

scripts/test starts `escalator demo` on a free port and sets ESCALATOR_URL and CHROMIUM_PATH.
"""
import os

import pytest
from playwright.sync_api import sync_playwright

BASE_URL = os.environ.get("ESCALATOR_URL", "http://127.0.0.1:8080")
PASSWORD = "escalator-demo"
USERS = {
    "adviser": "adviser@demo.escalator.test",
    "employer": "employer@demo.escalator.test",
    "provider": "provider@demo.escalator.test",
    "analyst": "analyst@demo.escalator.test",
    "admin": "admin@demo.escalator.test",
    # An adviser at Birmingham City Council: sees other organisations' clients only with their consent.
    "partner": "partner@demo.escalator.test",
}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Opens a fresh browser context (its own cookies) per call: one per person in a test."""
    contexts = []

    def make():
        context = browser.new_context(base_url=BASE_URL, java_script_enabled=False)
        context.set_default_timeout(10000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, role):
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(USERS[role])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.url.rstrip("/") == BASE_URL.rstrip("/") or "/sign-in" not in page.url, page.content()[:500]
    return page
