"""WSGI entry point: `gunicorn wsgi:app`."""
import gc

from germplasm import create_app
from germplasm.accessions.names import warm_up

app = create_app()
# Load the large dictionaries (pypinyin, jieba) now, then move everything alive into the
# permanent generation: full collections over ~370,000 long-lived objects otherwise add
# 160-280 ms to an unlucky request every few dozen (measured in benchmarks/web.py).
warm_up()
gc.freeze()
