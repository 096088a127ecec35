"""The outbox: consented AEOs' changes numbered per partner in the change's transaction, and
their delivery from the last acknowledged number with backoff."""

import pytest

from aeo.authorizations import services as authorization_services
from aeo.authorizations.constants import SuspensionGround
from aeo.authorizations.tests.conftest import issue, official
from aeo.mra.constants import MRAEventType
from aeo.mra.models import OutboxRecord, Partner
from aeo.mra.services import consent, delivery
from aeo.mra.services.arrangements import change_mra_status, create_mra
from aeo.mra.tests.conftest import FakePartner, in_force_with
from aeo.registry.models import OperatorRoleAssignment

pytestmark = pytest.mark.django_db


def records(economy="TW"):
    return list(
        OutboxRecord.objects.filter(partner__economy_id=economy).values_list("seq", "event")
    )


def suspend(authorization):
    return authorization_services.suspend(
        actor=official("examiner"),
        authorization=authorization,
        ground=SuspensionGround.FACTS_BEING_ESTABLISHED,
        reason="Facts being established",
    )


def test_nothing_is_queued_without_consent(taipei, trader):
    suspend(issue(trader.operator)[0])
    assert records() == []


def test_consent_sends_the_current_status_then_every_change(taipei, trader):
    authorization = issue(trader.operator)[0]
    consent.give_consent(actor=trader, operator=trader.operator)
    suspend(authorization)
    assert records() == [(1, "consent_given"), (2, "suspended")]
    entry = OutboxRecord.objects.get(seq=2).entry
    assert entry["status"] == "suspended"
    assert entry["partner_id"] == authorization.aeo_number  # the partner's rule: our number


def test_a_change_that_rolls_back_leaves_no_record(taipei, consented):
    authorization = issue(consented.operator)[0]
    before = records()
    with pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            suspend(authorization)
            raise RuntimeError("the change fails after the register change")
    assert records() == before


def test_withdrawal_tells_partners_and_stops_the_exchange(taipei, consented):
    authorization = issue(consented.operator)[0]
    consent.withdraw_consent(actor=consented, operator=consented.operator)
    suspend(authorization)
    assert [event for _, event in records()][-1] == "consent_withdrawn"
    assert "suspended" not in [event for _, event in records()]


def test_a_new_partner_receives_every_consented_aeo(consented):
    in_force_with("KR")
    issue(consented.operator, roles=["importer"])
    FakePartner("KR").register()
    assert [e for _, e in records("KR")] == ["consent_given"]


def test_only_partners_in_force_receive_and_only_the_types_in_scope(consented):
    """The arrangement is the ground for sending: none in force, nothing; out of scope, nothing."""
    OperatorRoleAssignment.objects.create(operator=consented.operator, role="exporter")
    FakePartner("KR").register()  # negotiating only: registered, but nothing is sent
    mra = create_mra(actor=None, title="JP-KR", partners=["KR"], scope=[("EXP", "KR exporter")])
    importer, exporter = issue(consented.operator, roles=["importer", "exporter"])
    change_mra_status(actor=None, mra=mra, event=MRAEventType.SIGNED)
    assert records("KR") == []
    change_mra_status(actor=None, mra=mra, event=MRAEventType.ENTERED_INTO_FORCE)
    assert [OutboxRecord.objects.get(seq=1).entry["aeo_number"]] == [exporter.aeo_number]
    suspend(importer)  # not in the scope
    suspend(exporter)
    assert records("KR") == [(1, "consent_given"), (2, "suspended")]
    change_mra_status(actor=None, mra=mra, event=MRAEventType.SUSPENDED)
    authorization_services.lift_suspension(
        actor=official("examiner"), authorization=exporter, reason="Facts established"
    )
    assert len(records("KR")) == 2
    # The partner holds earlier facts: it is told of a withdrawal even while suspended.
    consent.withdraw_consent(actor=consented, operator=consented.operator)
    assert [e for _, e in records("KR")][2:] == ["consent_withdrawn"] * 2


def test_delivery_resends_from_the_acknowledged_number_and_backs_off(
    taipei, consented, monkeypatch
):
    issue(consented.operator)
    sent: list[list[int]] = []

    def down(url, token):
        raise ConnectionRefusedError("partner down")

    monkeypatch.setattr(delivery, "post_batch", down)
    result = delivery.send_pending("TW")
    partner = Partner.objects.get(economy_id="TW")
    assert result.error and partner.attempts == 1 and partner.next_retry_at is not None
    assert "partner down" in partner.last_error
    delivery.send_pending("TW")
    partner.refresh_from_db()
    assert partner.attempts == 2
    assert delivery.backoff(2) == 2 * delivery.backoff(1)

    def up(url, token):
        from aeo.mra.messages import _claims

        numbers = [r["seq"] for r in _claims(token)[1]["records"]]
        sent.append(numbers)
        return 200, {"acknowledged": numbers[-1] if numbers else 1, "applied": len(numbers)}

    monkeypatch.setattr(delivery, "post_batch", up)
    result = delivery.send_pending("TW")
    partner.refresh_from_db()
    assert not result.error
    assert sent == [[1]]
    assert (partner.acked_seq, partner.attempts, partner.last_error) == (1, 0, "")
    delivery.send_pending("TW")  # nothing pending: an empty batch, nothing resent
    assert sent[-1] == []
