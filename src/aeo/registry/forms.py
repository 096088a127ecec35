from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import UswdsForm
from aeo.registry.constants import CONFIRMED_BY_CUSTOMS, OperatorRole
from aeo.registry.models import Economy, Region


class OperatorForm(UswdsForm):
    """Input for registering or editing an operator; the services hold the rules."""

    economy = forms.ModelChoiceField(queryset=Economy.objects.all(), label=_("Economy"))
    tin = forms.CharField(label=_("TIN"), max_length=40)
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    address = forms.CharField(
        label=_("Address"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.select_related("office"), label=_("Region"), required=False
    )
    employee_count = forms.IntegerField(label=_("Employees"), min_value=0, max_value=10_000_000)
    email = forms.EmailField(label=_("Contact e-mail"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=OperatorRole.choices, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=2000)

    def __init__(self, *args, identity_locked: bool = False, **kwargs) -> None:
        """`identity_locked` (a trader editing its own): the identity and the facts customs
        confirms are shown but not editable; the trader reports a change instead."""
        super().__init__(*args, **kwargs)
        if identity_locked:
            for name in ("economy", "tin"):
                self.fields[name].disabled = True
            for name in CONFIRMED_BY_CUSTOMS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Changed by a change notification, once customs confirms it."
                )
