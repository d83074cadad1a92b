"""The plum germplasm platform: create_app() builds the Flask application."""
from pathlib import Path

from flask import Flask
from flask_babel import lazy_gettext, refresh
from sqlalchemy import event
from sqlalchemy.engine import Engine

from germplasm.config import load_config
from germplasm.errors import init_errors
from germplasm.extensions import babel, compress, csrf, db, limiter, login_manager, migrate
from germplasm.security_headers import init_security_headers

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(load_config(app.instance_path))
    app.config.update(config or {})
    _init_extensions(app)
    _register_blueprints(app)
    from germplasm.admin import init_admin

    init_admin(app)
    return app


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    login_manager.init_app(app)
    from germplasm.accounts.permissions import load_user

    login_manager.user_loader(load_user)
    from germplasm.accounts.bearer import init_bearer

    init_bearer(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = lazy_gettext("Please sign in first.")  # not Flask-Login's English
    babel.init_app(app, locale_selector=_select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    compress.init_app(app)
    _import_models()


def _import_models() -> None:
    # Importing registers every table on db.metadata for alembic and the relationships.
    from germplasm.accessions import models as _accessions  # noqa: F401
    from germplasm.accounts import models as _accounts  # noqa: F401
    from germplasm.audit import models as _audit  # noqa: F401
    from germplasm.brapi import search_models as _brapi_searches  # noqa: F401
    from germplasm.evaluations import models as _evaluations  # noqa: F401
    from germplasm.feed import models as _feed  # noqa: F401
    from germplasm.feed import orm_notes as _feed_notes  # noqa: F401  (notes campaigns, descriptors)
    from germplasm.fingerprints import models as _fingerprints  # noqa: F401
    from germplasm.imports import models as _imports  # noqa: F401
    from germplasm.inventory import batch_models as _batches  # noqa: F401
    from germplasm.inventory import models as _inventory  # noqa: F401
    from germplasm.pollination import models as _pollination  # noqa: F401
    from germplasm.reference import models as _reference  # noqa: F401
    from germplasm.requests import mailer as _mailer  # noqa: F401  (mails after commits)
    from germplasm.requests import models as _requests  # noqa: F401
    from germplasm.selections import models as _selections  # noqa: F401
    from germplasm.sequences import models as _sequences  # noqa: F401
    from search import state as _search_state  # noqa: F401
    from search import sync as _search_sync  # noqa: F401  (installs the commit hooks)


def _select_locale() -> str:
    from flask import request, session

    lang = request.args.get("lang")
    if lang in ("zh_CN", "en", "zh"):
        session["lang"] = "zh_CN" if lang.startswith("zh") else "en"
    return session.get("lang", "zh_CN")


def _language_url(lang: str) -> str:
    """The current page in another language: the same path and query, `lang` replaced."""
    from urllib.parse import urlencode

    from flask import request

    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return f"{request.script_root}{request.path}?{urlencode([*pairs, ('lang', lang)])}"


def _register_blueprints(app: Flask) -> None:
    from flask_babel import get_locale

    from germplasm.accessions import (  # noqa: F401 (routes)
        compare,
        exports,
        map_views,
        photo_views,
        screening_export,
        screening_views,
        search_views,
    )
    from germplasm.accessions.views import bp as accessions_bp
    from germplasm.accounts import token_views  # noqa: F401 (routes)
    from germplasm.accounts.oauth import bp as oauth_bp
    from germplasm.accounts.views import bp as accounts_bp
    from germplasm.core.views import bp as core_bp
    from germplasm.evaluations.campaign_views import bp as campaigns_bp
    from germplasm.evaluations.descriptor_views import bp as descriptors_bp
    from germplasm.evaluations.views import bp as evaluations_bp
    from germplasm.fingerprints import tree_views  # noqa: F401 (routes)
    from germplasm.fingerprints.views import bp as fingerprints_bp
    from germplasm.imports.views import bp as imports_bp
    from germplasm.inventory import lot_edit_views  # noqa: F401 (routes)
    from germplasm.inventory.batch_views import bp as seedlings_bp
    from germplasm.inventory.label_views import bp as labels_bp
    from germplasm.inventory.lot_views import bp as lots_bp
    from germplasm.inventory.views import bp as inventory_bp
    from germplasm.molecular_views import bp as molecular_bp
    from germplasm.pollination.views import bp as pollination_bp
    from germplasm.reports.views import bp as reports_bp
    from germplasm.requests import action_views, cart_views  # noqa: F401 (routes)
    from germplasm.requests.views import bp as requests_bp
    from germplasm.selections import saved_views  # noqa: F401 (routes)
    from germplasm.selections.views import bp as selections_bp
    from germplasm.sequences.views import bp as sequences_bp

    app.register_blueprint(accessions_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(oauth_bp)
    app.register_blueprint(evaluations_bp)
    app.register_blueprint(campaigns_bp)
    app.register_blueprint(descriptors_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(seedlings_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(inventory_bp)
    app.register_blueprint(selections_bp)
    app.register_blueprint(labels_bp)
    app.register_blueprint(lots_bp)
    app.register_blueprint(requests_bp)
    app.register_blueprint(sequences_bp)
    app.register_blueprint(molecular_bp)
    app.register_blueprint(pollination_bp)
    app.register_blueprint(fingerprints_bp)
    app.register_blueprint(core_bp)
    _register_api(app)
    _register_brapi(app)
    app.json.ensure_ascii = False  # Chinese names as characters in the JSON API
    init_errors(app)
    init_security_headers(app)
    app.context_processor(lambda: {"current_locale": str(get_locale() or "zh_CN")})
    from germplasm.selections.services import contains, size_for_header

    app.context_processor(lambda: {"selection_size": size_for_header,
                                   "selection_holds": contains})
    app.add_template_filter(_combine_page, "combine_page")
    app.add_template_global(_language_url, "language_url")
    _word_filters(app)
    app.after_request(_index_after_commit)
    # Flask-Babel caches the locale on the app context; a context shared by several requests
    # (tests, some servers) would otherwise keep the first request's language.
    app.before_request(refresh)
    app.before_request(_forget_previous_request)
    from germplasm.locking import limit_lock_waits

    app.before_request(limit_lock_waits)


def _register_api(app: Flask) -> None:
    """/api/v1: each module's smorest Blueprint, in the OpenAPI document and rate-limited."""
    from germplasm.core.api import bp as core_api_bp
    from germplasm.fingerprints.api import bp as fingerprints_api_bp
    from germplasm.pollination.api import bp as pollination_api_bp
    from germplasm.sequences.api import bp as sequences_api_bp
    from germplasm.sharing.api import bp as api_bp
    from germplasm.sharing.campaigns_api import bp as campaigns_api_bp
    from germplasm.sharing.changes_api import bp as changes_api_bp
    from germplasm.sharing.descriptors_api import bp as descriptors_api_bp
    from germplasm.sharing.docs_views import bp as api_docs_bp
    from germplasm.sharing.exports_api import bp as exports_api_bp
    from germplasm.sharing.lots_api import bp as lots_api_bp
    from germplasm.sharing.observations_api import bp as observations_api_bp
    from germplasm.sharing.openapi import init_api, register
    from germplasm.sharing.records_api import bp as records_api_bp
    from germplasm.sharing.requests_api import bp as requests_api_bp

    init_api(app)
    register(app, api_bp)
    register(app, observations_api_bp)
    register(app, exports_api_bp)
    register(app, changes_api_bp)
    register(app, records_api_bp)
    register(app, descriptors_api_bp)
    register(app, campaigns_api_bp)
    register(app, lots_api_bp)
    register(app, requests_api_bp)
    register(app, sequences_api_bp)
    register(app, core_api_bp)
    register(app, pollination_api_bp)
    register(app, fingerprints_api_bp)
    app.register_blueprint(api_docs_bp)  # /api/docs, the document's viewer


def _register_brapi(app: Flask) -> None:
    """/brapi/v2: BrAPI v2.1, one blueprint per group of calls (/serverinfo lists them);
    /brapi/authorize, where a field app gets a token of its user."""
    from germplasm.brapi.attributes import bp as brapi_attributes_bp
    from germplasm.brapi.authorize import bp as brapi_authorize_bp
    from germplasm.brapi.core import bp as brapi_core_bp
    from germplasm.brapi.germplasm_calls import bp as brapi_germplasm_bp
    from germplasm.brapi.lists import bp as brapi_lists_bp
    from germplasm.brapi.observation_units import bp as brapi_observation_units_bp
    from germplasm.brapi.observations import bp as brapi_observations_bp
    from germplasm.brapi.searches import bp as brapi_search_bp
    from germplasm.brapi.seedlots import bp as brapi_seedlots_bp
    from germplasm.brapi.studies import bp as brapi_studies_bp
    from germplasm.brapi.variables import bp as brapi_phenotypes_bp

    app.register_blueprint(brapi_core_bp)
    app.register_blueprint(brapi_authorize_bp)
    app.register_blueprint(brapi_germplasm_bp)
    app.register_blueprint(brapi_seedlots_bp)
    app.register_blueprint(brapi_studies_bp)
    app.register_blueprint(brapi_observation_units_bp)
    app.register_blueprint(brapi_observations_bp)
    app.register_blueprint(brapi_phenotypes_bp)
    app.register_blueprint(brapi_attributes_bp)
    app.register_blueprint(brapi_lists_bp)
    app.register_blueprint(brapi_search_bp)


def _word_filters(app: Flask) -> None:
    """Stored values as words of the page's language: trait values, units, scale types,
    name types, pedigree roles, audit sources and entities and the loaders' rejection
    reasons."""
    from germplasm.accessions.words import name_type_label, pedigree_role_label
    from germplasm.audit.words import entity_label, source_label
    from germplasm.evaluations.display import trait_value
    from germplasm.evaluations.scale_words import scale_type_label, unit_label
    from germplasm.imports.reasons import reason_text
    from germplasm.inventory.words import label as inventory_word

    app.add_template_filter(inventory_word, "inventory_word")
    for name, function in (("trait_value", trait_value), ("unit", unit_label),
                           ("scale_type", scale_type_label), ("name_type", name_type_label),
                           ("pedigree_role", pedigree_role_label),
                           ("audit_source", source_label), ("audit_entity", entity_label),
                           ("reason", reason_text)):
        app.add_template_filter(function, name)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys are off by default in SQLite; WAL lets readers work beside a writer."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        # Let SQLAlchemy, not the sqlite3 module, start transactions, so that SAVEPOINT and
        # transactional DDL behave as on PostgreSQL (the documented pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")


def _forget_previous_request() -> None:
    """Flask-Login and Flask-WTF cache the user and the CSRF token on `g`: in a shared app
    context a visitor would otherwise be served as whoever made the previous request."""
    from flask import g

    g.pop("_login_user", None)
    g.pop("csrf_token", None)


def _combine_page(args: dict, page: int) -> dict:
    """Query parameters with another page number, for pager links."""
    return {**args, "page": page}


def _index_after_commit(response):
    """Whatever committed during the request (a view, the admin) reaches the search index."""
    from search.sync import index_committed

    index_committed()
    return response
