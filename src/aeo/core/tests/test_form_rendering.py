"""The shared form rendering (includes/form_fields.html with UswdsForm) draws each choice once.

USWDS draws a radio or checkbox on the input's label and hides the input itself, which it
recognises by its class: an input without the class shows beside the drawn one (twice).
"""

import importlib
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

import aeo
from aeo.applications.forms import DecisionForm
from aeo.core.forms import UswdsForm

INPUT = re.compile(r'<input type="(radio|checkbox)"[^>]*>')
LABEL = re.compile(r'<label class="usa-(radio|checkbox)__label"')


def _drawn(html: str) -> tuple[int, int, list[str]]:
    """(inputs, USWDS labels, inputs USWDS does not hide)."""
    inputs = INPUT.findall(html)
    shown = [m.group(0) for m in INPUT.finditer(html) if "__input" not in m.group(0)]
    return len(inputs), len(LABEL.findall(html)), shown


def _all_form_classes() -> list[type[UswdsForm]]:
    root = Path(aeo.__file__).parent
    for path in root.glob("*/forms*.py"):
        importlib.import_module(f"aeo.{path.parent.name}.{path.stem}")
    for path in root.glob("*/forms/*.py"):
        importlib.import_module(f"aeo.{path.parent.parent.name}.forms.{path.stem}")
    found, todo = [], [UswdsForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_the_decision_form_draws_each_radio_and_checkbox_once():
    html = render_to_string("includes/form_fields.html", {"form": DecisionForm(prefix="decide")})
    inputs, labels, shown = _drawn(html)
    assert html.count('type="radio"') == 2  # authorize, refuse
    assert html.count('type="checkbox"') == 9  # the refusal reasons
    assert inputs == labels == 11
    assert shown == []


@pytest.mark.django_db
def test_every_form_draws_each_choice_once():
    checked = 0
    for form_class in _all_form_classes():
        try:
            form = form_class()
        except TypeError:
            continue  # a form that needs its object; its widgets come from the same __init__
        html = render_to_string("includes/form_fields.html", {"form": form})
        inputs, labels, shown = _drawn(html)
        assert shown == [], form_class
        assert inputs == labels, form_class
        checked += inputs
    assert checked > 20
