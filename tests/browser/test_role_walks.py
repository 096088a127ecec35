"""Every role, from sign-in to its main task, by the links and buttons on the pages only.

In English and Japanese, at a laptop's 1280 px and a phone's 390 px: axe-core (WCAG 2.2 AA rules)
on every page reached, a full-page screenshot of each under var/screenshots/ (AEO_VAR_DIR). One
test per language and width walks all nine audiences and fails with every violation found.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.applications import services as applications
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo
from aeo.core.now import now, today, travel
from aeo.requirements.selectors import current_template
from aeo.supervision.services import audits
from aeo.supervision.services.contacts import assign_account_manager
from aeo.supervision.tests.helpers import aeo, official
from tests.browser.walk import SCREENSHOTS, Walker, open_walker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

AEO_NAME = "Sakura Foods Import Co., Ltd."
APPLICANT = "Kanda Precision Imports K.K."
LATE = "Minato Bonded Logistics K.K."


@dataclass
class World:
    aeo_tin: str
    aeo_number: str
    application: int
    late: int
    audit_on: str
    template: int
    users: dict[str, str]


@pytest.fixture
def world() -> World:
    operator, aeo_trader = aeo(legal_name=AEO_NAME)
    authorization = operator.authorizations.get()
    applicant = trader_in_tokyo()
    applicant.operator.legal_name = APPLICANT
    applicant.operator.save()
    application = submitted_application(applicant)
    examiner = tokyo_examiner()
    with travel(now() - timedelta(days=200)):  # accepted long ago: overdue today
        late = applications.accept_application(
            actor=examiner, application=submitted_application(trader_in_tokyo())
        )
    late.operator.legal_name = LATE
    late.operator.save()
    manager = official(Role.ACCOUNT_MANAGER)
    assign_account_manager(actor=None, operator=operator, manager=manager)
    auditor = official(Role.AUDITOR)
    audit = audits.plan_audit(
        actor=auditor, operator=operator, planned_on=today() + timedelta(days=14)
    )
    users = {
        "trader": applicant.username,
        "examiner": examiner.username,
        "account-manager": manager.username,
        "auditor": auditor.username,
    }
    for name, role in [
        ("coordinator", Role.COORDINATOR),
        ("policy-officer", Role.POLICY_OFFICER),
        ("border-officer", Role.BORDER_OFFICER),
        ("oga-officer", Role.OGA_OFFICER),
    ]:
        users[name] = official(role).username
    return World(
        aeo_tin=operator.tin,
        aeo_number=authorization.aeo_number,
        application=application.pk,
        late=late.pk,
        audit_on=f"{audit.planned_on:%Y-%m-%d}",
        template=current_template().number,
        users=users,
    )


def anonymous(w: Walker, world: World) -> None:
    """The public: the register, searched by name, shows the AEO."""
    w.page.goto("/")  # signed out, home is the sign-in page
    w.check("sign-in")
    w.menu("AEO register")
    w.check("register")
    w.main().get_by_label(w.t("Name, TIN or AEO number")).fill("Sakura")
    w.button(w.t("Search"))
    expect(w.page.locator("#authorization-results tbody tr")).to_have_count(1)
    expect(w.page.locator("#authorization-results")).to_contain_text(AEO_NAME)
    w.check("entry")


def trader(w: Walker, world: World) -> None:
    """An SME owner who has applied: where the application stands."""
    w.menu("Apply")
    w.check("apply")
    w.link(w.t("Open your application"))
    expect(w.page.get_by_role("heading", level=1)).to_contain_text(f"#{world.application}")
    w.check("application")
    w.link(w.t("open the check sheet"))  # the frozen copy, one section per page
    expect(w.page.get_by_test_id("section-of")).to_be_visible()
    w.check("check-sheet")
    w.link(w.t("Next section"))
    expect(w.page.get_by_test_id("section-nav").locator("[aria-current=step]")).to_be_visible()
    w.check("check-sheet-section")


def examiner(w: Walker, world: World) -> None:
    """An examiner opens the application waiting in the unit's queue."""
    w.menu("Applications")
    w.check("applications")
    w.link(f"#{world.application} {APPLICANT}")
    expect(w.page.get_by_role("heading", level=1)).to_contain_text(f"#{world.application}")
    w.check("application")


def account_manager(w: Walker, world: World) -> None:
    """An account manager goes from the queue to one of the operators."""
    w.menu("My operators")
    w.check("queue")
    w.link(AEO_NAME)
    expect(w.page.get_by_role("heading", level=1)).to_contain_text(AEO_NAME)
    w.check("operator")


def coordinator(w: Walker, world: World) -> None:
    """The centre's coordinator: the overdue cases, from the home page's work queue."""
    w.link(w.t("overdue applications").capitalize())
    w.check("applications")
    w.link(f"#{world.late} {LATE}")
    expect(w.page.get_by_role("heading", level=1)).to_contain_text(f"#{world.late}")
    w.check("overdue-application")


def policy_officer(w: Walker, world: World) -> None:
    """Headquarters: the requirements versions, and the one in force."""
    w.menu("Requirements")
    w.check("requirements")
    w.link(w.t("Requirements v%(n)d") % {"n": world.template})
    w.check("version")


def auditor(w: Walker, world: World) -> None:
    """An auditor opens a planned audit."""
    w.menu("Audits")
    w.check("audits")
    w.link(world.audit_on)
    expect(w.main()).to_contain_text(AEO_NAME)
    w.check("audit")


def border_officer(w: Walker, world: World) -> None:
    """At the border: is this party an AEO? By TIN, on the status check page."""
    w.menu("Check AEO status")
    w.check("check-status")
    w.main().get_by_label(w.t("Identifiers")).fill(world.aeo_tin)
    w.button(w.t("Check"))
    expect(w.main().locator("table")).to_contain_text(world.aeo_number)
    w.check("status")


def oga_officer(w: Walker, world: World) -> None:
    """Another agency's officer: the status search on the home page, then the authorization."""
    w.main().get_by_label(w.t("Name, TIN or AEO number")).fill(world.aeo_tin)
    w.button(w.t("Search"))
    w.check("authorizations")
    w.link(world.aeo_number)
    expect(w.main()).to_contain_text(AEO_NAME)
    w.check("authorization")


WALKS = {
    "anonymous": anonymous,
    "trader": trader,
    "examiner": examiner,
    "account-manager": account_manager,
    "coordinator": coordinator,
    "policy-officer": policy_officer,
    "auditor": auditor,
    "border-officer": border_officer,
    "oga-officer": oga_officer,
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_role_reaches_its_main_task(browser, live_server, world, lang, width):
    print(f"\nscreenshots: {SCREENSHOTS}")
    problems: list[str] = []
    # One browser context, its cookies cleared between people: the site's CSS, scripts and
    # fonts come from the cache after the first walk, which keeps 36 walks within minutes.
    first = open_walker(browser, live_server.url, "", lang, width)
    context = first.page.context
    for who, walk in WALKS.items():
        context.clear_cookies()
        w = Walker(context.new_page(), lang, width, who)
        w.page.set_default_timeout(15_000)
        w.page.set_default_navigation_timeout(60_000)
        try:
            if who in world.users:
                w.sign_in(world.users[who], check=False)  # the anonymous walk checks it
            walk(w, world)
        except Exception as error:  # walk on: report every role's trouble at once
            problems.append(f"{who} {lang} {width}px stopped at {w.page.url}: {error}")
        finally:
            w.page.close()
        problems += w.violations
    context.close()
    assert not problems, "\n".join(problems)
