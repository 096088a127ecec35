app_name = "authorizations"
urlpatterns: list = []
