"""Forms of the border pages; the services hold the rules."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.border.constants import Direction, ExaminationResult, Lane, TransportMode
from aeo.core.forms import UswdsForm, VersionedForm
from aeo.registry.models import CustomsOffice


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


def _codes(value: str) -> list[str]:
    """A list typed as "0901, 0902 2204": separated by commas or spaces."""
    return [v for v in value.replace(",", " ").split() if v]


class CriterionForm(UswdsForm):
    code = forms.CharField(label=_("Code"), max_length=30, help_text=_("e.g. COFFEE-BR"))
    description = forms.CharField(label=_("Description"), max_length=200)
    lane = forms.ChoiceField(
        label=_("Lane"),
        required=False,
        choices=[
            ("", _("None: add the score")),
            (Lane.PAPER, Lane.PAPER.label),
            (Lane.EXAM, Lane.EXAM.label),
        ],
    )
    score = forms.IntegerField(
        label=_("Score"),
        min_value=0,
        max_value=1000,
        initial=0,
        help_text=_("Added to the declaration's score when no lane is set."),
    )
    office = forms.ModelChoiceField(
        label=_("Office"), required=False, queryset=CustomsOffice.objects.order_by("name")
    )
    direction = forms.ChoiceField(
        label=_("Direction"), required=False, choices=[("", _("Any")), *Direction.choices]
    )
    transport_mode = forms.ChoiceField(
        label=_("Transport mode"), required=False, choices=[("", _("Any")), *TransportMode.choices]
    )
    hs_prefixes = forms.CharField(
        label=_("HS code prefixes"),
        required=False,
        max_length=2000,
        help_text=_("Separated by commas or spaces, e.g. 0901, 2204."),
    )
    origins = forms.CharField(
        label=_("Origins"),
        required=False,
        max_length=2000,
        help_text=_("Economy codes separated by commas or spaces, e.g. BR, VN."),
    )
    partner_economy = forms.CharField(label=_("Partner economy"), required=False, max_length=2)
    party_tin = forms.CharField(label=_("Party (TIN)"), required=False, max_length=20)
    min_value = forms.DecimalField(
        label=_("Value from"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("Value up to"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    instructions = forms.CharField(
        label=_("Instructions for the examining officer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_hs_prefixes(self) -> list[str]:
        return _codes(self.cleaned_data["hs_prefixes"])

    def clean_origins(self) -> list[str]:
        return [c.upper() for c in _codes(self.cleaned_data["origins"])]


class RetireForm(UswdsForm):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class SettingsForm(UswdsForm):
    office = forms.ModelChoiceField(
        label=_("Office"),
        required=False,
        empty_label=_("Every office without its own rates"),
        queryset=CustomsOffice.objects.order_by("name"),
    )
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    expected_paper_pct = forms.DecimalField(
        label=_("Expected paper review (%)"), min_value=0, max_value=100, decimal_places=2
    )
    expected_exam_pct = forms.DecimalField(
        label=_("Expected cargo examination (%)"), min_value=0, max_value=100, decimal_places=2
    )
    random_pct = forms.DecimalField(
        label=_("Minimum random examination (%)"), min_value=0, max_value=100, decimal_places=2
    )
    paper_score = forms.IntegerField(
        label=_("Score for paper review"),
        min_value=0,
        max_value=100000,
        initial=50,
        help_text=_("A declaration whose criteria scores reach this goes to paper review."),
    )
    exam_score = forms.IntegerField(
        label=_("Score for cargo examination"), min_value=0, max_value=100000, initial=100
    )
