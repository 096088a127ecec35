from django.tasks import task

from aeo.supervision.services import corrective_actions, monitoring


@task
def daily_supervision() -> dict[str, int]:
    """Daily: escalate overdue corrective actions, then refresh every AEO's monitoring plan.

    Scheduled by running `aeo supervision_daily` once a day (cron or a systemd timer)."""
    escalated = corrective_actions.escalate_overdue()
    return {"escalated": len(escalated), "plans": monitoring.refresh_all_plans()}
