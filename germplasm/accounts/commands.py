"""CLI: `germplasm users create NAME --role ROLE [--password PW]`."""
import click
from flask.cli import AppGroup

from germplasm.accounts import throttle
from germplasm.accounts.models import ROLES
from germplasm.accounts.services import AccountError, create_user
from germplasm.extensions import db

users_group = AppGroup("users", help="Manage user accounts.")


@users_group.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Asked for when not given.")
@click.option("--name", "display_name", help="Display name, e.g. 张三.")
def create_user_command(username, role, password, display_name) -> None:
    """Create a user with a role: researcher, staff, curator or admin."""
    try:
        create_user(username, role, password, display_name)
    except AccountError as error:
        db.session.rollback()
        raise click.UsageError(str(error)) from None
    db.session.commit()
    click.echo(f"user {username} created with role {role}")


@users_group.command("unlock")
@click.argument("username")
def unlock_user_command(username) -> None:
    """Lift the lock that failed logins put on a user name."""
    if throttle.clear(username):
        db.session.commit()
        click.echo(f"{username} unlocked")
    else:
        click.echo(f"{username} was not locked")
