from django.urls import path

from . import views

app_name = "newsaudit"
urlpatterns = [
    path("pages/<int:page_id>/panel/", views.panel, name="panel"),
    path("pages/<int:page_id>/check/", views.check_unsaved, name="check"),
]
