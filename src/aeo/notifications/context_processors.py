from django.http import HttpRequest

from aeo.notifications.selectors import unread_count


def inbox(request: HttpRequest) -> dict[str, int]:
    return {"unread_notifications": unread_count(request.user)}
