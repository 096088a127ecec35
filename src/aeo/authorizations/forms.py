from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.authorizations.constants import AuthorizationStatus
from aeo.core.forms import UswdsForm


class StatusChangeForm(UswdsForm):
    """Input for a status change; the choices are the moves the user may make now."""

    to = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, targets: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["to"]).choices = [
            (s, AuthorizationStatus(s).label) for s in targets
        ]
