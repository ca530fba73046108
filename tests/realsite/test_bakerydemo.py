"""newsaudit on Wagtail's own demo site, installed with one line and no edit of the site's models."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, get_page_models

from newsaudit.engine.readers import read_path
from newsaudit.models import AuditResult
from newsaudit.pages.page_types import decision, is_audited

from .conftest import panel_shown

SITE = Path(os.environ.get("NEWSAUDIT_REALSITE", "."))


def pages_of(model):
    return list(model.objects.filter(depth__gt=1).exact_type(model))


def audited_pages():
    return [page for model in get_page_models() if is_audited(model) for page in pages_of(model)]


def test_articles_are_audited_and_other_page_types_are_skipped_with_a_reason(db_access):
    audited = {decision(m).label for m in get_page_models() if decision(m).audited}
    assert audited == {"blog.BlogPage", "recipes.RecipePage"}
    reasons = {decision(m).label: decision(m).reason for m in get_page_models()}
    assert reasons["base.FormPage"] == "a form page"
    assert reasons["base.HomePage"] == reasons["blog.BlogIndexPage"] == "a home, index or listing page"
    assert "not an article" in reasons["locations.LocationPage"]


def test_audit_archive_audits_every_article_page_with_no_error(db_access, tmp_path):
    output = tmp_path / "report.json"
    call_command("audit_archive", "--jobs", "1", "--no-progress", "--force", "--output", str(output))
    report = json.loads(output.read_text("utf-8"))
    expected = {f"page:{page.pk}" for page in audited_pages()}
    assert len(expected) >= 9
    assert {doc["id"] for doc in report["documents"]} == expected
    assert [doc for doc in report["documents"] if doc["status"] == "error"] == []
    assert report["summary"]["error"] == 0 and report["summary"]["errors"] == []
    stored = AuditResult.objects.filter(is_latest=True)
    assert {f"page:{r.page_id}" for r in stored.exclude(status="error")} >= expected


def test_blog_posts_and_recipes_with_authors_get_no_missing_byline(db_access):
    call_command("audit_archive", "--jobs", "1", "--no-progress")
    with_authors = [page for page in audited_pages() if page.specific.authors()]
    assert len(with_authors) >= 9
    for page in with_authors:
        result = AuditResult.objects.get(page=page, is_latest=True)
        assert "NA502" not in result.rule_codes.split(), page.title


def test_every_page_type_opens_in_the_editor_and_audited_types_show_the_panel(db_access):
    client = Client()
    client.force_login(db_access)
    call_command("audit_archive", "--jobs", "1", "--no-progress")
    opened = 0
    for model in get_page_models():
        for page in pages_of(model)[:1]:
            response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, model
            assert panel_shown(response.content.decode()) is is_audited(model), model
            opened += 1
    assert opened >= 10


def test_dumpdata_gives_one_document_per_page(db_access, tmp_path):
    dump = tmp_path / "dump.json"
    call_command("dumpdata", "wagtailcore", "blog", "base", "breads", "locations", "recipes", output=str(dump))
    documents = [d for d in read_path(dump) if hasattr(d, "blocks")]
    ids = [d.id for d in documents]
    assert len(ids) == len(set(ids))
    pages = {f"page:{p.pk}": p for p in Page.objects.filter(depth__gt=1)}
    assert set(ids) <= set(pages)
    assert {f"page:{p.pk}" for p in audited_pages()} <= set(ids)
    for document in documents:
        assert document.title == pages[document.id].title


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served_site(db_access):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=SITE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_check_api_pages_through_every_page_type_of_the_live_site(served_site):
    result = subprocess.run(
        [sys.executable, "-m", "newsaudit.cli", "check", "--format", "json", "--api", f"{served_site}/api/v2/"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    documents = json.loads(result.stdout)["documents"]
    ids = [d["id"] for d in documents]
    assert len(ids) == len(set(ids))
    assert {f"page:{p.pk}" for p in audited_pages()} <= set(ids)
    assert any("type=blog.BlogPage" in d["file"] for d in documents)
    assert all(d["status"] != "error" for d in documents)
