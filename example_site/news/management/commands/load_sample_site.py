from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from example_site.news.sample_site import SAMPLE_DIR, load_sample_site
from newsaudit.models import AuditResult


class Command(BaseCommand):
    help = "Create the example news site from the sample article files (idempotent), publish and audit them."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=SAMPLE_DIR, help="folder of sample article JSON files")

    def handle(self, *args, **options):
        folder: Path = options["dir"]
        if not folder.is_dir():
            self.stderr.write(f"no sample folder at {folder}")
            return
        self._ensure_admin()
        summary = load_sample_site(folder)
        counts = {
            status: AuditResult.objects.latest_per_page().filter(status=status).count()
            for status in ("pass", "warn", "fail", "error")
        }
        self.stdout.write(
            f"sample site: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged; "
            f"audits: {counts}"
        )

    def _ensure_admin(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.org", "newsaudit")
            self.stdout.write("created superuser admin / newsaudit")
