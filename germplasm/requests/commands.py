"""`germplasm requests list|remind` and `germplasm notifications send`: what cron or a
curator runs on the command line (the web pages do the daily work)."""
import click
from flask.cli import AppGroup
from sqlalchemy import select

from germplasm.extensions import db
from germplasm.requests import mailer, receipt
from germplasm.requests.models import MaterialRequest
from germplasm.requests.states import STATES


@click.group("requests", cls=AppGroup)
def requests_group() -> None:
    """Material requests."""


@requests_group.command("list")
@click.option("--status", type=click.Choice(STATES), help="Only requests in this state.")
def list_command(status) -> None:
    """Number, state, requester, institution and items of each request, newest first."""
    query = select(MaterialRequest).order_by(MaterialRequest.id.desc())
    if status:
        query = query.where(MaterialRequest.status == status)
    for request in db.session.scalars(query):
        click.echo(f"{request.number}\t{request.status}\t{request.requester.username}\t"
                   f"{request.institution}\t{len(request.items)}")


@requests_group.command("remind")
def remind_command() -> None:
    """Mark received requests whose usage report falls due within the reminder window as
    feedback_due (the requester is notified), and list every report falling due."""
    moved = receipt.remind()
    db.session.commit()
    for request in receipt.falling_due():
        click.echo(f"{request.number}\t{request.status}\tdue {request.feedback_due_on}\t"
                   f"{request.email}")
    click.echo(f"{moved} request(s) now wait for their usage report")


@click.group("notifications", cls=AppGroup)
def notifications_group() -> None:
    """The notifications outbox."""


@notifications_group.command("send")
def send_command() -> None:
    """E-mail unsent notifications through GERMPLASM_SMTP_URL (exit 1 if any failed)."""
    if not mailer.configured():
        click.echo("no SMTP server configured (GERMPLASM_SMTP_URL); notifications stay in "
                   "the app")
        return
    sent, failed = mailer.send_pending()
    click.echo(f"sent {sent}, failed {failed}")
    if failed:
        raise SystemExit(1)
