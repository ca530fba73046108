from django.apps import AppConfig


class NewsauditConfig(AppConfig):
    name = "newsaudit"
    label = "newsaudit"
    verbose_name = "News audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import after_response, edit_views, signal_handlers

        signal_handlers.register()
        after_response.register()
        edit_views.install_side_panel()
