"""The demo's core collection: 20 accessions chosen from the trait summaries and SSR
fingerprints together, among the public accessions (everyone sees it), saved through
germplasm.core.services as a published selection of the genebank's own, so a core can be
seen on the selections page after `make run`."""
from flask import current_app

from germplasm.accessions.models import Accession
from germplasm.core import services

NAME, SIZE, SEED = "核心种质 (演示)", 20, 1


def add_demo_core() -> int:
    """The core's size (0 when the demo has too few accessions with data for one)."""
    # A refusal's message is gettext'd, which needs a request to ask for the locale.
    with current_app.test_request_context("/"):
        try:
            core = services.build("both", size=SIZE, seed=SEED,
                                  scope=Accession.restricted.is_(False))
        except services.CoreProblem:
            return 0
        services.save(core, NAME, owner=None, published=True)
        return len(core.ids)
