from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, str]:
    return {"AEO_ECONOMY": settings.AEO_ECONOMY}
