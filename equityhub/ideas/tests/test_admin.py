"""Editors keep the themes in the admin and can look ideas up there, but not change them."""

import pytest
from django.urls import reverse

from equityhub.ideas.models import Idea, Status, Theme
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory

pytestmark = pytest.mark.django_db

THEME_ADD = reverse("admin:ideas_theme_add")


def theme_form(**overrides: object) -> dict[str, object]:
    return {
        "name_en": "Digital inclusion",
        "name_cy": "Cynhwysiant digidol",
        "slug": "digital-inclusion",
        "position": "9",
        **overrides,
    }


class TestThemes:
    def test_an_editor_adds_a_theme_with_its_welsh_name(self, client, editor):
        client.force_login(editor)

        form = client.get(THEME_ADD).content.decode()
        assert 'name="name_en"' in form
        assert 'name="name_cy"' in form

        response = client.post(THEME_ADD, theme_form())

        assert response.status_code == 302
        theme = Theme.objects.get(slug="digital-inclusion")
        assert (theme.name_en, theme.name_cy) == ("Digital inclusion", "Cynhwysiant digidol")

    def test_an_english_name_is_required(self, client, editor):
        client.force_login(editor)

        response = client.post(THEME_ADD, theme_form(name_en=""))

        assert response.status_code == 200
        assert "This field is required." in response.content.decode()
        assert not Theme.objects.exists()

    def test_the_list_shows_how_many_ideas_each_theme_has(self, client, editor):
        housing = ThemeFactory(slug="housing", name_en="Housing", name_cy="Tai")
        IdeaFactory.create_batch(2, themes=[housing])
        client.force_login(editor)

        response = client.get(reverse("admin:ideas_theme_changelist"))

        assert response.status_code == 200
        assert '<td class="field-idea_count">2</td>' in response.content.decode()

    @pytest.mark.parametrize("who", ["member", "moderator"])
    def test_members_and_moderators_cannot(self, client, request, who):
        client.force_login(request.getfixturevalue(who))

        assert client.get(THEME_ADD).status_code == 302
        response = client.post(THEME_ADD, theme_form())

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        assert not Theme.objects.exists()


class TestIdeas:
    def test_an_editor_finds_ideas_but_cannot_change_them(self, client, editor):
        idea = IdeaFactory.create(title="Housing planners and OTs together")
        client.force_login(editor)

        listing = client.get(reverse("admin:ideas_idea_changelist"), {"q": "planners"})
        assert listing.status_code == 200
        assert "Housing planners and OTs together" in listing.content.decode()

        change_url = reverse("admin:ideas_idea_change", args=[idea.pk])
        page = client.get(change_url)
        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode()
        assert 'name="status"' not in page.content.decode()

        response = client.post(change_url, {"status": Status.ACCEPTED, "title": "Changed"})
        assert response.status_code == 403
        idea.refresh_from_db()
        assert (idea.status, idea.title) == (Status.PUBLISHED, "Housing planners and OTs together")
        assert client.get(reverse("admin:ideas_idea_add")).status_code == 403
        assert client.get(reverse("admin:ideas_idea_delete", args=[idea.pk])).status_code == 403
        assert Idea.objects.filter(pk=idea.pk).exists()

    def test_a_hidden_name_stays_hidden_from_editors_but_not_from_admins(
        self, client, editor, admin_user
    ):
        idea = IdeaFactory.create(show_name=False, author__display_name="Sioned Secret")
        change_url = reverse("admin:ideas_idea_change", args=[idea.pk])

        client.force_login(editor)
        as_editor = client.get(change_url).content.decode()
        assert "Sioned Secret" not in as_editor
        assert "A member" in as_editor

        client.force_login(admin_user)
        assert "Sioned Secret" in client.get(change_url).content.decode()

    def test_members_cannot_see_ideas_in_the_admin(self, client, member):
        client.force_login(member)

        response = client.get(reverse("admin:ideas_idea_changelist"))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
