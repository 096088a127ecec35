"""The menus, as data: each item names its URL and the roles that see it; the base template only
draws what `menu_for` returns. Adding a page to a menu is one line in MENU.

An item whose URL does not reverse is left out of the page (logged) and fails
`home/tests/test_navigation.py`, so a typo never breaks every page.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aeo.accounts.constants import Role
from aeo.authorizations.selectors import holds_authorization

logger = logging.getLogger(__name__)

ANONYMOUS = "anonymous"  # the public: not a Role, only a menu audience
R = Role
EVERY_OFFICIAL = frozenset(Role) - {R.TRADER, R.PARTNER_CUSTOMS}
CASEWORKERS = frozenset({R.EXAMINER, R.COORDINATOR, R.POLICY_OFFICER})  # applications
HANDLERS = frozenset({R.EXAMINER, R.ACCOUNT_MANAGER})  # incidents and change notifications


@dataclass(frozen=True)
class Item:
    label: str | Promise
    url_name: str
    roles: frozenset[str]
    # URL keyword → attribute of the signed-in user (e.g. a trader's own operator).
    kwargs: dict[str, str] = field(default_factory=dict)
    # Shown only when this holds for the signed-in user (beyond the role).
    when: Callable[[object], bool] | None = None


MENU: tuple[Item, ...] = (
    Item(_("Home"), "home", frozenset(Role)),
    # Traders: the way to the status and, once an AEO, the status itself.
    Item(_("Apply"), "applications:mine", frozenset({R.TRADER})),
    Item(_("Self-assessment"), "requirements:index", frozenset({R.TRADER})),
    Item(_("My AEO"), "supervision:my_aeo", frozenset({R.TRADER}), when=holds_authorization),
    Item(_("My company"), "registry:operator_detail", frozenset({R.TRADER}), {"pk": "operator_id"}),
    # Officials: each role's work queue first.
    Item(_("Applications"), "applications:dashboard", CASEWORKERS),
    Item(_("My operators"), "supervision:queue", frozenset({R.ACCOUNT_MANAGER})),
    Item(_("Workload"), "supervision:queue", frozenset({R.COORDINATOR})),
    Item(_("Incident reports"), "supervision:incident_list", HANDLERS),
    Item(_("Change notifications"), "supervision:change_list", HANDLERS),
    Item(_("Audits"), "supervision:audits", frozenset({R.AUDITOR})),
    Item(_("Corrective actions"), "supervision:corrective_actions", frozenset({R.AUDITOR})),
    Item(_("Monitoring"), "supervision:monitoring", frozenset({R.AUDITOR, R.COORDINATOR})),
    Item(_("Requirements"), "requirements:template_list", frozenset({R.POLICY_OFFICER})),
    Item(_("Operators"), "registry:operator_list", EVERY_OFFICIAL),
    Item(_("Authorizations"), "authorizations:authorization_list", EVERY_OFFICIAL),
    Item(_("Check AEO status"), "mra:verify", frozenset({R.BORDER_OFFICER, R.OGA_OFFICER})),
    Item(_("Border queue"), "border:queue", frozenset({R.BORDER_OFFICER})),
    Item(_("MRA monitoring"), "border:monitoring", frozenset({R.POLICY_OFFICER})),
    Item(_("Selectivity"), "border:criteria", frozenset({R.POLICY_OFFICER})),
    Item(_("Status exchange"), "mra:exchange_status", frozenset({R.POLICY_OFFICER})),
    Item(_("Benefits"), "benefits:catalogue", frozenset(Role) - {R.PARTNER_CUSTOMS} | {ANONYMOUS}),
    Item(_("MRAs"), "mra:mra_list", frozenset({R.TRADER, ANONYMOUS})),
    Item(_("AEO register"), "authorizations:register", frozenset({R.TRADER, ANONYMOUS})),
    Item(_("Economies"), "registry:economy_list", frozenset({ANONYMOUS})),
    Item(_("API tokens"), "accounts:tokens", frozenset({R.PARTNER_CUSTOMS})),
)

# A section's own pages, shown as a second row on every page under the section's menu item
# (so that the top menu stays one line): keyed by that item's URL name.
SECTIONS: dict[str, tuple[Item, ...]] = {
    "benefits:catalogue": (
        Item(_("Catalogue"), "benefits:catalogue", frozenset(Role) | {ANONYMOUS}),
        Item(_("Agencies"), "benefits:agencies", frozenset({R.POLICY_OFFICER, R.OGA_OFFICER})),
        Item(_("MoUs"), "benefits:mous", frozenset({R.POLICY_OFFICER, R.OGA_OFFICER})),
        Item(
            _("Proposed criteria"),
            "benefits:proposals",
            frozenset({R.POLICY_OFFICER, R.OGA_OFFICER}),
        ),
        Item(
            _("Joint inspections"),
            "benefits:inspections",
            frozenset({R.POLICY_OFFICER, R.OGA_OFFICER, R.BORDER_OFFICER, R.TRADER}),
        ),
        Item(_("New agency"), "benefits:agency_create", frozenset({R.POLICY_OFFICER})),
        Item(_("New MoU"), "benefits:mou_create", frozenset({R.POLICY_OFFICER})),
        Item(
            _("Request a joint inspection"),
            "benefits:inspection_request",
            frozenset({R.POLICY_OFFICER, R.BORDER_OFFICER}),  # OGA officers: from the list
        ),
    ),
}


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    current: bool
    name: str = ""  # the URL name, to find the item's section


def audience(user) -> str:
    return user.role if user.is_authenticated else ANONYMOUS


def items_for(user, items: tuple[Item, ...] = MENU) -> list[Item]:
    """The items for the user's role whose condition (if any) holds for the user."""
    role = audience(user)
    return [i for i in items if role in i.roles and (i.when is None or i.when(user))]


def _under(path: str, url: str) -> bool:
    return path == url or (url != "/" and path.startswith(url))


def menu_for(user, path: str, items: tuple[Item, ...] = MENU) -> list[Link]:
    """The signed-in user's (or the public's) menu, the item for the current page marked."""
    links = []
    for item in items_for(user, items):
        try:
            kwargs = {key: getattr(user, attr) for key, attr in item.kwargs.items()}
            url = reverse(item.url_name, kwargs=kwargs)
            links.append(Link(item.label, url, current=False, name=item.url_name))
        except NoReverseMatch:
            logger.error("menu item %s does not reverse", item.url_name)
    # The current page's item: the longest URL that the path starts with ("/" only at home).
    matches = [link for link in links if _under(path, link.url)]
    if matches:
        best = max(matches, key=lambda link: len(link.url))
        links = [Link(lk.label, lk.url, lk is best, lk.name) for lk in links]
    return links


def navigation(request) -> dict[str, list[Link]]:
    """Context processor: the menu on every page, and the way back to the page's section
    (breadcrumbs) when the page lies below a menu item."""
    menu = menu_for(request.user, request.path)
    current = next((link for link in menu if link.current), None)
    subnav = []
    if current is not None and current.name in SECTIONS:
        own = menu_for(request.user, request.path, SECTIONS[current.name])
        subnav = own if len(own) > 1 else []
    section = current if current is not None and current.url != request.path else None
    if section is None:
        return {"menu": menu, "breadcrumbs": [], "subnav": subnav}
    home = [link for link in menu if link.url == "/" and link is not section]
    return {"menu": menu, "breadcrumbs": [*home, section], "subnav": subnav}
