"""The application lifecycle through its services: the transition map, clock, permissions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from aeo.accounts.constants import Role
from aeo.applications import services
from aeo.applications.constants import WORKFLOW, ApplicationEventType, State, Track
from aeo.applications.models import Application, ApplicationEvent
from aeo.applications.tests.helpers import (
    complete_self_assessment,
    submitted_application,
    tokyo_examiner,
    trader_in_tokyo,
)
from aeo.authorizations.models import Authorization
from aeo.core.errors import DomainError, InvalidTransition
from aeo.core.now import today
from aeo.notifications.models import Notification
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import UserFactory
from aeo.requirements import services as requirement_services

pytestmark = pytest.mark.django_db


def tomorrow() -> datetime.date:
    return today() + datetime.timedelta(days=1)


def act(name: str, actor, application):
    """Call one move with valid arguments."""
    calls = {
        "submit": lambda: services.submit_application(actor=actor, application=application),
        "accept": lambda: services.accept_application(actor=actor, application=application),
        "return": lambda: services.return_application(
            actor=actor, application=application, comment="Missing evidence"
        ),
        "pause": lambda: services.request_information(
            actor=actor,
            application=application,
            request="Send the audit report",
            resume_by=tomorrow(),
        ),
        "respond": lambda: services.respond_to_request(
            actor=actor, application=application, response="Attached"
        ),
        "visit": lambda: services.record_validation_visit(
            actor=actor,
            application=application,
            visited_on=today(),
            findings="Premises secure",
            satisfactory=True,
        ),
        "authorize": lambda: services.decide_application(
            actor=actor, application=application, outcome="authorized"
        ),
        "refuse": lambda: services.decide_application(
            actor=actor,
            application=application,
            outcome="refused",
            reasons=["security"],
            text="Fencing insufficient",
        ),
        "withdraw": lambda: services.withdraw_application(actor=actor, application=application),
    }
    return calls[name]()


_E = ApplicationEventType
MOVE_EVENT = {
    "submit": _E.SUBMITTED,
    "accept": _E.ACCEPTED,
    "return": _E.RETURNED,
    "pause": _E.INFORMATION_REQUESTED,
    "respond": _E.INFORMATION_PROVIDED,
    "visit": _E.VISIT_RECORDED,
    "authorize": _E.AUTHORIZED,
    "refuse": _E.REFUSED,
    "withdraw": _E.WITHDRAWN,
}
TRADER_MOVES = {"submit", "respond", "withdraw"}


@pytest.fixture
def trader():
    return trader_in_tokyo()


@pytest.fixture
def examiner():
    return tokyo_examiner()


def test_full_journey_with_pause_extension_and_authorization(trader, examiner):
    application = submitted_application(trader)
    assert application.state == State.SUBMITTED
    assert application.office.code == "TOKYO"
    assert application.track == Track.SME_EXPEDITED
    assert application.check_sheet.content["answers"]
    for name, actor in [
        ("accept", examiner),
        ("pause", examiner),
        ("respond", trader),
        ("visit", examiner),
    ]:
        application = act(name, actor, application)
    services.extend_deadline(actor=examiner, application=application, reason="Complex case")
    application = act("authorize", examiner, application)
    assert application.state == State.AUTHORIZED
    assert application.closed_at is not None
    authorization = Authorization.objects.get(operator=application.operator)
    assert authorization.aeo_number.startswith("JP-")
    actions = list(application.events.values_list("event", flat=True))
    assert actions == [
        "created",
        "submitted",
        "accepted",
        "information_requested",
        "information_provided",
        "validation_visit_recorded",
        "deadline_extended",
        "decided_authorized",
    ]
    clock = application.clock()
    assert clock is not None and clock.target_business_days == 60 + 30
    assert Notification.objects.filter(user=trader).count() >= 4
    assert Notification.objects.filter(user=examiner).exists()


# The complement of the map (pinned in test_maps.py): every move from a state it does not
# start from.
ILLEGAL = [
    (state, move)
    for state in State
    for move, event in sorted(MOVE_EVENT.items())
    if state not in WORKFLOW.moves[event].sources
]


@pytest.mark.parametrize(("state", "move"), ILLEGAL)
def test_every_move_outside_the_map_is_refused(trader, examiner, state, move):
    application = services.create_application(actor=trader)
    Application.objects.filter(pk=application.pk).update(state=state, accepted_on=today())
    application.refresh_from_db()
    actor = trader if move in TRADER_MOVES else examiner
    events = ApplicationEvent.objects.count()
    with pytest.raises(InvalidTransition):
        act(move, actor, application)
    application.refresh_from_db()
    assert application.state == state
    assert ApplicationEvent.objects.count() == events


def test_submitting_an_incomplete_self_assessment_is_refused(trader):
    application = services.create_application(actor=trader)
    with pytest.raises(DomainError, match="gap"):
        services.submit_application(actor=trader, application=application)
    application.refresh_from_db()
    assert application.state == State.DRAFT


def test_deciding_without_a_visit_and_bad_dates_are_refused(trader, examiner):
    application = act("accept", examiner, submitted_application(trader))
    with pytest.raises(InvalidTransition, match="validation visit"):
        act("authorize", examiner, application)
    with pytest.raises(DomainError) as exc:
        services.request_information(
            actor=examiner,
            application=application,
            request="x",
            resume_by=today() - datetime.timedelta(days=1),
        )
    assert exc.value.field == "resume_by"
    with pytest.raises(DomainError) as exc:
        services.record_validation_visit(
            actor=examiner,
            application=application,
            visited_on=tomorrow(),
            findings="x",
            satisfactory=True,
        )
    assert exc.value.field == "visited_on"
    assert not Authorization.objects.exists()


def test_refusal_needs_reason_codes_and_text(trader, examiner):
    application = act("visit", examiner, act("accept", examiner, submitted_application(trader)))
    with pytest.raises(DomainError) as exc:
        services.decide_application(
            actor=examiner, application=application, outcome="refused", text="No"
        )
    assert exc.value.field == "reasons"
    application = act("refuse", examiner, application)
    assert application.refusal_reasons == ["security"]
    assert not Authorization.objects.exists()


def test_stale_version_is_a_conflict_and_a_second_decision_is_refused(trader, examiner):
    application = act("visit", examiner, act("accept", examiner, submitted_application(trader)))
    version = application.version
    services.decide_application(
        actor=examiner, application=application, outcome="authorized", version=version
    )
    other = tokyo_examiner()
    with pytest.raises(DomainError) as exc:
        services.decide_application(
            actor=other,
            application=application,
            outcome="refused",
            reasons=["other"],
            text="x",
            version=version,
        )
    assert exc.value.status_code == 409
    with pytest.raises(InvalidTransition):
        services.decide_application(actor=other, application=application, outcome="authorized")
    assert Authorization.objects.count() == 1


def test_only_the_routed_unit_the_aeo_center_and_the_applicant_may_act(trader, examiner):
    application = submitted_application(trader)
    osaka = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="OSAKA"))
    with pytest.raises(PermissionDenied):
        services.accept_application(actor=osaka, application=application)
    with pytest.raises(PermissionDenied):
        services.accept_application(actor=trader, application=application)
    stranger = trader_in_tokyo()
    with pytest.raises(PermissionDenied):
        services.withdraw_application(actor=stranger, application=application)
    center = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="AEOC"))
    assert services.accept_application(actor=center, application=application).state == (
        State.UNDER_EXAMINATION
    )


def test_large_operators_get_the_standard_track(examiner):
    trader = trader_in_tokyo(employees=5000)
    application = act("accept", examiner, submitted_application(trader))
    assert application.track == Track.STANDARD
    assert application.clock().target_business_days == 90


def test_one_application_in_progress_at_a_time(trader):
    services.create_application(actor=trader)
    with pytest.raises(DomainError, match="in progress"):
        services.create_application(actor=trader)


def test_returned_application_reopens_the_check_sheet_and_can_be_resubmitted(trader, examiner):
    application = act("return", examiner, submitted_application(trader))
    application.self_assessment.refresh_from_db()
    assert application.self_assessment.status == "draft"
    complete_self_assessment(trader, application.self_assessment)
    assert act("submit", trader, application).state == State.SUBMITTED


def test_paused_application_past_its_respond_by_date_lapses(trader, examiner):
    application = act("pause", examiner, act("accept", examiner, submitted_application(trader)))
    application.pauses.update(resume_by=today() - datetime.timedelta(days=1))
    call_command("clock_tick")
    application.refresh_from_db()
    assert application.state == State.LAPSED
    assert application.events.last().actor is None
    assert Notification.objects.filter(user=trader, subject_key__icontains="lapsed").exists()


def test_consultation_assigns_an_account_manager_who_keeps_the_operator(trader):
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="TOKYO"))
    UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="OSAKA"))
    consultation = services.request_consultation(actor=trader, subject="How do SMEs qualify?")
    assert consultation.account_manager == manager
    assert Notification.objects.filter(user=manager).exists()
    application = submitted_application(trader)
    from aeo.applications.selectors import applications_visible_to

    assert list(applications_visible_to(manager)) == [application]


def test_a_pause_reopens_the_check_sheet_and_the_response_refreezes_it(trader, examiner):
    application = act("pause", examiner, act("accept", examiner, submitted_application(trader)))
    sheet = application.self_assessment
    sheet.refresh_from_db()
    assert sheet.status == "draft"  # the trader can attach what was asked for
    application = act("respond", trader, application)
    sheet.refresh_from_db()
    assert sheet.status == "submitted"
    assert application.check_sheet.content["answers"]


def test_no_visit_while_paused_and_no_second_check_sheet_while_applying(trader, examiner):
    application = act("pause", examiner, act("accept", examiner, submitted_application(trader)))
    with pytest.raises(InvalidTransition):
        act("visit", examiner, application)
    application = act("respond", trader, application)
    with pytest.raises(DomainError, match="application in progress"):
        requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    # so that customs can still return the application and reopen its check sheet
    application = act("pause", examiner, application)
    assert application.state == State.PAUSED


def test_an_aeo_applies_again_only_for_roles_it_does_not_hold(examiner):
    trader = trader_in_tokyo(roles=("importer", "exporter"))
    application = services.create_application(actor=trader, roles=["importer"])
    complete_self_assessment(trader, application.self_assessment)
    application = services.submit_application(actor=trader, application=application)
    for name in ("accept", "visit", "authorize"):
        application = act(name, examiner, application)
    second = services.create_application(actor=trader)
    assert second.roles == ["exporter"]
    services.withdraw_application(actor=trader, application=second)
    with pytest.raises(DomainError, match="already holds"):
        services.create_application(actor=trader, roles=["importer"])
