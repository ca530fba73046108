from django.urls import path

from .panels import dismissals, views

app_name = "newsaudit"
urlpatterns = [
    path("pages/<int:page_id>/panel/", views.panel, name="panel"),
    path("pages/<int:page_id>/check/", views.check_unsaved, name="check"),
    path("pages/<int:page_id>/dismiss/", dismissals.dismiss, name="dismiss"),
    path("pages/<int:page_id>/dismissals/<int:dismissal_id>/undo/", dismissals.undo, name="undo_dismissal"),
]
