from django.urls import path

from aeo.supervision.views import audits, contacts, corrective_actions, monitoring

app_name = "supervision"
urlpatterns = [
    path("operators/<int:operator_id>/", contacts.operator, name="operator"),
    path("operators/<int:operator_id>/audits/new/", audits.plan, name="plan_audit"),
    path("monitoring/", monitoring.due, name="monitoring"),
    path("audits/", audits.audit_list, name="audits"),
    path("audits/<int:pk>/", audits.audit_detail, name="audit"),
    path("audits/<int:pk>/act/<str:action_name>/", audits.audit_act, name="audit_act"),
    path("audits/<int:pk>/follow-up/<str:what>/", audits.audit_follow_up, name="audit_follow_up"),
    path("actions/", corrective_actions.action_list, name="corrective_actions"),
    path("actions/<int:pk>/", corrective_actions.action_detail, name="corrective_action"),
]
