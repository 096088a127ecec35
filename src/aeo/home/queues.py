"""Each official's work queue on the home page: a few counts, each a link to the list that holds
the cases, the role's main task first. Counts only (one query each): the lists page the rows."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from aeo.accounts.constants import Role
from aeo.applications import selectors as applications
from aeo.authorizations import selectors as authorizations
from aeo.authorizations.constants import AuthorizationStatus
from aeo.requirements import selectors as requirements
from aeo.requirements.constants import TemplateStatus
from aeo.supervision.constants import AuditStatus, CorrectiveActionStatus
from aeo.supervision.selectors import audits, corrective_actions, monitoring, queue


@dataclass(frozen=True)
class Card:
    count: int
    label: str | Promise
    url: str


def _url(name: str, **query: str) -> str:
    return reverse(name) + (f"?{urlencode(query)}" if query else "")


def _applications(user) -> list[Card]:
    buckets = applications.workload(user)
    return [
        Card(
            applications.awaiting_acceptance(user).count(),
            _("applications awaiting acceptance"),
            _url("applications:list", state="submitted"),
        ),
        Card(buckets["overdue"].count, _("overdue applications"), _url("applications:dashboard")),
        Card(
            buckets["due_soon"].count,
            _("applications due within 10 business days"),
            _url("applications:dashboard"),
        ),
    ]


def _reports(user) -> list[Card]:
    incidents, changes = queue.queue_of(user)
    return [
        Card(incidents.count(), _("open incident reports"), _url("supervision:queue")),
        Card(changes.count(), _("change notifications to confirm"), _url("supervision:queue")),
    ]


def _monitoring(user) -> list[Card]:
    return [
        Card(
            len(monitoring.due_for(user, bucket="overdue").overdue),
            _("monitoring contacts and audits overdue"),
            _url("supervision:monitoring"),
        )
    ]


def _audits(user) -> list[Card]:
    mine = audits.audits_visible_to(user).filter(auditor=user)
    open_audits = mine.exclude(status__in=[AuditStatus.CLOSED, AuditStatus.CANCELLED])
    actions = corrective_actions.corrective_actions_visible_to(user)
    return [
        Card(open_audits.count(), _("of your audits open"), _url("supervision:audits", mine="1")),
        Card(
            actions.filter(status=CorrectiveActionStatus.RESPONDED).count(),
            _("corrective actions answered, to review"),
            _url("supervision:corrective_actions", status=CorrectiveActionStatus.RESPONDED),
        ),
    ]


def _requirements(user) -> list[Card]:
    drafts = requirements.template_versions().filter(status=TemplateStatus.DRAFT)
    url = _url("requirements:template_list")
    return [Card(drafts.count(), _("requirements versions in draft"), url)]


def _register(user) -> list[Card]:
    visible = authorizations.authorizations_visible_to(user)
    return [
        Card(
            visible.filter(status=AuthorizationStatus.ACTIVE).count(),
            _("active AEO authorizations"),
            _url("authorizations:authorization_list", status=AuthorizationStatus.ACTIVE),
        ),
        Card(
            visible.filter(status=AuthorizationStatus.SUSPENDED).count(),
            _("suspended"),
            _url("authorizations:authorization_list", status=AuthorizationStatus.SUSPENDED),
        ),
    ]


QUEUES: dict[str, tuple[Callable[..., list[Card]], ...]] = {
    Role.EXAMINER: (_applications, _reports),
    Role.ACCOUNT_MANAGER: (_reports,),
    Role.COORDINATOR: (_applications, _monitoring),
    Role.POLICY_OFFICER: (_requirements, _register),
    Role.AUDITOR: (_audits, _monitoring),
    Role.BORDER_OFFICER: (_register,),
    Role.OGA_OFFICER: (_register,),
}


def cards_for(user) -> list[Card]:
    return [card for part in QUEUES.get(user.role, ()) for card in part(user)]
