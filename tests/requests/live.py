"""A real app server for the requests tests that need processes: gunicorn with several
workers on a fresh database, users and tokens made with the real `germplasm` command."""
import os
import subprocess
from pathlib import Path

from tests.browser.conftest import _free_port, _wait_until_up
from tests.conftest import BIN
from tests.processes import germplasm

ROOT = Path(__file__).resolve().parents[2]


def write_token(url: str, username: str, role: str) -> str:
    germplasm(url, "users", "create", username, "--role", role, "--password", "orchard-2026")
    return germplasm(url, "tokens", "create", username, "--scope", "write").stdout.split()[-1]


def setup_hot_lot(url: str, folder: Path, stock: int) -> None:
    """Accession HOT1 with a distributable lot HOT-SCION of `stock` scions."""
    sheet = folder / "mcpd.csv"
    sheet.write_text("INSTCODE,ACCENUMB,GENUS,SPECIES,ACCENAME\nCHN385,HOT1,Prunus,salicina,"
                     "巫山脆李\n", encoding="utf-8")
    germplasm(url, "import", "mcpd", sheet)
    lots = folder / "lots.csv"
    lots.write_text("ACCENUMB,LOT_NUMBER,MATERIAL,QUANTITY,UNIT,LOCATION,DISTRIBUTABLE\n"
                    f"HOT1,HOT-SCION,scion,{stock},piece,冷库A,Y\n", encoding="utf-8")
    germplasm(url, "import", "lots", lots)


class Server:
    """gunicorn with four workers on `url`'s database; `settings`: more environment."""

    def __init__(self, url: str, folder: Path, **settings):
        self.base = f"http://127.0.0.1:{_free_port()}"
        env = os.environ | {"GERMPLASM_DATABASE_URL": url, "PYTHONPATH": str(ROOT),
                            "GERMPLASM_INDEX_DIR": str(folder / "index"),
                            "GERMPLASM_API_RATE": "100000 per minute"} | settings
        self.log = (folder / "server.log").open("w")
        self.process = subprocess.Popen(
            [BIN / "gunicorn", "-w", "4", "-b", self.base[len("http://"):], "wsgi:app"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        _wait_until_up(self.base + "/", self.process, Path(self.log.name))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
