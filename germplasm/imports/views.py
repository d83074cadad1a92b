"""/imports: upload a sheet, see its pre-check, confirm or cancel; /imports/<id>.json for
scripts and the page's progress bar."""
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from germplasm.accounts.permissions import role_required
from germplasm.evaluations.models import Campaign
from germplasm.extensions import db
from germplasm.imports import preview, services
from germplasm.imports.models import ImportJob
from germplasm.jobs import submit

bp = Blueprint("imports", __name__, url_prefix="/imports")


def _job(job_id: int) -> ImportJob:
    """The user's own job (an admin sees everyone's); others get 404."""
    job = db.session.get(ImportJob, job_id)
    if job is None or not (job.user_id == current_user.id or current_user.has_role("admin")):
        abort(404)
    return job


@bp.get("")
@role_required("staff")
def new():
    jobs = db.session.scalars(db.select(ImportJob).where(ImportJob.user_id == current_user.id)
                              .order_by(ImportJob.id.desc()).limit(20)).all()
    names = db.session.scalars(db.select(Campaign.name).order_by(Campaign.year.desc())).all()
    return render_template("imports/new.html", jobs=jobs, campaigns=names,
                           max_mb=current_app.config["GERMPLASM_UPLOAD_MAX_MB"])


@bp.post("")
@role_required("staff")
def upload():
    limit = current_app.config["GERMPLASM_UPLOAD_MAX_MB"]
    if (request.content_length or 0) > limit * 1024 * 1024:
        abort(413, _("The file is larger than %(mb)s MB; split it into smaller files.", mb=limit))
    upload = request.files.get("file")
    try:
        job = services.create_job(kind=request.form.get("kind", ""),
                                  filename=upload.filename if upload else "", stream=upload,
                                  campaign=request.form.get("campaign", "").strip() or None,
                                  user=current_user)
    except services.UploadProblem as problem:
        return _form_again(problem.field)
    except PermissionError:
        abort(403, _("Only curators may import passport (MCPD) data."))
    db.session.commit()
    submit("imports.check", job.id)
    return redirect(url_for("imports.show", job_id=job.id), code=303)


def _form_again(field: str):
    messages = {
        "kind": _("Choose MCPD passport data or an observation sheet."),
        "file": _("Choose a .csv, .tsv or .xlsx file."),
        "campaign": _("Name the campaign the observations belong to."),
    }
    flash(messages[field], "error")
    return redirect(url_for("imports.new"), code=303)


@bp.get("/<int:job_id>")
@role_required("staff")
def show(job_id: int):
    job = _job(job_id)
    table = preview.build(job) if job.status != "checking" else None
    return render_template("imports/show.html", job=job, report=services.report_of(job),
                           table=table)


@bp.get("/<int:job_id>.json")
@role_required("staff")
def status(job_id: int):
    return jsonify(services.as_json(_job(job_id)))


@bp.post("/<int:job_id>/confirm")
@role_required("staff")
def confirm(job_id: int):
    job = _job(job_id)
    skip_invalid = request.form.get("skip_invalid") == "1"
    if refusal := _refusal(job, skip_invalid):
        flash(refusal, "error")
    elif services.claim_for_import(job, skip_invalid):
        db.session.commit()
        submit("imports.run", job.id)
    else:  # another request claimed it meanwhile
        flash(_already(), "error")
    return redirect(url_for("imports.show", job_id=job_id), code=303)


def _already() -> str:
    return _("This file was already imported or is being imported; nothing was done twice.")


def _refusal(job: ImportJob, skip_invalid: bool) -> str | None:
    """Why this job cannot be imported now, or None."""
    if job.status == "checking":
        return _("The file is still being checked; confirm once its report is shown.")
    if job.status == "failed":
        return _("The file could not be read; there is nothing to import.")
    if job.status != "checked":
        return _already()
    if services.rejections(job) and not skip_invalid:
        return _("Rows were rejected: correct the file and upload it again, or import only "
                 "the valid rows.")
    return None


@bp.post("/<int:job_id>/cancel")
@role_required("staff")
def cancel(job_id: int):
    job = _job(job_id)
    if services.cancel(job):
        db.session.commit()
        flash(_("Cancelled: nothing was imported."), "success")
        return redirect(url_for("imports.new"), code=303)
    flash(_("This upload can no longer be cancelled."), "error")
    return redirect(url_for("imports.show", job_id=job_id), code=303)
