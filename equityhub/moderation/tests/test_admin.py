"""Editors keep the word list in the admin; admins may read decisions but never change them."""

import pytest
from django.test import Client
from django.urls import reverse

from equityhub.moderation.models import Action, Decision, WordRule

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_word_to_the_list(client: Client, editor) -> None:
    client.force_login(editor)

    response = client.post(
        reverse("admin:moderation_wordrule_add"), {"phrase": "miracle cure", "is_active": "on"}
    )

    assert response.status_code == 302
    assert WordRule.objects.get().phrase == "miracle cure"


def test_an_editor_cannot_read_decisions(client: Client, editor) -> None:
    client.force_login(editor)
    assert client.get(reverse("admin:moderation_decision_changelist")).status_code == 403


def test_an_admin_reads_decisions_without_changing_them(
    client: Client, admin_user, moderator
) -> None:
    decision = Decision.objects.create(
        action=Action.SUSPEND, moderator=moderator, subject=admin_user, reason="Audit me"
    )
    client.force_login(admin_user)

    listing = client.get(reverse("admin:moderation_decision_changelist"))
    detail = client.get(reverse("admin:moderation_decision_change", args=[decision.pk]))
    add = client.get(reverse("admin:moderation_decision_add"))
    delete = client.post(
        reverse("admin:moderation_decision_delete", args=[decision.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200 and "Audit me" in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()
    assert (add.status_code, delete.status_code) == (403, 403)
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_members_have_no_way_in(client: Client, member) -> None:
    client.force_login(member)
    response = client.get(reverse("admin:moderation_wordrule_changelist"))
    assert response.status_code == 302  # to the admin's sign-in page
