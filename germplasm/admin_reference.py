"""Taxa and institutes in the admin, saved through their services (taxon_edits,
institute_edits): validated with the message beside the field, audited, and the search
documents of their accessions rebuilt after a rename. Deleting one still in use is refused."""
from flask_admin.form import BaseForm
from flask_login import current_user
from wtforms import StringField

from germplasm.accessions import institute_edits, taxon_edits
from germplasm.admin_labels import INSTITUTE, TAXON, in_language, labels
from germplasm.admin_views import GuardedModelView


def reference_form(name: str, table: dict, fields: tuple[str, ...]):
    """Plain text boxes with no checks of their own: the service checks every door alike,
    and its messages land beside the fields (germplasm.admin_views.show_refusal)."""
    boxes = {f: StringField(table[f][0], description=table[f][1] or "") for f in fields}
    return type(name, (BaseForm,), boxes)


class ServiceEditedView(GuardedModelView):
    """Create, update and delete through a service module's three functions."""

    service = None  # set by subclasses: (create, update, delete)
    fields: tuple[str, ...] = ()

    def values(self, form) -> dict:
        return {f: form[f].data for f in self.fields}

    def create_model(self, form):
        created = []
        create = self.service[0]
        saved = self.save(form, lambda: created.append(create(self.values(form),
                                                                current_user.username)))
        return created[0] if saved else False

    def update_model(self, form, model) -> bool:
        update = self.service[1]
        return self.save(form, lambda: update(model, self.values(form), current_user.username))

    def delete_model(self, model) -> bool:
        delete = self.service[2]
        return self.save(None, lambda: delete(model, current_user.username))


class TaxonView(ServiceEditedView):
    """Taxa. A renamed taxon's accessions are re-indexed (search text and species facet)."""

    service = (taxon_edits.create_taxon, taxon_edits.update_taxon, taxon_edits.delete_taxon)
    fields = taxon_edits.FIELDS
    column_list = ("genus", "species", "spauthor", "subtaxa", "subtauthor", "name")
    column_formatters = {"name": in_language}
    column_searchable_list = ("genus", "species", "subtaxa", "name_zh", "name_en")
    column_filters = ("genus", "species")
    column_default_sort = "genus"
    column_labels, column_descriptions = labels(TAXON)

    def scaffold_form(self):
        return reference_form("TaxonForm", TAXON, self.fields)


class InstituteView(ServiceEditedView):
    """Institutes, by FAO WIEWS code. A renamed institute's accessions are re-indexed."""

    service = (institute_edits.create_institute, institute_edits.update_institute,
               institute_edits.delete_institute)
    fields = institute_edits.FIELDS
    column_list = ("code", "name", "address")
    column_formatters = {"name": in_language}
    column_searchable_list = ("code", "name_en", "name_zh")
    column_default_sort = "code"
    column_labels, column_descriptions = labels(INSTITUTE)

    def scaffold_form(self):
        return reference_form("InstituteForm", INSTITUTE, self.fields)
