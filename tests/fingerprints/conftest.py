"""An SSR marker catalogue imported through the CLI, as a curator would."""
import pytest

from tests.conftest import write

MARKERS = ("MARKER,LINKAGE_GROUP,MOTIF,MIN_SIZE,MAX_SIZE\n"
           "CPPCT022,LG7,(CT)n,180,240\nUDP96-005,LG1,(AC)n,100,160\nBPPCT007,LG3,(AG)n,120,160\n")


@pytest.fixture
def markers(cli, tmp_path):
    result = cli("import", "markers", write(tmp_path / "markers.csv", MARKERS))
    assert result.exit_code == 0, result.output
    return ("CPPCT022", "UDP96-005", "BPPCT007")

