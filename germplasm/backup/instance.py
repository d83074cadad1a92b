"""The files an instance keeps beside its database: photos and the secret key."""
import os
import shutil
import tempfile
from pathlib import Path

from flask import current_app

KEY_FROM_ENVIRONMENT = "environment"
KEY_ARCHIVED = "archived"


def photo_dir() -> Path:
    return Path(current_app.config["GERMPLASM_PHOTO_DIR"])


def photo_files() -> list[Path]:
    folder = photo_dir()
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def key_file() -> Path:
    return Path(current_app.instance_path) / "secret_key"


def secret_key() -> tuple[str, bytes | None]:
    """Where the key comes from, and its bytes when they belong in the archive.

    A key given in GERMPLASM_SECRET_KEY lives in the deployment's configuration (a vault,
    a unit file); copying it into every nightly archive would spread it further."""
    if os.environ.get("GERMPLASM_SECRET_KEY"):
        return KEY_FROM_ENVIRONMENT, None
    if not key_file().is_file():
        return "missing", None
    return KEY_ARCHIVED, key_file().read_bytes()


def restore_photos(staged: Path) -> int:
    """Copy the archived photos into the photo folder; files already there stay."""
    if not staged.is_dir():
        return 0
    shutil.copytree(staged, photo_dir(), dirs_exist_ok=True)
    return sum(1 for p in staged.rglob("*") if p.is_file())


def restore_secret_key(staged: Path, source: str) -> str:
    """Put the archived key in the instance folder; say what happened in one line."""
    if source == KEY_FROM_ENVIRONMENT:
        return ("secret key: the backup's came from GERMPLASM_SECRET_KEY and is not in the "
                "archive; give this instance the same GERMPLASM_SECRET_KEY")
    if not staged.is_file():
        return "secret key: none in the archive; this instance keeps its own"
    if os.environ.get("GERMPLASM_SECRET_KEY"):
        return ("secret key: GERMPLASM_SECRET_KEY is set, so the archived key was not "
                f"written to {key_file()}")
    _write_private(key_file(), staged.read_bytes())
    return f"secret key: restored to {key_file()}"


def _write_private(path: Path, data: bytes) -> None:
    """Write with mode 0600 from the start and rename, so the key is never readable by
    others nor half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
