"""The demo grown to the size of a large administration's programme, for benchmarks and for
trying the pages: ~100,000 operators, 20,000 applications, 10,000 authorizations, and a partner
administration's 20,000 AEOs as its exchange would have sent them (what verification reads).

Built through bulk paths (`bulk_create` in batches, one transaction per table) rather than the
services, so it takes minutes, not hours: it writes the rows the services would leave behind
(operators with roles, self-assessments, applications in every stage with their frozen clock
parameters and pauses, authorizations with numbers from the counters) but no history, audit
or notification rows. The stored clocks are then written as the daily tick writes them.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import services as application_services
from aeo.applications.constants import CLOCK_STATES, State, Track
from aeo.applications.models import Application, ClockPause
from aeo.authorizations.constants import AuthorizationStatus
from aeo.authorizations.models import AEONumberCounter, Authorization
from aeo.core.business_days import add_business_days
from aeo.core.now import now, today
from aeo.mra.constants import VerifiedStatus
from aeo.mra.models import Partner, PartnerAEO
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Economy, Operator, OperatorRoleAssignment, Region
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements.constants import AssessmentStatus
from aeo.requirements.models import SelfAssessment

BATCH = 2000
# Applications by final or current state (weights), as a programme years after its launch.
APPLICATION_STATES = [
    (State.AUTHORIZED, 40),
    (State.REFUSED, 6),
    (State.WITHDRAWN, 8),
    (State.LAPSED, 2),
    (State.UNDER_EXAMINATION, 14),
    (State.PAUSED, 4),
    (State.VALIDATED, 4),
    (State.SUBMITTED, 2),
    (State.DRAFT, 2),
]


def build_large(
    *,
    seed: int = 2026,
    operators: int = 100_000,
    applications: int = 20_000,
    authorizations: int = 10_000,
    partner_aeos: int = 20_000,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Add operators, applications, authorizations and partner AEOs until there are about as
    many as asked (a second run adds nothing). Needs the ordinary demo built first."""
    from aeo.demo.builder import _operator_spec

    rng = random.Random(seed + 1)
    japan = Economy.objects.get(code="JP")
    regions = list(Region.objects.filter(economy=japan).select_related("office").order_by("code"))
    examiner = User.objects.get(username="examiner", role=Role.EXAMINER)
    added = {"operators": 0, "applications": 0, "authorizations": 0, "partner_aeos": 0}

    missing = operators - Operator.objects.count()
    if missing > 0:
        known = set(Operator.objects.values_list("tin", flat=True))
        with transaction.atomic():
            while missing > 0:
                specs = []
                for _ in range(min(BATCH, missing)):
                    spec = _operator_spec(rng, regions)
                    if spec["tin"] in known:
                        continue
                    known.add(spec["tin"])
                    specs.append(spec)
                rows = Operator.objects.bulk_create(
                    [
                        Operator(economy=japan, **{k: v for k, v in s.items() if k != "roles"})
                        for s in specs
                    ]
                )
                OperatorRoleAssignment.objects.bulk_create(
                    [
                        OperatorRoleAssignment(operator=op, role=role)
                        for op, spec in zip(rows, specs, strict=True)
                        for role in spec["roles"]
                    ]
                )
                missing -= len(rows)
                added["operators"] += len(rows)
                progress(f"operators: {added['operators']}")

    pool = list(
        Operator.objects.filter(applications__isnull=True, users__isnull=True)
        .select_related("region__office")
        .prefetch_related("roles")
        .order_by("pk")
    )
    rng.shuffle(pool)
    wanted = max(0, applications - Application.objects.count())
    template = requirement_selectors.current_template()
    assert template is not None, "build the ordinary demo first"
    today_ = today()
    states, weights = zip(*APPLICATION_STATES, strict=True)
    authorized: list[tuple[Operator, Application]] = []
    with transaction.atomic():
        for start in range(0, min(wanted, len(pool)), BATCH):
            chunk = pool[start : min(start + BATCH, wanted)]
            # Each application's dates agree with its clock: opened (and its check sheet
            # filled and submitted) some days before it was accepted, never "today" for an
            # application whose clock has run for months.
            plans = []
            for _op in chunk:
                state = rng.choices(states, weights)[0]
                accepted = today_ - timedelta(
                    days=rng.randint(2, 400 if state in CLOCK_STATES else 900)
                )
                clocked = state not in (State.DRAFT, State.SUBMITTED)
                opened = (
                    accepted - timedelta(days=rng.randint(3, 30))
                    if clocked
                    else today_ - timedelta(days=rng.randint(0, 20))
                )
                plans.append((state, accepted, clocked, _at(opened, 9)))
            sheets = SelfAssessment.objects.bulk_create(
                [
                    SelfAssessment(
                        operator=op,
                        template=template,
                        status=AssessmentStatus.SUBMITTED,
                        created_by=examiner,
                        created_at=opened_at,
                        submitted_at=opened_at + timedelta(hours=2),
                    )
                    for op, (_s, _a, _c, opened_at) in zip(chunk, plans, strict=True)
                ]
            )
            apps, pauses = [], []
            for op, sheet, plan in zip(chunk, sheets, plans, strict=True):
                state, accepted, clocked, opened_at = plan
                sme = op.employee_count <= japan.effective_sme_cap
                app = Application(
                    operator=op,
                    office=op.region.office if op.region else regions[0].office,
                    self_assessment=sheet,
                    roles=op.role_codes,
                    state=state,
                    track=Track.SME_EXPEDITED if sme else Track.STANDARD,
                    accepted_on=accepted if clocked else None,
                    clock_calendar=japan.calendar_code if clocked else "",
                    clock_business_days=(
                        (japan.sme_decision_business_days if sme else japan.decision_business_days)
                        if clocked
                        else None
                    ),
                    clock_extension_days=japan.extension_business_days if clocked else None,
                    extended=clocked and rng.random() < 0.1,
                    created_by=examiner,
                    created_at=opened_at,
                )
                if clocked and state not in CLOCK_STATES:
                    decided = add_business_days(app.clock_calendar, accepted, rng.randint(20, 110))
                    app.closed_at = now() - timedelta(days=max(0, (today_ - decided).days))
                apps.append(app)
            apps = Application.objects.bulk_create(apps)
            for app in apps:
                started = app.accepted_on or today_
                if app.state == State.PAUSED:
                    begun = max(started, today_ - timedelta(days=rng.randint(1, 20)))
                    pauses.append(_pause(app, examiner, begun))
                elif app.state in CLOCK_STATES and rng.random() < 0.3:
                    begun = started + timedelta(days=rng.randint(1, 30))
                    pause = _pause(app, examiner, begun)
                    pause.ended_on = min(today_, begun + timedelta(days=rng.randint(3, 25)))
                    pauses.append(pause)
                if app.state == State.AUTHORIZED:
                    authorized.append((app.operator, app))
            ClockPause.objects.bulk_create(pauses)
            added["applications"] += len(apps)
            progress(f"applications: {added['applications']}")

    wanted = max(0, authorizations - Authorization.objects.count())
    counters: dict[str, int] = {
        c.aeo_type: c.last_value for c in AEONumberCounter.objects.filter(economy=japan)
    }
    issued: list[Authorization] = []
    for operator, app in authorized:
        types = {registry_selectors.type_for_role(japan.code, r) for r in app.roles}
        for aeo_type in sorted(t for t in types if t):  # roles no type admits: none
            if len(issued) >= wanted:
                break
            counters[aeo_type] = counters.get(aeo_type, 0) + 1
            issued.append(
                Authorization(
                    # as authorizations.numbering formats them (the test issues one after)
                    aeo_number=f"{japan.code}-{aeo_type}-{counters[aeo_type]:06d}",
                    operator=operator,
                    aeo_type=aeo_type,
                    status=AuthorizationStatus.ACTIVE,
                    valid_from=app.closed_at.date() if app.closed_at else today_,
                    application_id=app.pk,
                    issued_at=app.closed_at or now(),
                )
            )
    with transaction.atomic():
        Authorization.objects.bulk_create(issued, batch_size=BATCH)
        for code, last in counters.items():
            AEONumberCounter.objects.update_or_create(
                economy=japan, aeo_type=code, defaults={"last_value": last}
            )
    added["authorizations"] = len(issued)
    progress(f"authorizations: {len(issued)}")
    added["partner_aeos"] = _partner_aeos(rng, partner_aeos)
    progress(f"partner AEOs: {added['partner_aeos']}")
    progress(f"stored clocks: {application_services.refresh_clocks(unstored=True)}")
    if connection.vendor == "postgresql":  # the planner's statistics, after bulk inserts
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return added


# The partner whose AEOs the large set holds: Korea (an MRA with Japan since 2010).
PARTNER_ECONOMY = "KR"


def _partner_aeos(rng: random.Random, wanted: int) -> int:
    """A partner's AEOs as its batches leave them (`mra.services.inbound`): its AEO number and
    TIN, and for its exporters to Japan the identifier we use for them. The partner has no
    keys: nothing more can be received from it."""
    partner, _ = Partner.objects.get_or_create(
        economy_id=PARTNER_ECONOMY, defaults={"base_url": "https://customs.example.kr/aeo"}
    )
    start = PartnerAEO.objects.filter(partner=partner).count()
    received = now()
    rows = [
        PartnerAEO(
            partner=partner,
            aeo_number=f"{PARTNER_ECONOMY}-AEO-{i:06d}",
            tin=f"{rng.randrange(10**9, 10**10)}",
            our_id=f"{rng.randrange(10**12, 10**13)}" if rng.random() < 0.3 else "",
            name=f"Partner Trading {i:06d} Co., Ltd.",
            aeo_type="AEO",
            status=VerifiedStatus.ACTIVE,
            valid_from=today() - timedelta(days=rng.randint(30, 3000)),
            seq=i,
            received_at=received,
        )
        for i in range(start + 1, wanted + 1)
    ]
    PartnerAEO.objects.bulk_create(rows, batch_size=BATCH)
    if rows:
        Partner.objects.filter(pk=partner.pk).update(received_seq=wanted, last_received_at=received)
    return len(rows)


def _at(day: date, hour: int) -> datetime:
    """`hour` o'clock on `day` in the administration's time zone."""
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _pause(app: Application, examiner: User, started) -> ClockPause:
    return ClockPause(
        application=app,
        started_on=started,
        resume_by=today() + timedelta(days=30),
        resume_state=State.UNDER_EXAMINATION,
        request="Please send your business partners' security declarations.",
        requested_by=examiner,
    )
