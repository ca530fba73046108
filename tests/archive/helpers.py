"""Run the example site's manage.py in subprocesses against a database of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
PG_DATABASE = "newsaudit_archive"


def site_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "NEWSAUDIT_TASK_BACKEND")}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="example_site.settings", DJANGO_DEBUG="0", **extra)
    return env


def manage_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(manage_command(*args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def postgres_unreachable() -> str | None:
    try:
        import psycopg

        psycopg.connect(**PG_SERVER, dbname="postgres", connect_timeout=3).close()
    except Exception as error:  # psycopg missing or server down
        return f"SKIPPED: PostgreSQL not reachable on 127.0.0.1:5432 ({str(error).strip().splitlines()[0][:100]})"
    return None


def fresh_postgres_database(name: str = PG_DATABASE) -> str:
    import psycopg

    with psycopg.connect(**PG_SERVER, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://{PG_SERVER['user']}@{PG_SERVER['host']}:{PG_SERVER['port']}/{name}"
