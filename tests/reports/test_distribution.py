"""The annual distribution report's figures, from a known year made through the services."""
from germplasm.reports.distribution import distribution


def test_the_figures_of_a_known_year(year_2025):
    report = distribution(2025)
    assert report.requests == 4  # the fifth was submitted in 2024
    assert report.accessions_distributed == 3  # its material left in 2025: it counts
    assert report.shipments == 4
    assert report.by_kind == [("research", 1), ("university", 1), ("enterprise", 0),
                              ("cooperative", 1), ("farmer", 1)]
    assert dict(report.by_use) == {"research": 1, "teaching": 0, "breeding": 0,
                                   "production": 2, "conservation": 1, "other": 0}
    assert report.by_province == [("重庆", 2), ("KAZ", 1), ("贵州", 1)]
    assert report.shipped == [("pollen", "g", 2.0), ("scion", "piece", 14.0)]
    assert report.usage_reports == 1 and report.requests_closed == 1
    assert (report.accessions_evaluated, report.evaluation_plan) == (2, 500)
    assert (report.seedlings_raised, report.seedling_plan) == (0, 50000)


def test_another_year_has_its_own_figures(year_2025):
    earlier = distribution(2024)
    assert earlier.requests == 1 and earlier.accessions_distributed == 0
    assert earlier.by_province == [("四川", 1)] and earlier.shipped == []
    assert earlier.accessions_evaluated == 1 and earlier.usage_reports == 0
    assert distribution(2030).requests == 0
