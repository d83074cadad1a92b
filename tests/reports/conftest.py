"""A known year of material sharing, made through the services: four requests submitted in
2025 (and one at the end of 2024 whose material left in 2025), shipments, a usage report
and two evaluation campaigns."""
from datetime import UTC, date, datetime

import pytest

from germplasm.accounts.services import create_without_password
from germplasm.evaluations import campaigns
from germplasm.evaluations.campaigns import descriptors_by_code
from germplasm.evaluations.observations import NewObservation, record
from germplasm.evaluations.values import ValueParser
from germplasm.extensions import db
from germplasm.inventory import lots
from germplasm.requests import receipt, shipping, submission, workflow
from germplasm.requests.allocations import allocate

DAY = date(2025, 1, 10)


def _lot(accession, number, material, quantity, unit=None):
    fields = lots.LotFields(material=material, unit=unit, distributable=True)
    return lots.create(accession.id, number, fields, actor="tester", quantity=quantity)


def _request(user, kind, province, use, asks, country="CHN", submitted=date(2025, 1, 5)):
    recipient = submission.Recipient("收件人", f"{kind} 单位", kind, "某地", country,
                                     "someone@example.org", province=province)
    made = submission.submit(user, submission.Submission(
        recipient, use, True, [submission.Ask(a.accenumb, m, q) for a, m, q in asks]),
        scope=True)
    made.submitted_at = datetime.combine(submitted, datetime.min.time(), UTC)
    return made


def _ship(made, lot_numbers, shipped_on, phyto=None):
    workflow.move(made, "in_review", actor="keeper", curator=True)
    for item, lot_number in zip(made.items, lot_numbers, strict=True):
        allocate(made, item, lot_number, item.quantity_milli // 1000, actor="keeper",
                 today=DAY)
    workflow.move(made, "approved", actor="keeper", curator=True)
    workflow.move(made, "being_prepared", actor="keeper", curator=True)
    shipping.ship(made, shipping.Dispatch("顺丰速运", shipped_on, phyto_certificate=phyto),
                  actor="keeper")


def _evaluate(year, accessions):
    campaign, _ = campaigns.get_or_create(f"{year} 评价", year)
    ssc = descriptors_by_code(["SSC"])[0]
    record(campaign, [NewObservation(accession_id=a.id, descriptor=ssc,
                                     value=ValueParser(ssc).parse("14.2"))
                      for a in accessions], user="tests", source="test")


@pytest.fixture
def year_2025(make_accession):
    a1, a2, a3 = (make_accession(accenumb=f"D{i}") for i in (1, 2, 3))
    _lot(a1, "DL1", "scion", 50)
    _lot(a2, "DL2", "scion", 50)
    _lot(a3, "DL3", "pollen", 20, unit="g")
    asker = create_without_password("asker", "researcher")
    first = _request(asker, "university", "重庆", "research",
                     [(a1, "scion", 5), (a2, "scion", 3)])
    _ship(first, ["DL1", "DL2"], date(2025, 1, 15))
    receipt.confirm_receipt(first, actor="asker", received_on=date(2025, 1, 20))
    report = receipt.report_usage(first, author="asker", usage="嫁接")
    report.at = datetime(2025, 6, 1, tzinfo=UTC)
    _ship(_request(asker, "farmer", "贵州", "production", [(a1, "scion", 4)],
                   submitted=date(2025, 1, 20)), ["DL1"], date(2025, 2, 1))
    _ship(_request(asker, "research", None, "conservation", [(a3, "pollen", 2)],
                   country="KAZ"), ["DL3"], date(2025, 3, 10), phyto="PC-1")
    refused = _request(asker, "cooperative", "重庆", "production", [(a2, "scion", 1)])
    workflow.move(refused, "rejected", actor="keeper", curator=True)
    _ship(_request(asker, "enterprise", "四川", "production", [(a2, "scion", 2)],
                   submitted=date(2024, 12, 30)), ["DL2"], date(2025, 1, 3))
    _evaluate(2025, [a1, a2])
    _evaluate(2024, [a3])
    db.session.commit()
