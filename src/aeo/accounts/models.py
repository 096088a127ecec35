import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aeo.accounts.constants import CUSTOMS_ROLES, Role
from aeo.core.models import ChoiceLabels

TOKEN_PREFIX = "aeo_"  # noqa: S105 - a public marker, not a secret


class User(ChoiceLabels, AbstractUser):
    """A person (or, for partner customs, a system) using the platform, with exactly one role."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    operator = models.ForeignKey(
        "registry.Operator",
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The operator a trader acts for."),
    )
    office = models.ForeignKey(
        "registry.CustomsOffice",
        verbose_name=_("customs office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the platform sends this user."),
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="trader_has_operator",
                condition=~models.Q(role="trader") | models.Q(operator__isnull=False),
            ),
            # The admin is for superusers only: no role gets staff status by itself.
            models.CheckConstraint(
                name="staff_only_superusers",
                condition=models.Q(is_staff=False) | models.Q(is_superuser=True),
            ),
        ]

    @property
    def is_trader(self) -> bool:
        return self.role == Role.TRADER

    @property
    def is_customs(self) -> bool:
        return self.role in CUSTOMS_ROLES


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for scripts and partner systems; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        _("expires at"), null=True, blank=True, help_text=_("Empty: never expires.")
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def state(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return "expired"
        return "active"

    @staticmethod
    def generate() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)
