"""The backup file: a gzipped tar, written beside its final name and renamed into place."""
import io
import os
import tarfile
import tempfile
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from germplasm.backup import manifest as manifests
from germplasm.backup.errors import Refused

MANIFEST = "manifest.json"
PHOTOS = "photos"
SECRET_KEY = "secret_key"
# What reading a damaged or foreign file can raise (gzip.BadGzipFile is an OSError).
UNREADABLE = (tarfile.TarError, OSError, EOFError, zlib.error)


@contextmanager
def writing(path: Path):
    """Yield a tar open for writing; `path` appears only once the archive is complete.

    A killed backup leaves at most a hidden `.NAME.*.partial` file beside it, never a
    truncated file under the name a restore (or a cron job's rotation) would trust."""
    # mkstemp creates the file readable by its owner only: it will hold password hashes.
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                           suffix=".partial")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            with tarfile.open(fileobj=handle, mode="w:gz") as tar:
                yield tar
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), mode
    tar.addfile(info, io.BytesIO(data))


def read_manifest(path: Path) -> dict:
    """The manifest, read from the front of the archive without unpacking the rest."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.next()
            if member is None or member.name != MANIFEST or not member.isfile():
                return manifests.parse(None)
            return manifests.parse(tar.extractfile(member).read())
    except UNREADABLE as error:
        raise Refused(f"{path} is not a readable backup archive: {error}") from None


def unpack(path: Path, into: Path) -> None:
    """Extract everything; reading every byte finds a truncated or damaged archive before
    the restore changes anything. The "data" filter refuses links and paths outside `into`."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(into, filter="data")
    except UNREADABLE as error:
        raise Refused(f"cannot unpack {path}: {error}") from None
