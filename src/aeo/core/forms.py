import hashlib
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

from aeo.core import bounds
from aeo.core.errors import DomainError


def _bounded_time(value: Any) -> None:
    """A time the database can hold in UTC (years 1900-2999), else a field error."""
    try:
        bounds.check_datetime(value)
    except ValueError as exc:
        raise ValidationError(str(exc), code="out_of_range") from exc


class UswdsForm(forms.Form):
    """A form whose widgets carry the U.S. Web Design System's classes."""

    result: Any = None  # what the last successful `call` returned

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Bounds no page form may exceed: what a column holds (never a 500 for bad input).
            if isinstance(field, forms.DateTimeField):
                field.validators.append(_bounded_time)
            elif isinstance(field, forms.IntegerField) and field.max_value is None:
                field.validators += [
                    MaxValueValidator(bounds.MAX_ID),
                    MinValueValidator(-bounds.MAX_ID),
                ]
            widget = field.widget
            if isinstance(widget, forms.RadioSelect):
                # USWDS hides the real input and draws the control on its label: without
                # this class the browser's own radio shows beside USWDS's (drawn twice).
                widget.attrs.setdefault("class", "usa-radio__input")
            elif isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", "usa-checkbox__input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "usa-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "usa-textarea")
            else:
                widget.attrs.setdefault("class", "usa-input")

    def call(self, service: Callable[..., object], **kwargs: Any) -> bool:
        """Run `service` with the cleaned data and `kwargs`; a refusal becomes this form's error.

        The field the service names gets the message (the form-wide errors otherwise), so the
        page shows it where it belongs and keeps what the user typed. False when refused;
        the service's return value is kept in `result`.
        """
        try:
            self.result = service(**self.cleaned_data, **kwargs)
        except DomainError as exc:
            self.add_error(self._shown(exc.field), exc.message)
        except ValidationError as exc:
            by_field = exc.error_dict if hasattr(exc, "error_dict") else {None: exc.error_list}
            for field, errors in by_field.items():
                self.add_error(self._shown(field), errors)
        else:
            return True
        return False

    def _shown(self, field: str | None) -> str | None:
        """The field an error is shown on: a visible one of this form, else the whole form."""
        if field in self.fields and not self.fields[field].widget.is_hidden:
            return field
        return None


class ConfirmedForm(UswdsForm):
    """A form whose action cannot be taken back: it asks once more, in words, before it runs.

    The first valid submission is not run: the form comes back with `pending_confirmation`
    (what will happen, from `confirmation()`) and a hidden `confirmed` flag set, so the same
    button confirms. No script needed, so it works the same with htmx and without JS.
    """

    confirmed = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    pending_confirmation: Any = None

    def confirmation(self) -> object:
        """What the action will do, in words, from the cleaned data."""
        raise NotImplementedError

    def _fingerprint(self) -> str:
        """What was shown for confirmation: a change of any answer asks again."""
        shown = sorted(
            (name, str(value))
            for name, value in self.cleaned_data.items()
            if name not in ("confirmed", "version")
        )
        return hashlib.sha256(repr(shown).encode()).hexdigest()

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        fingerprint = self._fingerprint()
        if self.cleaned_data.pop("confirmed", "") == fingerprint:
            return True  # `call` passes the service only what it asks
        self.pending_confirmation = self.confirmation()
        data: Any = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict
        data[self.add_prefix("confirmed")] = fingerprint
        self.data = data
        return False


class VersionedForm(UswdsForm):
    """A form on a workflow object: it posts back the version it was shown (stale → refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
