"""An idea's page: who sees it, supporting and following, the discussion and staff actions."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from equityhub.accounts.tests.factories import UserFactory
from equityhub.campaigns.models import IdeasWindow
from equityhub.ideas import services
from equityhub.ideas.models import Comment, CommentState, Follow, Idea, Status, Support
from equityhub.ideas.tests.factories import CommentFactory, IdeaFactory, current_campaign

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def page_of(client: Client, idea: Idea) -> str:
    response = client.get(idea.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Reading an idea.


def test_anyone_reads_an_idea_with_its_details_and_history(client):
    idea = services.idea_create(
        author=UserFactory.create(display_name="Nia Named"),
        campaign=current_campaign(),
        title="Adapt homes before discharge",
        body="Fund **home adaptations**.",
        level="profession",
        language="en",
    )

    page = page_of(client, idea)

    assert "Adapt homes before discharge" in page
    assert "<strong>home adaptations</strong>" in page
    assert "Nia Named" in page
    assert "What the profession can do" in page
    assert 'id="history"' in page
    assert "Sign in</a> to support" in page
    assert 'id="staff"' not in page


def test_html_in_an_idea_is_shown_as_text(client, member):
    idea = services.idea_create(
        author=member,
        campaign=current_campaign(),
        title="<script>alert(1)</script>",
        body="<img src=x onerror=alert(1)> and [link](javascript:alert(1))",
        level="profession",
        language="en",
    )

    page = page_of(client, idea)

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    assert 'href="javascript:' not in page


def test_a_hidden_name_shows_as_a_member_except_to_moderators_and_the_author(client, moderator):
    author = UserFactory.create(display_name="Secret Sam")
    idea = IdeaFactory.create(author=author, show_name=False)

    assert "Secret Sam" not in page_of(client, idea)
    assert "A member" in page_of(client, idea)
    assert "Secret Sam" in page_of(client_for(moderator), idea)
    assert "Secret Sam" in page_of(client_for(author), idea)


@pytest.mark.parametrize("status", [Status.PENDING, Status.HIDDEN, Status.REJECTED])
def test_an_idea_not_yet_public_is_not_found_for_others(client, other_member, status):
    idea = IdeaFactory.create(status=status)

    assert client.get(idea.get_absolute_url()).status_code == 404
    assert client_for(other_member).get(idea.get_absolute_url()).status_code == 404


def test_the_author_and_moderators_see_a_held_idea_with_a_banner(moderator):
    author = UserFactory.create()
    idea = IdeaFactory.create(author=author, status=Status.PENDING)

    for viewer in (author, moderator):
        assert "This idea is awaiting review" in page_of(client_for(viewer), idea)


def test_a_withdrawn_idea_stays_readable_with_a_banner(client):
    idea = IdeaFactory.create(status=Status.WITHDRAWN)

    assert "Its author has withdrawn this idea" in page_of(client, idea)


def test_a_merged_idea_leads_to_the_idea_it_joined_with_a_notice(client, moderator):
    target = IdeaFactory.create(title="The original")
    duplicate = IdeaFactory.create(title="The duplicate")
    services.idea_merge(source=duplicate, target=target, actor=moderator)

    response = client.get(duplicate.get_absolute_url(), follow=True)

    assert response.redirect_chain[0][0].startswith(target.get_absolute_url())
    assert "“The duplicate” was a duplicate and has been merged into this idea" in (
        response.content.decode()
    )


def test_a_missing_idea_is_not_found(client):
    assert client.get(reverse("ideas:detail", args=[999])).status_code == 404


def test_the_welsh_page_of_an_idea(client):
    idea = IdeaFactory.create(language="cy", title="Addasu cartrefi")

    response = client.get(f"/cy/ideas/{idea.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in page
    assert 'lang="cy">Addasu cartrefi</h1>' in page


def test_the_page_is_described_by_the_start_of_the_idea(client):
    words = [f"word{n}" for n in range(40)]
    idea = IdeaFactory.create(title="Adapt homes", body=f"**{words[0]}** {' '.join(words[1:])}")

    page = page_of(client, idea)

    assert "<title>Adapt homes – EquityHub</title>" in page
    assert f'<meta name="description" content="{" ".join(words[:30])} …">' in page


def test_the_description_shows_an_ampersand_as_one(client):
    idea = IdeaFactory.create(title="Adapt homes", body="Housing & health, together.")

    page = page_of(client, idea)

    assert '<meta name="description" content="Housing &amp; health, together.">' in page


def test_the_page_title_says_when_a_form_on_it_has_an_error(member_client):
    idea = IdeaFactory.create(title="Adapt homes")

    response = member_client.post(reverse("ideas:comment", args=[idea.pk]), {"body": ""})

    assert "<title>Error: Adapt homes – EquityHub</title>" in response.content.decode()


def test_the_discussion_heading_counts_comments_in_english_and_welsh(client):
    idea = IdeaFactory.create()
    CommentFactory.create(idea=idea)
    Idea.objects.filter(pk=idea.pk).update(comment_count=1)

    assert "Discussion (1 comment)" in page_of(client, idea)
    assert "Trafodaeth (1 sylw)" in client.get(f"/cy/ideas/{idea.pk}/").content.decode()


@pytest.mark.parametrize("comments", [10, 500])
def test_an_idea_page_runs_a_fixed_number_of_queries(
    client, moderator, django_assert_max_num_queries, comments
):
    # An author who hid their name: moderators see it, with a note that others do not.
    idea = IdeaFactory.create(show_name=False)
    authors = [UserFactory.create(), UserFactory.create()]
    Comment.objects.bulk_create(
        Comment(idea=idea, author=authors[n % 2], body=f"Comment {n}", body_html=f"<p>{n}</p>")
        for n in range(comments)
    )
    for comment in Comment.objects.filter(idea=idea)[: comments // 2]:
        Comment.objects.create(
            idea=idea, parent=comment, author=authors[0], body="Reply", body_html="<p>Reply</p>"
        )
    Idea.objects.filter(pk=idea.pk).update(comment_count=comments)

    # The idea with its campaign and its author's name, its themes, its timeline, its
    # discussion, and the actions it fed.
    with django_assert_max_num_queries(5):
        assert client.get(idea.get_absolute_url()).status_code == 200
    client.force_login(moderator)
    with django_assert_max_num_queries(11):
        assert client.get(idea.get_absolute_url()).status_code == 200


# Support.


def test_support_toggles_in_place_with_htmx_and_the_count_is_exact(member_client, member):
    idea = IdeaFactory.create()
    url = reverse("ideas:support", args=[idea.pk])

    added = member_client.post(
        url, {"support": "add", "next": "/ideas/?sort=supported"}, headers=HTMX
    )
    again = member_client.post(url, {"support": "add"}, headers=HTMX)

    assert "<html" not in added.content.decode()
    assert "1 supporter" in added.content.decode()
    assert "Remove your support" in added.content.decode()
    # Without JavaScript, the swapped-in button still returns to the page it is on.
    assert 'value="/ideas/?sort=supported"' in added.content.decode()
    assert "1 supporter" in again.content.decode()
    assert Support.objects.filter(idea=idea).count() == 1

    removed = member_client.post(url, {"support": "remove"}, headers=HTMX)

    assert "0 supporters" in removed.content.decode()
    assert Idea.objects.get(pk=idea.pk).support_count == 0


def test_support_works_without_javascript(member_client):
    idea = IdeaFactory.create(title="Backed idea")

    response = member_client.post(
        reverse("ideas:support", args=[idea.pk]),
        {"support": "add", "next": reverse("ideas:list")},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("ideas:list")
    assert "You support “Backed idea”." in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).support_count == 1


def test_no_one_supports_their_own_idea(member_client, member):
    idea = IdeaFactory.create(author=member)

    response = member_client.post(reverse("ideas:support", args=[idea.pk]), headers=HTMX)

    assert "You cannot support your own idea." in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).support_count == 0


def test_a_hidden_idea_cannot_be_supported(member_client):
    idea = IdeaFactory.create(status=Status.HIDDEN)

    response = member_client.post(reverse("ideas:support", args=[idea.pk]))

    assert response.status_code == 404
    assert not Support.objects.exists()


def test_visitors_are_asked_to_sign_in_to_support(client):
    idea = IdeaFactory.create()

    response = client.post(reverse("ideas:support", args=[idea.pk]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_following_toggles_and_the_page_says_so(member_client, member):
    idea = IdeaFactory.create()
    url = reverse("ideas:follow", args=[idea.pk])

    followed = member_client.post(url, {"follow": "add"}, headers=HTMX)
    assert "Stop following" in followed.content.decode()
    # htmx gets the follow box alone, to swap in place.
    assert followed.content.decode().lstrip().startswith(f'<div id="follow-{idea.pk}"')
    assert Follow.objects.filter(idea=idea, user=member).exists()

    member_client.post(url, {"follow": "remove"})
    assert not Follow.objects.filter(idea=idea, user=member).exists()
    assert "Follow this idea" in page_of(member_client, idea)


# The discussion.


def test_members_comment_and_reply_and_see_both(member_client, member):
    idea = IdeaFactory.create()
    url = reverse("ideas:comment", args=[idea.pk])

    response = member_client.post(url, {"body": "A *first* thought", "show_name": "on"})
    comment = Comment.objects.get()
    assert response["Location"] == comment.get_absolute_url()
    member_client.post(url, {"body": "A reply", "parent": comment.pk, "show_name": "on"})

    page = page_of(member_client, idea)
    assert "<em>first</em>" in page
    assert "A reply" in page
    assert Comment.objects.get(body="A reply").parent == comment
    assert "Discussion (2 comments)" in page


def test_an_empty_comment_is_refused_and_an_over_long_one_keeps_its_text(member_client):
    idea = IdeaFactory.create()
    url = reverse("ideas:comment", args=[idea.pk])

    empty = member_client.post(url, {"body": "  "})
    long_text = "word " * 500
    too_long = member_client.post(url, {"body": long_text})

    assert "Write your comment before posting it." in empty.content.decode()
    assert "Enter a comment of 2000 characters or fewer." in too_long.content.decode()
    assert long_text.strip() in too_long.content.decode()
    assert not Comment.objects.exists()


def test_a_reply_with_an_error_opens_its_own_form_with_the_message(member_client):
    idea = IdeaFactory.create()
    top = CommentFactory.create(idea=idea)

    response = member_client.post(
        reverse("ideas:comment", args=[idea.pk]), {"body": "", "parent": top.pk}
    )

    page = response.content.decode()
    assert f'href="#reply-{top.pk}-body"' in page
    assert "Write your comment before posting it." in page


def test_comments_are_closed_with_the_campaign(member_client):
    idea = IdeaFactory.create()
    campaign = idea.campaign
    campaign.ideas_window = IdeasWindow.CLOSED
    campaign.save()

    page = page_of(member_client, idea)

    assert "not taking comments" in page
    assert "Post comment" not in page


def test_authors_change_their_comment_within_fifteen_minutes(member_client, member):
    comment = CommentFactory.create(author=member)
    url = reverse("ideas:comment_edit", args=[comment.pk])

    assert comment.body in member_client.get(url).content.decode()
    member_client.post(url, {"body": "Changed my mind"})

    assert Comment.objects.get(pk=comment.pk).body == "Changed my mind"
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    assert member_client.get(url).status_code == 403


def test_no_one_changes_or_removes_another_members_comment(member_client):
    comment = CommentFactory.create()

    assert member_client.get(reverse("ideas:comment_edit", args=[comment.pk])).status_code == 403
    assert member_client.post(reverse("ideas:comment_remove", args=[comment.pk])).status_code == 403
    assert Comment.objects.get(pk=comment.pk).state == CommentState.PUBLISHED


def test_a_removed_comment_leaves_a_line_in_the_thread(member_client, member):
    comment = CommentFactory.create(author=member, body="Soon gone")
    CommentFactory.create(idea=comment.idea, parent=comment, body="A reply stays")

    response = member_client.post(reverse("ideas:comment_remove", args=[comment.pk]))

    assert response.status_code == 302
    page = page_of(Client(), comment.idea)
    assert "Comment removed" in page
    assert "Soon gone" not in page
    assert "A reply stays" in page


def test_moderators_mark_an_official_answer_and_members_cannot(member_client, moderator):
    comment = CommentFactory.create()

    assert (
        member_client.post(reverse("ideas:comment_official", args=[comment.pk])).status_code == 403
    )
    client_for(moderator).post(reverse("ideas:comment_official", args=[comment.pk]))

    assert Comment.objects.get(pk=comment.pk).is_official_answer
    assert "Official answer" in page_of(member_client, comment.idea)


def test_members_see_report_links_for_others_content_only(member_client, member):
    idea = IdeaFactory.create()
    theirs = CommentFactory.create(idea=idea)
    mine = CommentFactory.create(idea=idea, author=member)

    page = page_of(member_client, idea)

    assert reverse("moderation:report", kwargs={"kind": "idea", "pk": idea.pk}) in page
    assert reverse("moderation:report", kwargs={"kind": "comment", "pk": theirs.pk}) in page
    assert reverse("moderation:report", kwargs={"kind": "comment", "pk": mine.pk}) not in page


# Staff.


def test_only_editors_see_and_use_the_status_form(member_client, editor):
    idea = IdeaFactory.create()
    url = reverse("ideas:status", args=[idea.pk])

    assert 'id="staff"' not in page_of(member_client, idea)
    assert member_client.post(url, {"status-status": "under_consideration"}).status_code == 403

    editor_client = client_for(editor)
    assert "Change the status" in page_of(editor_client, idea)
    editor_client.post(url, {"status-status": "under_consideration"})

    assert Idea.objects.get(pk=idea.pk).status == Status.UNDER_CONSIDERATION
    assert "Under consideration" in page_of(member_client, idea)


def test_not_taken_forward_needs_a_reason_and_a_reason_is_shown(editor, client):
    idea = IdeaFactory.create(status=Status.UNDER_CONSIDERATION)
    editor_client = client_for(editor)
    url = reverse("ideas:status", args=[idea.pk])

    refused = editor_client.post(url, {"status-status": "not_taken_forward"})
    assert "Say why the idea is not being taken forward" in refused.content.decode()

    editor_client.post(
        url, {"status-status": "not_taken_forward", "status-reason": "Out of our hands."}
    )
    assert "Out of our hands." in page_of(client, idea)


def test_editors_publish_an_official_response(editor, client):
    idea = IdeaFactory.create()

    client_for(editor).post(
        reverse("ideas:response", args=[idea.pk]), {"response-text": "We will *act*."}
    )

    page = page_of(client, idea)
    assert "Official response" in page
    assert "We will <em>act</em>." in page


def test_moderators_merge_a_duplicate_and_a_wrong_number_is_explained(moderator, member_client):
    target = IdeaFactory.create()
    duplicate = IdeaFactory.create()
    mod_client = client_for(moderator)
    url = reverse("ideas:merge", args=[duplicate.pk])

    assert "Merge this duplicate" not in page_of(member_client, duplicate)
    assert member_client.post(url, {"merge-target": target.pk}).status_code == 403
    wrong = mod_client.post(url, {"merge-target": 99999})
    assert "There is no idea with that number." in wrong.content.decode()
    itself = mod_client.post(url, {"merge-target": duplicate.pk})
    assert "cannot be merged into itself" in itself.content.decode()

    response = mod_client.post(url, {"merge-target": target.pk})

    assert response["Location"] == target.get_absolute_url()
    assert Idea.objects.get(pk=duplicate.pk).status == Status.MERGED
