from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from aeo.api import api
from aeo.core import views as core_views
from aeo.demo import views as demo_views
from aeo.home import views as home_views

urlpatterns = [
    # First: the public status lookup is the most requested path, and each pattern before it
    # costs every request a match.
    path("api/v1/", api.urls),
    path("", home_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("aeo.accounts.urls")),
    path("registry/", include("aeo.registry.urls")),
    path("requirements/", include("aeo.requirements.urls")),
    path("applications/", include("aeo.applications.urls")),
    path("aeo/", include("aeo.authorizations.urls")),
    path("supervision/", include("aeo.supervision.urls")),
    path("border/", include("aeo.border.urls")),
    path("inbox/", include("aeo.notifications.urls")),
    path("mra/", include("aeo.mra.urls")),
    path("benefits/", include("aeo.benefits.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("demo/sent-mail/", demo_views.sent_mail_page, name="demo_sent_mail"),
]

handler500 = "aeo.core.views.server_error"
