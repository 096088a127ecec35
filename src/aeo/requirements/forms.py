from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import ConfirmedForm, UswdsForm
from aeo.registry.constants import OperatorRole
from aeo.requirements.constants import Area, QuestionKind, SmeAlternative


class AnswerForm(forms.Form):
    """One answer as posted from the check sheet; the service checks it against the question."""

    value = forms.CharField(label=_("Answer"), required=False, max_length=10_000, strip=True)
    sme_alternative = forms.ChoiceField(
        label=_("SME alternative"),
        required=False,
        choices=[("", _("None: we meet it ourselves")), *SmeAlternative.choices],
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"))


class CriterionForm(UswdsForm):
    code = forms.CharField(label=_("Code"), max_length=10)
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    roles = forms.MultipleChoiceField(
        label=_("Applies to roles"),
        help_text=_("Leave all unticked: the criterion applies to every role."),
        choices=OperatorRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sme_alternatives = forms.MultipleChoiceField(
        label=_("SME alternatives accepted"),
        help_text=_("The alternative changes the evidence accepted, not the requirement."),
        choices=SmeAlternative.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class QuestionForm(UswdsForm):
    code = forms.CharField(label=_("Code"), max_length=16)
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    help_text = forms.CharField(
        label=_("Guidance"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices)
    choices = forms.CharField(
        label=_("Choices"),
        help_text=_("For a choice question: one choice per line."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class PublishForm(ConfirmedForm):
    notes = forms.CharField(label=_("What changed"), required=False, max_length=2000)

    def confirmation(self) -> object:
        return _(
            "You are publishing this version: it can no longer be changed, every new "
            "self-assessment uses it from now on and the current version is superseded "
            "(self-assessments already started keep theirs)."
        )
