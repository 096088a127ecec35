from django.tasks import task

from aeo.authorizations import services


@task
def expire_authorizations() -> list[str]:
    """Daily: expire authorizations past their last valid day; returns the AEO numbers.

    Scheduled by running `aeo expire_authorizations` once a day (cron or a systemd timer).
    """
    return services.expire_lapsed()
