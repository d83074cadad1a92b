"""The JSON report every import writes, and the exit status it implies."""
import json
from dataclasses import asdict, dataclass, field

EXIT_OK, EXIT_UNREADABLE, EXIT_REJECTED = 0, 2, 3


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False

    def reject(self, row: int, column: str | None, value, message: str) -> None:
        self.rejected.append({"row": row, "column": column, "value": value, "message": message})

    def warn(self, row: int | None, message: str, column: str | None = None) -> None:
        self.warnings.append({"row": row, "column": column, "message": message})

    @property
    def exit_code(self) -> int:
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def count(self, outcome: str) -> None:
        """One more row 'created', 'updated' or 'unchanged'."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def finish(self, skip_invalid: bool) -> "ImportReport":
        """All or nothing: written unless a dry run, or rows were rejected without
        skip_invalid (the caller commits when written and rolls back otherwise)."""
        self.written = not self.dry_run and (skip_invalid or not self.rejected)
        return self

    def summary(self, limit: int = 10) -> str:
        counts = (f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
                  f"rejected {len(self.rejected)}, warnings {len(self.warnings)}")
        if self.dry_run:
            lines = [f"dry run, nothing written; the file would give: {counts}"]
        elif not self.written:
            lines = [f"nothing written because rows were rejected (use --skip-invalid to store "
                     f"the valid rows); the file would give: {counts}"]
        else:
            lines = [counts]
        lines += [_line(r) for r in self.rejected[:limit]]
        if len(self.rejected) > limit:
            lines.append(f"... and {len(self.rejected) - limit} more rejections (see --report)")
        return "\n".join(lines)


def _line(rejection: dict) -> str:
    column = f" {rejection['column']}" if rejection["column"] else ""
    value = f" {rejection['value']!r}" if rejection["value"] not in (None, "") else ""
    return f"  row {rejection['row']}{column}{value}: {rejection['message']}"
