from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "example_site.news"
    label = "news"
    verbose_name = "Example news site"
    default_auto_field = "django.db.models.BigAutoField"
