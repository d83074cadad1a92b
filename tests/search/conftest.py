"""Search fixtures: a demo catalogue per module (the small catalogue is in tests/catalogue.py)."""
import pytest


@pytest.fixture(scope="module")
def demo(app):
    """A demo catalogue committed once for this module's tests, removed afterwards."""
    from germplasm.extensions import db as database
    from loaders.demo_catalogue import load_demo

    with app.app_context():
        load_demo(150, seed=11, user="tests")
        database.session.commit()
        database.session.remove()
    yield
    with app.app_context():
        database.session.execute(database.text("UPDATE plants SET source_lot_id = NULL"))
        for table in ("request_allocations", "shipments", "usage_reports", "request_transitions",
                      "notifications", "request_items", "material_requests", "cart_items",
                      "propagation_batch_counts", "propagation_batches", "lot_transactions",
                      "viability_tests", "plant_health_tests", "lots", "plants", "changes",
                      "accession_photos", "selection_items", "selections", "s_genotypes",
                      "sequences", "ssr_genotypes", "snp_genotypes",
                      "observations", "trait_summaries", "worklist_entries",
                      "campaign_descriptors", "campaigns", "pedigree_links",
                      "accession_multi_values", "accession_names", "audit_entries",
                      "accessions"):
            database.session.execute(database.text(f"DELETE FROM {table}"))
        database.session.commit()
        database.session.remove()
