"""The demo's life after authorization, lived through the services at the dates it happened:
two showcase traders are AEOs (one with a suspended type and its plan of measures, one with
incidents and change notifications awaiting customs), and an operator revoked last year."""

from datetime import timedelta

from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.core.now import today as local_today
from aeo.core.now import travel
from aeo.demo.lifecycle import local_time
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Operator
from aeo.supervision.models import Incident
from aeo.supervision.services import changes, incidents
from aeo.supervision.services.contacts import ensure_account_manager


def build_supervision() -> None:
    if Incident.objects.exists():
        return
    today = local_today()
    coordinator = User.objects.get(username="coordinator")
    manager = User.objects.get(username="manager")
    large = User.objects.get(username="trader.large")
    broker = User.objects.get(username="trader.broker")
    assert large.operator is not None and broker.operator is not None  # traders have one
    with travel(local_time(today - timedelta(days=700), 10)):
        issued = authorization_services.issue_authorizations(
            actor=None,
            operator=large.operator,
            roles=[OperatorRole.EXPORTER, OperatorRole.MANUFACTURER],
        )
        authorization_services.issue_authorizations(
            actor=None, operator=broker.operator, roles=[OperatorRole.CUSTOMS_BROKER]
        )
        for operator in (large.operator, broker.operator):
            ensure_account_manager(actor=None, operator=operator)
    manufacturer = next(a for a in issued if a.aeo_type == "MFR")
    with travel(local_time(today - timedelta(days=20), 14)):
        authorization_services.suspend(
            actor=coordinator,
            authorization=manufacturer,
            ground="conditions",
            remedy_by=today + timedelta(days=40),
            reason="Seal control was not applied at the Nagoya plant's loading bay.",
        )
    with travel(local_time(today - timedelta(days=12), 9)):
        authorization_services.plan_measures(
            actor=large,
            authorization=manufacturer,
            plan=(
                "1. Seal log at the loading bay from next Monday.\n"
                "2. Training of the 14 loading staff within four weeks.\n"
                "3. Internal audit of seal control at the end of the period."
            ),
        )
    with travel(local_time(today - timedelta(days=6), 11)):
        classification = incidents.report_incident(
            actor=broker,
            occurred_at=local_time(today - timedelta(days=7), 16),
            summary="Wrong tariff classification on two import declarations",
            details="Heading 8471 declared instead of 8473 for computer parts.",
            declarations="100-2026-118804\n100-2026-118877",
            actions_taken="Amendments lodged; the classification checklist was updated.",
        )
    with travel(local_time(today - timedelta(days=5), 10)):
        incidents.acknowledge_incident(
            actor=manager, incident=classification, comment="Thank you; we will assess it."
        )
    with travel(local_time(today - timedelta(days=1), 15)):
        incidents.report_incident(
            actor=broker,
            occurred_at=local_time(today - timedelta(days=1), 8),
            summary="Container seal number did not match the manifest at Honmoku",
            declarations="MSKU 123456-7",
            actions_taken="The container was held and the carrier asked for an explanation.",
        )
        changes.notify_change(
            actor=broker,
            category="employees",
            description="Two branch offices taken over from a partner broker.",
            effective_on=today - timedelta(days=3),
            new_value=350,
        )
    with travel(local_time(today - timedelta(days=30), 10)):
        premises = changes.notify_change(
            actor=broker,
            category="premises",
            description="New bonded shed at Daikoku pier, with CCTV and access control.",
            effective_on=today - timedelta(days=45),
        )
    with travel(local_time(today - timedelta(days=28), 10)):
        changes.confirm_change(actor=manager, notification=premises, comment="Visited; fine.")
    _revoked_last_year(coordinator, today)


def _revoked_last_year(coordinator: User, today) -> None:
    operator = (
        Operator.objects.filter(region__office__code="OSAKA", users__isnull=True)
        .order_by("tin")
        .first()
    )
    if operator is None or not registry_selectors.admitted_roles(operator):
        return
    with travel(local_time(today - timedelta(days=900), 10)):
        (authorization,) = authorization_services.issue_authorizations(
            actor=None, operator=operator, roles=registry_selectors.admitted_roles(operator)[:1]
        )
    with travel(local_time(today - timedelta(days=200), 10)):
        authorization_services.revoke(
            actor=coordinator,
            authorization=authorization,
            reason="Repeated false declarations of origin established by the investigation.",
        )
