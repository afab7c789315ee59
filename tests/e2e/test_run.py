"""The e2e runner's summary of failed specs, read from Vitest's JSON report."""

import json

from tests.e2e.run import failed_specs

# The shape Vitest 4's JSON reporter writes (trimmed from a real report).
REPORT = {
    "testResults": [
        {
            "name": "/work/frontend/tests/e2e/search.e2e.ts",
            "status": "failed",
            "message": "",
            "assertionResults": [
                {
                    "fullName": "search opens a result",
                    "status": "failed",
                    "failureMessages": [
                        "AssertionError: expected 'a' to be 'b'\n    at search.e2e.ts:2:57"
                    ],
                },
                {"fullName": "search helps", "status": "passed", "failureMessages": []},
            ],
        },
        {
            "name": "/work/frontend/tests/e2e/admin.e2e.ts",
            "status": "failed",
            "message": "Hook timed out in 120000ms.\nmore",
            "assertionResults": [],
        },
        {
            "name": "/work/frontend/tests/e2e/a11y.e2e.ts",
            "status": "passed",
            "assertionResults": [],
        },
    ]
}


def test_failed_specs_names_file_test_and_first_error_line(tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(REPORT), encoding="utf-8")
    assert failed_specs(report) == [
        "✗ search.e2e.ts > search opens a result: AssertionError: expected 'a' to be 'b'",
        "✗ admin.e2e.ts: Hook timed out in 120000ms.",
    ]


def test_failed_specs_caps_the_list(tmp_path):
    failing = {"fullName": "t", "status": "failed", "failureMessages": ["x"]}
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps({"testResults": [{"name": "a.e2e.ts", "assertionResults": [failing] * 5}]}),
        encoding="utf-8",
    )
    assert failed_specs(report, limit=2) == ["✗ a.e2e.ts > t: x"] * 2 + ["… und 3 weitere"]


def test_failed_specs_without_a_report_is_empty(tmp_path):
    assert failed_specs(tmp_path / "missing.json") == []
