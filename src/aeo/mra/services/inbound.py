"""Receiving a partner's batch: verified, refused with a reason, or applied once per number."""

from datetime import UTC, date, datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aeo.core import audit
from aeo.core.now import now
from aeo.mra.constants import BATCH_MAX_AGE_SECONDS, BATCH_SIZE, RecordEvent, VerifiedStatus
from aeo.mra.messages import OutOfOrder, Refused, Replayed, open_batch
from aeo.mra.models import Partner, PartnerAEO, PartnerAEOEvent, ReceivedBatch

# A batch signed this far in the future is refused (the sender's clock is wrong).
CLOCK_SKEW_SECONDS = 300
STATUSES = [s for s in VerifiedStatus.values if s != VerifiedStatus.UNKNOWN]


class WireRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")

    seq: int = Field(ge=1, le=2**62)
    event: str = Field(pattern="^(" + "|".join(RecordEvent.values) + ")$")
    aeo_number: str = Field(min_length=1, max_length=64)
    tin: str = Field("", max_length=64)
    partner_id: str = Field("", max_length=64)
    legal_name: str = Field(max_length=300)
    address: str = Field("", max_length=2000)
    aeo_type: str = Field(max_length=200)
    status: str = Field(pattern="^(" + "|".join(STATUSES) + ")$")
    valid_from: date | None = None
    valid_to: date | None = None


class WireBatch(BaseModel):
    model_config = ConfigDict(extra="ignore")

    jti: str = Field(min_length=8, max_length=64)
    iat: int = Field(ge=0, le=2**40)
    first_seq: int = Field(ge=0, le=2**62)
    last_seq: int = Field(ge=0, le=2**62)
    records: list[WireRecord] = Field(max_length=BATCH_SIZE)


def _checked(payload: dict[str, Any]) -> WireBatch:
    try:
        batch = WireBatch.model_validate(payload)
    except ValidationError as exc:
        raise Refused(
            _("The batch is malformed: %s") % exc.errors()[0]["msg"], code="malformed"
        ) from exc
    numbers = [r.seq for r in batch.records]
    expected = list(range(batch.first_seq, batch.last_seq + 1)) if numbers else []
    if numbers != expected:
        raise Refused(
            _("The records are not numbered first_seq to last_seq without gaps."),
            code="malformed",
        )
    return batch


@transaction.atomic
def receive_batch(*, token: str) -> dict[str, int]:
    """Verify, check for replay and order, and apply each new record; answers the highest
    number stored (`acknowledged`) and how many records were new (`applied`)."""
    sender, payload = open_batch(token)
    batch = _checked(payload)
    partner = Partner.objects.select_for_update().get(pk=sender.pk)
    age = now().timestamp() - batch.iat
    if ReceivedBatch.objects.filter(jti=batch.jti).exists() or age > BATCH_MAX_AGE_SECONDS:
        raise Replayed(_("This batch was received before (or is too old): it is a replay."))
    if age < -CLOCK_SKEW_SECONDS:
        raise Refused(_("The batch is dated in the future."), code="bad_time")
    if batch.records and batch.first_seq > partner.received_seq + 1:
        raise OutOfOrder(
            _("Records are missing before number %(first)d: resend from %(next)d.")
            % {"first": batch.first_seq, "next": partner.received_seq + 1},
            acknowledged=partner.received_seq,
        )
    received_at = now()
    fresh = [r for r in batch.records if r.seq > partner.received_seq]
    for record in fresh:
        _apply(partner, record, received_at)
    if fresh:
        partner.received_seq = fresh[-1].seq
    partner.last_received_at = received_at
    partner.save(update_fields=["received_seq", "last_received_at"])
    ReceivedBatch.objects.create(
        partner=partner,
        jti=batch.jti,
        first_seq=batch.first_seq,
        last_seq=batch.last_seq,
        applied=len(fresh),
        issued_at=datetime.fromtimestamp(batch.iat, tz=UTC),
        received_at=received_at,
    )
    if fresh:
        audit.record(
            actor=None,
            action="mra.batch_received",
            obj=partner,
            changes={"received_seq": [fresh[0].seq - 1, partner.received_seq]},
            reason=f"batch {batch.jti}",
        )
    return {"acknowledged": partner.received_seq, "applied": len(fresh)}


def _apply(partner: Partner, record: WireRecord, received_at: datetime) -> None:
    facts = {
        "tin": record.tin,
        "our_id": record.partner_id,
        "name": record.legal_name,
        "address": record.address,
        "aeo_type": record.aeo_type,
        "status": record.status,
        "valid_from": record.valid_from,
        "valid_to": record.valid_to,
        "consent_withdrawn": record.event == RecordEvent.CONSENT_WITHDRAWN,
        "seq": record.seq,
        "received_at": received_at,
    }
    aeo, _created = PartnerAEO.objects.update_or_create(
        partner=partner, aeo_number=record.aeo_number, defaults=facts
    )
    PartnerAEOEvent.objects.create(
        partner=partner,
        aeo=aeo,
        seq=record.seq,
        event=record.event,
        status=record.status,
        entry=record.model_dump(mode="json"),
        received_at=received_at,
    )
