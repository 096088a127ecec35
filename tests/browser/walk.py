"""A person walking through the pages: clicks by accessible name in their language, axe-core on
every page they reach, a full-page screenshot of each kept under var/screenshots/."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import translation
from playwright.sync_api import Browser, Locator, Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Each violation as "rule id (impact: help): the targets of its nodes".
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(result =>
  result.violations.map(v =>
    `${v.id} (${v.impact}: ${v.help}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))"""
SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"
PASSWORD = "pw-test-123"


def t(lang: str, msgid: str) -> str:
    """What the page says for `msgid` in `lang` (the catalogue the server uses)."""
    with translation.override(lang):
        return str(translation.gettext(msgid))


@dataclass
class Walker:
    page: Page
    lang: str
    width: int
    who: str
    violations: list[str] = field(default_factory=list)
    steps: int = 0

    def t(self, msgid: str) -> str:
        return t(self.lang, msgid)

    def check(self, step: str) -> None:
        """Run axe on the page as it is now, and keep a screenshot of it."""
        self.page.wait_for_load_state("load")
        self.steps += 1
        found = self.page.evaluate(RUN_AXE, WCAG)
        where = f"{self.who} {self.lang} {self.width}px {step} ({self.page.url})"
        self.violations += [f"{where}: {violation}" for violation in found]
        wide = self.page.evaluate("document.documentElement.scrollWidth")
        if wide > self.width:  # a table or a line too wide scrolls in its box, not the page
            self.violations.append(f"{where}: the page is {wide} px wide")
        name = f"{self.who}-{self.lang}-{self.width}-{self.steps:02d}-{step}.png"
        self.page.screenshot(path=SCREENSHOTS / name, full_page=True)

    def main(self) -> Locator:
        return self.page.get_by_role("main")

    def link(self, name: str, exact: bool = True) -> None:
        self.main().get_by_role("link", name=name, exact=exact).first.click()

    def button(self, name: str) -> None:
        self.main().get_by_role("button", name=name, exact=True).click()

    def menu(self, label: str) -> None:
        """Follow an item of the top menu; on a phone, open the menu first."""
        opener = self.page.get_by_role("button", name=self.t("Menu"), exact=True)
        if opener.is_visible():
            opener.click()
        nav = self.page.get_by_role("navigation", name=self.t("Primary navigation"))
        nav.get_by_role("link", name=self.t(label), exact=True).click()

    def sign_in(self, username: str, check: bool = True) -> None:
        self.page.goto("/login/")
        if check:  # the same page for everyone: once per language and width is enough
            self.check("sign-in")
        self.main().get_by_label(self.t("Username")).fill(username)
        self.main().get_by_label(self.t("Password")).fill(PASSWORD)
        self.button(self.t("Sign in"))
        self.page.wait_for_url(re.compile(r"/$"))
        self.check("home")


def open_walker(browser: Browser, base_url: str, who: str, lang: str, width: int) -> Walker:
    """A fresh browser context (a person) whose browser asks for `lang`, axe loaded in every page.

    CSP is bypassed only so that the test can put axe into the page; the pages' own scripts are
    files of the site either way."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        base_url=base_url,
        locale={"en": "en-GB", "ja": "ja-JP"}[lang],
        viewport={"width": width, "height": 900},
        bypass_csp=True,
    )
    context.add_init_script(path=AXE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.set_default_navigation_timeout(60_000)  # the live server's first page, on a busy machine
    return Walker(page, lang, width, who)
