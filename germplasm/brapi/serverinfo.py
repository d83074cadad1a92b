"""/serverinfo's list of calls, read from the routes of the BrAPI blueprints: a call is
advertised exactly when it is served, with the methods it answers."""
import re

from flask import Flask
from flask_babel import gettext as _

PREFIX = "/brapi/v2/"
BLUEPRINTS = ("brapi_core", "brapi_germplasm", "brapi_seedlots", "brapi_studies",
              "brapi_observation_units", "brapi_observations", "brapi_phenotypes",
              "brapi_attributes", "brapi_lists", "brapi_search")
PARAMETER = re.compile(r"<(?:[a-z]+:)?([A-Za-z]+)>")
SKIPPED_METHODS = {"HEAD", "OPTIONS"}


def calls(app: Flask) -> list[dict]:
    found: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in BLUEPRINTS and rule.rule.startswith(PREFIX):
            service = PARAMETER.sub(r"{\1}", rule.rule[len(PREFIX):])
            found.setdefault(service, set()).update(rule.methods - SKIPPED_METHODS)
    return [{"service": service, "methods": sorted(methods), "versions": ["2.1"],
             "contentTypes": ["application/json"], "dataTypes": ["application/json"]}
            for service, methods in sorted(found.items())]


def server_info(app: Flask) -> dict:
    return {"calls": calls(app), "serverName": _("Plum germplasm platform"),
            "serverDescription": _("The plum germplasm catalogue, its people, places, seasons "
                                   "and lots, as BrAPI v2.1"),
            "documentationURL": "https://brapi.org/specification"}
