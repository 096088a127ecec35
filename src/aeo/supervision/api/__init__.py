"""The supervision API: one router per topic, mounted under one tag."""

from ninja import Router

from aeo.supervision.api import contacts, reports

router = Router(tags=["supervision"])
router.add_router("", contacts.router)
router.add_router("", reports.router)
