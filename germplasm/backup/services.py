"""Back up a whole instance into one archive, and restore one into an empty instance.

The database carries the catalogue, evaluations, descriptor versions, users and the audit
trail; photos and the secret key travel beside it; the search index is rebuilt, not copied.
"""
import tempfile
from pathlib import Path

from germplasm.backup import archive, instance, postgres, sqlite
from germplasm.backup import manifest as manifests
from germplasm.backup.errors import Refused, ToolFailed
from germplasm.backup.target import (
    check_empty,
    check_engine,
    check_revision,
    current_facts,
    engine_name,
    rebuild_index,
    release_connections,
    upgrade_if_older,
)
from germplasm.extensions import db

ENGINES = {"sqlite": sqlite, "postgresql": postgres}
SUFFIXES = (".tar.gz", ".tgz")


def backup(path: Path) -> dict:
    """Write the archive and return its manifest. Safe while the app serves: the database
    is one consistent snapshot, and the photos are copied after it, so every photo row in
    the snapshot has its file (a photo's file is written before its row is committed)."""
    _check_destination(path)
    engine = engine_name()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".germplasm-backup-") as staging:
        database = Path(staging) / manifests.DATABASE_MEMBER[engine]
        facts = ENGINES[engine].dump(db.engine, database)
        if facts["alembic_revision"] is None:
            raise Refused("the database has no germplasm schema; run `germplasm init` first")
        photos = instance.photo_files()
        key_source, key = instance.secret_key()
        manifest = manifests.build(engine, facts, ENGINES[engine].tool(db.engine),
                                   key_source, _missing(facts["photo_files"], photos))
        _write(path, manifest, database, photos, key)
    return manifest


def _check_destination(path: Path) -> None:
    if not path.name.endswith(SUFFIXES):
        raise Refused(f"{path}: a backup is a gzipped tar; name it *.tar.gz")
    if not path.parent.is_dir():
        raise Refused(f"{path.parent} is not a folder")


def _missing(rows: list[str], files: list[Path]) -> list[str]:
    """Photo rows without a file (a file deleted by hand): noted, not fatal."""
    return sorted(set(rows) - {p.relative_to(instance.photo_dir()).as_posix() for p in files})


def _write(path: Path, manifest: dict, database: Path, photos: list[Path], key) -> None:
    with archive.writing(path) as tar:
        archive.add_bytes(tar, archive.MANIFEST, manifests.dumps(manifest))
        tar.add(database, arcname=manifest["database"])
        for photo in photos:
            relative = photo.relative_to(instance.photo_dir()).as_posix()
            tar.add(photo, arcname=f"{archive.PHOTOS}/{relative}")
        if key is not None:
            archive.add_bytes(tar, archive.SECRET_KEY, key, mode=0o600)


def restore(path: Path, force: bool = False) -> dict:
    """Check everything, then replace the database, add the photos and the secret key,
    upgrade the schema and rebuild the index. Returns what the command reports."""
    manifest = archive.read_manifest(path)
    engine = engine_name()
    check_engine(manifest["engine"], engine)
    check_revision(manifest["alembic_revision"])
    if not force:
        check_empty()
    report = _replace(path, manifest, ENGINES[engine])
    report["upgraded_to"] = upgrade_if_older(manifest["alembic_revision"])
    report["indexed"] = rebuild_index()
    report["counts"] = current_facts()["counts"]
    if report["counts"] != manifest["counts"]:
        raise ToolFailed(f"the restored database holds {report['counts']}, but the backup "
                         f"held {manifest['counts']}")
    return report


def _replace(path: Path, manifest: dict, engine) -> dict:
    """Unpack and verify, and only then overwrite the database, photos and secret key."""
    with tempfile.TemporaryDirectory(prefix="germplasm-restore-") as staging:
        staged = Path(staging)
        database = _unpacked_database(path, staged, manifest, engine)
        release_connections()
        engine.restore(db.engine, database)
        return {"manifest": manifest,
                "photo_files": instance.restore_photos(staged / archive.PHOTOS),
                "secret_key": instance.restore_secret_key(staged / archive.SECRET_KEY,
                                                          manifest.get("secret_key", ""))}


def _unpacked_database(path: Path, staged: Path, manifest: dict, engine) -> Path:
    archive.unpack(path, staged)
    database = staged / manifest["database"]
    if not database.is_file():
        raise Refused(f"not a complete backup: {path} holds no {manifest['database']}")
    engine.verify(database)
    return database
