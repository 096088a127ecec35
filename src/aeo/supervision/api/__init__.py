"""The supervision API: one router per topic, mounted under one tag."""

from ninja import Router

from aeo.supervision.api import audits, contacts, corrective_actions, monitoring, reassessments

router = Router(tags=["supervision"])
router.add_router("", contacts.router)
router.add_router("", monitoring.router)
router.add_router("", audits.router)
router.add_router("", corrective_actions.router)
router.add_router("", reassessments.router)
