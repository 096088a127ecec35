from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
