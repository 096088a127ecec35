from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
