app_name = "requirements"
urlpatterns: list = []
