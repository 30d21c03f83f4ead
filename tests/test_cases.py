"""Case folders: creating, validating and reading them."""

import json
import shutil

import pytest

from tests.conftest import SEED_ID
from workbench.cases import list_cases, load_case, new_case
from workbench.errors import CaseError, CaseNotFound, DocumentError, InvalidCaseId

FILES = __import__("pathlib").Path(__file__).parent / "files"


def test_new_case_from_the_seed_documents_is_valid_and_loads_again(isolated_data):
    case = new_case(
        FILES / "seed_response.txt",
        request=FILES / "seed_request.txt",
        case_id="seed-copy",
        regime="FOIA",
    )
    again = load_case("seed-copy")
    assert again.meta == case.meta
    assert again.meta.documents.response == "response.txt"
    assert again.meta.original_filenames["response"] == "seed_response.txt"
    assert "IC-266000-V6Y0" in again.response().text
    assert again.request().text.startswith("I am requesting information")


def test_the_shipped_seed_case_loads(seed_case):
    case = load_case(SEED_ID)
    assert case.meta.regime == "FOIA"
    assert "You asked us" in case.response().text
    assert [c.id for c in list_cases()] == [SEED_ID]


def test_a_search_record_is_copied_and_read(isolated_data):
    case = new_case(FILES / "seed_response.txt", searches=FILES / "searches_ok.csv", case_id="c1")
    rows = case.searches()
    assert [r.where for r in rows] == ["Corporate email (Outlook)", "Case management system"]
    assert rows[0].terms == '"facial recognition" AND Essex'
    assert rows[1].results == "0"


def test_a_search_record_without_known_columns_is_refused_before_anything_is_written(isolated_data):
    with pytest.raises(
        DocumentError, match="needs a header row naming at least 'where' or 'terms'"
    ):
        new_case(
            FILES / "seed_response.txt", searches=FILES / "searches_bad_headers.csv", case_id="c2"
        )
    assert not (isolated_data / "cases" / "c2").exists()
    assert [p.name for p in (isolated_data / "cases").iterdir()] == []


@pytest.mark.parametrize("bad", ["../../etc", "a/b", "..", ".hidden", "a\\b", "", "x" * 81])
def test_case_ids_that_could_escape_the_folder_are_refused(bad):
    with pytest.raises(InvalidCaseId, match="Invalid case id"):
        new_case(FILES / "seed_response.txt", case_id=bad)


def test_an_existing_case_is_never_overwritten(isolated_data):
    new_case(FILES / "seed_response.txt", case_id="dup")
    with pytest.raises(CaseError, match="already exists"):
        new_case(FILES / "seed_request.txt", case_id="dup")
    assert "IC-266000-V6Y0" in load_case("dup").response().text


def test_a_missing_case_is_named(isolated_data):
    with pytest.raises(CaseNotFound, match="No case at"):
        load_case("nope")


def test_malformed_case_json_is_named(seed_case):
    (seed_case / "case.json").write_text("{not json")
    with pytest.raises(CaseError, match="case.json is not valid JSON"):
        load_case(SEED_ID)


def test_case_json_with_a_wrong_date_is_named(seed_case):
    meta = json.loads((seed_case / "case.json").read_text())
    meta["date_received"] = "2023-02-30"
    (seed_case / "case.json").write_text(json.dumps(meta))
    with pytest.raises(CaseError, match="date_received"):
        load_case(SEED_ID)


def test_case_json_document_names_cannot_point_outside_the_folder(seed_case):
    meta = json.loads((seed_case / "case.json").read_text())
    meta["documents"]["response"] = "../../etc/passwd"
    (seed_case / "case.json").write_text(json.dumps(meta))
    with pytest.raises(CaseError, match="plain file name"):
        load_case(SEED_ID)


def test_a_newer_schema_version_asks_for_an_update(seed_case):
    meta = json.loads((seed_case / "case.json").read_text())
    meta["schema_version"] = 99
    (seed_case / "case.json").write_text(json.dumps(meta))
    with pytest.raises(CaseError, match="update the workbench"):
        load_case(SEED_ID)


def test_broken_case_folders_are_skipped_in_the_list(seed_case, isolated_data):
    broken = isolated_data / "cases" / "broken"
    shutil.copytree(seed_case, broken)
    (broken / "case.json").write_text("[]")
    assert [c.id for c in list_cases()] == [SEED_ID]


def test_saving_case_json_leaves_no_temporary_files(seed_case):
    case = load_case(SEED_ID)
    case.meta.requester = "A. Requester"
    case.save()
    assert load_case(SEED_ID).meta.requester == "A. Requester"
    assert sorted(p.name for p in seed_case.iterdir()) == [
        "case.json",
        "request.txt",
        "response.txt",
    ]


def test_new_case_reads_reference_regime_and_dates_from_the_letter(isolated_data):
    case = new_case(FILES / "seed_response.txt", request=FILES / "seed_request.txt")
    assert case.id == "IC-266000-V6Y0"
    assert case.meta.reference == "IC-266000-V6Y0"
    assert case.meta.regime == "FOIA"
    assert str(case.meta.date_received) == "2023-10-25"
    assert str(case.meta.date_responded) == "2023-11-22"


def test_what_the_caller_gives_beats_what_the_letter_says(isolated_data):
    case = new_case(FILES / "seed_response.txt", case_id="x", regime="EIR")
    assert case.id == "x"
    assert case.meta.regime == "EIR"
