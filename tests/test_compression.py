"""Scripts, stylesheets, map outlines and JSON travel compressed to a phone in the orchard;
HTML pages do not (they hold CSRF tokens beside reflected input: BREACH)."""
import gzip
import json

GZIP = {"Accept-Encoding": "gzip"}


def test_static_assets_and_json_are_gzipped(client, catalogue):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/site.css",
                 "/static/vendor/outlines/countries-110m.json",
                 "/static/vendor/outlines/china-provinces.geojson"):
        plain = client.get(path).data
        packed = client.get(path, headers=GZIP)
        assert packed.headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(packed.data) == plain and len(packed.data) < len(plain) / 2, path
    api = client.get("/api/v1/accessions?q=李", headers=GZIP)
    assert api.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(api.data))["total"] >= 1


def test_pages_are_not_compressed(client, catalogue):
    page = client.get("/?q=李", headers=GZIP)
    assert "Content-Encoding" not in page.headers and b"<html" in page.data
