from django.urls import path

from aeo.supervision.views import (
    aeo,
    audits,
    contacts,
    corrective_actions,
    monitoring,
    queue,
    reports,
)

app_name = "supervision"
urlpatterns = [
    path("operators/<int:operator_id>/", contacts.operator, name="operator"),
    path("my-aeo/", aeo.my_aeo, name="my_aeo"),
    path("queue/", queue.queue, name="queue"),
    path("queue/reassign/<int:operator_id>/", queue.reassign, name="reassign"),
    path("incidents/", reports.incident_list, name="incident_list"),
    path("incidents/new/", reports.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", reports.incident, name="incident"),
    path("incidents/<int:pk>/act/<slug:action_name>/", reports.incident_act, name="incident_act"),
    path("incidents/<int:pk>/files/<int:file_id>/", reports.incident_file, name="incident_file"),
    path("changes/", reports.change_list, name="change_list"),
    path("changes/new/", reports.change_new, name="change_new"),
    path("changes/<int:pk>/", reports.change, name="change"),
    path("changes/<int:pk>/act/<slug:action_name>/", reports.change_act, name="change_act"),
    path("operators/<int:operator_id>/audits/new/", audits.plan, name="plan_audit"),
    path("monitoring/", monitoring.due, name="monitoring"),
    path("audits/", audits.audit_list, name="audits"),
    path("audits/<int:pk>/", audits.audit_detail, name="audit"),
    path("audits/<int:pk>/act/<str:action_name>/", audits.audit_act, name="audit_act"),
    path("audits/<int:pk>/follow-up/<str:what>/", audits.audit_follow_up, name="audit_follow_up"),
    path("actions/", corrective_actions.action_list, name="corrective_actions"),
    path("actions/<int:pk>/", corrective_actions.action_detail, name="corrective_action"),
]
