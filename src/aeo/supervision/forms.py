from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.supervision.constants import ContactKind


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ContactKind.choices,
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    occurred_at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": "usa-input"}),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=200, widget=forms.TextInput(attrs={"class": "usa-input"})
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
