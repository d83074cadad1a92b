"""Two sheets read at once (two upload jobs, or a test after another): a small file opened
while a large one is still being read must not shrink the reader's field limit under it."""
from loaders.tabular import read_table


def test_a_small_file_does_not_break_a_large_one_being_read(tmp_path):
    large = tmp_path / "large.csv"
    large.write_text("ACCENUMB,REMARKS\n" + "".join(f"L{i},{'x' * 5000}\n" for i in range(3)),
                     encoding="utf-8")
    small = tmp_path / "small.csv"
    small.write_text("ACCENUMB\nS1\n", encoding="utf-8")
    rows = read_table(large).rows
    first = next(rows)
    read_table(small)  # opened meanwhile
    rest = list(rows)
    assert [first[1][0], *(cells[0] for _n, cells in rest)] == ["L0", "L1", "L2"]
