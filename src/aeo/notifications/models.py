from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aeo.core.now import now


def render(key: str, params: dict[str, Any]) -> str:
    """A message in the active language: its key translated, then its parameters filled in.

    A parameter stored as `{"msgid": ...}` (e.g. a status label) is translated too.
    """
    if not key:
        return ""
    values = {
        name: gettext(value["msgid"]) if isinstance(value, dict) else value
        for name, value in params.items()
    }
    return gettext(key) % values if values else gettext(key)


class Notification(models.Model):
    """One message in a user's inbox (also e-mailed), stored as message keys and parameters.

    It is rendered in the language of whoever reads it: the inbox in the page's language, the
    e-mail in the recipient's (`User.language`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject_key = models.CharField(_("subject"), max_length=200)
    body_key = models.TextField(_("message"), blank=True)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("sent"), default=now, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject

    @property
    def subject(self) -> str:
        return render(self.subject_key, self.params)

    @property
    def body(self) -> str:
        return render(self.body_key, self.params)
