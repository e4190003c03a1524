"""Playwright on Debian's Chromium against pytest-django's live server.

Every page a test loads is recorded; `Visitor` checks each one with axe as it arrives, and the
`browsing` fixture fails the test if a page was loaded but never checked, or if the browser
reported a JavaScript error, a console error or a Content-Security-Policy violation.
"""

import datetime
import os
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pyotp
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect, sync_playwright

from inspections.choices import Addressee, ItemKind, ReportType, Scope
from inspections.services import item_create, report_create
from responses.models import Office, Signatory
from tests.browser.response_journey import AFI, REC_CC, REC_HO, TITLE
from tests.factories import PASSWORD, TOTP_SECRET

from .axe import assert_accessible

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
#: A directory to save a screenshot of every checked page in, to see what the users saw.
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS", "")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Reports every CSP violation to the test (init scripts and bindings are not subject to the CSP).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", event => {
    window.reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
        + ` (${event.sourceFile || document.location.href}:${event.lineNumber})`
    );
});
"""


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        # Named explicitly (as scripts/services.sh does), a missing browser is an error.
        message = f"no Chromium at {CHROMIUM} (set PLAYWRIGHT_CHROMIUM_EXECUTABLE)"
        if "PLAYWRIGHT_CHROMIUM_EXECUTABLE" in os.environ:
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def every_browser_test_has_the_role_groups(role_groups):
    pass


@dataclass
class PageLoad:
    url: str
    checked: bool = False


@dataclass
class Browsing:
    """What happened in the browser during one test, across every user's tab."""

    browser: object
    base_url: str
    name: str = "page"
    loads: list[PageLoad] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checked_urls: list[str] = field(default_factory=list)
    contexts: list = field(default_factory=list)

    def visitor(self) -> "Visitor":
        context = self.browser.new_context(
            base_url=self.base_url, locale="en-GB", accept_downloads=True
        )
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        context.expose_binding(
            "reportCspViolation",
            lambda _source, text: self.problems.append(f"CSP violation: {text}"),
        )
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        visitor = Visitor(page=page, browsing=self)
        page.on("load", lambda p: self.loads.append(PageLoad(p.url)))
        page.on(
            "pageerror",
            lambda error: self.problems.append(f"JavaScript error on {page.url}: {error}"),
        )
        page.on("console", visitor.on_console)
        page.on("requestfailed", self.on_request_failed)
        page.on("response", visitor.on_response)
        return visitor

    def on_request_failed(self, request):
        # A download, or a navigation overtaken by the next one, ends its document request this way.
        if request.resource_type == "document" and request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"Request failed: {request.url} {request.failure}")

    def assert_no_problems(self):
        problems, self.problems[:] = list(self.problems), []
        if problems:
            raise AssertionError("The browser reported problems:\n" + "\n".join(problems))

    def assert_every_page_checked(self):
        unchecked = [load.url for load in self.loads if not load.checked]
        assert not unchecked, f"Pages loaded but never checked with axe: {unchecked}"


@dataclass
class Visitor:
    """One signed-in user's tab. Every navigation goes through it, and is checked on arrival."""

    page: Page
    browsing: Browsing
    #: Paths the test expects an error status from (see `goto`); nothing else may answer >= 400.
    expected_errors: set[str] = field(default_factory=set)

    def expected_error(self, url: str) -> bool:
        return urlsplit(url).path in self.expected_errors

    def on_console(self, message):
        if message.type not in ("error", "warning"):
            return
        source = message.location.get("url") or self.page.url
        if message.text.startswith("Failed to load resource") and self.expected_error(source):
            return
        self.browsing.problems.append(f"Console {message.type} from {source}: {message.text}")

    def on_response(self, response):
        if response.status >= 400 and not (
            response.request.resource_type == "document" and self.expected_error(response.url)
        ):
            self.browsing.problems.append(f"HTTP {response.status} for {response.url}")

    # --- Navigation: each of these ends by checking the page it arrives at ----------------------

    def goto(self, path: str, *, status: int = 200):
        if status >= 400:
            self.expected_errors.add(path)
        response = self.page.goto(path)
        assert response is not None and response.status == status, (
            f"GET {path}: expected {status}, got {response and response.status}"
        )
        return self.check()

    def follow(self, locator):
        """Click a link or submit button and check the page it leads to."""
        expect(locator).to_be_visible()
        with self.page.expect_navigation():
            locator.click()
        return self.check()

    def follow_link(self, name: str, *, exact: bool = True, within=None):
        return self.follow((within or self.main).get_by_role("link", name=name, exact=exact))

    def press(self, name: str, *, exact: bool = True):
        """Press a button in the page's main content (a form's submit) and check the result."""
        return self.follow(self.main.get_by_role("button", name=name, exact=exact))

    def check(self):
        """Run axe on the page now shown, and fail on anything the browser has reported."""
        self.page.wait_for_load_state("load")
        self.browsing.assert_no_problems()
        if SCREENSHOTS:
            path = re.sub(
                r"[^a-z0-9]+", "-", self.page.url.removeprefix(self.browsing.base_url).lower()
            )
            name = f"{self.browsing.name}-{len(self.browsing.checked_urls):02d}{path}"[:120]
            self.page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)
        # What a click would show is checked too: open every <details> first.
        self.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        results = assert_accessible(self.page)
        latest = [load for load in self.browsing.loads if load.url == self.page.url]
        assert latest, f"{self.page.url} was checked but no load of it was recorded"
        latest[-1].checked = True
        self.browsing.checked_urls.append(self.page.url)
        self.browsing.assert_no_problems()
        return results

    # --- What the user sees ---------------------------------------------------------------------

    @property
    def main(self):
        return self.page.get_by_role("main")

    def expect_heading(self, text: str, *, level: int = 1):
        expect(self.page.get_by_role("heading", level=level, name=text, exact=True)).to_be_visible()

    def expect_message(self, text: str):
        expect(self.page.get_by_role("status")).to_contain_text(text)

    def log_in(self, user):
        """Sign in through the form, then the second factor (every test user has the
        authenticator app of tests.factories.TOTP_SECRET)."""
        self.goto("/accounts/login/")
        self.expect_heading("Sign in")
        self.page.get_by_label("Username").fill(user.username)
        self.page.get_by_label("Password", exact=True).fill(PASSWORD)
        self.press("Sign in")
        self.expect_heading("Two-factor authentication")
        self.page.get_by_label("Authenticator code").fill(fresh_totp_code(user))
        self.press("Sign in")
        self.expect_heading("Register of HMICFRS reports")
        expect(self.page.get_by_role("navigation", name="Main")).to_contain_text(
            user.get_full_name()
        )
        return self


_codes_used: dict[int, set[str]] = {}


def fresh_totp_code(user) -> str:
    """The authenticator app's code now, waiting for the next one if this user already used
    it (a code is accepted once)."""
    totp = pyotp.TOTP(TOTP_SECRET)
    used = _codes_used.setdefault(user.pk, set())
    while True:
        # A code typed in the last seconds of its period may reach the server in the next one,
        # which no longer accepts it: take the next code instead.
        left = totp.interval - time.time() % totp.interval
        if left < 5:
            time.sleep(left + 0.2)
            continue
        if (code := totp.now()) not in used:
            break
        time.sleep(1)
    used.add(code)
    return code


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture
def browsing(request, chromium, live_server):
    session = Browsing(browser=chromium, base_url=live_server.url, name=request.node.name)
    yield session
    for context in session.contexts:
        context.close()
    if not getattr(request.node, "call_failed", True):
        # After a failure these would only repeat it.
        session.assert_no_problems()
        session.assert_every_page_checked()


@pytest.fixture
def visit(browsing):
    """`visit(user)`: a fresh browser tab, signed in as that user through the login form."""

    def signed_in(user) -> Visitor:
        return browsing.visitor().log_in(user)

    return signed_in


# --- The response journeys (test_response_journey_to_approval.py) --------------------------------


@pytest.fixture
def recorded_report(opcc_staff):
    """A report published ten days ago with two recommendations (one to all chief constables,
    one to the Home Office) and an area for improvement, recorded through the services as OPCC
    staff would; the office's letterhead; and a PCC in office today to sign."""
    today = timezone.localdate()
    report = report_create(
        by=opcc_staff,
        title=TITLE,
        report_type=ReportType.NATIONAL,
        scope=Scope.ALL_FORCES,
        published_on=today - datetime.timedelta(days=10),
        hmicfrs_url="https://www.justiceinspectorates.gov.uk/hmicfrs/",
    )
    for kind, reference, addressee, text in (
        (ItemKind.RECOMMENDATION, "1", Addressee.ALL_CHIEF_CONSTABLES, REC_CC),
        (ItemKind.RECOMMENDATION, "2", Addressee.HOME_OFFICE, REC_HO),
        (ItemKind.AREA_FOR_IMPROVEMENT, "AFI 1", Addressee.THIS_FORCE, AFI),
    ):
        item_create(
            report=report,
            by=opcc_staff,
            kind=kind,
            reference=reference,
            addressee=addressee,
            text=text,
        )
    Office.objects.create(
        name="Office of the Police and Crime Commissioner for Nottinghamshire",
        address="Arnot Hill House\nArnold\nNottingham\nNG5 6LU",
        force_name="Nottinghamshire Police",
    )
    Signatory.objects.create(
        name="Gail Hanbury", valid_from=today - datetime.timedelta(days=400), valid_to=None
    )
    return report
