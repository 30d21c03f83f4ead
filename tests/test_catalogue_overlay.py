"""A team's provisions.yaml adds to and re-words the packaged catalogue, merged by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.catalogue import load_catalogue, packaged_catalogue
from workbench.catalogue_overlay import merge_overlay, team_catalogue
from workbench.errors import CatalogueError

ORIGIN = "team/provisions.yaml"


def _merge(overlay: dict):
    return merge_overlay(packaged_catalogue(), overlay, origin=ORIGIN)


def _ids(catalogue, provision_id: str) -> list[str]:
    return [q.id for q in catalogue.questions_for(provision_id)]


def test_without_an_overlay_the_catalogue_is_the_packaged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(tmp_path))
    assert load_catalogue() is packaged_catalogue()
    assert team_catalogue(tmp_path) is packaged_catalogue()


def test_an_empty_overlay_changes_nothing():
    merged = _merge({})
    assert merged.provisions == packaged_catalogue().provisions
    assert merged.sources == packaged_catalogue().sources


def test_a_new_question_is_asked_after_the_packaged_ones_and_can_follow_them():
    merged = _merge(
        {
            "provisions": [
                {
                    "id": "s.40(2)",
                    "questions": [
                        {
                            "id": "name_already_public",
                            "text": "Is the name already published?",
                            "help": "Information already public weighs towards disclosure.",
                            "applies_if": {"question": "personal_data", "answer": "yes"},
                        }
                    ],
                }
            ]
        }
    )
    packaged = _ids(packaged_catalogue(), "s.40(2)")
    assert _ids(merged, "s.40(2)") == [*packaged, "name_already_public"]
    shown = [q.id for q in merged.applicable_questions("s.40(2)", {"personal_data": "yes"})]
    assert shown[-1] == "name_already_public"
    assert "name_already_public" not in [q.id for q in merged.applicable_questions("s.40(2)", {})]


def test_a_packaged_question_takes_only_the_keys_the_overlay_gives():
    before = {q.id: q for q in packaged_catalogue().questions_for("s.40(2)")}["personal_data"]
    merged = _merge(
        {
            "sources": {"team_guide": "https://intranet.example/foi"},
            "provisions": [
                {
                    "id": "s.40(2)",
                    "questions": [
                        {"id": "personal_data", "help": "See our guide.", "source": "team_guide"}
                    ],
                }
            ],
        }
    )
    after = {q.id: q for q in merged.questions_for("s.40(2)")}["personal_data"]
    assert (after.text, after.answers) == (before.text, before.answers)
    assert (after.help, after.source) == ("See our guide.", "team_guide")
    assert merged.source_url("team_guide") == "https://intranet.example/foi"


def test_a_sub_provision_keeps_its_parent_s_questions_when_one_is_added():
    inherited = _ids(packaged_catalogue(), "s.31(1)(a)")
    added = {"id": "local_force", "text": "Is a local force involved?", "help": "Ask the force."}
    merged = _merge({"provisions": [{"id": "s.31(1)(a)", "questions": [added]}]})
    assert _ids(merged, "s.31(1)(a)") == [*inherited, "local_force"]
    assert _ids(merged, "s.31") == _ids(packaged_catalogue(), "s.31")


def test_a_provision_field_is_replaced_and_the_rest_kept():
    merged = _merge({"provisions": [{"id": "s.42", "notes": "Ask Legal before deciding."}]})
    before, after = packaged_catalogue().get("s.42"), merged.get("s.42")
    assert after.notes == "Ask Legal before deciding."
    assert after.model_dump(exclude={"notes"}) == before.model_dump(exclude={"notes"})


def test_a_new_provision_is_added_taking_omitted_fields_from_its_parent():
    entry = {
        "id": "s.43(2)(z)",
        "title": "A limb the team tracks separately",
        "questions": [{"id": "harm", "text": "What harm?", "help": "Say who is harmed."}],
    }
    merged = _merge({"provisions": [entry]})
    added, parent = merged.get("s.43(2)(z)"), merged.get("s.43(2)")
    assert added.title == "A limb the team tracks separately"
    assert (added.kind, added.test, added.public_interest_test) == (
        parent.kind,
        parent.test,
        parent.public_interest_test,
    )


def test_the_team_folder_s_overlay_is_read_again_when_it_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_TEMPLATES", str(tmp_path))
    overlay = tmp_path / "provisions.yaml"
    overlay.write_text("provisions:\n  - id: s.42\n    notes: First.\n", encoding="utf-8")
    assert load_catalogue().get("s.42").notes == "First."
    overlay.write_text("provisions:\n  - id: s.42\n    notes: Second, longer.\n", encoding="utf-8")
    assert load_catalogue().get("s.42").notes == "Second, longer."


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ({"questions": []}, "questions: unknown key; a catalogue overlay has only"),
        ({"provisions": {"id": "s.42"}}, "provisions: must be a list"),
        ({"provisions": [{"id": "s 42"}]}, "provisions[0].id: 's 42' is not an id like"),
        (
            {"provisions": [{"id": "s.42"}, {"id": "s.42"}]},
            "provisions[1].id: s.42 is listed twice in the overlay",
        ),
        (
            {"provisions": [{"id": "s.42", "colour": "red"}]},
            "provisions[0] (s.42).colour: not a field of a provision",
        ),
        (
            {"provisions": [{"id": "s.42", "questions": [{"text": "No id"}]}]},
            "provisions[0] (s.42).questions[0]: must be a mapping with an id",
        ),
        (
            {"provisions": [{"id": "s.42", "questions": [{"id": "x", "hint": "y"}]}]},
            "provisions[0] (s.42).questions[0].hint: not a field of a question",
        ),
        (
            {
                "provisions": [
                    {
                        "id": "s.42",
                        "questions": [{"id": "x", "text": "T", "help": "H", "source": "nowhere"}],
                    }
                ]
            },
            "provision (s.42).question (x).source: unknown source key 'nowhere'",
        ),
        (
            {
                "provisions": [
                    {
                        "id": "s.42",
                        "questions": [
                            {
                                "id": "x",
                                "text": "T",
                                "help": "H",
                                "applies_if": {"question": "later", "answer": "yes"},
                            }
                        ],
                    }
                ]
            },
            "'later' is not an earlier question of this provision",
        ),
        (
            {"provisions": [{"id": "s.99", "title": "Nothing like it"}]},
            "provision (s.99)",
        ),
    ],
)
def test_a_mistake_in_the_overlay_names_the_file_and_the_entry(overlay, message):
    with pytest.raises(CatalogueError) as caught:
        _merge(overlay)
    text = str(caught.value)
    assert text.startswith(f"{ORIGIN}: ")
    assert message in text
    assert caught.value.path == ORIGIN


def test_an_overlay_that_is_not_yaml_is_refused_naming_the_file(tmp_path: Path):
    (tmp_path / "provisions.yaml").write_text("provisions: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"provisions\.yaml: not valid YAML"):
        team_catalogue(tmp_path)
