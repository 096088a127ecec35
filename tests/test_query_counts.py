"""Queries that do not grow with rows (issue #9 §6).

Every list page and list endpoint is measured with 2 and then 6 rows visible to the user: the
number of queries must be the same. So are the self-assessment detail with 1 and 4 evidence
files and the daily clock task with 1 and 3 examiners. Check-sheet progress computed for many
self-assessments at once must give the per-sheet numbers.
"""

import datetime
import itertools
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import JSONNull
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.applications import selectors as application_selectors
from aeo.applications import services as application_services
from aeo.applications.constants import State
from aeo.applications.models import Application, ClockPause
from aeo.applications.tasks import daily_clock_tick
from aeo.applications.tests.helpers import tokyo_examiner, trader_in_tokyo
from aeo.authorizations import services as authorization_services
from aeo.core import kept
from aeo.demo.lifecycle import SAMPLE_PDF
from aeo.notifications.models import Notification
from aeo.notifications.services import Message, notify
from aeo.registry.models import CustomsOffice, OperatorRoleAssignment
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements import services as requirement_services
from aeo.requirements.constants import AssessmentStatus, QuestionKind, TemplateStatus
from aeo.requirements.models import Answer, SelfAssessment, TemplateVersion
from aeo.supervision.services import contacts as supervision_services
from aeo.supervision.services import corrective_actions as action_services
from aeo.supervision.services import reassessments as reassessment_services
from aeo.supervision.services.monitoring import refresh_all_plans
from aeo.supervision.tests.helpers import aeo, performed_audit, tokyo_auditor

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    """Today when asked: a run that crosses midnight in Japan must not plan audits for yesterday."""
    return timezone.localdate()


_seq = itertools.count()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def table_rows(response) -> int:
    return response.content.count(b"<tr")


def api_rows(response) -> int:
    data = response.json()
    return len(data["items"] if isinstance(data, dict) else data)


def evidence_listed(response) -> int:
    return sum(len(answer["evidence"]) for answer in response.json()["answers"])


def detail_links(response) -> int:
    return response.content.count(b'href="/applications/') - response.content.count(
        b'href="/applications/all'
    )


def inbox_items(response) -> int:
    return response.content.count(b'class="usa-collection__item"')


def assert_flat(
    make_rows: Callable[[int], object],
    request: Callable[[], object],
    sizes=(2, 6),
    shown: Callable[[object], int] | None = None,
):
    """`request()` costs as many queries with sizes[0] rows as with sizes[1] (made by
    `make_rows(n)`, which adds n rows); `shown(response)` checks that the rows are listed."""
    counts, listed = [], []
    made = 0
    for size in sizes:
        make_rows(size - made)
        made = size
        request()  # warm per-process caches (content types, sessions, translations)
        with CaptureQueriesContext(connection) as ctx:
            response = request()
        status = getattr(response, "status_code", 200)
        assert status == 200, getattr(response, "content", response)
        counts.append(len(ctx))
        if shown is not None:
            listed.append(shown(response))
    print(f"queries for {sizes} rows: {counts}")  # shown with -s
    if shown is not None:
        assert listed[1] - listed[0] == sizes[1] - sizes[0], f"rows listed: {listed}"
    assert counts[0] == counts[1], (
        f"{counts[0]} queries for {sizes[0]} rows, {counts[1]} for {sizes[1]}:\n"
        + "\n".join(q["sql"] for q in ctx.captured_queries)
    )
    return counts


def api(client, user):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}

    def get(path, **params):
        return lambda: client.get(f"/api/v1{path}", params, **auth)

    return get


def page(client, user, name, *args, **params):
    client.force_login(user)
    url = reverse(name, args=args)
    return lambda: client.get(url, params)


def aeo_center_examiner():
    return UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="AEOC"))


# --- Rows ------------------------------------------------------------------------------------


def pdf(name="evidence.pdf"):
    return SimpleUploadedFile(name, SAMPLE_PDF, content_type="application/pdf")


def partly_filled(trader, sa, evidence_files=1):
    """A few answers and evidence files, so that progress has something to count."""
    rows = requirement_selectors.rows(sa)
    yes_no = [r.question for r in rows if r.question.kind == QuestionKind.YES_NO]
    evidence = [r.question for r in rows if r.question.kind == QuestionKind.EVIDENCE]
    for question in yes_no[:2]:
        requirement_services.answer_question(
            actor=trader, self_assessment=sa, question=question, value=True
        )
    for i in range(evidence_files):
        requirement_services.upload_evidence(
            actor=trader, self_assessment=sa, question=evidence[i % len(evidence)], upload=pdf()
        )


def make_applications(n, *, clocked=False, office=None):
    """n draft applications (each with a partly filled check sheet); `clocked`: under
    examination for 30 days with one ended pause, one in three of them overdue."""
    for _ in range(n):
        trader = trader_in_tokyo()
        application = application_services.create_application(actor=trader)
        partly_filled(trader, application.self_assessment)
        if not clocked:
            continue
        i = next(_seq)
        economy = application.operator.economy
        Application.objects.filter(pk=application.pk).update(
            state=State.UNDER_EXAMINATION,
            accepted_on=today() - datetime.timedelta(days=400 if i % 3 == 0 else 30),
            clock_calendar=economy.calendar_code,
            clock_business_days=economy.decision_business_days,
            clock_extension_days=economy.extension_business_days,
            **({"office": office} if office else {}),
        )
        ClockPause.objects.create(
            application=application,
            started_on=today() - datetime.timedelta(days=20),
            resume_by=today() - datetime.timedelta(days=10),
            ended_on=today() - datetime.timedelta(days=15),
            resume_state=State.UNDER_EXAMINATION,
            request="Send the audit report.",
            requested_by=trader,
        )
        application_services.store_clock(Application.objects.get(pk=application.pk))


def make_self_assessments(n):
    for _ in range(n):
        trader = trader_in_tokyo(roles=("importer", "exporter"))
        sa = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
        partly_filled(trader, sa, evidence_files=2)


def make_consultations(n, trader=None):
    for _ in range(n):
        actor = trader or trader_in_tokyo()
        application_services.request_consultation(actor=actor, subject="Outsourced training")


def make_authorizations(n):
    for _ in range(n):
        authorization_services.issue_authorizations(
            actor=None,
            operator=OperatorFactory(roles=["importer"]),
            roles=["importer"],
            valid_from=datetime.date(2025, 4, 1),
        )


# --- Registry --------------------------------------------------------------------------------


def test_operator_list_page(client):
    request = page(client, aeo_center_examiner(), "registry:operator_list")
    assert_flat(
        lambda n: OperatorFactory.create_batch(n, roles=["importer", "exporter"]),
        request,
        shown=table_rows,
    )


def test_operator_list_api(client):
    request = api(client, aeo_center_examiner())("/operators")
    assert_flat(
        lambda n: OperatorFactory.create_batch(n, roles=["importer", "exporter"]),
        request,
        shown=api_rows,
    )


def test_contacts_api(client):
    operator = OperatorFactory()
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="TOKYO"))

    def make(n):
        for i in range(n):
            supervision_services.log_contact(
                actor=manager,
                operator=operator,
                kind="phone",
                occurred_at=timezone.now() - datetime.timedelta(hours=i + 1),
                summary=f"Call {i}",
            )

    assert_flat(make, api(client, manager)(f"/operators/{operator.pk}/contacts"), shown=api_rows)


# --- Requirements ----------------------------------------------------------------------------


def test_self_assessment_index_page(client):
    request = page(client, aeo_center_examiner(), "requirements:index")
    assert_flat(make_self_assessments, request, shown=table_rows)


def test_self_assessment_index_page_for_a_trader(client):
    trader = trader_in_tokyo()
    request = page(client, trader, "requirements:index")

    def make(n):  # earlier, submitted check sheets of the trader's own operator
        for _ in range(n):
            sa = SelfAssessment.objects.create(
                operator=trader.operator, template=requirement_selectors.current_template()
            )
            partly_filled(trader, sa)
            SelfAssessment.objects.filter(pk=sa.pk).update(
                status=AssessmentStatus.SUBMITTED, snapshot={"roles": ["importer"]}
            )

    assert_flat(make, request, shown=table_rows)


def test_self_assessment_list_api(client):
    assert_flat(
        make_self_assessments,
        api(client, aeo_center_examiner())("/self-assessments"),
        shown=api_rows,
    )


def test_self_assessment_detail_api_with_more_evidence(client):
    trader = trader_in_tokyo()
    sa = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    partly_filled(trader, sa, evidence_files=0)
    evidence = [r.question for r in requirement_selectors.rows(sa) if r.question.kind == "evidence"]

    def make(n):
        for i in range(n):
            requirement_services.upload_evidence(
                actor=trader, self_assessment=sa, question=evidence[i % 2], upload=pdf()
            )

    request = api(client, trader)(f"/self-assessments/{sa.pk}")
    assert_flat(make, request, sizes=(1, 4), shown=evidence_listed)


def test_check_sheet_section_page_with_more_answers_and_evidence(client):
    """One section of the check sheet: its questions, answers and files, and the progress
    of every section, in as many queries however many answers and files there are."""
    trader = trader_in_tokyo()
    sa = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    sections = requirement_selectors.check_sheet(sa)
    number, section = next(
        (n, s)
        for n, s in enumerate(sections, 1)
        if any(r.question.kind == QuestionKind.EVIDENCE for r in s.rows)
    )
    evidence = [r.question for r in section.rows if r.question.kind == QuestionKind.EVIDENCE]
    others = [r.question for r in requirement_selectors.rows(sa) if r.question.kind == "yes_no"]

    def make(n):
        for _ in range(n):
            requirement_services.upload_evidence(
                actor=trader, self_assessment=sa, question=evidence[0], upload=pdf()
            )
            question = others.pop()
            requirement_services.answer_question(
                actor=trader, self_assessment=sa, question=question, value=True
            )

    def files_listed(response) -> int:
        return response.content.count(b'href="/requirements/evidence/')

    request = page(client, trader, "requirements:section", sa.pk, number)
    assert_flat(make, request, shown=files_listed)


def test_template_list_page(client):
    def make(n):
        for _ in range(n):
            TemplateVersion.objects.create(
                number=100 + next(_seq), status=TemplateStatus.SUPERSEDED
            )

    request = page(client, UserFactory(role=Role.POLICY_OFFICER), "requirements:template_list")
    assert_flat(make, request, shown=table_rows)


# --- Applications ----------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"urgency": "on_track"}])
def test_application_list_page(client, params):
    request = page(client, aeo_center_examiner(), "applications:list", **params)
    assert_flat(
        lambda n: make_applications(n, clocked=True),
        request,
        shown=None if params else table_rows,
    )


def test_dashboard(client):
    request = page(client, tokyo_examiner(), "applications:dashboard")

    def make(n):
        make_applications(n // 2, clocked=True)
        make_applications(n - n // 2)
        Application.objects.filter(state=State.DRAFT).update(state=State.SUBMITTED)

    assert_flat(make, request, shown=detail_links)


@pytest.mark.parametrize(
    "params",
    [{}, {"overdue": "true"}, {"overdue": "false"}, {"urgency": "overdue"}, {"urgency": "paused"}],
)
def test_application_list_api(client, params):
    request = api(client, aeo_center_examiner())("/applications", **params)
    assert_flat(
        lambda n: make_applications(n, clocked=True),
        request,
        sizes=(3, 6),
        shown=None if params else api_rows,
    )


def test_consultation_list_page(client):
    request = page(client, aeo_center_examiner(), "applications:consultation_list")
    assert_flat(make_consultations, request, shown=table_rows)


def test_consultation_list_api(client):
    assert_flat(
        make_consultations, api(client, aeo_center_examiner())("/consultations"), shown=api_rows
    )


# --- Authorizations --------------------------------------------------------------------------


def test_authorization_list_page(client):
    request = page(client, aeo_center_examiner(), "authorizations:authorization_list")
    assert_flat(make_authorizations, request, shown=table_rows)


def test_authorization_list_api(client):
    assert_flat(
        make_authorizations, api(client, aeo_center_examiner())("/authorizations"), shown=api_rows
    )


def test_public_register_page(client):
    url = reverse("authorizations:register")
    assert_flat(make_authorizations, lambda: client.get(url), shown=table_rows)


def test_public_register_api(client):
    def unkept():  # the register's answers are kept: count what one not kept costs
        kept.forget()
        return client.get("/api/v1/register")

    assert_flat(make_authorizations, unkept, shown=api_rows)


# --- Notifications ---------------------------------------------------------------------------


def _notifications_for(user):
    def make(n):
        for i in range(n):
            notify(
                users=[user],
                message=Message("AEO applications: %(overdue)d overdue", params={"overdue": i}),
                url="/applications/",
            )

    return make


def test_inbox_page(client):
    user = tokyo_examiner()
    assert_flat(
        _notifications_for(user), page(client, user, "notifications:inbox"), shown=inbox_items
    )


def test_notification_list_api(client):
    user = tokyo_examiner()
    assert_flat(_notifications_for(user), api(client, user)("/notifications"), shown=api_rows)


# --- The daily clock task --------------------------------------------------------------------


def test_daily_clock_tick_does_not_grow_with_examiners():
    make_applications(3, clocked=True)
    make_applications(2, clocked=True, office=CustomsOffice.objects.get(code="AEOC"))

    def make(n):
        for i in range(n):
            if i % 2:
                aeo_center_examiner()
            else:
                tokyo_examiner()

    def tick():
        Notification.objects.all().delete()
        return daily_clock_tick.call()

    assert_flat(make, tick, sizes=(2, 6), shown=lambda result: result["reminded"])
    assert tick()["reminded"] == 6


def test_daily_clock_tick_reminds_as_the_workload_says():
    make_applications(3, clocked=True)
    tokyo, center = tokyo_examiner(), aeo_center_examiner()
    UserFactory(
        role=Role.EXAMINER, office=CustomsOffice.objects.exclude(code__in=["TOKYO", "AEOC"]).first()
    )
    expected = {
        u.pk: (b["overdue"].count, b["due_soon"].count)
        for u in (tokyo, center)
        if (b := application_selectors.workload(u))
    }
    assert daily_clock_tick.call()["reminded"] == 2
    for user in (tokyo, center):
        notice = Notification.objects.get(user=user)
        assert (notice.params["overdue"], notice.params["due_soon"]) == expected[user.pk]


# --- Progress for many self-assessments ------------------------------------------------------


def _per_row(sa) -> tuple[int, int]:
    rows = requirement_selectors.rows(sa)
    return sum(row.answered for row in rows), len(rows)


def test_progress_for_many_matches_the_check_sheet_rows():
    """Answers, "no" with an SME alternative, cleared answers (SQL and JSON null), evidence
    (also withdrawn), answers to role-specific questions that do not apply, and a submitted
    sheet whose roles (as submitted) differ from the operator's now."""
    sheets = []
    for roles in [("importer",), ("exporter", "customs_broker"), ("importer", "exporter")]:
        trader = trader_in_tokyo(employees=40, roles=roles)
        sa = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
        sheets.append((trader, sa))
    template = sheets[0][1].template
    all_criteria = requirement_selectors.criteria_for(template)
    assert any(c.roles for c in all_criteria), "the catalogue has role-specific criteria"
    assert any(c.sme_alternatives for c in all_criteria), "and SME alternatives"
    for n, (trader, sa) in enumerate(sheets):
        rows = requirement_selectors.rows(sa)
        for i, row in enumerate(rows):
            question = row.question
            if (i + n) % 3 == 0:
                continue  # left unanswered
            if question.kind == QuestionKind.EVIDENCE:
                item = requirement_services.upload_evidence(
                    actor=trader, self_assessment=sa, question=question, upload=pdf()
                )
                if i % 4 == 0:
                    requirement_services.withdraw_evidence(actor=trader, item=item)
            elif question.kind == QuestionKind.YES_NO:
                alternatives = question.criterion.sme_alternatives
                requirement_services.answer_question(
                    actor=trader,
                    self_assessment=sa,
                    question=question,
                    value=not alternatives,
                    sme_alternative=alternatives[0] if alternatives else "",
                )
                if alternatives and i % 2:  # with its third-party evidence
                    requirement_services.upload_evidence(
                        actor=trader, self_assessment=sa, question=question, upload=pdf()
                    )
            elif i % 5 == 0:
                Answer.objects.create(self_assessment=sa, question=question, value=None)
            elif i % 7 == 0:
                Answer.objects.create(self_assessment=sa, question=question, value=JSONNull())
            elif question.kind == QuestionKind.CHOICE:
                requirement_services.answer_question(
                    actor=trader, self_assessment=sa, question=question, value=question.choices[0]
                )
            else:
                value = {"text": "Yes.", "number": 2, "date": "2026-04-01"}[question.kind]
                requirement_services.answer_question(
                    actor=trader, self_assessment=sa, question=question, value=value
                )
        # Answers to questions of criteria that do not apply to the operator are not counted.
        applicable = {r.question.pk for r in rows}
        for criterion in all_criteria:
            for question in criterion.questions.all():
                if question.pk not in applicable and question.kind != QuestionKind.EVIDENCE:
                    Answer.objects.create(self_assessment=sa, question=question, value=True)
    # The third sheet was submitted as an importer only; the operator has since added a role.
    trader, sa = sheets[2]
    SelfAssessment.objects.filter(pk=sa.pk).update(
        status=AssessmentStatus.SUBMITTED, snapshot={"roles": ["importer"]}
    )
    OperatorRoleAssignment.objects.create(operator=trader.operator, role="warehouse_operator")

    assert Answer.objects.filter(value__isnull=True).exists()  # SQL NULL
    assert Answer.objects.filter(value=JSONNull()).exists()  # JSON null
    fresh = list(requirement_selectors.self_assessments_visible_to(aeo_center_examiner()))
    expected = {sa.pk: _per_row(sa) for sa in fresh}
    assert len(expected) == 3
    assert all(0 < answered < total for answered, total in expected.values())
    assert len({total for _, total in expected.values()}) > 1  # the roles make a difference
    assert requirement_selectors.progress_for(fresh) == expected
    # Also without the operators' roles prefetched, and one at a time.
    bare = list(SelfAssessment.objects.select_related("operator", "template"))
    assert requirement_selectors.progress_for(bare) == expected
    assert {sa.pk: requirement_selectors.progress(sa) for sa in bare} == expected
    assert requirement_selectors.progress_for([]) == {}


def test_progress_for_takes_a_fixed_number_of_queries():
    make_self_assessments(2)
    few = list(requirement_selectors.self_assessments_visible_to(aeo_center_examiner()))
    make_self_assessments(4)
    many = list(requirement_selectors.self_assessments_visible_to(aeo_center_examiner()))
    counts = []
    for sas in (few, many):
        with CaptureQueriesContext(connection) as ctx:
            requirement_selectors.progress_for(sas)
        counts.append(len(ctx))
    assert counts[0] == counts[1] <= 4


# --- Supervision -----------------------------------------------------------------------------


def _reports(manager, n):
    """n operators of Tokyo's unit managed by `manager`, each with an incident and a change."""
    from aeo.supervision.services import changes, incidents

    for _ in range(n):
        operator = OperatorFactory()
        supervision_services.assign_account_manager(actor=None, operator=operator, manager=manager)
        trader = TraderFactory(operator=operator)
        incidents.report_incident(actor=trader, occurred_at=timezone.now(), summary="Seal")
        changes.notify_change(
            actor=trader,
            category="employees",
            description="Growth",
            effective_on=today(),
            new_value=400,
        )


SUPERVISION_LISTS = [
    ("page", "supervision:incident_list"),
    ("page", "supervision:change_list"),
    ("page", "supervision:queue"),
    ("api", "/incidents"),
    ("api", "/change-notifications"),
]


@pytest.mark.parametrize(("kind", "target"), SUPERVISION_LISTS)
def test_supervision_lists(client, kind, target):
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="TOKYO"))
    if kind == "api":
        assert_flat(lambda n: _reports(manager, n), api(client, manager)(target), shown=api_rows)
        return
    # The queue lists each operator twice: its incident and its change notification.
    per_row = 2 if target == "supervision:queue" else 1
    assert_flat(
        lambda n: _reports(manager, n),
        page(client, manager, target),
        shown=lambda r: (table_rows(r) - 1) // per_row,
    )


def test_coordinators_queue_over_many_managers(client):
    coordinator = UserFactory(role=Role.COORDINATOR, office=CustomsOffice.objects.get(code="AEOC"))

    def make(n):
        for _ in range(n):
            _reports(UserFactory(role=Role.ACCOUNT_MANAGER), 1)

    assert_flat(make, page(client, coordinator, "supervision:queue"))


# --- Supervision: monitoring, audits, corrective actions, re-assessments ---------------------


def make_audits(auditor, n):
    """n AEOs of Tokyo's unit, each with a performed audit, a finding and a corrective action."""
    for _ in range(n):
        operator, _ = aeo(established_on=datetime.date(2024, 1, 1))
        _, finding = performed_audit(auditor, operator, today())
        action_services.create_corrective_action(
            actor=auditor, finding=finding, description="Fix", due_business_days=5
        )
        reassessment_services.start_reassessment(
            actor=auditor, operator=operator, trigger="monitoring_finding", reason="Finding"
        )
    refresh_all_plans()


def test_audits_api_and_page(client):
    auditor = tokyo_auditor()
    assert_flat(lambda n: make_audits(auditor, n), api(client, auditor)("/audits"), shown=api_rows)
    assert_flat(
        lambda n: make_audits(auditor, n),
        page(client, auditor, "supervision:audits"),
        shown=table_rows,
    )


def test_corrective_actions_api_and_page(client):
    auditor = tokyo_auditor()
    assert_flat(
        lambda n: make_audits(auditor, n),
        api(client, auditor)("/corrective-actions"),
        shown=api_rows,
    )
    assert_flat(
        lambda n: make_audits(auditor, n),
        page(client, auditor, "supervision:corrective_actions"),
        shown=table_rows,
    )


def test_reassessments_api(client):
    auditor = tokyo_auditor()
    assert_flat(
        lambda n: make_audits(auditor, n), api(client, auditor)("/reassessments"), shown=api_rows
    )


def test_due_monitoring_api_and_page(client):
    auditor = tokyo_auditor()
    assert_flat(
        lambda n: make_audits(auditor, n),
        api(client, auditor)("/monitoring/due", kind="contact"),
        shown=api_rows,
    )
    assert_flat(
        lambda n: make_audits(auditor, n),
        page(client, auditor, "supervision:monitoring", kind="contact"),
        shown=table_rows,
    )


# --- Border ----------------------------------------------------------------------------------


def make_declarations(n):
    from aeo.border.intake import validate
    from aeo.border.services import import_declarations
    from aeo.border.tests.helpers import row

    rows = [validate(row(trader_tin=OperatorFactory(roles=["importer"]).tin), i) for i in range(n)]
    import_declarations(actor=None, rows=rows)


def make_criteria(n):
    from aeo.border.services import create_criterion

    for _ in range(n):
        create_criterion(
            actor=None,
            code=f"QC{next(_seq)}",
            description="Query count",
            valid_from=today(),
            score=10,
            hs_prefixes=["8471"],
        )


def test_declarations_api_and_queue_page(client):
    officer = UserFactory(role=Role.BORDER_OFFICER, office=CustomsOffice.objects.get(code="TOKYO"))
    assert_flat(make_declarations, api(client, officer)("/declarations"), shown=api_rows)
    assert_flat(make_declarations, page(client, officer, "border:queue"), shown=table_rows)


def test_criteria_api_and_page(client):
    policy = UserFactory(role=Role.POLICY_OFFICER, office=CustomsOffice.objects.get(code="CTB"))
    assert_flat(make_criteria, api(client, policy)("/selectivity/criteria"), shown=api_rows)
    assert_flat(make_criteria, page(client, policy, "border:criteria"), shown=table_rows)


def make_rates(n):
    from aeo.border.models import SelectivitySettings
    from aeo.border.services import update_selectivity_settings

    taken = SelectivitySettings.objects.values("office_id")
    offices = CustomsOffice.objects.exclude(pk__in=taken).order_by("pk")[:n]
    for office in offices:
        update_selectivity_settings(
            actor=None,
            office=office,
            direction="import",
            expected_paper_pct=20,
            expected_exam_pct=5,
            random_pct=1,
        )


def test_rates_page(client):
    policy = UserFactory(role=Role.POLICY_OFFICER, office=CustomsOffice.objects.get(code="CTB"))
    assert_flat(make_rates, page(client, policy, "border:settings"), shown=table_rows)


# --- Benefits, agencies, MoUs, proposals, joint inspections ----------------------------------


def _benefit_world():
    from aeo.benefits.tests.helpers import agency, oga_officer, policy_officer

    mhlw = agency("mhlw")
    operator = OperatorFactory(roles=["importer"])
    authorization_services.issue_authorizations(
        actor=None, operator=operator, roles=["importer"], valid_from=datetime.date(2025, 4, 1)
    )
    trader = TraderFactory(operator=operator)
    return mhlw, operator, trader, oga_officer(mhlw), policy_officer()


def _grow_benefits(mhlw, operator, policy):
    from aeo.benefits import services as benefit_services

    def make(n):
        for _ in range(n):
            i = next(_seq)
            b = benefit_services.create_benefit(
                actor=policy,
                title_en=f"Benefit {i}",
                aeo_types=["IMP", "BRK"],
                category="rapid_release",
                agency=mhlw if i % 2 else None,
            )
            benefit_services.publish_benefit(actor=policy, benefit=b)
            benefit_services.create_mou(actor=policy, agency=mhlw, title=f"MoU {i}")
            benefit_services.propose_criteria(actor=None, agency=mhlw, text_en=f"Criterion {i}")
            benefit_services.create_agency(
                actor=None, code=f"agency-{i}", name_en=f"Agency {i}", mandate="other"
            )
            benefit_services.request_joint_inspection(
                actor=None, operator=operator, agencies=[mhlw], place=f"Berth {i}"
            )

    return make


def _benefit_rows(response) -> int:
    return response.content.count(b'href="/benefits/') - response.content.count(
        b'href="/benefits/agencies/'
    )


@pytest.mark.parametrize(
    ("name", "who"),
    [
        ("list_benefits", "anonymous"),
        ("list_my_benefits", "trader"),
        ("list_agencies", "anonymous"),
        ("list_mous", "policy"),
        ("list_mous", "oga"),
        ("list_proposed_criteria", "oga"),
        ("list_joint_inspections", "trader"),
        ("list_joint_inspections", "oga"),
        ("list_joint_inspections", "policy"),
    ],
)
def test_benefit_list_apis(client, name, who):
    mhlw, operator, trader, oga, policy = _benefit_world()
    user = {"trader": trader, "oga": oga, "policy": policy}.get(who)
    path = {
        "list_benefits": "/benefits",
        "list_my_benefits": "/benefits/mine",
        "list_agencies": "/agencies",
        "list_mous": "/mous",
        "list_proposed_criteria": "/proposed-criteria",
        "list_joint_inspections": "/joint-inspections",
    }[name]
    call = (lambda: client.get(f"/api/v1{path}")) if user is None else api(client, user)(path)
    assert_flat(_grow_benefits(mhlw, operator, policy), call, shown=api_rows)


@pytest.mark.parametrize(
    ("name", "who"),
    [
        ("benefits:catalogue", "anonymous"),
        ("benefits:catalogue", "oga"),
        ("benefits:agencies", "policy"),
        ("benefits:mous", "policy"),
        ("benefits:proposals", "oga"),
        ("benefits:inspections", "trader"),
        ("benefits:inspections", "oga"),
        ("home", "trader"),
    ],
)
def test_benefit_pages(client, name, who):
    mhlw, operator, trader, oga, policy = _benefit_world()
    user = {"trader": trader, "oga": oga, "policy": policy}.get(who)
    if user is None:
        url = reverse(name)
        call = lambda: client.get(url)  # noqa: E731
    else:
        call = page(client, user, name)
    shown = None if name == "home" else table_rows
    assert_flat(_grow_benefits(mhlw, operator, policy), call, shown=shown)
