"""Without a mouse: the trader answers a check-sheet question (saved as it is given) and the
examiner accepts an application with Tab, Shift+Tab, Enter and Space only (and typing into the
focused field); at 1280 px the top menu stays on one line for every role."""

import pytest
from playwright.sync_api import Page, expect

from aeo.accounts.constants import Role
from aeo.applications import services as applications
from aeo.applications.constants import State
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo
from aeo.requirements import selectors as requirements
from aeo.requirements.constants import QuestionKind
from aeo.supervision.tests.helpers import official
from tests.browser.walk import PASSWORD, open_walker, t

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

FOCUSED = """() => { const e = document.activeElement;
  return [e.tagName.toLowerCase() + (e.type ? ':' + e.type : ''),
          (e.getAttribute('aria-label') || e.innerText || e.value || '').trim()]; }"""


def tab_to(page: Page, name: str | None, kind: str = "", limit: int = 150) -> None:
    """Press Tab until the focused element is called `name` (any name if None) and is a `kind`
    (e.g. 'a' or 'button:submit'); fail if it never gets the focus."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        tag, text = page.evaluate(FOCUSED)
        if name in (None, text) and tag.startswith(kind):
            return
        seen.append(f"{tag} {text[:30]!r}")
    raise AssertionError(f"{name!r} never took the focus; Tab went through: {seen}")


def enter_and_load(page: Page) -> None:
    """Press Enter on a link or a submit button, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def keyboard_sign_in(page: Page, lang: str, username: str) -> None:
    page.goto("/login/")  # the username field has the focus
    tab_to(page, None, "input:text")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    enter_and_load(page)


def test_trader_answers_a_question_by_keyboard(browser, live_server):
    trader = trader_in_tokyo()
    application = applications.create_application(actor=trader)
    question = requirements.rows(application.self_assessment)[0].question
    assert question.kind == QuestionKind.YES_NO  # the sheet opens on a yes/no question
    w = open_walker(browser, live_server.url, "trader-keyboard", "en", 1280)
    page = w.page
    keyboard_sign_in(page, "en", trader.username)
    tab_to(page, "Apply", "a")
    enter_and_load(page)
    tab_to(page, "Open the check sheet", "a")
    enter_and_load(page)
    expect(page.locator(f"#q-{question.pk}")).to_be_visible()
    w.check("check-sheet")
    # The first yes/no question: Tab reaches its radio group, Space picks "Yes".
    tab_to(page, None, "input:radio")
    assert page.evaluate("document.activeElement.id") == f"v-{question.pk}-yes"
    page.keyboard.press("Space")  # saved as it is given: no button to press
    expect(page.locator(f"#qs-{question.pk}")).to_contain_text("Saved")
    expect(page.locator("#sheet-status .usa-step-indicator__heading-text")).to_contain_text("1 of")
    w.check("answered")
    # The section's submit saves it and opens the next section.
    tab_to(page, "Save and go to the next section", "button:submit")
    enter_and_load(page)
    expect(page.get_by_test_id("section-of")).to_contain_text("Section 2 of")
    w.check("next-section")
    answers = {row.question.pk: row.value for row in requirements.rows(application.self_assessment)}
    assert answers[question.pk] is True
    assert not w.violations, "\n".join(w.violations)
    page.context.close()


def test_examiner_accepts_an_application_by_keyboard(browser, live_server):
    application = submitted_application(trader_in_tokyo())
    examiner = tokyo_examiner()
    w = open_walker(browser, live_server.url, "examiner-keyboard", "ja", 1280)
    page = w.page
    keyboard_sign_in(page, "ja", examiner.username)
    tab_to(page, t("ja", "Applications"), "a")
    enter_and_load(page)
    tab_to(page, f"#{application.pk} {application.operator.legal_name}", "a")
    enter_and_load(page)
    w.check("application")
    # The first action's panel is open: type a comment, then submit with the keyboard.
    accept = t("ja", "Accept for examination")
    tab_to(page, None, "textarea")
    page.keyboard.type("書類は揃っています。")
    tab_to(page, accept, "button:submit")
    enter_and_load(page)
    expect(page.locator(".usa-alert--success")).to_be_visible()
    w.check("accepted")
    application.refresh_from_db()
    assert application.state == State.UNDER_EXAMINATION
    assert not w.violations, "\n".join(w.violations)
    page.context.close()


BOXES = """links => links.map(a => { const r = a.getBoundingClientRect();
  return [a.innerText.trim(), Math.round(r.top), Math.round(r.right)]; })"""
MENU_ROLES = [Role.TRADER, *sorted(set(Role) - {Role.TRADER})]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_top_menu_fits_on_one_line_at_1280(browser, live_server, lang):
    """Every role's menu on one line; the account links and the language switch on screen."""
    users = {Role.TRADER: trader_in_tokyo().username}
    users |= {role: official(role).username for role in MENU_ROLES if role != Role.TRADER}
    w = open_walker(browser, live_server.url, "menu", lang, 1280)
    page = w.page
    for role in [None, *MENU_ROLES]:
        if role is not None:
            page.context.clear_cookies()
            page.goto("/login/")
            page.fill("#id_username", users[role])
            page.fill("#id_password", PASSWORD)
            page.locator("main button[type=submit]").click()
            page.wait_for_url("**/")
        else:
            page.goto("/login/")
        menu = page.locator(".usa-nav__primary .usa-nav-link:visible").evaluate_all(BOXES)
        tops = [top for _, top, _ in menu]  # a line apart when it wraps; 1 px of rounding
        assert max(tops) - min(tops) <= 2, f"{role or 'anonymous'} {lang}: the menu wraps: {menu}"
        every = page.locator(".usa-nav .usa-nav-link:visible").evaluate_all(BOXES)
        assert max(right for _, _, right in every) <= 1280, f"{role} {lang}: overflows: {every}"
    page.context.close()
