"""Fingerprints planted for the dendrogram tests: two clones, a near pair, outliers, and two
accessions typed at different single markers (their distance is unknown)."""
from tests.conftest import write

# name: CPPCT022, UDP96-005, BPPCT007 (a/b); "" is untyped
PRINTS = {
    "巫山脆李 & 红心": ("220/230", "140/142", "124/126"),
    "Clone": ("220/230", "140/142", "124/126"),  # the first one's clone under another name
    "B": ("186/188", "102/104", "152/154"),
    "C": ("186/188", "102/104", "152/156"),  # half an allele off at one marker
    "Far": ("200/210", "120/130", "140/144"),
    "Far2": ("202/210", "122/130", "140/146"),
    "OnlyCp": ("220/230", "", ""),
    "OnlyUdp": ("", "110/112", ""),  # no marker in common with OnlyCp
}


def plant_tree(make_accession, cli, tmp_path, **extra) -> dict:
    """{name: accenumb}; `extra` are MCPD columns for every accession."""
    made = {name: make_accession(ACCENAME=name, **extra) for name in PRINTS}
    lines = ["ACCESSION,CPPCT022_a,CPPCT022_b,UDP96-005_a,UDP96-005_b,BPPCT007_a,BPPCT007_b"]
    for name, prints in PRINTS.items():
        cells = [c for p in prints for c in (p.split("/") if p else ("NA", "NA"))]
        lines.append(",".join([made[name].accenumb, *cells]))
    result = cli("import", "genotypes", write(tmp_path / "g.csv", "\n".join(lines) + "\n"),
                 "--kind", "ssr")
    assert result.exit_code == 0, result.output
    return {name: a.accenumb for name, a in made.items()}
