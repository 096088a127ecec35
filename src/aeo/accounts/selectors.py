from django.db.models import QuerySet

from aeo.accounts.models import ApiToken


def tokens_visible_to(user) -> QuerySet[ApiToken]:
    """A user's own tokens; staff (administrators) see everyone's."""
    qs = ApiToken.objects.select_related("user").order_by("-created_at", "-id")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_staff or user.is_superuser:
        return qs
    return qs.filter(user=user)
