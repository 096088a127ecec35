from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from aeo.accounts.constants import Role
from aeo.core.http import AuthedRequest
from aeo.registry.models import Economy
from aeo.registry.selectors import operators_visible_to


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Each role lands on what it does most."""
    user = request.user
    context: dict[str, object] = {"role": user.role}
    if user.role == Role.TRADER:
        context["operator"] = operators_visible_to(user).get()  # exactly its own
    else:
        operators = operators_visible_to(user)
        context["operator_count"] = operators.count()
        context["sme_count"] = operators.smes().count()
        context["economy_count"] = Economy.objects.count()
        context["recent_operators"] = operators.order_by("-created_at")[:5]
    return render(request, "core/home.html", context)


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve: the database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "error", "database": "ok", "pending_migrations": len(pending)}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "pending_migrations": 0})


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (or the API's error shape), with the request id to quote."""
    request_id = getattr(request, "request_id", "")
    if request.path_info.startswith("/api/"):
        return JsonResponse(
            {
                "detail": str(_("Internal server error.")),
                "code": "server_error",
                "errors": [],
            },
            status=500,
        )
    html = loader.get_template("500.html").render({"request_id": request_id})
    return HttpResponse(html, status=500)
