from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, object]:
    return {"AEO_ECONOMY": settings.AEO_ECONOMY, "DEMO_MAILBOX": bool(settings.DEMO_MAILBOX)}
