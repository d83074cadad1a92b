"""/api/v1/exports: the whole catalogue (MCPD) and every observation as CSV, for partners who
want everything at once. The same files as `germplasm export mcpd|observations` (with
--public for callers below staff), streamed: rows are fetched a chunk at a time and sent as
they are written, never held whole in memory."""
from flask import Response, stream_with_context

from germplasm.downloads import content_disposition, download_name
from germplasm.sharing.access import accession_scope, rounds_wild_sites
from germplasm.sharing.openapi import ApiBlueprint
from loaders.mcpd_export import mcpd_csv_chunks
from loaders.observation_export import observation_csv_chunks

bp = ApiBlueprint("api_exports", __name__, url_prefix="/api/v1",
                  description="整库下载 / Bulk downloads")


def _csv_doc(zh: str, en: str) -> dict:
    return {"responses": {"200": {
        "description": f"{zh} / {en}",
        "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}}}}}


def _stream(chunks, kind: str) -> Response:
    response = Response(stream_with_context(chunks), mimetype="text/csv")
    response.headers["Content-Disposition"] = content_disposition(
        download_name(kind, [], ".csv"))
    return response


@bp.route("/exports/mcpd.csv", methods=["GET"])
@bp.doc(**_csv_doc(
    "MCPD v2.1 全部种质（UTF-8 带 BOM）；受限种质只对有权查看者列出，"
    "野生材料的采集地点对公众与研究人员取整到 0.1°",
    "every accession as MCPD v2.1 (UTF-8 with a BOM); restricted accessions only for callers "
    "who may see them, wild collecting sites rounded to 0.1° for the public and researchers"))
def mcpd():
    """MCPD 整库下载 / The whole catalogue as MCPD

    与 `germplasm export mcpd` 相同（工作人员以下与加 --public 相同），分块流式发送。
    The file of `germplasm export mcpd` (with --public for callers below staff), streamed."""
    return _stream(mcpd_csv_chunks(rounds_wild_sites(), accession_scope()), "mcpd")


@bp.route("/exports/observations.csv", methods=["GET"])
@bp.doc(**_csv_doc(
    "全部观测记录，长格式（UTF-8 带 BOM）；受限种质的观测只对有权查看者列出",
    "every observation, long form (UTF-8 with a BOM); observations of restricted accessions "
    "only for callers who may see them"))
def observations():
    """观测数据整库下载 / Every observation

    与 `germplasm export observations` 相同（工作人员以下与加 --public 相同），分块流式发送。
    The file of `germplasm export observations` (with --public for callers below staff),
    streamed."""
    return _stream(observation_csv_chunks(scope=accession_scope()), "observations")
