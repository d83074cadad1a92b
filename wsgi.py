"""WSGI entry point: `gunicorn wsgi:app`."""
from germplasm import create_app

app = create_app()
