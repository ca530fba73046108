"""Per-site settings (Wagtail admin > Settings > News audit) and the merged engine Config for a site.

Layers, later wins: engine defaults < Django setting `NEWSAUDIT` < this site's settings.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from .engine import DEFAULT, Config, ConfigError


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def per_site_settings_enabled() -> bool:
    """Per-site settings need Wagtail's settings app (most sites have it); without it the `NEWSAUDIT` Django
    setting alone applies, and the system check `newsaudit.W001` says so."""
    return apps.is_installed("wagtail.contrib.settings")


class NewsauditSettings(BaseSiteSetting):
    warn_below = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Overall score below which an article warns (blank: site default)."
    )
    fail_below = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Overall score below which an article fails (blank: site default)."
    )
    target_grade = models.FloatField(
        null=True, blank=True, help_text="Flesch-Kincaid grade the newsroom writes for (blank: site default)."
    )
    disabled_rules = models.TextField(
        blank=True, help_text="Rule codes or categories to switch off, e.g. 'NA301 readability'."
    )
    severity_overrides = models.TextField(
        blank=True, help_text="One per line: rule code = info|warning|error, e.g. 'NA201 = error'."
    )
    wire_services = models.TextField(blank=True, help_text="House list of wire services and agencies, one per line.")

    panels = [
        MultiFieldPanel([FieldPanel("warn_below"), FieldPanel("fail_below")], heading="Thresholds"),
        FieldPanel("target_grade"),
        FieldPanel("disabled_rules"),
        FieldPanel("severity_overrides"),
        FieldPanel("wire_services"),
    ]

    class Meta:
        verbose_name = "News audit"

    def as_layer(self) -> dict[str, Any]:
        """This site's settings as a config layer; blank fields are left to the layers below."""
        layer: dict[str, Any] = {}
        for name in ("warn_below", "fail_below", "target_grade"):
            value = getattr(self, name)
            if value is not None:
                layer[name] = value
        if self.disabled_rules.strip():
            layer["ignore"] = _words(self.disabled_rules)
        if self.severity_overrides.strip():
            layer["severity"] = dict(_severity_line(line) for line in _lines(self.severity_overrides))
        if self.wire_services.strip():
            layer["wire_services"] = _lines(self.wire_services)
        return layer

    def clean(self) -> None:
        super().clean()
        try:
            base_config().merge(self.as_layer(), origin="site settings")
        except (ConfigError, ValueError) as error:
            raise ValidationError(str(error)) from None


if per_site_settings_enabled():  # the Settings menu item links to the settings app's views
    register_setting(icon="glasses")(NewsauditSettings)


def _severity_line(line: str) -> tuple[str, str]:
    code, sep, level = line.partition("=")
    if not sep:
        code, _, level = line.partition(" ")
    if not code.strip() or not level.strip():
        raise ValueError(f"severity override {line!r} must look like 'NA201 = error'")
    return code.strip(), level.strip()


def base_config() -> Config:
    """Engine defaults merged with the Django setting NEWSAUDIT."""
    layer = getattr(django_settings, "NEWSAUDIT", None) or {}
    return DEFAULT.merge(dict(layer), origin="settings.NEWSAUDIT")


def config_for_site(site: Site | None) -> Config:
    """The Config for one site; a bad per-site layer falls back to the base config (it is validated on save)."""
    config = base_config()
    if site is None or not per_site_settings_enabled():
        return config
    try:
        return config.merge(NewsauditSettings.for_site(site).as_layer(), origin=f"site {site.pk} settings")
    except (ConfigError, ValueError):
        return config
