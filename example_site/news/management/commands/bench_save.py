"""Measure what the plugin adds to saving a page: save_revision() of an N-word article with and without newsaudit."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from example_site.news.models import ArticlePage, SectionPage
from example_site.news.sample_site import ensure_home, ensure_section
from newsaudit.signal_handlers import on_revision_saved
from newsaudit.tasks import IMMEDIATE_BACKEND as IMMEDIATE
from newsaudit.tasks import audit_revision_task

BACKENDS = {
    "immediate": IMMEDIATE,
    "thread": "newsaudit.task_backends.ThreadBackend",
}

SENTENCES = [
    "The council said on Tuesday that the harbour wall would be repaired before the winter storms.",
    "Engineers found cracks in three sections, according to a report published by the port authority.",
    "Residents who live on the quay said the work would close the footpath for several weeks.",
    "The repairs are expected to cost about two million pounds, the authority's budget shows.",
]


def article_paragraphs(words: int, salt: int) -> list[dict]:
    paragraphs, count, index = [], 0, 0
    while count < words:
        text = " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(3))
        paragraphs.append({"type": "paragraph", "value": f"<p>{text} Update {salt}.</p>", "id": f"p{index}"})
        count += len(text.split()) + 2
        index += 1
    return paragraphs


class Command(BaseCommand):
    help = "Time save_revision() of an N-word article with the newsaudit audit-on-save enabled and disabled."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=2000)
        parser.add_argument("--repeat", type=int, default=15)
        parser.add_argument("--backend", choices=["immediate", "thread"], default="immediate")
        parser.add_argument(
            "--via",
            choices=["revision", "edit-view"],
            default="revision",
            help="revision: page.save_revision(); edit-view: the editor's Save, a POST to the admin edit view",
        )

    def handle(self, *args, words: int, repeat: int, backend: str, via: str, **options):
        tasks = {"default": {"BACKEND": IMMEDIATE}, "newsaudit": {"BACKEND": BACKENDS[backend]}}
        with override_settings(TASKS=tasks, NEWSAUDIT_TASK_BACKEND="newsaudit", ALLOWED_HOSTS=["*"]):
            self._save = self._save_revision if via == "revision" else self._edit_view_saver()
            self._bench(words, repeat, f"{backend} backend, {via}")

    def _bench(self, words: int, repeat: int, backend: str) -> None:
        section: SectionPage = ensure_section(ensure_home(), "Benchmarks")
        page = section.add_child(instance=ArticlePage(title="Save benchmark", slug=f"bench-{time.time_ns()}"))
        try:
            self._save(page, words, 0)  # warm up both paths: templates, lexicons, query plans
            with_plugin = [self._save(page, words, i) for i in range(1, repeat + 1)]
            post_save.disconnect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
            without = [self._save(page, words, i) for i in range(repeat + 1, 2 * repeat + 1)]
        finally:
            post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="newsaudit_revision_saved")
            page.delete()
        a, b = statistics.median(with_plugin), statistics.median(without)
        self.stdout.write(
            f"{backend}, {words}-word article, median of {repeat} saves: without newsaudit {b * 1000:.1f} ms, "
            f"with newsaudit {a * 1000:.1f} ms, ratio {a / b:.2f}x"
        )

    def _edit_view_saver(self):
        """What an editor waits for: POST the edit form (validation, revision, on-commit audit, redirect)."""
        user_model = get_user_model()
        user = user_model.objects.filter(username="newsaudit-bench").first()
        user = user or user_model.objects.create_superuser("newsaudit-bench", "bench@example.org", None)
        client = Client()
        client.force_login(user)

        def save(page: ArticlePage, words: int, salt: int) -> float:
            blocks = [("paragraph", rich_text(p["value"])) for p in article_paragraphs(words, salt)]
            data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "byline": "",
                    "dateline": "",
                    "credit": "",
                    "standfirst": rich_text(""),
                    "body": streamfield(blocks),
                    "comments": inline_formset([]),
                }
            )
            started = time.perf_counter()
            response = client.post(f"/admin/pages/{page.pk}/edit/", data)
            elapsed = time.perf_counter() - started
            if response.status_code != 302:
                raise CommandError(f"the edit view did not save (HTTP {response.status_code})")
            self._drain()
            return elapsed

        return save

    def _drain(self) -> None:
        drain = getattr(audit_revision_task.using(backend="newsaudit").get_backend(), "drain", None)
        if drain:
            drain()  # let a background audit finish before the next save, outside the timed part

    def _save_revision(self, page: ArticlePage, words: int, salt: int) -> float:
        page.body = article_paragraphs(words, salt)  # new content every time: a real audit, never the skip path
        started = time.perf_counter()
        with transaction.atomic():  # on_commit (the audit, with ImmediateBackend) runs when this block commits
            page.save_revision()
        elapsed = time.perf_counter() - started
        self._drain()
        return elapsed
