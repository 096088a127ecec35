"""Lanes on the platform's data: benefits from AEO status and MRAs, explanations, batches."""

from datetime import date, timedelta

import pytest

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import change_to, issue
from aeo.benefits.models import BenefitUse
from aeo.border import aeo_benefits, explanation, services
from aeo.border.models import Declaration, DeclarationEvent
from aeo.border.tests.helpers import officer, row
from aeo.mra.constants import MRAEventType
from aeo.mra.services.arrangements import change_mra_status
from aeo.mra.services.inbound import receive_batch
from aeo.mra.tests.conftest import FakePartner, in_force_with, record
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db


def lodge(**kw) -> Declaration:
    return services.create_declaration(actor=officer(Role.POLICY_OFFICER, "CTB"), data=row(**kw))


def test_an_active_aeo_importer_gets_its_catalogue_benefit_a_suspended_one_none(
    inspection_benefits,
):
    operator = OperatorFactory(roles=["importer"])
    (authorization,) = issue(operator)
    d = lodge(trader_tin=operator.tin)
    benefit = d.lane_reason["benefit"]
    imp = inspection_benefits["IMP"]
    assert benefit["id"] == imp.pk and benefit["source"] == "aeo"
    assert benefit["random_factor"] == pytest.approx(0.25)  # its condition: 75 % fewer
    assert d.lane_reason["random"]["rate"] == pytest.approx(0.02 * 0.25)
    assert d.importer_aeo and d.trader_id == operator.pk
    said = " ".join(explanation.sentences(d.lane_reason))
    assert f"{imp.title_en} (no. {imp.pk})" in said
    change_to(
        actor=officer(Role.EXAMINER), authorization=authorization, to="suspended", reason="Audit"
    )
    suspended = lodge(trader_tin=operator.tin)
    assert suspended.lane_reason["benefit"] is None
    assert suspended.lane_reason["random"]["rate"] == pytest.approx(0.02)
    # An exporter's AEO status gives nothing on its imports.
    exporter = OperatorFactory(roles=["exporter"])
    issue(exporter, roles=("exporter",))
    assert lodge(trader_tin=exporter.tin).lane_reason["benefit"] is None


def test_exports_use_the_exporters_benefit(inspection_benefits):
    exporter = OperatorFactory(roles=["exporter"])
    issue(exporter, roles=("exporter",))
    d = lodge(trader_tin=exporter.tin, direction="export")
    assert d.lane_reason["benefit"]["id"] == inspection_benefits["EXP"].pk


def test_our_aeo_broker_as_declarant_gives_its_benefit(inspection_benefits):
    broker = OperatorFactory(roles=["customs_broker"])
    issue(broker, roles=("customs_broker",))
    d = lodge(declarant_tin=broker.tin)
    assert d.lane_reason["benefit"]["id"] == inspection_benefits["BRK"].pk
    assert BenefitUse.objects.get().operator == broker


def test_a_withdrawn_not_yet_valid_or_other_benefit_gives_no_modifier(benefit_factory):
    operator = OperatorFactory(roles=["importer"])
    issue(operator)
    benefit_factory(["IMP"], status="withdrawn")
    benefit_factory(["IMP"], valid_from=date(2026, 3, 3))  # the day after lodgment
    benefit_factory(["IMP"], valid_to=date(2026, 3, 1))
    benefit_factory(["IMP"], category="rapid_release")
    assert lodge(trader_tin=operator.tin).lane_reason["benefit"] is None
    assert not BenefitUse.objects.exists()


def test_the_best_benefit_applies_and_never_to_zero(benefit_factory):
    operator = OperatorFactory(roles=["importer"])
    issue(operator)
    benefit_factory(["IMP"], percent=50)
    total = benefit_factory(["IMP"], percent=100)
    benefit = lodge(trader_tin=operator.tin).lane_reason["benefit"]
    assert benefit["id"] == total.pk and 0 < benefit["random_factor"] < 0.01


def test_benefit_use_is_recorded_once_per_declaration(inspection_benefits):
    operator = OperatorFactory(roles=["importer"])
    issue(operator)
    policy = officer(Role.POLICY_OFFICER, "CTB")
    lodge(trader_tin=operator.tin)
    later = services.create_declaration(
        actor=policy, data=row(trader_tin=operator.tin), assign=False
    )
    services.assign_lane(actor=policy, declaration=later)
    rows = [row(trader_tin=operator.tin) for _ in range(30)]
    services.import_declarations(actor=policy, rows=_valid(rows), assign=False)
    services.assign_lanes(actor=policy, on=date(2026, 3, 2))
    services.import_declarations(actor=policy, rows=_valid([row(trader_tin=operator.tin)]))
    uses = BenefitUse.objects.filter(benefit=inspection_benefits["IMP"], operator=operator)
    assert uses.count() == 33
    # Recorded again (a re-assignment): not counted twice, one by one or in bulk.
    again = [
        (inspection_benefits["IMP"].pk, operator.pk, n)
        for n in uses.values_list("reference", flat=True)
    ]
    aeo_benefits.record_use(
        actor=policy,
        benefit_id=again[0][0],
        operator_id=operator.pk,
        number=again[0][2],
        on=date(2026, 3, 2),
    )
    assert aeo_benefits.record_uses(actor=policy, uses=again, obj=operator) == 0
    assert uses.count() == 33
    assert set(uses.values_list("reference", flat=True)) == set(
        Declaration.objects.values_list("number", flat=True)
    )


def test_a_batch_reads_the_benefits_in_a_few_queries(
    inspection_benefits, django_assert_max_num_queries
):
    policy = officer(Role.POLICY_OFFICER, "CTB")
    operators = [OperatorFactory(roles=["importer"]) for _ in range(5)]
    for operator in operators:
        issue(operator)
    rows = [row(trader_tin=operators[i % 5].tin) for i in range(200)]
    services.import_declarations(actor=policy, rows=_valid(rows), assign=False)
    with django_assert_max_num_queries(20):
        services.assign_lanes(actor=policy, on=date(2026, 3, 2))
    assert BenefitUse.objects.count() == 200
    # At intake, over many lodgment days: the same few queries.
    days = [
        row(
            trader_tin=operators[i % 5].tin,
            lodged_at=f"2026-02-{1 + i % 20:02d}T03:00:00+00:00",
            arrived_at=None,
        )
        for i in range(200)
    ]
    with django_assert_max_num_queries(30):
        services.import_declarations(actor=policy, rows=_valid(days))
    assert BenefitUse.objects.count() == 400


def test_a_partner_aeo_gets_the_mra_benefit_only_as_the_exchange_and_the_arrangement_say(
    benefit_factory,
):
    mra = in_force_with("TW")
    reduced = benefit_factory(["EXP"], percent=60, title="Reduced examination of partner AEOs")
    slight = benefit_factory(["EXP"], percent=10, title="Slightly reduced examination")
    mra.benefits_here.set([reduced, slight])
    taipei = FakePartner()
    taipei.register()
    receive_batch(token=taipei.batch([record(1, number="TW-AEO-0001")]))
    eif = mra.in_force_from

    def lodged(partner_aeo_id: str, on: date) -> Declaration:
        return lodge(
            partner_aeo_id=partner_aeo_id, lodged_at=f"{on}T12:00:00+00:00", arrived_at=None
        )

    before = lodged("TW-AEO-0001", eif - timedelta(days=1))
    after = lodged("TW-AEO-0001", eif)
    assert before.lane_reason["benefit"] is None and before.partner_status == "valid"
    # The arrangement's most favourable benefit here, named with the arrangement; a partner's
    # AEO is not ours, so no use is counted.
    applied = after.lane_reason["benefit"]
    assert (applied["source"], applied["id"], applied["arrangement"]) == (
        "mra",
        reduced.pk,
        "JP-TW",
    )
    assert applied["random_factor"] == pytest.approx(0.4)
    assert after.lane_reason["random"]["rate"] == pytest.approx(0.02 * 0.4)
    said = " ".join(explanation.sentences(after.lane_reason))
    assert f"under JP-TW: {reduced.title_en} (no. {reduced.pk})" in said
    assert not BenefitUse.objects.exists()
    # An arrangement that gives partner AEOs no reduced examination here: no benefit.
    mra.benefits_here.set([])
    assert lodged("TW-AEO-0001", eif).lane_reason["benefit"] is None
    mra.benefits_here.set([reduced])
    # An id the partner never sent: unknown, no benefit.
    unknown = lodged("TW-AEO-0999", eif)
    assert unknown.lane_reason["benefit"] is None and unknown.partner_status == "unknown"
    # The partner suspends its AEO: not an AEO now.
    receive_batch(
        token=taipei.batch([record(2, status="suspended", event="suspended", number="TW-AEO-0001")])
    )
    suspended = lodged("TW-AEO-0001", eif)
    assert suspended.lane_reason["benefit"] is None and suspended.partner_status == "not_aeo"
    # A valid AEO under an arrangement that is suspended gets nothing either.
    receive_batch(token=taipei.batch([record(3, number="TW-AEO-0001")]))
    change_mra_status(actor=None, mra=mra, event=MRAEventType.SUSPENDED)
    paused = lodged("TW-AEO-0001", eif)
    assert paused.partner_status == "valid" and paused.lane_reason["benefit"] is None


def test_a_criterion_explains_the_lane_with_its_instructions():
    policy = officer(Role.POLICY_OFFICER, "CTB")
    services.create_criterion(
        actor=policy,
        code="coffee-br",
        description="Brazilian coffee",
        valid_from=date(2026, 1, 1),
        lane="exam",
        hs_prefixes=["0901"],
        origins=["br"],
        instructions="Sample for mycotoxins.",
    )
    d = lodge(lines=[{"hs_code": "090111", "origin": "BR", "value": "10"}])
    assert d.lane == "exam"
    reason = d.lane_reason
    assert reason["decided_by"] == "criteria"
    assert reason["criteria"] == [
        {
            "code": "COFFEE-BR",
            "description": "Brazilian coffee",
            "lane": "exam",
            "score": 0,
            "instructions": "Sample for mycotoxins.",
        }
    ]
    assert reason["seed"] == d.lane_seed and not reason["random"]["hit"]


def test_a_day_in_batch_meets_the_expected_rates_and_stores_them_for_intake():
    policy = officer(Role.POLICY_OFFICER, "CTB")
    tokyo = CustomsOffice.objects.get(code="TOKYO")
    services.update_selectivity_settings(
        actor=policy,
        office=tokyo,
        direction="import",
        expected_paper_pct=20,
        expected_exam_pct=10,
        random_pct=2,
    )
    rows = [row() for _ in range(2000)]
    services.import_declarations(actor=policy, rows=_valid(rows), assign=False)
    assert set(Declaration.objects.values_list("status", flat=True)) == {"lodged"}
    counts = services.assign_lanes(actor=policy, on=date(2026, 3, 2), office=tokyo)
    assert counts["exam"] / 2000 == pytest.approx(0.10, abs=0.02)
    assert counts["paper"] / 2000 == pytest.approx(0.20, abs=0.03)
    assert DeclarationEvent.objects.filter(event="lane_assigned").count() == 2000
    settings = tokyo and services.SelectivitySettings.objects.get(office=tokyo)
    assert settings.top_up_exam == pytest.approx((0.10 * 2000 - _random(2000)) / 2000, abs=0.03)


def _random(n: int) -> int:
    return sum(d.lane_reason["random"]["hit"] for d in Declaration.objects.all()[:n])


def _valid(rows):
    from aeo.border.intake import validate

    return [validate(r, i) for i, r in enumerate(rows, start=1)]
