from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.benefits.constants import Category, Commitment, InspectionResult, Mandate
from aeo.benefits.services import PROPOSED_KINDS
from aeo.core.forms import ConfirmedForm, UswdsForm, VersionedForm
from aeo.requirements.constants import QuestionKind


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
        help_text=_(
            "Required for a customs benefit of low rate of inspections: the selectivity lowers "
            "the AEO's examination rates by it (75: a quarter of the rates)."
        ),
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


class TerminateMouForm(ConfirmedForm, MouStatusForm):
    def confirmation(self) -> object:
        return _(
            "You are terminating this memorandum: it ends for good and cannot be brought "
            "back into force; a new one would have to be signed."
        )


class AgencyForm(UswdsForm):
    """An agency's names, mandate and contact; `code` only when it is created."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=16,
        help_text=_("Up to 16 letters, digits and hyphens; it cannot be changed later."),
    )
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_ja = forms.CharField(label=_("Name (Japanese)"), max_length=200, required=False)
    mandate = forms.ChoiceField(label=_("Mandate"), choices=Mandate.choices)
    contact = forms.CharField(
        label=_("Contact"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), max_length=300, required=False)

    def __init__(self, *args, with_code: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_code:
            del self.fields["code"]


class MouForm(UswdsForm):
    agency = forms.ChoiceField(label=_("Agency"))
    title = forms.CharField(label=_("Title"), max_length=200)
    scope = forms.CharField(
        label=_("Scope"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    commitments = forms.MultipleChoiceField(
        label=_("What each side commits to"),
        choices=Commitment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    document_reference = forms.CharField(
        label=_("Document"),
        max_length=500,
        required=False,
        help_text=_("Where the signed text is kept: an address or a file reference."),
    )

    def __init__(self, *args, agency_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = list(agency_choices)  # type: ignore[attr-defined]


class InspectionRequestForm(UswdsForm):
    """Which AEO (by its TIN), which agencies, where and, if known, when."""

    operator = forms.CharField(
        label=_("Operator (TIN)"), max_length=32, help_text=_("The AEO whose goods are inspected.")
    )
    agencies = forms.MultipleChoiceField(
        label=_("Agencies inspecting with customs"), widget=forms.CheckboxSelectMultiple
    )
    place = forms.CharField(label=_("Place"), max_length=300)
    scheduled_at = forms.DateTimeField(
        label=_("Date and time"),
        required=False,
        help_text=_("Empty: to be scheduled later."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reference = forms.CharField(
        label=_("Declaration or consignment"), max_length=200, required=False
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, agency_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].choices = list(agency_choices)  # type: ignore[attr-defined]


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


class RecordInspectionForm(ConfirmedForm, VersionedForm):
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

    def confirmation(self) -> object:
        return _("You are recording the result: the joint inspection is then closed for good.")


class CancelInspectionForm(ConfirmedForm, VersionedForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def confirmation(self) -> object:
        return _("You are cancelling this joint inspection: it cannot be taken up again.")


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

    SLOTS = 3  # questions proposed on the page (the API takes more)

    def __init__(self, *args, role_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = list(role_choices)  # type: ignore[attr-defined]
        kinds = [("", _("No question"))] + [(k, QuestionKind(k).label) for k in PROPOSED_KINDS]
        for n in range(1, self.SLOTS + 1):
            self.fields[f"q{n}_text_en"] = forms.CharField(
                label=_("Question %(n)s (English)") % {"n": n}, max_length=2000, required=False
            )
            self.fields[f"q{n}_text_ja"] = forms.CharField(
                label=_("Question %(n)s (Japanese)") % {"n": n}, max_length=2000, required=False
            )
            self.fields[f"q{n}_kind"] = forms.ChoiceField(
                label=_("Question %(n)s: kind of answer") % {"n": n}, choices=kinds, required=False
            )

    def clean_hs_prefixes(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["hs_prefixes"].split(",") if p.strip()]

    def clean(self) -> dict:
        """The filled question slots become `questions` (what `propose_criteria` takes)."""
        data = super().clean() or {}
        questions = []
        for n in range(1, self.SLOTS + 1):
            row = {k: data.pop(f"q{n}_{k}", "") for k in ("text_en", "text_ja", "kind")}
            if not any(row.values()):
                continue
            if not row["text_en"].strip():
                self.add_error(f"q{n}_text_en", _("Give the question's text."))
            elif not row["kind"]:
                self.add_error(f"q{n}_kind", _("Choose a kind of answer."))
            questions.append(row)
        data["questions"] = questions
        return data
