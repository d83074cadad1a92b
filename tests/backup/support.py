"""Instances for the backup tests, driven through the real `germplasm` console script."""
import os
import struct
import subprocess
import sys
import tarfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

GERMPLASM = Path(sys.executable).parent / "germplasm"
REAL_KEY_FILE = Path(__file__).resolve().parents[2] / "instance" / "secret_key"


@dataclass
class Instance:
    """A database, a photo folder and an index folder, as one deployment would have.

    `secret_key` None runs without GERMPLASM_SECRET_KEY, so the key comes from the
    checkout's instance/secret_key (only ever read: restores always run with a key set)."""

    url: str
    root: Path
    secret_key: str | None = "test-secret-key"
    extra_env: dict = field(default_factory=dict)

    @property
    def photo_dir(self) -> Path:
        return self.root / "photos"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "GERMPLASM_SECRET_KEY"}
        env |= {"GERMPLASM_DATABASE_URL": self.url, "GERMPLASM_PHOTO_DIR": str(self.photo_dir),
                "GERMPLASM_INDEX_DIR": str(self.index_dir)} | self.extra_env
        return env | ({"GERMPLASM_SECRET_KEY": self.secret_key} if self.secret_key else {})

    def run(self, *args, check: bool = True) -> subprocess.CompletedProcess:
        if args and args[0] == "restore":
            assert self.secret_key, "a restore without a key would write instance/secret_key"
        result = subprocess.run([GERMPLASM, *map(str, args)], env=self.env(),
                                capture_output=True, text=True, timeout=600)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def tables(self, with_columns: bool = False) -> dict:
        """Every row of every table, in primary key order (and the column names)."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as connection:
                return {name: _rows(connection, name, with_columns) for name in
                        sorted(inspect(connection).get_table_names())}
        finally:
            engine.dispose()

    def photos(self) -> dict[str, bytes]:
        if not self.photo_dir.is_dir():
            return {}
        return {p.name: p.read_bytes() for p in sorted(self.photo_dir.iterdir())}

    def exports(self, folder: Path) -> dict[str, bytes]:
        folder.mkdir(parents=True, exist_ok=True)
        files = {}
        for what in ("mcpd", "observations", "summaries"):
            self.run("export", what, folder / f"{what}.csv")
            files[what] = (folder / f"{what}.csv").read_bytes()
        return files


def _rows(connection, table: str, with_columns: bool):
    keys = inspect(connection).get_pk_constraint(table)["constrained_columns"]
    order = f" ORDER BY {', '.join(keys)}" if keys else ""
    result = connection.execute(text(f"SELECT * FROM {table}{order}"))
    rows = [tuple(row) for row in result]
    return (list(result.keys()), rows) if with_columns else rows


def png(path: Path, rgb: tuple[int, int, int] = (200, 30, 60), size: int = 4) -> Path:
    """A real (tiny) PNG written by hand: Pillow is not a dependency."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))
    return path


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
