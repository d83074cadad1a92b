"""The catalogue of tests/catalogue.py with everything else a page can show, for the test that
reads every page in Chinese: a pedigree, remarks with MCPD field prefixes, institutes with
names, a photo, users of each role and uploads with rejected rows."""
import io
import re
from datetime import date

from PIL import Image

from germplasm.accessions import photos
from germplasm.accessions.models import Institute
from germplasm.accounts.services import create_user
from germplasm.evaluations.models import Campaign, Descriptor
from germplasm.extensions import db
from tests.accounts.test_login import login

BAD_MCPD = ("INSTCODE,ACCENUMB,ACCENAME,GENUS,SPECIES,ORIGCTY,SAMPSTAT\n"
            "CHN385,UP0001,巫山脆李,Prunus,salicina,CHN,300\n"
            "CHN385,UP0003,坏李,Prunus,salicina,ZZZ,300\n"
            "CHN385,,无号,Prunus,salicina,CHN,999\n")
BAD_SHEET = ("ACCENUMB,FRUIT_WEIGHT,SSC,HARVEST_DATE,FLESH_COLOR\nS001,35.5,14.2,7-15,黄色\n"
             "UP9999,30,12,7-20,黄色\nS002,abc,300,13-45,purple\nS003,40,13,3-01,红色\n")
ROLES = ("staff", "curator", "admin")


def _living_collection(accession) -> str:
    """A tree and a lot of scions, so staff see the accession page's inventory section."""
    from germplasm.inventory import lots, plants

    plants.plant(accession.id, plants.PlantFields("东区", "1", "1", rootstock_text="毛桃"))
    lots.create(accession.id, "S001-2026-1", lots.LotFields(
        "scion", distributable=True, available_from="12-01", available_to="02-28"),
        actor="tests", quantity=50)
    return "S001-2026-1"


def _seedling_batch(accession) -> str:
    """A grafted batch counted once, with plants ready in its seedling lot."""
    from datetime import date

    from germplasm.inventory import batches

    batch = batches.create(accession.id, batches.BatchFields(
        "grafting", date(2025, 3, 1), 200, rootstock="毛桃"), actor="tests")
    batches.record_counts(batch, actor="tests", counted_on=date(2025, 11, 1), surviving=180,
                          ready=150, note="秋季清点")
    return batch.batch_number


def _material_request(catalogue, username: str) -> int:
    """A request of scions of S001 under review, with a reservation from its lot."""
    from germplasm.accounts.models import User
    from germplasm.requests import allocations, workflow
    from germplasm.requests.submission import Ask, Recipient, Submission, submit

    user = db.session.scalar(db.select(User).where(User.username == username))
    recipient = Recipient("李明", "西南大学园艺园林学院", "university", "重庆市北碚区天生路2号",
                          "CHN", "li@swu.edu.cn", province="重庆")
    made = submit(user, Submission(recipient, "breeding", True, [Ask("S001", "scion", 5)],
                                   use_note="杂交育种亲本"), True)
    workflow.move(made, "in_review", actor=username, curator=True, note="核对中")
    allocations.allocate(made, made.items[0], "S001-2026-1", 5, actor=username,
                         today=date(2026, 12, 15))
    return made.id


def build(app, client, catalogue, tmp_path, monkeypatch) -> dict:
    monkeypatch.setitem(app.config, "GERMPLASM_JOB_RUNNER", "inline")
    monkeypatch.setitem(app.config, "GERMPLASM_UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.setitem(app.config, "GERMPLASM_PHOTO_DIR", str(tmp_path / "photos"))
    _institutes()
    child = _pedigree(catalogue)
    photo = _photo(catalogue["S001"], tmp_path)
    users = {role: create_user(f"{role}.zhao", role, "orchard-2026", f"{role} 赵").username
             for role in ROLES}
    _word_units(catalogue)
    selection = _selection(catalogue, users["admin"])
    lot = _living_collection(catalogue["S001"])
    batch = _seedling_batch(catalogue["S001"])
    material_request = _material_request(catalogue, users["curator"])
    _carts(catalogue, users)
    db.session.commit()
    jobs = [_upload(client, "curator", BAD_MCPD, "mcpd"),
            _upload(client, "staff", BAD_SHEET, "observations", campaign="2026 评价")]
    return {
        "accessions": sorted([*catalogue, child]),
        "descriptors": sorted(db.session.scalars(db.select(Descriptor.code))),
        "campaign": db.session.scalar(db.select(Campaign.id)),
        "jobs": jobs, "photo": photo, "selection": selection, "users": users | {"anonymous": None},
        "lot": lot, "batch": batch, "request": material_request,
        # the bad values of the uploaded sheets, shown as given; the request's data (an
        # e-mail address), the agreement's text and the notifications, which are bilingual
        # on purpose (the recipient's language is unknown)
        "extra_allowed": {"ZZZ", "abc", "purple"} | _request_words(app),
    }


def _carts(catalogue, users: dict) -> None:
    """Something in the request cart of every signed-in user the pages are read as."""
    from germplasm.accounts.models import User
    from germplasm.requests import cart

    for role in ("staff", "curator", "admin"):
        user = db.session.scalar(db.select(User).filter_by(username=users[role]))
        cart.put(user.id, catalogue["S002"], "scion", 3, True)


def _request_words(app) -> set[str]:
    from germplasm.requests.models import MaterialRequest, Notification
    from germplasm.requests.settings import mta
    from tests.page_words import WORD

    with app.test_request_context():
        texts = [mta()[1], *db.session.scalars(db.select(MaterialRequest.email))]
    for note in db.session.scalars(db.select(Notification)):
        texts += [note.subject, note.body]
    return {w for text in texts for w in WORD.findall(text)}


def _institutes() -> None:
    db.session.add_all([
        Institute(code="CHN004", name_zh="中国农业科学院果树研究所",
                  name_en="Research Institute of Pomology, CAAS"),
        Institute(code="USA028", name_zh="美国国家无性系种质圃（戴维斯）",
                  name_en="National Clonal Germplasm Repository, Davis"),
    ])
    existing = db.session.scalar(db.select(Institute).filter_by(code="CHN385"))
    existing.name_zh = "重庆市农业科学院"
    existing.name_en = "Chongqing Academy of Agricultural Sciences"
    db.session.flush()


def _pedigree(catalogue) -> str:
    from germplasm.accessions.services import upsert_rows
    from schemas.accession import McpdRowSchema

    row = {"INSTCODE": "CHN385", "ACCENUMB": "S008", "ACCENAME": "脆红李;Cuìhónglǐ;Crimson Crisp",
           "GENUS": "Prunus", "SPECIES": "salicina", "SAMPSTAT": "500", "ORIGCTY": "CHN",
           "ANCEST": "S001/Santa Rosa", "BREDCODE": "CHN004", "DONORCODE": "USA028",
           "DUPLSITE": "CHN004", "REMARKS": "ANCEST:母本为巫山脆李;COLLSITE:果园东区"}
    upsert_rows([(2, McpdRowSchema().load(row))], user="tests", source="fixture")
    db.session.commit()
    return "S008"


WORD_UNITS = {"FLOWERS_PER_BUD": "2", "FRUIT_DEVELOPMENT_PERIOD": "95",
              "YEARS_TO_FIRST_BEARING": "3", "CHILLING_REQUIREMENT": "800",
              "FRUIT_SHAPE_INDEX": "1.1", "SUGAR_ACID_RATIO": "12", "VITAMIN_C": "6.5"}


def _word_units(catalogue) -> None:
    """Traits whose units are words (d, h, years, flowers/bud) observed on two accessions,
    and every descriptor in the campaign, so the entry form shows every unit."""
    from germplasm.evaluations import campaigns
    from germplasm.evaluations.observations import NewObservation, record
    from germplasm.evaluations.values import ValueParser

    campaign = db.session.scalar(db.select(Campaign))
    campaigns.add_descriptors(campaign, db.session.scalars(db.select(Descriptor)).all())
    found = campaigns.descriptors_by_code(WORD_UNITS)
    items = [NewObservation(accession_id=catalogue[number].id, descriptor=d,
                            value=ValueParser(d).parse(WORD_UNITS[d.code], 2026))
             for number in ("S001", "S002") for d in found]
    record(campaign, items, user="tests", source="fixture")


def _selection(catalogue, owner: str) -> str:
    """A saved selection, shareable by its link."""
    from germplasm.accounts.models import User
    from germplasm.selections import services
    from germplasm.selections.models import Selection

    user = db.session.scalar(db.select(User).filter_by(username=owner))
    selection = Selection(token="zh-pages-share", name="早熟李", owner_id=user.id)
    db.session.add(selection)
    db.session.flush()
    services.add(selection, [catalogue["S001"].id, catalogue["S002"].id])
    return selection.token


def _photo(accession, tmp_path) -> int:
    path = tmp_path / "fruit.png"
    Image.new("RGB", (4, 4), "purple").save(path)
    photo = photos.add_photo(accession, path, "tests", caption="果实", taken_on="2026-07-12")
    db.session.commit()
    return photo.id


def _upload(client, role: str, text: str, kind: str, **fields) -> str:
    login(client, f"{role}.zhao", "orchard-2026")
    page = client.get("/imports").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/imports", content_type="multipart/form-data", data={
        "csrf_token": token, "kind": kind, **fields,
        "file": (io.BytesIO(text.encode("utf-8")), f"{kind}.csv")})
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    client.post("/logout", data={"csrf_token": token})
    return response.headers["Location"].rsplit("/", 1)[1]
