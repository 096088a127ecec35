"""Every change to a consultation or an application: one function per move, audited.

Moves go through `aeo.core.workflow.transition` with the maps in `constants.py`; a service
checks its input, then applies the event.
"""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.models import User
from aeo.applications import selectors
from aeo.applications.constants import (
    CONSULTATION_WORKFLOW,
    OPEN_STATES,
    WORKFLOW,
    ApplicationEventType,
    ConsultationEventType,
    Outcome,
    RefusalReason,
    State,
    Track,
)
from aeo.applications.models import (
    STORED_CLOCK,
    Application,
    ClockPause,
    Consultation,
    SubmittedCheckSheet,
    ValidationVisit,
)
from aeo.authorizations import selectors as authorization_selectors
from aeo.authorizations import services as authorization_services
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now, today
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OfficeKind
from aeo.registry.models import CustomsOffice, Operator
from aeo.requirements import services as requirement_services
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.services import contacts as supervision_services


def store_clock(application: Application, on: date | None = None) -> Application:
    """Store the application's clock as of `on` (today) after an event that changed it."""
    fields = application.stored_clock(on)
    for name, value in fields.items():
        setattr(application, name, value)
    Application.objects.filter(pk=application.pk).update(**fields)  # not a move: no version
    return application


def refresh_clocks(*, on: date | None = None, batch: int = 1000, unstored: bool = False) -> int:
    """Store every running clock as of `on` (the daily tick): elapsed days move on, and the
    due date of a paused application with them; `unstored`: also every accepted application
    whose clock was never stored (rows written in bulk). Returns the number of rows written."""
    on = on or today()
    written = 0
    stale = Application.objects.clocked().exclude(clock_read_on=on)
    if unstored:
        stale = stale | Application.objects.filter(
            accepted_on__isnull=False, clock_read_on__isnull=True
        )
    stale = stale.order_by("pk")
    last = 0
    while True:
        rows = list(stale.filter(pk__gt=last).prefetch_related("pauses")[:batch])
        if not rows:
            return written
        for application in rows:
            for name, value in application.stored_clock(on).items():
                setattr(application, name, value)
        written += Application.objects.bulk_update(rows, STORED_CLOCK)
        last = rows[-1].pk


def _required(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(message, field=field, code="required")
    return value.strip()


def _tell_trader(application: Application, message: Message) -> None:
    notify(users=selectors.traders_of(application), message=message, url=_url(application))


def _tell_unit(application: Application, message: Message) -> None:
    users = [*selectors.examiners_of(application), current_account_manager(application.operator)]
    notify(users=users, message=message, url=_url(application))


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
        raise Conflict(_("No AEO unit is set up for this operator's economy."), code="no_unit")
    return center


# --- Prior consultations -----------------------------------------------------------------


@transaction.atomic
def request_consultation(
    *, actor: User, subject: str, message: str = "", preferred_date: date | None = None
) -> Consultation:
    if not actor.is_trader:
        raise PermissionDenied(_("Only a trader asks for a prior consultation."))
    subject = _required(subject, "subject", _("Say what you would like to discuss."))
    if preferred_date is not None and preferred_date < today():
        raise DomainError(
            _("The preferred date is in the past."), field="preferred_date", code="past_date"
        )
    operator = actor.operator
    assert operator is not None
    manager = supervision_services.ensure_account_manager(actor=actor, operator=operator)
    consultation = Consultation.objects.create(
        operator=operator,
        requested_by=actor,
        subject=subject,
        message=message,
        preferred_date=preferred_date,
        account_manager=manager,
    )
    open_history(
        actor=actor,
        obj=consultation,
        workflow=CONSULTATION_WORKFLOW,
        event=ConsultationEventType.REQUESTED,
        comment=message,
    )
    notify(
        users=[manager],
        message=Message(
            gettext_noop("Prior consultation requested by %(operator)s"),
            gettext_noop("%(subject)s\n\n%(message)s"),
            {"operator": operator.legal_name, "subject": subject, "message": message},
        ),
        url=_consultation_url(consultation),
    )
    return consultation


def _consultation_url(consultation: Consultation) -> str:
    return reverse("applications:consultation_detail", args=[consultation.pk])


def _tell_requester(consultation: Consultation, message: Message) -> None:
    notify(users=[consultation.requested_by], message=message, url=_consultation_url(consultation))


@transaction.atomic
def schedule_consultation(
    *,
    actor: User,
    consultation: Consultation,
    at: datetime,
    comment: str = "",
    version: int | None = None,
) -> Consultation:
    if at < now():
        raise DomainError(_("The meeting time is in the past."), field="at", code="past_date")
    consultation = transition(
        actor=actor,
        obj=consultation,
        workflow=CONSULTATION_WORKFLOW,
        event=ConsultationEventType.SCHEDULED,
        version=version,
        fields={"scheduled_for": at},
        comment=comment,
        data={"at": at.isoformat()},
    )
    _tell_requester(
        consultation,
        Message(
            gettext_noop("Your prior consultation is scheduled"),
            gettext_noop("%(subject)s: %(at)s\n\n%(comment)s"),
            {"subject": consultation.subject, "at": f"{at:%Y-%m-%d %H:%M}", "comment": comment},
        ),
    )
    return consultation


@transaction.atomic
def record_consultation_held(
    *, actor: User, consultation: Consultation, outcome: str, version: int | None = None
) -> Consultation:
    outcome = _required(outcome, "outcome", _("Record what was discussed and advised."))
    return transition(
        actor=actor,
        obj=consultation,
        workflow=CONSULTATION_WORKFLOW,
        event=ConsultationEventType.HELD,
        version=version,
        fields={"outcome": outcome},
        comment=outcome,
    )


@transaction.atomic
def close_consultation(
    *, actor: User, consultation: Consultation, comment: str = "", version: int | None = None
) -> Consultation:
    consultation = transition(
        actor=actor,
        obj=consultation,
        workflow=CONSULTATION_WORKFLOW,
        event=ConsultationEventType.CLOSED,
        version=version,
        comment=comment,
    )
    _tell_requester(
        consultation,
        Message(
            gettext_noop("Your prior consultation is closed"),
            gettext_noop("%(subject)s\n\n%(comment)s"),
            {"subject": consultation.subject, "comment": comment},
        ),
    )
    return consultation


# --- Applications ------------------------------------------------------------------------


@transaction.atomic
def create_application(*, actor: User, roles: list[str] | None = None) -> Application:
    """Open a draft application for the trader's operator, on its current self-assessment."""
    if not actor.has_perm("applications.create_application"):
        raise PermissionDenied
    assert actor.operator_id is not None
    # Locked so that a double submission cannot open two applications at once.
    operator = Operator.objects.select_for_update().get(pk=actor.operator_id)
    if Application.objects.filter(operator=operator, state__in=OPEN_STATES).exists():
        raise Conflict(
            _("Your company already has an application in progress."),
            code="application_in_progress",
        )
    barred_until = authorization_selectors.reapplication_barred_until(operator)
    if barred_until is not None:
        raise Conflict(
            _(
                "Your company's AEO authorization was revoked: a new application is possible "
                "from %(day)s (three years after the revocation)."
            )
            % {"day": barred_until.isoformat()},
            code="reapplication_barred",
        )
    held = set(operator.role_codes)
    authorized = {a.aeo_type for a in authorization_selectors.active_for_operator(operator)}
    types = {r: registry_selectors.type_for_role(operator.economy_id, r) for r in held}
    # By default: every role whose AEO type the operator does not hold yet.
    open_roles = {r for r, code in types.items() if code and code not in authorized}
    untyped = {r for r, code in types.items() if code is None}
    chosen = sorted(set(roles or open_roles))
    if set(chosen) & untyped or (not chosen and held == untyped):
        raise DomainError(
            _("The AEO programme has no type for these roles of your company."),
            field="roles",
            code="no_aeo_type_for_role",
        )
    if not chosen:
        raise Conflict(
            _("Your company already holds AEO status for all its roles."),
            field="roles",
            code="already_authorized",
        )
    if not set(chosen) <= held:
        raise DomainError(
            _("Apply for roles your company holds in the registry."),
            field="roles",
            code="role_not_held",
        )
    if not set(chosen) <= open_roles:
        raise Conflict(
            _("Your company already holds AEO status for some of these roles."),
            field="roles",
            code="already_authorized",
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
    open_history(
        actor=actor, obj=application, workflow=WORKFLOW, event=ApplicationEventType.CREATED
    )
    return application


def _freeze_check_sheet(actor: User, application: Application) -> dict[str, Any]:
    """Freeze the check sheet into the next immutable copy; the event's data names it."""
    content = requirement_services.freeze(actor=actor, self_assessment=application.self_assessment)
    number = application.check_sheets.count() + 1
    SubmittedCheckSheet.objects.create(application=application, number=number, content=content)
    return {"check_sheet_version": number}


@transaction.atomic
def submit_application(
    *, actor: User, application: Application, version: int | None = None
) -> Application:
    application = WORKFLOW.lock(application, version)
    refusal = WORKFLOW.refusal(application, ApplicationEventType.SUBMITTED, actor)
    if refusal is not None:
        raise refusal
    data = _freeze_check_sheet(actor, application)
    supervision_services.ensure_account_manager(actor=actor, operator=application.operator)
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.SUBMITTED,
        data=data,
    )
    _tell_unit(
        application,
        Message(
            gettext_noop("New AEO application from %(operator)s"),
            params={"operator": application.operator.legal_name},
        ),
    )
    return application


@transaction.atomic
def accept_application(
    *, actor: User, application: Application, comment: str = "", version: int | None = None
) -> Application:
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.ACCEPTED,
        version=version,
        fields={"accepted_on": today(), **application.clock_parameters()},
        comment=comment,
    )
    store_clock(application)
    reading = application.clock()
    assert reading is not None
    _tell_trader(
        application,
        Message(
            gettext_noop("Your AEO application was accepted for examination"),
            gettext_noop("Decision due by %(due)s."),
            {"due": reading.due_date.isoformat()},
        ),
    )
    return application


@transaction.atomic
def return_application(
    *, actor: User, application: Application, comment: str, version: int | None = None
) -> Application:
    comment = _required(comment, "comment", _("Say what is missing."))
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.RETURNED,
        version=version,
        comment=comment,
    )
    requirement_services.reopen(
        actor=actor, self_assessment=application.self_assessment, reason=comment
    )
    _tell_trader(
        application,
        Message(
            gettext_noop("Your AEO application was returned as incomplete"),
            gettext_noop("%(comment)s"),
            {"comment": comment},
        ),
    )
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
    request = _required(request, "request", _("Say what information is needed."))
    if resume_by <= today():
        raise DomainError(
            _("The respond-by date must be in the future."), field="resume_by", code="past_date"
        )
    resume_state = application.state
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.INFORMATION_REQUESTED,
        version=version,
        comment=request,
        data={"resume_by": resume_by.isoformat()},
    )
    ClockPause.objects.create(
        application=application,
        started_on=today(),
        resume_by=resume_by,
        resume_state=resume_state,
        request=request,
        requested_by=actor,
    )
    store_clock(application)
    # The trader may need to correct answers or attach documents before responding.
    requirement_services.reopen(
        actor=actor, self_assessment=application.self_assessment, reason=request
    )
    _tell_trader(
        application,
        Message(
            gettext_noop("Customs needs more information on your AEO application"),
            gettext_noop(
                "%(request)s\n\nPlease respond by %(resume_by)s; you can update your check "
                "sheet and attach documents meanwhile. The clock is paused until you respond."
            ),
            {"request": request, "resume_by": resume_by.isoformat()},
        ),
    )
    return application


def _end_open_pause(application: Application, **fields: Any) -> None:
    pause = application.pauses.get(ended_on__isnull=True)
    for name, value in {"ended_on": today(), **fields}.items():
        setattr(pause, name, value)
    pause.save()


@transaction.atomic
def respond_to_request(
    *, actor: User, application: Application, response: str, version: int | None = None
) -> Application:
    response = _required(response, "response", _("Enter your response."))
    application = WORKFLOW.lock(application, version)
    refusal = WORKFLOW.refusal(application, ApplicationEventType.INFORMATION_PROVIDED, actor)
    if refusal is not None:
        raise refusal
    resume_state = application.pauses.get(ended_on__isnull=True).resume_state
    data = _freeze_check_sheet(actor, application)
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.INFORMATION_PROVIDED,
        to=resume_state,
        comment=response,
        data=data,
    )
    _end_open_pause(application, response=response, responded_by=actor)
    store_clock(application)
    _tell_unit(
        application,
        Message(
            gettext_noop("%(operator)s responded to your request"),
            params={"operator": application.operator.legal_name},
        ),
    )
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
    if visited_on > today():
        raise DomainError(
            _("A visit is recorded once it has taken place."),
            field="visited_on",
            code="future_date",
        )
    findings = _required(findings, "findings", _("Record the findings of the visit."))
    if application.accepted_on and visited_on < application.accepted_on:
        raise DomainError(
            _("The visit date is before the application was accepted."),
            field="visited_on",
            code="before_acceptance",
        )
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.VISIT_RECORDED,
        version=version,
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
    """Extend the decision target once (by the frozen extension, 30 business days)."""
    reason = _required(reason, "reason", _("Give the reason for the extension."))
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.DEADLINE_EXTENDED,
        version=version,
        fields={"extended": True},
        comment=reason,
    )
    store_clock(application)
    reading = application.clock()
    assert reading is not None
    _tell_trader(
        application,
        Message(
            gettext_noop("The decision deadline on your AEO application was extended"),
            gettext_noop("%(reason)s\n\nNew due date: %(due)s."),
            {"reason": reason, "due": reading.due_date.isoformat()},
        ),
    )
    return application


DECISIONS = {
    Outcome.AUTHORIZED: ApplicationEventType.AUTHORIZED,
    Outcome.REFUSED: ApplicationEventType.REFUSED,
}


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
    reasons = sorted(set(reasons or []))
    if outcome not in DECISIONS:
        raise DomainError(_("Unknown outcome."), field="outcome", code="unknown_choice")
    if outcome == Outcome.REFUSED:
        if not reasons or set(reasons) - set(RefusalReason.values):
            raise DomainError(
                _("Give one or more known reason codes for a refusal."),
                field="reasons",
                code="unknown_choice",
            )
        _required(text, "text", _("Explain the refusal to the applicant."))
    else:
        reasons = []
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=DECISIONS[Outcome(outcome)],
        version=version,
        fields={"refusal_reasons": reasons, "decision_text": text, "closed_at": now()},
        comment=text,
        data={"reasons": reasons},
    )
    store_clock(application)
    if outcome == Outcome.AUTHORIZED:
        issued = authorization_services.issue_authorizations(
            actor=actor,
            operator=application.operator,
            roles=application.roles,
            application_id=application.pk,
        )
        _tell_trader(
            application,
            Message(
                gettext_noop("Your company is now an Authorized Economic Operator"),
                gettext_noop("AEO number(s): %(numbers)s."),
                {"numbers": ", ".join(a.aeo_number for a in issued)},
            ),
        )
    else:
        _tell_trader(
            application,
            Message(
                gettext_noop("Your AEO application was refused"),
                gettext_noop("%(text)s"),
                {"text": text},
            ),
        )
    return application


@transaction.atomic
def withdraw_application(
    *, actor: User, application: Application, comment: str = "", version: int | None = None
) -> Application:
    application = transition(
        actor=actor,
        obj=application,
        workflow=WORKFLOW,
        event=ApplicationEventType.WITHDRAWN,
        version=version,
        fields={"closed_at": now()},
        comment=comment,
    )
    if application.pauses.filter(ended_on__isnull=True).exists():
        _end_open_pause(application)
    store_clock(application)
    _tell_unit(
        application,
        Message(
            gettext_noop("%(operator)s withdrew its application"),
            params={"operator": application.operator.legal_name},
        ),
    )
    return application


def lapse_expired_pauses(*, on: date | None = None) -> int:
    """Paused applications whose respond-by date has passed lapse (run daily)."""
    on = on or today()
    due = Application.objects.filter(
        state=State.PAUSED, pauses__ended_on__isnull=True, pauses__resume_by__lt=on
    ).distinct()
    lapsed = 0
    for application in due:
        with transaction.atomic():
            if WORKFLOW.refusal(WORKFLOW.lock(application), ApplicationEventType.LAPSED):
                continue  # answered or closed since the query
            application = transition(
                actor=None,
                obj=application,
                workflow=WORKFLOW,
                event=ApplicationEventType.LAPSED,
                fields={"closed_at": now()},
                comment="No response by the agreed date.",
            )
            _end_open_pause(application)
            store_clock(application)
            _tell_trader(
                application,
                Message(
                    gettext_noop("Your AEO application lapsed"),
                    gettext_noop(
                        "No response was received by the agreed date. You may apply again."
                    ),
                ),
            )
            lapsed += 1
    return lapsed
