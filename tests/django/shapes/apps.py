from django.apps import AppConfig


class ShapesConfig(AppConfig):
    name = "tests.django.shapes"
    label = "shapes"
    default_auto_field = "django.db.models.BigAutoField"
