"""Lanes on the platform's data: benefits from AEO status and MRAs, explanations, batches."""

from datetime import date, timedelta

import pytest

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import change_to, issue
from aeo.border import services
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


def test_an_active_aeo_importer_gets_reduced_examination_a_suspended_one_none():
    operator = OperatorFactory(roles=["importer"])
    (authorization,) = issue(operator)
    d = lodge(trader_tin=operator.tin)
    benefit = d.lane_reason["benefit"]
    assert benefit["code"] == "reduced_examination_importer" and benefit["source"] == "aeo"
    assert 0 < benefit["random_factor"] < 1
    assert d.lane_reason["random"]["rate"] == pytest.approx(0.02 * benefit["random_factor"])
    assert d.importer_aeo and d.trader_id == operator.pk
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


def test_a_partner_aeo_gets_the_mra_benefit_only_as_the_exchange_and_the_arrangement_say():
    mra = in_force_with("TW")
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
    assert after.lane_reason["benefit"]["source"] == "mra"
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
