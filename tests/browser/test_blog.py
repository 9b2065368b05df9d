"""The demo blog in a real browser: Debian's Chromium, driven by Selenium.

Run by ``nox -s browser`` (which installs Chromium and chromedriver from
Debian when they are missing); the main test run does not collect this
folder. The server is the demo itself, ``flaskish --app blog run`` on a free
loopback port with a fresh database. Each step saves a screenshot in
``test-artifacts/browser/``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BLOG = ROOT / "examples" / "blog"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
sys.path.insert(0, str(BLOG))  # the blog's own serving helper, served.py

from served import served_blog  # noqa: E402

CHROMIUM = os.environ.get("FLASKISH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FLASKISH_CHROMEDRIVER", "/usr/bin/chromedriver")
# Headless, and nothing that reaches out to the network on its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1024,900",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_blog(tmp_path_factory.mktemp("blog")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class Steps:
    """The browser on the blog, with a numbered screenshot after each step."""

    def __init__(self, driver: WebDriver, base: str) -> None:
        self.driver = driver
        self.base = base
        self.count = 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for old in ARTIFACTS.glob("*.png"):
            old.unlink()

    def shot(self, name: str) -> None:
        self.count += 1
        path = ARTIFACTS / f"{self.count:02d}-{name}.png"
        assert self.driver.save_screenshot(str(path)), f"no screenshot {path}"

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    def click_link(self, text: str) -> None:
        self.driver.find_element(By.LINK_TEXT, text).click()

    def fill(self, **fields: str) -> None:
        for name, value in fields.items():
            element = self.driver.find_element(By.NAME, name)
            element.clear()
            element.send_keys(value)

    def submit(self, label: str) -> None:
        button = self.driver.find_element(
            By.CSS_SELECTOR, f"input[type=submit][value='{label}']"
        )
        button.click()

    @property
    def path(self) -> str:
        return str(self.driver.current_url).removeprefix(self.base)

    def text(self, selector: str) -> list[str]:
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, selector)]

    def heading(self) -> str:
        return str(self.driver.find_element(By.TAG_NAME, "h1").text)


def test_register_login_write_edit_delete_logout(
    server: str, browser: WebDriver
) -> None:
    steps = Steps(browser, server)

    steps.open("/")
    assert steps.heading() == "Posts"
    assert steps.text(".empty") == ["No posts yet."]
    steps.shot("home-anonymous")

    steps.click_link("Register")
    assert steps.path == "/auth/register"
    steps.fill(username="grace", password="hopper-pw")
    steps.shot("register-form")
    steps.submit("Register")
    assert steps.path == "/auth/login"
    assert steps.text(".flash-success") == ["Registration complete. Please log in."]
    steps.shot("registered")

    steps.fill(username="grace", password="wrong")
    steps.submit("Log in")
    assert steps.text(".flash-error") == ["Incorrect username or password."]
    steps.fill(username="grace", password="hopper-pw")
    steps.submit("Log in")
    assert steps.path == "/"
    assert steps.text(".who") == ["grace"]
    steps.shot("logged-in")

    steps.click_link("New post")
    assert steps.path == "/create"
    steps.fill(title="Hello from Chromium", body="Written <b>in</b> a real browser.")
    steps.shot("create-form")
    steps.submit("Publish")
    assert steps.path == "/"
    assert steps.text(".flash-success") == ["Post published."]
    assert steps.text(".post h2") == ["Hello from Chromium"]
    # The body is escaped by the template: the tag shows as text.
    assert steps.text(".post .body") == ["Written <b>in</b> a real browser."]
    steps.shot("post-created")

    steps.click_link("Edit")
    assert steps.heading() == 'Edit "Hello from Chromium"'
    steps.fill(title="Edited in Chromium")
    steps.submit("Save")
    assert steps.text(".flash-success") == ["Post updated."]
    assert steps.text(".post h2") == ["Edited in Chromium"]
    steps.shot("post-edited")

    steps.click_link("Edit")
    steps.submit("Delete")
    # The delete button asks for confirmation in a JavaScript dialog.
    dialog = WebDriverWait(browser, 10).until(expected_conditions.alert_is_present())
    assert dialog.text == "Delete this post?"
    dialog.accept()
    WebDriverWait(browser, 10).until(expected_conditions.url_to_be(server + "/"))
    assert steps.text(".flash-success") == ["Post deleted."]
    assert steps.text(".post h2") == []
    assert steps.text(".empty") == ["No posts yet."]
    steps.shot("post-deleted")

    steps.click_link("Log out")
    assert steps.text(".flash-success") == ["You have been logged out."]
    assert steps.text(".who") == []
    steps.open("/create")
    assert steps.path == "/auth/login"
    steps.shot("logged-out")
    assert len(list(ARTIFACTS.glob("*.png"))) == steps.count
