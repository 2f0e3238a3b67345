import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Max

from equityhub.core.search import ranked_ids
from equityhub.ideas.models import PUBLIC_STATUSES, Comment, Idea, Support

pytestmark = pytest.mark.django_db


def _seed(tmp_path, **counts):
    summary = tmp_path / "seed.json"
    options = {"ideas": 40, "supports": 300, "comments": 120, "members": 30, "detail_comments": 12}
    call_command("bench_seed", summary=summary, stdout=None, **(options | counts))
    return json.loads(summary.read_text())


def test_seeds_the_numbers_asked_for_with_exact_counts(tmp_path):
    summary = _seed(tmp_path)

    assert Idea.objects.count() == summary["ideas"] == 40
    assert Support.objects.count() == summary["supports"] == 300
    assert Comment.objects.count() == summary["comments"] == 120
    miscounted = Idea.objects.annotate(
        supports_found=Count("supports", distinct=True),
        comments_found=Count("comments", distinct=True),
    ).exclude(support_count=F("supports_found"), comment_count=F("comments_found"))
    assert not miscounted.exists()
    assert set(Idea.objects.values_list("status", flat=True)) <= PUBLIC_STATUSES


def test_the_measured_idea_has_exactly_the_comments_asked_for(tmp_path, client):
    summary = _seed(tmp_path)

    idea = Idea.objects.get(pk=int(summary["detail_path"].strip("/").split("/")[-1]))
    assert idea.comment_count == idea.comments.count() == 12
    response = client.get(summary["detail_path"])
    assert response.status_code == 200
    assert idea.title in response.content.decode()


def test_last_activity_is_the_latest_support_or_comment(tmp_path):
    _seed(tmp_path)

    for idea in Idea.objects.annotate(
        last_support=Max("supports__created_at"), last_comment=Max("comments__created_at")
    ):
        latest = max(t for t in (idea.created_at, idea.last_support, idea.last_comment) if t)
        assert idea.last_activity_at == latest


def test_search_finds_the_seeded_ideas(tmp_path):
    summary = _seed(tmp_path, ideas=200, supports=400)

    assert summary["housing_matches"] > 0
    found = Idea.objects.filter(pk__in=ranked_ids(Idea, "housing"))
    assert found.exists()
    assert all("housing" in f"{idea.title} {idea.body}".lower() for idea in found)


def test_refuses_a_database_with_content(tmp_path):
    _seed(tmp_path)

    with pytest.raises(CommandError):
        _seed(tmp_path)
