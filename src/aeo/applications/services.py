"""Every change to a consultation or an application: one function per move, audited.

A move locks the application row, checks the optimistic-locking version when the caller
sends one, checks the move against `TRANSITIONS`, and appends to the application's history.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.models import User
from aeo.applications import selectors
from aeo.applications.constants import (
    CLOCK_STATES,
    FINAL_STATES,
    TRANSITIONS,
    Outcome,
    RefusalReason,
    State,
    Track,
)
from aeo.applications.models import (
    Application,
    ApplicationEvent,
    ClockPause,
    Consultation,
    ValidationVisit,
)
from aeo.authorizations import selectors as authorization_selectors
from aeo.authorizations import services as authorization_services
from aeo.authorizations.constants import ROLE_TO_TYPE
from aeo.core import audit
from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.notifications.services import notify
from aeo.registry.constants import OfficeKind
from aeo.registry.models import CustomsOffice, Operator
from aeo.requirements import services as requirement_services
from aeo.supervision import services as supervision_services
from aeo.supervision.selectors import current_account_manager


def _require(actor: User, perm: str, application: Application | None = None) -> None:
    if not actor.has_perm(perm, application):
        raise PermissionDenied


def _lock(application: Application, version: int | None) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if version is not None and version != locked.version:
        raise Conflict(
            "This application was changed by someone else. Reload it and try again.",
            field="version",
        )
    return locked


def _history(
    *,
    actor: User | None,
    application: Application,
    before: str,
    action: str,
    comment: str,
    data: dict[str, Any] | None,
) -> None:
    application.version += 1
    application.save()
    ApplicationEvent.objects.create(
        application=application,
        actor=actor if actor and actor.pk else None,
        action=action,
        from_state=before,
        to_state=application.state,
        comment=comment,
        data=data or {},
    )
    changed = application.state != before
    audit.record(
        actor=actor,
        action=f"application.{action}",
        obj=application,
        changes={"state": [before, application.state]} if changed else {},
        reason=comment,
    )


def _move(
    *,
    actor: User | None,
    application: Application,
    to: str,
    action: str,
    comment: str = "",
    data: dict[str, Any] | None = None,
) -> Application:
    """Change state if the map allows it, and append the move to the history."""
    before = application.state
    if to not in TRANSITIONS[before]:
        raise InvalidTransition(
            f"An application that is {State(before).label.lower()} cannot become "
            f"{State(to).label.lower()}."
        )
    application.state = to
    if to in FINAL_STATES:
        application.closed_at = timezone.now()
    _history(
        actor=actor,
        application=application,
        before=before,
        action=action,
        comment=comment,
        data=data,
    )
    return application


def _note(*, actor: User, application: Application, action: str, comment: str) -> None:
    """Append an event that changes no state (e.g. an extension)."""
    _history(
        actor=actor,
        application=application,
        before=application.state,
        action=action,
        comment=comment,
        data=None,
    )


def _tell_trader(application: Application, subject: str, body: str = "") -> None:
    users = [*selectors.traders_of(application), current_account_manager(application.operator)]
    notify(users=users, subject=subject, body=body, url=_url(application))


def _tell_unit(application: Application, subject: str, body: str = "") -> None:
    users = [*selectors.examiners_of(application), current_account_manager(application.operator)]
    notify(users=users, subject=subject, body=body, url=_url(application))


def _url(application: Application) -> str:
    return reverse("applications:detail", args=[application.pk])


def _routed_office(operator: Operator) -> CustomsOffice:
    office = operator.office
    if office is not None and office.has_aeo_unit:
        return office
    center = CustomsOffice.objects.filter(
        economy=operator.economy, kind=OfficeKind.AEO_CENTER
    ).first()
    if center is None:
        raise DomainError("No AEO unit is set up for this operator's economy.")
    return center


@transaction.atomic
def request_consultation(
    *, actor: User, subject: str, message: str = "", preferred_date: date | None = None
) -> Consultation:
    if not actor.is_trader:
        raise PermissionDenied("Only a trader asks for a prior consultation.")
    if not subject.strip():
        raise DomainError("Say what you would like to discuss.", field="subject")
    if preferred_date is not None and preferred_date < timezone.localdate():
        raise DomainError("The preferred date is in the past.", field="preferred_date")
    operator = actor.operator
    assert operator is not None
    manager = supervision_services.ensure_account_manager(actor=actor, operator=operator)
    consultation = Consultation.objects.create(
        operator=operator,
        requested_by=actor,
        subject=subject.strip(),
        message=message,
        preferred_date=preferred_date,
        account_manager=manager,
    )
    audit.record(actor=actor, action="consultation.requested", obj=consultation)
    if manager is not None:
        notify(
            users=[manager],
            subject=f"Prior consultation requested by {operator.legal_name}",
            body=f"{consultation.subject}\n\n{message}",
            url=reverse("registry:operator_detail", args=[operator.pk]),
        )
    return consultation


@transaction.atomic
def create_application(*, actor: User, roles: list[str] | None = None) -> Application:
    """Open a draft application for the trader's operator, on its current self-assessment."""
    _require(actor, "applications.create_application")
    assert actor.operator_id is not None
    # Locked so that a double submission cannot open two applications at once.
    operator = Operator.objects.select_for_update().get(pk=actor.operator_id)
    if (
        Application.objects.filter(operator=operator)
        .exclude(state__in=[State.AUTHORIZED, State.REFUSED, State.WITHDRAWN, State.LAPSED])
        .exists()
    ):
        raise DomainError("Your company already has an application in progress.")
    held = set(operator.role_codes)
    authorized = {a.aeo_type for a in authorization_selectors.active_for_operator(operator)}
    # By default: every role whose AEO type the operator does not hold yet.
    open_roles = {r for r in held if ROLE_TO_TYPE[r] not in authorized}
    chosen = sorted(set(roles or open_roles))
    if not chosen:
        raise DomainError("Your company already holds AEO status for all its roles.", field="roles")
    if not set(chosen) <= held:
        raise DomainError("Apply for roles your company holds in the registry.", field="roles")
    if not set(chosen) <= open_roles:
        raise DomainError(
            "Your company already holds AEO status for some of these roles.", field="roles"
        )
    self_assessment = requirement_services.create_self_assessment(actor=actor, operator=operator)
    application = Application.objects.create(
        operator=operator,
        office=_routed_office(operator),
        self_assessment=self_assessment,
        roles=chosen,
        track=Track.SME_EXPEDITED if operator.is_sme else Track.STANDARD,
        created_by=actor,
    )
    ApplicationEvent.objects.create(
        application=application, actor=actor, action="created", to_state=State.DRAFT
    )
    audit.record(actor=actor, action="application.created", obj=application)
    return application


@transaction.atomic
def submit_application(
    *, actor: User, application: Application, version: int | None = None
) -> Application:
    _require(actor, "applications.apply", application)
    application = _lock(application, version)
    if State.SUBMITTED not in TRANSITIONS[application.state]:
        raise InvalidTransition("Only a draft or returned application can be submitted.")
    application.snapshot = requirement_services.freeze(
        actor=actor, self_assessment=application.self_assessment
    )
    supervision_services.ensure_account_manager(actor=actor, operator=application.operator)
    _move(actor=actor, application=application, to=State.SUBMITTED, action="submitted")
    _tell_unit(application, f"New AEO application from {application.operator.legal_name}")
    return application


@transaction.atomic
def accept_application(
    *, actor: User, application: Application, comment: str = "", version: int | None = None
) -> Application:
    _require(actor, "applications.examine", application)
    application = _lock(application, version)
    if application.state != State.SUBMITTED:
        raise InvalidTransition("Only a submitted application can be accepted.")
    application.accepted_on = timezone.localdate()
    _move(
        actor=actor,
        application=application,
        to=State.UNDER_EXAMINATION,
        action="accepted",
        comment=comment,
    )
    reading = application.clock()
    assert reading is not None
    _tell_trader(
        application,
        "Your AEO application was accepted for examination",
        f"Decision due by {reading.due_date:%Y-%m-%d}.",
    )
    return application


@transaction.atomic
def return_application(
    *, actor: User, application: Application, comment: str, version: int | None = None
) -> Application:
    _require(actor, "applications.examine", application)
    if not comment.strip():
        raise DomainError("Say what is missing.", field="comment")
    application = _lock(application, version)
    _move(
        actor=actor, application=application, to=State.RETURNED, action="returned", comment=comment
    )
    requirement_services.reopen(
        actor=actor, self_assessment=application.self_assessment, reason=comment
    )
    _tell_trader(application, "Your AEO application was returned as incomplete", comment)
    return application


@transaction.atomic
def request_information(
    *,
    actor: User,
    application: Application,
    request: str,
    resume_by: date,
    version: int | None = None,
) -> Application:
    _require(actor, "applications.examine", application)
    if not request.strip():
        raise DomainError("Say what information is needed.", field="request")
    if resume_by <= timezone.localdate():
        raise DomainError("The respond-by date must be in the future.", field="resume_by")
    application = _lock(application, version)
    resume_state = application.state
    _move(
        actor=actor,
        application=application,
        to=State.PAUSED,
        action="information_requested",
        comment=request,
        data={"resume_by": resume_by.isoformat()},
    )
    ClockPause.objects.create(
        application=application,
        started_on=timezone.localdate(),
        resume_by=resume_by,
        resume_state=resume_state,
        request=request,
        requested_by=actor,
    )
    # The trader may need to correct answers or attach documents before responding.
    requirement_services.reopen(
        actor=actor, self_assessment=application.self_assessment, reason=request
    )
    _tell_trader(
        application,
        "Customs needs more information on your AEO application",
        f"{request}\n\nPlease respond by {resume_by:%Y-%m-%d}; you can update your check sheet "
        "and attach documents meanwhile. The clock is paused until you respond.",
    )
    return application


def _open_pause(application: Application) -> ClockPause:
    """The one open pause of a paused application."""
    open_pauses = list(application.pauses.filter(ended_on__isnull=True))
    if len(open_pauses) != 1:
        raise InvalidTransition("This application is not waiting for information.")
    return open_pauses[0]


@transaction.atomic
def respond_to_request(
    *, actor: User, application: Application, response: str, version: int | None = None
) -> Application:
    _require(actor, "applications.apply", application)
    if not response.strip():
        raise DomainError("Enter your response.", field="response")
    application = _lock(application, version)
    if application.state != State.PAUSED:
        raise InvalidTransition("This application is not waiting for information.")
    pause = _open_pause(application)
    application.snapshot = requirement_services.freeze(
        actor=actor, self_assessment=application.self_assessment
    )
    pause.response, pause.responded_by, pause.ended_on = response, actor, timezone.localdate()
    pause.save()
    _move(
        actor=actor,
        application=application,
        to=pause.resume_state,
        action="information_provided",
        comment=response,
    )
    _tell_unit(application, f"{application.operator.legal_name} responded to your request")
    return application


@transaction.atomic
def record_validation_visit(
    *,
    actor: User,
    application: Application,
    visited_on: date,
    findings: str,
    satisfactory: bool,
    version: int | None = None,
) -> Application:
    _require(actor, "applications.examine", application)
    if visited_on > timezone.localdate():
        raise DomainError("A visit is recorded once it has taken place.", field="visited_on")
    if not findings.strip():
        raise DomainError("Record the findings of the visit.", field="findings")
    application = _lock(application, version)
    if application.state != State.UNDER_EXAMINATION:
        raise InvalidTransition("A visit is recorded on an application under examination.")
    if application.accepted_on and visited_on < application.accepted_on:
        raise DomainError(
            "The visit date is before the application was accepted.", field="visited_on"
        )
    _move(
        actor=actor,
        application=application,
        to=State.VALIDATED,
        action="validation_visit_recorded",
        comment=findings,
        data={"visited_on": visited_on.isoformat(), "satisfactory": satisfactory},
    )
    ValidationVisit.objects.create(
        application=application,
        visited_on=visited_on,
        examiner=actor,
        findings=findings,
        satisfactory=satisfactory,
    )
    return application


@transaction.atomic
def extend_deadline(
    *, actor: User, application: Application, reason: str, version: int | None = None
) -> Application:
    """Extend the decision target once (by the economy's extension, 30 business days)."""
    _require(actor, "applications.examine", application)
    if not reason.strip():
        raise DomainError("Give the reason for the extension.", field="reason")
    application = _lock(application, version)
    if application.state not in CLOCK_STATES:
        raise InvalidTransition("Only an application under examination can be extended.")
    if application.extended:
        raise DomainError("The deadline has already been extended once.")
    application.extended = True
    _note(actor=actor, application=application, action="deadline_extended", comment=reason)
    reading = application.clock()
    assert reading is not None
    _tell_trader(
        application,
        "The decision deadline on your AEO application was extended",
        f"{reason}\n\nNew due date: {reading.due_date:%Y-%m-%d}.",
    )
    return application


@transaction.atomic
def decide_application(
    *,
    actor: User,
    application: Application,
    outcome: str,
    text: str = "",
    reasons: list[str] | None = None,
    version: int | None = None,
) -> Application:
    _require(actor, "applications.examine", application)
    reasons = sorted(set(reasons or []))
    if outcome not in Outcome.values:
        raise DomainError(f"Unknown outcome {outcome!r}.", field="outcome")
    if outcome == Outcome.REFUSED:
        unknown = set(reasons) - set(RefusalReason.values)
        if not reasons or unknown:
            raise DomainError("Give one or more known reason codes for a refusal.", field="reasons")
        if not text.strip():
            raise DomainError("Explain the refusal to the applicant.", field="text")
    application = _lock(application, version)
    if application.state in (State.UNDER_EXAMINATION, State.PAUSED):
        raise InvalidTransition("Record the validation visit before deciding.")
    application.refusal_reasons = reasons if outcome == Outcome.REFUSED else []
    application.decision_text = text
    _move(
        actor=actor,
        application=application,
        to=outcome,
        action=f"decided_{outcome}",
        comment=text,
        data={"reasons": application.refusal_reasons},
    )
    if outcome == Outcome.AUTHORIZED:
        issued = authorization_services.issue_authorizations(
            actor=actor,
            operator=application.operator,
            roles=application.roles,
            application_id=application.pk,
        )
        numbers = ", ".join(a.aeo_number for a in issued)
        _tell_trader(
            application,
            "Your company is now an Authorized Economic Operator",
            f"AEO number(s): {numbers}.",
        )
    else:
        _tell_trader(application, "Your AEO application was refused", text)
    return application


@transaction.atomic
def withdraw_application(
    *, actor: User, application: Application, comment: str = "", version: int | None = None
) -> Application:
    _require(actor, "applications.apply", application)
    application = _lock(application, version)
    application.pauses.filter(ended_on__isnull=True).update(ended_on=timezone.localdate())
    _move(
        actor=actor,
        application=application,
        to=State.WITHDRAWN,
        action="withdrawn",
        comment=comment,
    )
    _tell_unit(application, f"{application.operator.legal_name} withdrew its application")
    return application


def lapse_expired_pauses(*, today: date | None = None) -> int:
    """Paused applications whose respond-by date has passed lapse (run daily)."""
    today = today or timezone.localdate()
    lapsed = 0
    due = Application.objects.filter(
        state=State.PAUSED, pauses__ended_on__isnull=True, pauses__resume_by__lt=today
    ).distinct()
    for application in due:
        with transaction.atomic():
            locked = _lock(application, None)
            if locked.state != State.PAUSED:
                continue
            locked.pauses.filter(ended_on__isnull=True).update(ended_on=today)
            _move(
                actor=None,
                application=locked,
                to=State.LAPSED,
                action="lapsed",
                comment="No response by the agreed date.",
            )
            _tell_trader(
                locked,
                "Your AEO application lapsed",
                "No response was received by the agreed date. You may apply again.",
            )
            lapsed += 1
    return lapsed
