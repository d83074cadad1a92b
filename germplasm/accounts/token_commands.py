"""CLI: `germplasm tokens create USERNAME [--name] [--expires-days N] [--scope read|write]`,
`germplasm tokens list [USERNAME]`, `germplasm tokens revoke TOKEN_ID`."""
import click
from flask.cli import AppGroup

from germplasm.accounts import tokens
from germplasm.accounts.services import find
from germplasm.extensions import db

tokens_group = AppGroup("tokens", help="Personal access tokens for the API.")


@tokens_group.command("create")
@click.argument("username")
@click.option("--name", "label", help="What the token is for, e.g. 'nightly sync'.")
@click.option("--expires-days", type=int, help="Days until it expires (default: never).")
@click.option("--scope", type=click.Choice(tokens.SCOPES), default="read", show_default=True)
def create_token_command(username, label, expires_days, scope) -> None:
    """Make a token; it is printed once, alone on the last line, and only its hash is kept."""
    user = _user(username)
    try:
        token, secret = tokens.create(user, label, expires_days, scope)
    except tokens.TokenProblem as problem:
        raise click.UsageError(str(problem)) from None
    db.session.commit()
    click.echo(f"token {token.id} for {username} ({scope}), shown once; keep it secret:")
    click.echo(secret)


@tokens_group.command("list")
@click.argument("username", required=False)
def list_tokens_command(username) -> None:
    """The tokens (of one user), without the secrets: id, user, name, scope, state, dates."""
    for token in tokens.listed(_user(username) if username else None):
        expires = token.expires_at.date().isoformat() if token.expires_at else "never"
        click.echo("\t".join([str(token.id), token.user.username, token.name, token.scope,
                              tokens.state(token), f"{token.prefix}…",
                              token.created_at.date().isoformat(), f"expires {expires}"]))


@tokens_group.command("revoke")
@click.argument("token_id", type=int)
def revoke_token_command(token_id) -> None:
    """Revoke a token at once: requests with it get 401 from now on."""
    try:
        token = tokens.revoke(token_id)
    except tokens.TokenProblem as problem:
        raise click.UsageError(str(problem)) from None
    db.session.commit()
    click.echo(f"token {token.id} of {token.user.username} revoked")


def _user(username: str):
    user = find(username)
    if user is None:
        raise click.UsageError(f"no user {username!r}")
    return user
