from django.apps import AppConfig


class NewsauditConfig(AppConfig):
    name = "newsaudit"
    label = "newsaudit"
    verbose_name = "News audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks as django_checks

        from . import after_response, checks, signal_handlers
        from .panels import edit_views

        signal_handlers.register()
        after_response.register()
        edit_views.install_side_panel()
        django_checks.register(checks.check_settings, django_checks.Tags.compatibility)
        django_checks.register(checks.check_site_integration, django_checks.Tags.compatibility)
        django_checks.register(checks.check_live_check_cache, django_checks.Tags.caches)
