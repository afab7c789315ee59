"""The test runner's summary of a passing pass: its slowest tests and its result line."""

from tests.run import _summary

# The end of a real pytest log with --durations (trimmed).
LOG = """\
tests/search/test_api.py ........                                        [ 99%]
tests/search/test_ranking.py ..                                          [100%]
============================= slowest 25 durations =============================
79.23s call     tests/workgroups/test_admin_crawl.py::test_member_of_another_group
71.59s call     tests/cms/test_backups.py::test_sqlite_backup_restores_demo_site
6.07s setup    tests/workgroups/test_admin_crawl.py::test_member_of_another_group
========= 897 passed, 116 deselected, 1 warning in 2459.26s (0:40:59) =========="""


def test_the_summary_names_the_slowest_tests_once_and_the_result():
    lines = _summary(LOG).splitlines()

    assert lines[0].startswith("====") and "slowest 25 durations" in lines[0]
    assert [line.split()[0] for line in lines[1:4]] == ["79.23s", "71.59s", "6.07s"]
    assert lines[4].startswith("========= 897 passed")
    assert len(lines) == 5


def test_without_durations_the_summary_is_the_last_lines():
    log = "a\nb\nc\n==== 3 passed in 1.00s ===="

    assert _summary(log).splitlines() == ["b", "c", "==== 3 passed in 1.00s ===="]
