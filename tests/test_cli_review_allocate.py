"""``workbench review allocate CASE_ID --to USER`` from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from workbench.cli import main
from workbench.store import Store

SEED_ID = "IC-266000-V6Y0"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_allocate_starts_the_review_if_needed_and_records_who_allocated(seed_case, store_url):
    result = run("review", "allocate", SEED_ID, "--to", "ann", "--who", "mia")
    assert result.exit_code == 0, result.output
    assert result.output == f"Allocated the review of {SEED_ID} to ann\n"
    assert run("review", "allocate", SEED_ID, "--to", "", "--who", "mia").output == (
        f"The review of {SEED_ID} is allocated to nobody\n"
    )
    with Store() as store:
        assert store.get(SEED_ID).allocated_to == ""
        allocations = [(e.who, e.new_value) for e in store.audit(SEED_ID) if e.action == "allocate"]
    assert allocations == [("mia", "ann"), ("mia", "ann"), ("mia", "")]  # name, then allocation


def test_signed_in_the_manager_is_the_signed_in_user(seed_case, store_url, tmp_path, monkeypatch):
    team = tmp_path / "roles.yaml"
    team.write_text("managers: [mia]\nreviewers: [ann]\n")
    monkeypatch.setenv("WORKBENCH_ROLES", str(team))
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    refused = run("review", "allocate", SEED_ID, "--to", "ann", "--who", "mia")
    assert refused.exit_code == 1
    assert refused.output == (
        "Error: ann may not allocate reviews: only a manager may allocate reviews\n"
    )

    monkeypatch.setenv("JUPYTERHUB_USER", "mia")
    assert run("review", "allocate", SEED_ID, "--to", "ann", "--who", "zed").exit_code == 0
    with Store() as store:
        assert {e.who for e in store.audit(SEED_ID)} == {"mia"}


def test_an_unknown_case_is_one_line(isolated_data, store_url):
    result = run("review", "allocate", "NO-SUCH", "--to", "ann")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
