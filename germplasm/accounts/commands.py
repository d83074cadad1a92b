"""CLI: `germplasm users create NAME --role ROLE [--institute INSTCODE] [--password PW]`,
`users set-role NAME ROLE`, `users set-institute NAME INSTCODE|--clear`, `users unlock NAME`."""
import click
from flask.cli import AppGroup

from germplasm.accounts import throttle
from germplasm.accounts.models import ROLES
from germplasm.accounts.services import (
    AccountError,
    change_institute,
    change_role,
    create_user,
    find,
)
from germplasm.extensions import db

users_group = AppGroup("users", help="Manage user accounts.")


@users_group.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Asked for when not given.")
@click.option("--name", "display_name", help="Display name, e.g. 张三.")
@click.option("--institute", "instcode", metavar="INSTCODE",
              help="The user's institute (FAO WIEWS code, e.g. CHN385); a partner sees its "
                   "restricted accessions.")
def create_user_command(username, role, password, display_name, instcode) -> None:
    """Create a user with a role: researcher, partner, staff, curator or admin."""
    _apply(lambda: create_user(username, role, password, display_name, instcode))
    at = f" at {instcode.strip().upper()}" if instcode else ""
    click.echo(f"user {username} created with role {role}{at}")
    if role == "partner" and not instcode:
        click.echo("note: a partner without an institute sees what a researcher sees")


@users_group.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(username, role) -> None:
    """Give a user another role; their sessions end."""
    _apply(lambda: change_role(_user(username), role))
    click.echo(f"{username} now has role {role}")


@users_group.command("set-institute")
@click.argument("username")
@click.argument("instcode", required=False)
@click.option("--clear", is_flag=True, help="Remove the user's institute.")
def set_institute_command(username, instcode, clear) -> None:
    """Affiliate a user with an institute (INSTCODE), or none with --clear; their sessions
    end."""
    if bool(instcode) == clear:
        raise click.UsageError("give an INSTCODE or --clear")
    _apply(lambda: change_institute(_user(username), None if clear else instcode))
    click.echo(f"{username} is now with {instcode.strip().upper()}" if instcode
               else f"{username} has no institute now")


def _user(username: str):
    user = find(username)
    if user is None:
        raise AccountError(f"no user {username!r}")
    return user


def _apply(change) -> None:
    """Run a service change and commit it, or roll back and report a usage error."""
    try:
        change()
    except AccountError as error:
        db.session.rollback()
        raise click.UsageError(str(error)) from None
    db.session.commit()


@users_group.command("unlock")
@click.argument("username")
def unlock_user_command(username) -> None:
    """Lift the lock that failed logins put on a user name."""
    if throttle.clear(username):
        db.session.commit()
        click.echo(f"{username} unlocked")
    else:
        click.echo(f"{username} was not locked")
