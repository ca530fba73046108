import sys
import time

from django.core.management.base import BaseCommand, CommandError

from example_site.news.generate import BATCH, generate_articles


class Command(BaseCommand):
    help = "Create N synthetic, published articles (our own sentence templates) for load tests, in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="how many articles to create")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same articles (default 1)")
        parser.add_argument("--batch", type=int, default=BATCH, help=f"pages per transaction (default {BATCH})")
        parser.add_argument(
            "--without-revisions",
            action="store_true",
            help="write page rows only, no revisions (like a scripted import)",
        )

    def handle(self, *args, **options):
        count = options["count"]
        if count < 0 or options["batch"] < 1:
            raise CommandError("--count must be >= 0 and --batch >= 1")
        started = time.perf_counter()

        def progress(done: int) -> None:
            if sys.stderr.isatty():
                sys.stderr.write(f"\rgenerated {done:,}/{count:,}")
                sys.stderr.flush()

        created = generate_articles(
            count,
            seed=options["seed"],
            batch=options["batch"],
            progress=progress,
            revisions=not options["without_revisions"],
        )
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        seconds = time.perf_counter() - started
        self.stdout.write(f"generated {created:,} articles in {seconds:.1f} s ({created / max(seconds, 1e-9):,.0f}/s)")
