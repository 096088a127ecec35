"""Forms of the border pages; the services hold the rules."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.border.constants import ExaminationResult, Lane
from aeo.core.forms import UswdsForm, VersionedForm


class ExaminationForm(VersionedForm):
    result = forms.ChoiceField(label=_("Result"), choices=ExaminationResult.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        help_text=_("Required when a discrepancy is found."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RerouteForm(VersionedForm):
    lane = forms.ChoiceField(label=_("New lane"), choices=Lane.choices)
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class UploadForm(UswdsForm):
    file = forms.FileField(
        label=_("Declarations (CSV)"),
        help_text=_("One declaration a row, with a header row; see the column list below."),
    )
    update = forms.BooleanField(
        label=_("Update declarations already lodged with the same number"), required=False
    )


class MonitoringForm(UswdsForm):
    partner = forms.CharField(label=_("Partner economy (ISO code)"), max_length=2, initial="TW")
    entry_into_force = forms.DateField(
        label=_("Entry into force"),
        required=False,
        help_text=_("Empty: the arrangement's own date."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    days = forms.IntegerField(
        label=_("Days before and after"), min_value=1, max_value=3660, initial=180
    )

    def clean_entry_into_force(self) -> date | None:
        value = self.cleaned_data.get("entry_into_force")
        if value is not None and not 1900 <= value.year <= 2999:
            raise forms.ValidationError(_("Give a date between 1900 and 2999."))
        return value


class StudyFileForm(UswdsForm):
    kind = forms.ChoiceField(
        label=_("Study"),
        choices=[("compare", _("Compare before and after")), ("report", _("Release-time profile"))],
    )
    file = forms.FileField(label=_("Declarations file (CSV or Parquet)"))
    importing = forms.CharField(label=_("Importing economy"), max_length=2, initial="JP")
    partner = forms.CharField(label=_("Partner economy"), max_length=2, initial="TW")
    before = forms.CharField(
        label=_("Before (YYYY-MM-DD:YYYY-MM-DD)"), max_length=21, required=False
    )
    after = forms.CharField(label=_("After (YYYY-MM-DD:YYYY-MM-DD)"), max_length=21, required=False)
