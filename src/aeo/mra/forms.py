from django import forms
from django.utils.translation import gettext_lazy as _

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
