"""Writing a template's criteria and questions from plain data, and reading them back.

The data migration loads the default catalogue with it (through historical models, hence the
model arguments), and a new draft copies the published version the same way.
"""

from typing import Any

from aeo.requirements.data.catalogue import CRITERIA, CriterionData, QuestionData


def write_criteria(
    template: Any, criteria: list[CriterionData], criterion_model: Any, question_model: Any
) -> None:
    for position, data in enumerate(criteria, start=1):
        criterion = criterion_model.objects.create(
            template=template,
            code=data["code"],
            area=data["area"],
            title=data["title"],
            description=data["description"],
            roles=[str(r) for r in data["roles"]],
            sme_alternatives=list(data["sme_alternatives"]),
            position=position,
        )
        question_model.objects.bulk_create(
            question_model(
                template=template,
                criterion=criterion,
                code=q["code"],
                kind=q["kind"],
                text=q["text"],
                help_text=q.get("help", ""),
                choices=q.get("choices", []),
                required=q.get("required", True),
                position=n,
            )
            for n, q in enumerate(data["questions"], start=1)
        )


def read_criteria(template: Any) -> list[CriterionData]:
    criteria: list[CriterionData] = []
    for criterion in template.criteria.order_by("position", "code").prefetch_related("questions"):
        questions: list[QuestionData] = [
            {
                "code": q.code,
                "kind": q.kind,
                "text": q.text,
                "help": q.help_text,
                "choices": list(q.choices),
                "required": q.required,
            }
            for q in sorted(criterion.questions.all(), key=lambda q: (q.position, q.code))
        ]
        criteria.append(
            {
                "code": criterion.code,
                "area": criterion.area,
                "title": criterion.title,
                "description": criterion.description,
                "roles": list(criterion.roles),
                "sme_alternatives": list(criterion.sme_alternatives),
                "questions": questions,
            }
        )
    return criteria


def load_default(
    template_model: Any, criterion_model: Any, question_model: Any, *, now: Any
) -> None:
    """Version 1, published, unless a version 1 exists already."""
    if template_model.objects.filter(number=1).exists():
        return
    template = template_model.objects.create(
        number=1,
        status="published",
        notes="Default catalogue, consistent with the WCO SAFE Framework.",
        published_at=now,
    )
    write_criteria(template, CRITERIA, criterion_model, question_model)
