"""manifest.json: what an archive holds, written first so a restore can check it cheaply."""
import json
from datetime import UTC, datetime
from importlib.metadata import version

from germplasm.backup.errors import Refused

FORMAT = "germplasm-backup"
FORMAT_VERSION = 1
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Manifest name -> table. A table an older schema lacks counts as 0.
COUNTED = {"accessions": "accessions", "observations": "observations", "users": "users",
           "audit_entries": "audit_entries", "photos": "accession_photos"}
REQUIRED = ("format_version", "created_at", "engine", "alembic_revision", "counts", "database")


def database_facts(query, tables: set[str]) -> dict:
    """Schema revision, row counts and photo file names of one database.

    `query(sql)` returns the rows; the caller runs it inside the snapshot it archives, so
    the manifest describes exactly what the archive holds."""
    def rows(sql: str, table: str) -> list:
        return query(sql) if table in tables else []

    revision = rows("SELECT version_num FROM alembic_version", "alembic_version")
    photos = rows("SELECT filename FROM accession_photos", "accession_photos")
    counts = {name: (rows(f"SELECT count(*) FROM {table}", table) or [(0,)])[0][0]
              for name, table in COUNTED.items()}
    return {"alembic_revision": revision[0][0] if revision else None, "counts": counts,
            "photo_files": sorted(row[0] for row in photos)}


def build(engine: str, facts: dict, tool: dict, secret_key: str, missing: list[str]) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "alembic_revision": facts["alembic_revision"],
        "package_version": version("germplasm"),
        "counts": facts["counts"],
        "database": DATABASE_MEMBER[engine],
        "tool": tool,
        # "archived", or "environment" (GERMPLASM_SECRET_KEY, deliberately not stored)
        "secret_key": secret_key,
        "missing_photos": missing,
    }


def dumps(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def parse(raw: bytes | None) -> dict:
    """The manifest of an archive, or Refused when the archive is not one of our backups."""
    if raw is None:
        raise Refused("not a germplasm backup: the archive holds no manifest.json")
    try:
        manifest = json.loads(raw)
    except ValueError as error:
        raise Refused(f"not a germplasm backup: manifest.json is not JSON ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Refused("not a germplasm backup: manifest.json is not a germplasm manifest")
    return _check_fields(manifest)


def _check_fields(manifest: dict) -> dict:
    missing = [key for key in REQUIRED if key not in manifest]
    if missing:
        raise Refused(f"not a germplasm backup: manifest.json lacks {', '.join(missing)}")
    if not isinstance(manifest["format_version"], int) or (
            manifest["format_version"] > FORMAT_VERSION):
        raise Refused(f"backup format {manifest['format_version']!r} is newer than this "
                      f"germplasm reads ({FORMAT_VERSION}); upgrade germplasm first")
    if manifest["engine"] not in DATABASE_MEMBER:
        raise Refused(f"not a germplasm backup: unknown engine {manifest['engine']!r}")
    if manifest["database"] != DATABASE_MEMBER[manifest["engine"]]:
        raise Refused(f"not a germplasm backup: unexpected database {manifest['database']!r}")
    return manifest
