from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core.forms import UswdsForm
from aeo.supervision.constants import ContactKind


class ContactForm(UswdsForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ContactKind.choices,
    )
    occurred_at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    summary = forms.CharField(label=_("Summary"), max_length=200)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReassignForm(UswdsForm):
    manager = forms.ModelChoiceField(
        label=_("New account manager"),
        queryset=User.objects.filter(role=Role.ACCOUNT_MANAGER, is_active=True).select_related(
            "office"
        ),
    )
    reason = forms.CharField(label=_("Reason"), max_length=2000)
