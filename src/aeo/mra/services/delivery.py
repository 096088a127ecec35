"""Sending the outbox: signed batches from the partner's last acknowledged number.

A partner answers with the highest number it has stored; the next batch starts after it, so a
lost answer or a partner restored from a backup costs a resend, never a record. Sending the same
record twice is harmless (the partner applies each number once), so no lock is held while the
request is in flight. A failure is retried by the task queue with exponential backoff.
"""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction

from aeo.core import audit
from aeo.core.now import now
from aeo.mra.constants import BATCH_SIZE
from aeo.mra.messages import sign_batch
from aeo.mra.models import OutboxRecord, Partner

logger = logging.getLogger(__name__)
RECEIVE_PATH = "/api/v1/exchange/batches"
# A send stops after this many batches; the rest go in the next run.
MAX_BATCHES = 50


@dataclass
class Sent:
    partner: str
    batches: int = 0
    acknowledged: int = 0
    error: str = ""


def post_batch(url: str, token: str) -> tuple[int, dict[str, Any]]:
    """POST one batch; (HTTP status, JSON answer). Network failures raise OSError."""
    request = urllib.request.Request(  # noqa: S310 - the partner's registered http(s) URL
        url,
        data=json.dumps({"message": token}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.AEO_MRA_TIMEOUT) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            body = json.loads(exc.read() or b"{}")
        except ValueError:
            body = {}
        return exc.code, body if isinstance(body, dict) else {}


def wire(record: OutboxRecord) -> dict[str, Any]:
    return {"seq": record.seq, "event": record.event, "at": record.at.isoformat(), **record.entry}


def send_pending(economy: str) -> Sent:
    """Send what `economy` has not acknowledged (an empty batch when nothing is pending, so the
    partner knows we are alive); record the outcome on the partner."""
    partner = Partner.objects.get(economy_id=economy)
    result = Sent(economy, acknowledged=partner.acked_seq)
    url = partner.base_url.rstrip("/") + RECEIVE_PATH
    for _ in range(MAX_BATCHES):
        records = list(
            partner.outbox.filter(seq__gt=partner.acked_seq).order_by("seq")[:BATCH_SIZE]
        )
        token = sign_batch(audience=economy, records=[wire(r) for r in records])
        Partner.objects.filter(pk=partner.pk).update(last_sent_at=now())
        try:
            status, body = post_batch(url, token)
        except OSError as exc:
            return _failed(partner, result, f"{type(exc).__name__}: {exc}")
        acknowledged = body.get("acknowledged")
        if status == 200 or (status == 409 and body.get("code") == "out_of_order"):
            if not isinstance(acknowledged, int) or not 0 <= acknowledged <= partner.last_seq:
                return _failed(partner, result, f"{status}: no valid acknowledgement")
            result.batches += 1
            progressed = acknowledged > partner.acked_seq
            partner = _acknowledged(partner, acknowledged)
            result.acknowledged = acknowledged
            if not records or partner.acked_seq >= partner.last_seq:
                break
            if status == 200 and not progressed:
                return _failed(partner, result, f"{status}: the partner stored nothing new")
            continue
        return _failed(
            partner, result, f"{status} {body.get('code', '')}: {body.get('detail', '')}"
        )
    return result


@transaction.atomic
def _acknowledged(partner: Partner, acknowledged: int) -> Partner:
    locked = Partner.objects.select_for_update().get(pk=partner.pk)
    changed = locked.acked_seq != acknowledged
    locked.acked_seq = acknowledged
    locked.last_acked_at = now()
    locked.attempts = 0
    locked.last_error = ""
    locked.next_retry_at = None
    locked.save()
    if changed:
        audit.record(
            actor=None,
            action="mra.acknowledged",
            obj=locked,
            changes={"acked_seq": [partner.acked_seq, acknowledged]},
        )
    return locked


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … times AEO_MRA_RETRY_SECONDS after each failure, at most AEO_MRA_RETRY_MAX."""
    seconds = settings.AEO_MRA_RETRY_SECONDS * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(seconds, settings.AEO_MRA_RETRY_MAX))


def _failed(partner: Partner, result: Sent, error: str) -> Sent:
    with transaction.atomic():
        locked = Partner.objects.select_for_update().get(pk=partner.pk)
        locked.attempts += 1
        locked.last_error = error[:2000]
        locked.next_retry_at = now() + backoff(locked.attempts)
        locked.save()
    logger.warning(
        "MRA exchange with %s failed (%d): %s", partner.economy_id, locked.attempts, error
    )
    _schedule_retry(locked)
    result.error = error
    return result


def _schedule_retry(partner: Partner) -> None:
    from aeo.mra.tasks import deliver

    backend = deliver.get_backend()
    if backend.supports_defer:
        deliver.using(run_after=partner.next_retry_at).enqueue(partner.economy_id)  # type: ignore[misc]
