from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.benefits import selectors as benefit_selectors
from aeo.benefits.constants import Category
from aeo.core.forms import UswdsForm, VersionedForm
from aeo.mra.constants import MAX_VERIFY_IDS


class MraStatusForm(VersionedForm):
    effective_on = forms.DateField(
        label=_("Took effect on"),
        required=False,
        help_text=_("Empty: today."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConsentForm(VersionedForm):
    pass


class VerifyForm(UswdsForm):
    ids = forms.CharField(
        label=_("Identifiers"),
        required=False,
        help_text=_("TINs, AEO numbers or partner ids: one per line, or separated by commas."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    file = forms.FileField(
        label=_("Or upload a list"),
        required=False,
        help_text=_("A text or CSV file, identifiers in the first column (up to 1,000)."),
    )

    def clean(self):
        data = super().clean() or {}
        ids = _split(data.get("ids") or "")
        upload = data.get("file")
        if upload is not None:
            try:
                text = upload.read(1024 * 1024).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError(
                    _("The file is not UTF-8 text."), code="invalid"
                ) from exc
            ids += [line.split(",")[0] for line in text.splitlines()]
        ids = [i.strip() for i in ids if i.strip() and "\x00" not in i][: MAX_VERIFY_IDS + 1]
        if not ids:
            raise forms.ValidationError(_("Give at least one identifier."), code="required")
        if len(ids) > MAX_VERIFY_IDS:
            raise forms.ValidationError(
                _("At most %(n)d identifiers at once.") % {"n": MAX_VERIFY_IDS}, code="too_many"
            )
        data["id_list"] = [i[:64] for i in ids]
        return data


def _split(text: str) -> list[str]:
    return [part for line in text.splitlines() for part in line.split(",")]


def _pairs(value: str, parts: int) -> list[list[str]]:
    """One entry a line, its parts separated by "|" (blank lines skipped)."""
    rows = []
    for number, line in enumerate(value.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != parts or not all(cells):
            raise forms.ValidationError(
                _("Line %(line)s: give %(parts)s parts separated by “|”."),
                params={"line": number, "parts": parts},
                code="invalid",
            )
        rows.append(cells)
    return rows


class MraForm(UswdsForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    partners = forms.CharField(
        label=_("Partner economies"),
        max_length=300,
        help_text=_("ISO codes separated by commas, e.g. TW, or several for a plurilateral one."),
    )
    legal_act = forms.CharField(label=_("Legal act"), max_length=300, required=False)
    scope = forms.CharField(
        label=_("Scope"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One line per type: our type's code | the partner's type, e.g. IMP | AEO-S."),
    )
    benefits_abroad = forms.CharField(
        label=_("Benefits for our AEOs in the partner economy"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One a line: title in English | title in Japanese | category | our types' codes, "
            "e.g. Reduced examination | 検査の軽減 | low_inspection | IMP EXP."
        ),
    )
    benefits_abroad_notes = forms.CharField(
        label=_("Notes on the benefits abroad"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    benefits_here = forms.TypedMultipleChoiceField(
        label=_("Benefits for the partner's AEOs here"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Our published benefits from the catalogue."),
    )
    benefits_here_notes = forms.CharField(
        label=_("Notes on the benefits here"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    partner_identifier = forms.CharField(
        label=_("Identifier the partner needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    declaration_field = forms.CharField(
        label=_("Where it goes in a declaration"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    stage1_target = forms.FloatField(
        label=_("Target: Stage 1 release time's change (%)"),
        required=False,
        min_value=-100,
        max_value=1000,
        help_text=_("e.g. -20: the partner AEOs' goods are released 20 percent faster."),
    )
    stage2_target = forms.FloatField(
        label=_("Target: Stage 2 release time's change (%)"),
        required=False,
        min_value=-100,
        max_value=1000,
    )
    other_indicators = forms.CharField(
        label=_("Other indicators of the monitoring clause"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: indicator | target."),
    )
    documents = forms.CharField(
        label=_("Documents"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: title | address (https://…)."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["benefits_here"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(b.pk, b.title) for b in benefit_selectors.catalogue()]

    def clean_benefits_abroad(self) -> list[dict]:
        lines = []
        for number, line in enumerate(self.cleaned_data["benefits_abroad"].splitlines(), 1):
            if not line.strip():
                continue
            cells = [c.strip() for c in line.split("|")]
            if len(cells) != 4 or not (cells[0] and cells[2] and cells[3]):
                raise forms.ValidationError(
                    _("Line %(line)s: give %(parts)s parts separated by “|”."),
                    params={"line": number, "parts": 4},
                    code="invalid",
                )
            if cells[2] not in Category.values:
                raise forms.ValidationError(
                    _("Line %(line)s: the category is one of %(choices)s."),
                    params={"line": number, "choices": ", ".join(Category.values)},
                    code="invalid_choice",
                )
            en, ja, category, types = cells
            lines.append(
                {"title_en": en, "title_ja": ja, "category": category, "aeo_types": types.split()}
            )
        return lines

    def clean_partners(self) -> list[str]:
        return [c for c in self.cleaned_data["partners"].replace(",", " ").split() if c]

    def clean_scope(self) -> list[tuple[str, str]]:
        return [(a.upper(), b) for a, b in _pairs(self.cleaned_data["scope"], 2)]

    def clean_documents(self) -> list[tuple[str, str]]:
        rows = _pairs(self.cleaned_data["documents"], 2)
        url = forms.URLField()
        return [(title, url.clean(address)) for title, address in rows]

    def clean_other_indicators(self) -> list[list[str]]:
        return _pairs(self.cleaned_data["other_indicators"], 2)

    def clean(self) -> dict:
        data = super().clean() or {}
        indicators = []
        for stage, name in ((1, "stage1_target"), (2, "stage2_target")):
            pct = data.pop(name, None)
            if pct is not None:
                indicators.append(
                    {
                        "indicator": str(STAGE_INDICATOR[stage]),
                        "target": str(_("changes by %(pct)s %%") % {"pct": f"{pct:g}"}),
                        "stage": stage,
                        "target_change_pct": pct,
                    }
                )
        for indicator, target in data.pop("other_indicators", []):
            indicators.append({"indicator": indicator, "target": target})
        data["indicators"] = indicators
        return data


STAGE_INDICATOR = {
    1: _("Stage 1 release time of partner AEOs' imports (lodgment to release)"),
    2: _("Stage 2 release time of partner AEOs' imports (arrival to delivery)"),
}
