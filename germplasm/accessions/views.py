"""Catalogue pages: home with counts, accession list and accession page."""
from flask import Blueprint

bp = Blueprint("accessions", __name__)
