"""Settings from GERMPLASM_* environment variables, with safe defaults."""
import os
import secrets
from pathlib import Path


def _secret_key(instance_path: Path) -> str:
    """Use GERMPLASM_SECRET_KEY, else a random key kept in the instance folder.

    Keeping the generated key on disk means sessions survive a restart without anyone
    having to invent a secret for a local install.
    """
    if key := os.environ.get("GERMPLASM_SECRET_KEY"):
        return key
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def load_config(instance_path: str) -> dict:
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    default_db = f"sqlite:///{instance / 'germplasm.db'}"
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ.get("GERMPLASM_DATABASE_URL", default_db),
        "GERMPLASM_INDEX_DIR": os.environ.get("GERMPLASM_INDEX_DIR", str(instance / "index")),
        "GERMPLASM_PHOTO_DIR": os.environ.get("GERMPLASM_PHOTO_DIR", str(instance / "photos")),
        "SECRET_KEY": _secret_key(instance),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("GERMPLASM_SECURE_COOKIES", "0") == "1",
        "BABEL_DEFAULT_LOCALE": "zh_CN",
        "PER_PAGE_MAX": 100,
        # Login throttling: per client address (Flask-Limiter; counts failed attempts) and
        # per user name (in the database, so every worker sees it).
        "GERMPLASM_LOGIN_RATE": os.environ.get("GERMPLASM_LOGIN_RATE", "20 per minute"),
        # A search re-indexes at most this many accessions changed by other processes before
        # answering; a larger catch-up runs in a thread (search.feed_follow).
        "GERMPLASM_INDEX_INLINE_LIMIT": int(os.environ.get("GERMPLASM_INDEX_INLINE_LIMIT", 2000)),
        "GERMPLASM_LOGIN_MAX_FAILURES": int(os.environ.get("GERMPLASM_LOGIN_MAX_FAILURES", 5)),
        "GERMPLASM_LOGIN_WINDOW_MINUTES": int(os.environ.get("GERMPLASM_LOGIN_WINDOW_MINUTES",
                                                             15)),
        "GERMPLASM_LOGIN_LOCK_MINUTES": int(os.environ.get("GERMPLASM_LOGIN_LOCK_MINUTES", 15)),
        # Seconds a web request that writes waits for another writer's locks (PostgreSQL).
        "GERMPLASM_LOCK_TIMEOUT": int(os.environ.get("GERMPLASM_LOCK_TIMEOUT", 10)),
        # memory:// counts per worker process; redis://127.0.0.1:6379 shares the counts.
        "RATELIMIT_STORAGE_URI": os.environ.get("GERMPLASM_RATELIMIT_STORAGE", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Requests to /api/v1 per token (or per address without one); Flask-Limiter's syntax.
        "GERMPLASM_API_RATE": os.environ.get("GERMPLASM_API_RATE", "1200 per minute"),
        # Largest request body /api/v1 reads (a POST of observations); larger gets 413.
        "GERMPLASM_API_MAX_BODY_MB": int(os.environ.get("GERMPLASM_API_MAX_BODY_MB", 5)),
        # Where /brapi/authorize may send a field app its token: app URL schemes, separated by
        # spaces (Field Book's is fieldbook://). Never a web address.
        "GERMPLASM_BRAPI_RETURN_URLS": os.environ.get(
            "GERMPLASM_BRAPI_RETURN_URLS", "fieldbook://").split(),
        # Redirect URIs /oauth/authorize sends codes and tokens to (exact, separated by
        # spaces): Field Book's code flow. Its implicit flow returns to a web address
        # (https://phenoapps.org/field-book); add it only if you accept that.
        "GERMPLASM_OAUTH_REDIRECT_URIS": os.environ.get(
            "GERMPLASM_OAUTH_REDIRECT_URIS", "fieldbook://app/auth").split(),
        # A tile URL such as https://tile.openstreetmap.org/{z}/{x}/{y}.png; empty keeps the
        # map offline (positions on a plain background).
        "GERMPLASM_MAP_TILES": os.environ.get("GERMPLASM_MAP_TILES", ""),
        # The regeneration alert lists accessions with fewer living trees than this.
        "GERMPLASM_MIN_TREES": int(os.environ.get("GERMPLASM_MIN_TREES", 2)),
        **_request_settings(),
        # Seedlings the nursery plans to raise a year (the seedling page's progress bar).
        "GERMPLASM_SEEDLING_PLAN": int(os.environ.get("GERMPLASM_SEEDLING_PLAN", 50000)),
        "COMPRESS_MIMETYPES": ["text/css", "text/javascript", "application/javascript",
                               "application/json", "application/geo+json", "image/svg+xml"],
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_ALGORITHM_STREAMING": ["br", "gzip"],  # static files are sent as streams
        **_job_settings(instance),
    }


def _request_settings() -> dict:
    """Material requests: the agreement's version (its text: GERMPLASM_MTA_TEXT, or the
    built-in one), where a phytosanitary certificate is needed (any country but home), when
    usage reports fall due and are reminded of, when a request deserves a second look, and
    the SMTP server notifications are mailed through (none: they stay in the app)."""
    settings = {
        "GERMPLASM_MTA_VERSION": os.environ.get("GERMPLASM_MTA_VERSION", "2026-1"),
        "GERMPLASM_HOME_COUNTRY": os.environ.get("GERMPLASM_HOME_COUNTRY", "CHN"),
        "GERMPLASM_FEEDBACK_MONTHS": int(os.environ.get("GERMPLASM_FEEDBACK_MONTHS", 12)),
        "GERMPLASM_FEEDBACK_REMINDER_DAYS": int(
            os.environ.get("GERMPLASM_FEEDBACK_REMINDER_DAYS", 30)),
        "GERMPLASM_REVIEW_ACCESSIONS": int(os.environ.get("GERMPLASM_REVIEW_ACCESSIONS", 20)),
        "GERMPLASM_SMTP_URL": os.environ.get("GERMPLASM_SMTP_URL", ""),
        "GERMPLASM_MAIL_FROM": os.environ.get("GERMPLASM_MAIL_FROM", "germplasm@localhost"),
    }
    if text := os.environ.get("GERMPLASM_MTA_TEXT"):
        settings["GERMPLASM_MTA_TEXT"] = text
    return settings


def _job_settings(instance: Path) -> dict:
    """Background jobs (sheet uploads): in a thread of the web process, or on Celery workers
    when a broker is set; uploaded sheets are kept in the instance folder."""
    broker = os.environ.get("GERMPLASM_BROKER_URL", "")
    return {
        "GERMPLASM_BROKER_URL": broker,
        "GERMPLASM_JOB_RUNNER": "celery" if broker else "thread",
        "GERMPLASM_UPLOAD_DIR": os.environ.get("GERMPLASM_UPLOAD_DIR", str(instance / "uploads")),
        "GERMPLASM_UPLOAD_MAX_MB": int(os.environ.get("GERMPLASM_UPLOAD_MAX_MB", 20)),
    }
