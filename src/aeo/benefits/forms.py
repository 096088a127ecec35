from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.benefits.constants import Category, InspectionResult
from aeo.core.forms import UswdsForm, VersionedForm


class BenefitForm(UswdsForm):
    """A draft benefit; the AEO types and the agencies offered are the caller's."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_ja = forms.CharField(label=_("Title (Japanese)"), max_length=200, required=False)
    aeo_types = forms.MultipleChoiceField(
        label=_("AEO types it applies to"), widget=forms.CheckboxSelectMultiple
    )
    agency = forms.ChoiceField(label=_("Granting authority"))
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    description_en = forms.CharField(
        label=_("What it means in practice (English)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_ja = forms.CharField(
        label=_("What it means in practice (Japanese)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300, required=False)
    conditions = forms.CharField(
        label=_("Conditions"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    condition_percent = forms.DecimalField(
        label=_("Reduction (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
    )
    condition_amount = forms.IntegerField(
        label=_("Reduction (amount, yen)"), required=False, min_value=1, max_value=10**14 - 1
    )
    valid_from = forms.DateField(
        label=_("Valid from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, type_choices=(), agency_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aeo_types"].choices = list(type_choices)  # type: ignore[attr-defined]
        self.fields["agency"].choices = list(agency_choices)  # type: ignore[attr-defined]


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MouStatusForm(CommentForm):
    effective_on = forms.DateField(
        label=_("Took effect on"),
        required=False,
        help_text=_("Empty: today."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DecisionForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScheduleForm(VersionedForm):
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(
        label=_("Place"), max_length=300, required=False, help_text=_("Empty: as requested.")
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)


class RecordInspectionForm(VersionedForm):
    result = forms.ChoiceField(label=_("Result"), choices=InspectionResult.choices)
    findings = forms.CharField(
        label=_("Findings"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes_saved = forms.IntegerField(
        label=_("Minutes saved against separate inspections"),
        required=False,
        min_value=0,
        max_value=100_000,
    )


class CancelInspectionForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProposalForm(UswdsForm):
    text_en = forms.CharField(
        label=_("Criterion (English)"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    text_ja = forms.CharField(
        label=_("Criterion (Japanese)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    roles = forms.MultipleChoiceField(
        label=_("Operator roles concerned"), required=False, widget=forms.CheckboxSelectMultiple
    )
    hs_prefixes = forms.CharField(
        label=_("Goods (HS code prefixes)"),
        max_length=600,
        required=False,
        help_text=_("Separated by commas, e.g. 0602, 1209."),
    )

    def __init__(self, *args, role_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = list(role_choices)  # type: ignore[attr-defined]

    def clean_hs_prefixes(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["hs_prefixes"].split(",") if p.strip()]
