"""The supervision API: one router per topic, mounted under one tag."""

from ninja import Router

from aeo.supervision.api import (
    audits,
    contacts,
    corrective_actions,
    monitoring,
    reassessments,
    reports,
)

router = Router(tags=["supervision"])
for topic in (contacts, reports, monitoring, audits, corrective_actions, reassessments):
    router.add_router("", topic.router)
