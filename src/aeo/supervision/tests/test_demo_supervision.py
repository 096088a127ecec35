"""The demo shows every supervision situation of this part: close monitoring, an audit
planned and notified, findings with an overdue (escalated) action."""

import pytest

from aeo.demo.builder import build
from aeo.supervision.constants import AuditStatus, MonitoringLevel
from aeo.supervision.models import Audit, CorrectiveAction, MonitoringPlan

pytestmark = pytest.mark.django_db


def test_the_demo_builds_supervision_through_the_services(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    logins = build()
    assert "trader.audited" in [login.username for login in logins]
    assert MonitoringPlan.objects.filter(level=MonitoringLevel.CLOSE).count() >= 2
    assert Audit.objects.filter(status=AuditStatus.NOTIFIED).exists()
    assert Audit.objects.filter(status=AuditStatus.REPORT_ISSUED, findings__isnull=False).exists()
    overdue = CorrectiveAction.objects.filter(escalated_at__isnull=False, status="open")
    assert overdue.exists() and overdue.first().is_overdue
    assert CorrectiveAction.objects.filter(status="responded").exists()
    assert [login.username for login in build()] == [login.username for login in logins]
