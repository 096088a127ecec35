from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.authorizations.constants import SuspensionGround
from aeo.core.forms import ConfirmedForm, UswdsForm


class ReasonForm(UswdsForm):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class LiftForm(UswdsForm):
    reason = forms.CharField(
        label=_("Measures verified"),
        help_text=_("What customs verified before lifting the suspension."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuspendForm(ConfirmedForm, ReasonForm):
    ground = forms.ChoiceField(
        label=_("Ground"), choices=SuspensionGround.choices, widget=forms.RadioSelect
    )
    remedy_by = forms.DateField(
        label=_("Period to remedy ends on"),
        help_text=_(
            "If the suspension is not lifted by then, the authorization is revoked. "
            "Required unless facts are being established."
        ),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    field_order = ["ground", "remedy_by", "reason"]

    def confirmation(self) -> str:
        text = str(
            _(
                "You are suspending this AEO authorization: from now on the operator gets no AEO "
                "benefits for this type, the operator is told and partner customs are informed at "
                "once, until the suspension is lifted."
            )
        )
        if self.cleaned_data.get("remedy_by"):
            text += " " + _("If it is not lifted by %(date)s, the authorization is revoked.") % {
                "date": self.cleaned_data["remedy_by"].isoformat()
            }
        return text


class RevokeForm(ConfirmedForm, ReasonForm):
    all_types = forms.BooleanField(
        label=_("Revoke every AEO type the operator holds"),
        required=False,
        help_text=_("A revocation bars a new application by the operator for three years."),
    )

    def confirmation(self) -> str:
        if self.cleaned_data.get("all_types"):
            what = str(_("You are revoking every AEO type this operator holds"))
        else:
            what = str(_("You are revoking this AEO authorization"))
        then = _(
            "it ends for good, the operator loses its AEO benefits at once, partner customs "
            "are informed, and the operator may not apply again for three years."
        )
        return f"{what}: {then}"


class MeasuresForm(UswdsForm):
    plan = forms.CharField(
        label=_("Your plan of measures"),
        help_text=_("What you do to remedy the suspension, and by when."),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
