"""A stand-in for the app serving while a backup runs: it commits an accession with a photo
(one transaction: passport, names, audit entries, photo row and file), again and again.

Run as `python -m tests.backup.writer LOG STOP PICTURE`; each commit appends
"NUMBER UNIX_TIME" to LOG; it stops when the file STOP exists."""
import sys
import time
from pathlib import Path

PREFIX = "LIVE"


def main(log: Path, stop: Path, picture: Path) -> None:
    from germplasm import create_app

    with create_app().app_context(), log.open("a") as out:
        number = 0
        while not stop.exists():
            number += 1
            commit_one(f"{PREFIX}{number:05d}", picture)
            out.write(f"{number} {time.time()}\n")
            out.flush()


def commit_one(accenumb: str, picture: Path) -> None:
    from germplasm.accessions.photos import add_photo
    from germplasm.accessions.services import get_by_number, upsert_rows
    from schemas.accession import McpdRowSchema
    from search.sync import commit

    row = {"INSTCODE": "CHN385", "ACCENUMB": accenumb, "GENUS": "Prunus",
           "SPECIES": "salicina", "ACCENAME": f"活李{accenumb}"}
    upsert_rows([(2, McpdRowSchema().load(row))], user="writer", source="writer")
    add_photo(get_by_number(accenumb, "CHN385"), picture, "writer")
    commit()


if __name__ == "__main__":
    main(*map(Path, sys.argv[1:4]))
