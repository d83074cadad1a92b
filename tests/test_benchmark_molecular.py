"""benchmarks/molecular.py at a tiny size (--quick): it measures, and writes its section and
the sequence search's into the given file, leaving the other sections alone. No timing is
asserted, only that the figures are there with their verdicts."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_run_writes_the_molecular_section(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n<!-- begin web -->\nweb figures\n<!-- end web -->\n")
    result = subprocess.run([sys.executable, ROOT / "benchmarks" / "molecular.py", "--quick",
                             "--docs", docs], capture_output=True, text=True, timeout=600,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    text = docs.read_text()
    assert "<!-- begin web -->\nweb figures\n<!-- end web -->" in text
    molecular = text[text.index("<!-- begin molecular -->"):text.index("<!-- end molecular -->")]
    verdict = r"\| [\d.]+ → [\d.]+ \| (PASS|\*\*MISS\*\*) \|"
    assert re.search(r"\| fingerprint distances, full matrix \| 300 accessions × 20 SSR markers"
                     r" \| [\d.]+ s \| < 10 s " + verdict, molecular)
    assert re.search(r"\| sequence search p95 \| 20 × 1,500 bp, 5 queries \| \d+ ms "
                     r"\(p50 \d+, recall@1 100%\) \| < 1,000 ms " + verdict, molecular)
    assert molecular.count("not measured: --quick") == 2  # the SNP and core measures
    assert f"on\n{os.cpu_count()} CPUs (1-minute load average" in molecular
    sequences = text[text.index("<!-- begin sequences -->"):text.index("<!-- end sequences -->")]
    assert "| 20 |" in sequences and "100%" in sequences
