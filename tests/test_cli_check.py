"""``workbench check CASE_DIR [--json]``: findings grouped by severity, with the evidence."""

import json

from click.testing import CliRunner

from workbench.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_check_prints_findings_grouped_by_severity_with_quotes(seed_case):
    result = run("check", str(seed_case))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Case IC-266000-V6Y0: ")
    assert out.index("ISSUES (") < out.index("WARNINGS (") < out.index("INFORMATION (")
    assert "[legitimate-interests-missing]" in out
    assert "Provision: s.40(2)" in out
    assert "\u201c[review procedure](#)\u201d" in out
    assert "Responded on time (working day 20)" in out


def test_check_accepts_a_case_id_from_the_cases_folder(seed_case):
    result = run("check", "IC-266000-V6Y0")
    assert result.exit_code == 0, result.output
    assert "[placeholder-links]" in result.output


def test_check_json_prints_a_list_of_finding_dicts(seed_case):
    result = run("check", str(seed_case), "--json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert isinstance(findings, list) and findings
    first = findings[0]
    assert set(first) == {
        "id",
        "check",
        "severity",
        "title",
        "explanation",
        "provision",
        "point",
        "evidence",
    }
    li = next(f for f in findings if f["check"] == "legitimate-interests-missing")
    assert li["severity"] == "issue" and li["provision"] == "s.40(2)"
    assert all({"quote", "start", "end", "source"} <= set(e) for e in li["evidence"])


def test_check_on_a_missing_case_is_a_one_line_error(isolated_data):
    result = run("check", "no-such-case")
    assert result.exit_code == 1
    assert result.output.startswith("Error: No case at")


def test_check_refuses_an_id_that_escapes_the_cases_folder(isolated_data):
    result = run("check", "..")
    assert result.exit_code == 1
    assert "Error: Invalid case id" in result.output
