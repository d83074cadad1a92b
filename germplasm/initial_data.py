"""Everything `germplasm init` loads after the migrations; safe to run again."""
from germplasm.evaluations.descriptors import load_descriptors, shipped_descriptors
from germplasm.reference.services import load_reference_data
from search.state import ensure_state


def load_initial_data() -> dict[str, int]:
    counts = load_reference_data()
    ensure_state()
    counts["descriptors"] = sum(load_descriptors(shipped_descriptors(), "germplasm init").values())
    return counts
