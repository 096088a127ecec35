from django.http import HttpRequest, JsonResponse
from django.urls import path

from aeo.urls import urlpatterns as platform


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


urlpatterns = [path("bare", bare), *platform]
