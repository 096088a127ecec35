"""`core.models.ChoiceLabels`: every model of ours with choices reads its labels from a
dictionary, and gives what Django's `get_FOO_display` gives, in both languages."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from aeo.core.models import ChoiceLabels


def fields_with_choices() -> list[tuple[type[models.Model], models.Field]]:
    return [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("aeo.")
        for field in model._meta.concrete_fields
        if field.choices
    ]


def test_every_model_with_choices_reads_its_labels_from_a_dictionary():
    assert fields_with_choices()
    assert [
        f"{model.__name__}.{field.name}"
        for model, field in fields_with_choices()
        if vars(model)[f"get_{field.name}_display"].func is not ChoiceLabels._get_FIELD_display
    ] == []


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_labels_are_djangos(language):
    with translation.override(language):
        for model, field in fields_with_choices():
            for value, label in [*field.flatchoices, ("no such value", "no such value")]:
                row = model(**{field.attname: value})
                shown = getattr(row, f"get_{field.name}_display")()
                assert shown == models.Model._get_FIELD_display(row, field), (model, field, value)
                assert shown == str(label)
