"""Page shapes that real Wagtail apps give their pages, as a small app of our own, installed in the Django test
process only (tests/django/conftest.py), never in the example site. Its tables are made by the test database's
`migrate --run-syncdb` (the app has no migrations)."""
