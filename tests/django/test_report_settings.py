"""The site report with filters and exports, and the settings layers (engine < NEWSAUDIT < per-site)."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import Site

from newsaudit.engine import ConfigError
from newsaudit.models import AuditResult
from newsaudit.pages.auditing import audit_page
from newsaudit.settings import NewsauditSettings, base_config, config_for_site

from .conftest import CLEAN_PARAGRAPH, make_article


@pytest.fixture
def two_audited(section, django_capture_on_commit_callbacks):
    weasel = make_article(section, slug="weasel")
    clean = make_article(
        section, slug="clean", body=[{"type": "paragraph", "value": CLEAN_PARAGRAPH, "id": "c"}], live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        weasel.save_revision().publish()
        clean.save_revision()
    return weasel, clean


def _csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def test_report_lists_latest_audits_with_filters(admin_client, two_audited):
    weasel, clean = two_audited
    url = reverse("newsaudit_report")
    assert url == "/admin/reports/newsaudit/"
    html = admin_client.get(url).content.decode()
    assert weasel.title in html and "Environment" in html
    rows = _csv_rows(admin_client.get(url, {"export": "csv"}))
    assert {r["Page ID"] for r in rows} == {str(weasel.pk), str(clean.pk)}
    assert {r["Section"] for r in rows} == {"Environment"}
    by_rule = _csv_rows(admin_client.get(url, {"export": "csv", "rule": "na201"}))
    assert [r["Page ID"] for r in by_rule] == [str(weasel.pk)]
    by_category = _csv_rows(admin_client.get(url, {"export": "csv", "category": "sourcing"}))
    assert str(weasel.pk) in {r["Page ID"] for r in by_category} and str(clean.pk) not in {
        r["Page ID"] for r in by_category
    }
    live = _csv_rows(admin_client.get(url, {"export": "csv", "live": "true"}))
    assert [r["Page ID"] for r in live] == [str(weasel.pk)]
    section = weasel.get_parent()
    in_section = _csv_rows(admin_client.get(url, {"export": "csv", "section": section.pk}))
    assert len(in_section) == 2
    status = AuditResult.objects.get(page=clean, is_latest=True).status
    assert all(r["Status"] == status for r in _csv_rows(admin_client.get(url, {"export": "csv", "status": status})))


def test_report_xlsx_export(admin_client, two_audited):
    response = admin_client.get(reverse("newsaudit_report"), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")


def test_report_menu_item(admin_client, two_audited):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/reports/newsaudit/" in html


def test_django_setting_layer(settings, article):
    settings.NEWSAUDIT = {"ignore": ["NA201"], "target_grade": 8}
    config = base_config()
    assert "NA201" in config.ignore and config.target_grade == 8.0
    _document, report = audit_page(article.specific)
    assert "NA201" not in {f["rule"] for f in report["findings"]}
    settings.NEWSAUDIT = {"no_such_key": 1}
    with pytest.raises(ConfigError):
        base_config()


def test_site_settings_layer_wins(settings, article):
    settings.NEWSAUDIT = {"warn_below": 60}
    site = Site.objects.get(is_default_site=True)
    site_settings = NewsauditSettings.for_site(site)
    site_settings.warn_below = 90
    site_settings.disabled_rules = "sourcing"
    site_settings.severity_overrides = "NA101 = error"
    site_settings.wire_services = "Example News Agency\nHarbour Wire"
    site_settings.full_clean()
    site_settings.save()
    config = config_for_site(site)
    assert config.warn_below == 90 and "sourcing" in config.ignore
    assert config.wire_services == ("Example News Agency", "Harbour Wire")
    assert config.severity["NA101"].label == "error"
    _document, report = audit_page(article.specific)
    assert not [f for f in report["findings"] if f["category"] == "sourcing"]


def test_site_settings_validation(db):
    site = Site.objects.get(is_default_site=True)
    bad = NewsauditSettings(site=site, severity_overrides="NA201 = catastrophic")
    with pytest.raises(Exception, match="NA201"):
        bad.clean()


def test_settings_change_triggers_reaudit(article, django_capture_on_commit_callbacks, settings):
    from newsaudit.pages.auditing import record_revision

    with django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    first = AuditResult.objects.get(revision=revision)
    settings.NEWSAUDIT = {"ignore": ["NA201"]}
    again = record_revision(revision.pk)
    assert again.pk == first.pk and again.content_hash != first.content_hash
    assert "NA201" not in again.rule_codes.split()
