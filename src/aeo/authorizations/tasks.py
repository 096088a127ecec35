from django.tasks import task

from aeo.authorizations import services


@task
def expire_authorizations() -> list[str]:
    """Daily: expire authorizations past their last valid day, then revoke suspensions whose
    period to remedy has ended unlifted; returns the AEO numbers closed.

    Scheduled by running `aeo expire_authorizations` once a day (cron or a systemd timer).
    """
    return services.expire_lapsed() + services.revoke_unremedied()
