"""Who may do what: roles from the roles file, the signed-in user, and single-user mode."""

from __future__ import annotations

import pytest

from workbench import roles
from workbench.errors import PermissionDenied, SettingsError
from workbench.roles import Action, Permissions, Roster

TEAM = """\
managers: [mia]
reviewers: [ann, bob, mia]
analysts: [ali]
second_signature: true
"""


@pytest.fixture
def team(tmp_path, monkeypatch) -> Roster:
    path = tmp_path / "roles.yaml"
    path.write_text(TEAM)
    monkeypatch.setenv(roles.ROLES_ENV, str(path))
    return roles.load_roster()


def test_the_team_file_lists_each_role_and_the_second_signature(team):
    assert team.managers == {"mia"} and team.analysts == {"ali"}
    assert team.members == {"mia", "ann", "bob", "ali"}
    assert team.second_signature


def test_without_sign_in_everything_is_allowed_as_before(team, monkeypatch):
    monkeypatch.delenv(roles.HUB_USER_ENV, raising=False)
    me = roles.current()
    assert me.single_user
    assert all(me.allows(action, allocated_to="ann") for action in Action)


def test_the_signed_in_user_is_the_hubs(team, monkeypatch):
    monkeypatch.setenv(roles.HUB_USER_ENV, "ann")
    assert roles.signed_in_user() == "ann"
    assert roles.current().user == "ann"


def test_a_reviewer_edits_only_the_reviews_allocated_to_them(team):
    ann = Permissions("ann", team)
    assert ann.allows(Action.EDIT, allocated_to="ann")
    assert ann.refusal(Action.EDIT, allocated_to="bob") == "this review is allocated to bob"
    assert "not allocated to anyone" in ann.refusal(Action.EDIT, allocated_to="")
    assert not ann.allows(Action.ALLOCATE)
    assert not ann.allows(Action.REOPEN)


def test_a_manager_allocates_signs_off_and_reopens(team):
    mia = Permissions("mia", team)
    assert mia.allows(Action.ALLOCATE)
    assert mia.allows(Action.SIGN_OFF, allocated_to="ann")
    assert mia.allows(Action.REOPEN, allocated_to="ann")


def test_with_a_second_signature_nobody_signs_off_their_own_review(team):
    assert "second signature" in Permissions("ann", team).refusal(Action.SIGN_OFF, "ann")
    assert "second signature" in Permissions("mia", team).refusal(Action.SIGN_OFF, "mia")
    assert Permissions("mia", team).allows(Action.SIGN_OFF, "ann")


def test_without_a_second_signature_the_reviewer_signs_off_their_own():
    team = Roster(reviewers=frozenset({"ann"}), configured=True)
    assert Permissions("ann", team).allows(Action.SIGN_OFF, "ann")
    assert not Permissions("ann", team).allows(Action.SIGN_OFF, "bob")


def test_an_analyst_or_a_stranger_only_reads(team):
    for user in ("ali", "stranger"):
        with pytest.raises(PermissionDenied, match=f"{user} may not edit this review: analysts"):
            Permissions(user, team).check(Action.EDIT, allocated_to="ann")
        assert not Permissions(user, team).allows(Action.SIGN_OFF, "ann")


def test_signed_in_without_a_team_file_everyone_may_do_everything(tmp_path, monkeypatch):
    monkeypatch.setenv(roles.ROLES_ENV, str(tmp_path / "none.yaml"))
    monkeypatch.setenv(roles.HUB_USER_ENV, "zoe")
    me = roles.current()
    assert not me.roster.configured
    assert all(me.allows(action, allocated_to="ann") for action in Action)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("managers: mia\n", "managers must be a list of sign-in names"),
        ("owners: [mia]\n", "unknown entries owners"),
        ("second_signature: maybe\n", "second_signature must be true or false"),
        ("- mia\n", "must be a mapping"),
        ("managers: [mia\n", "Cannot read the roles file"),
    ],
)
def test_a_wrong_team_file_is_named_in_one_line(tmp_path, text, message):
    path = tmp_path / "roles.yaml"
    path.write_text(text)
    with pytest.raises(SettingsError, match=message):
        roles.load_roster(path)


def test_the_sample_team_file_is_a_valid_roster_file():
    from hub_server import DEPLOY

    sample = roles.load_roster(DEPLOY / "roles.example.yaml")
    assert sample.configured and sample.managers and sample.second_signature
