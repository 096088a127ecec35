from django.tasks import task

from aeo.mra.services import delivery


@task
def deliver(economy: str) -> dict:
    """Send `economy` what it has not acknowledged; on failure this task is enqueued again
    after the backoff (`delivery.backoff`). At once for suspensions, revocations and consent
    withdrawals; at least daily for the rest (`aeo exchange run` from cron)."""
    sent = delivery.send_pending(economy)
    return {"batches": sent.batches, "acknowledged": sent.acknowledged, "error": sent.error}
