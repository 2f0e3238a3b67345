"""Theme suggestions and clusters of similar ideas: the models, the jobs that run them, and the
editors' pages where suggestions are accepted or rejected."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from equityhub.accounts.roles import EDITOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.core.models import Job, JobState
from equityhub.core.text import markdown_to_html
from equityhub.ideas import analysis, analysis_services
from equityhub.ideas.models import (
    AnalysisKind,
    AnalysisOutcome,
    AnalysisRun,
    ClusterMembership,
    Idea,
    IdeaCluster,
    Language,
    Level,
    Status,
    SuggestionState,
    Theme,
    ThemeSuggestion,
)
from equityhub.ideas.tests.factories import IdeaFactory, ThemeFactory, current_campaign

SUGGESTIONS = reverse("ideas:theme_suggestions")
CLUSTERS = reverse("ideas:clusters")
JOB_PAGE = re.compile(r"^/(?:cy/)?jobs/([0-9a-f-]{36})/$")
HTMX = {"HX-Request": "true"}

pytestmark = pytest.mark.django_db

# Ideas about three themes, half of them in Welsh (where "tai", houses, becomes "dai" after
# "i": the model must still know them).
HOUSING = [
    ("en", "Adapt homes for disabled people", "Housing adaptations such as ramps and rails let "
     "disabled people live safely at home."),
    ("en", "Warm social housing", "Cold damp homes make people ill; councils should insulate "
     "social housing."),
    ("en", "Faster home adaptations", "Waiting months for a stairlift or a level shower keeps "
     "people in hospital instead of at home."),
    ("cy", "Tai cynnes i bawb", "Mae tai oer a llaith yn gwneud pobl yn sâl; dylai cynghorau "
     "inswleiddio tai cymdeithasol."),
    ("cy", "Addasiadau tai yn gynt", "Mae addasiadau tai fel rampiau a chanllawiau yn helpu pobl "
     "anabl i fyw gartref yn ddiogel."),
    ("cy", "Tai cymdeithasol addas", "Dylai pob tŷ cymdeithasol newydd fod yn addas i gadair "
     "olwyn."),
]  # fmt: skip
DIGITAL = [
    ("en", "Laptops for families on low incomes", "Lend laptops and mobile data to families "
     "who cannot get online."),
    ("en", "Digital skills classes", "Teach older people digital skills so they can book "
     "appointments online."),
    ("en", "Free wifi in libraries", "Public wifi and computers in libraries help people get "
     "online."),
    ("cy", "Sgiliau digidol i bobl hŷn", "Dysgu sgiliau digidol i bobl hŷn er mwyn iddyn nhw "
     "fynd ar-lein."),
    ("cy", "Gliniaduron a data", "Benthyg gliniaduron a data symudol i deuluoedd sy'n methu "
     "mynd ar-lein."),
    ("cy", "Wifi am ddim mewn llyfrgelloedd", "Mae wifi a chyfrifiaduron mewn llyfrgelloedd yn "
     "helpu pobl i fynd ar-lein."),
]  # fmt: skip
JUSTICE = [
    ("en", "Therapists in prisons", "Occupational therapy in prisons helps people prepare for "
     "release."),
    ("en", "Support after custody", "People leaving prison need support with daily routines "
     "and finding work."),
    ("en", "Youth justice assessments", "Young people in custody often have unmet sensory "
     "needs: assess them in prison."),
    ("cy", "Therapi mewn carchardai", "Mae therapi galwedigaethol mewn carchardai yn helpu pobl "
     "i baratoi i adael y carchar."),
    ("cy", "Cymorth ar ôl y ddalfa", "Mae angen cymorth ar bobl sy'n gadael y carchar gyda "
     "threfn bob dydd a gwaith."),
    ("cy", "Asesu pobl ifanc yn y ddalfa", "Mae gan bobl ifanc yn y ddalfa anghenion "
     "synhwyraidd: dylid eu hasesu yn y carchar."),
]  # fmt: skip
# Ideas nobody gave a theme to.
UNTHEMED_HOUSING = ("en", "Adaptations for council tenants", "Council homes need ramps and "
                    "level showers so disabled tenants can stay at home.")  # fmt: skip
UNTHEMED_WELSH_HOUSING = ("cy", "Mwy o addasiadau i dai", "Mae angen addasiadau i dai "
                          "cymdeithasol fel bod pobl anabl yn byw gartref.")  # fmt: skip
UNTHEMED_DIGITAL = ("cy", "Gliniaduron i bobl hŷn", "Rhoi gliniaduron a sgiliau digidol i bobl "
                    "hŷn fel eu bod yn mynd ar-lein.")  # fmt: skip
UNTHEMED_OTHER = ("en", "Cakes on Fridays", "Bake more cakes for the staff room on Fridays.")


def texts(items):
    return [analysis.idea_text(title, body) for _language, title, body in items]


def idea(item, *, themes=(), **fields) -> Idea:
    language, title, body = item
    return IdeaFactory.create(
        title=title, body=body, language=language, themes=list(themes), **fields
    )


@pytest.fixture
def themes() -> dict[str, Theme]:
    return {
        "housing": ThemeFactory.create(slug="housing", name_en="Housing", name_cy="Tai"),
        "digital": ThemeFactory.create(
            slug="digital", name_en="Digital inclusion", name_cy="Cynhwysiant digidol"
        ),
        "justice": ThemeFactory.create(slug="justice", name_en="Justice", name_cy="Cyfiawnder"),
    }


@pytest.fixture
def themed_ideas(db, themes) -> list[Idea]:
    return [
        idea(item, themes=[themes[name]])
        for name, items in (("housing", HOUSING), ("digital", DIGITAL), ("justice", JUSTICE))
        for item in items
    ]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def run(kind, *, campaign=None, actor=None) -> AnalysisRun:
    """Run an analysis as its job does, at once."""
    campaign = campaign or current_campaign()
    actor = actor or UserFactory.create(roles=[EDITOR])
    started = analysis_services.analysis_start(
        kind=kind, campaign=campaign, actor=actor, language="en"
    )
    from equityhub.ideas import tasks

    task = tasks.train_theme_suggestions if kind == AnalysisKind.THEMES else tasks.cluster_ideas
    task.call(job_id=str(started.job_id), campaign_id=campaign.pk)
    started.refresh_from_db()
    return started


def job_of(response) -> Job:
    """The job a response sent the editor to follow."""
    match = JOB_PAGE.match(response["Location"])
    assert match, response["Location"]
    return Job.objects.get(pk=match[1])


def suggested(idea: Idea) -> dict[str, float]:
    return {
        found.theme.slug: found.score
        for found in ThemeSuggestion.objects.filter(idea=idea).select_related("theme")
    }


# The models (no database) ---------------------------------------------------------------------


def test_the_theme_model_suggests_the_right_theme_in_english_and_welsh():
    labelled = [*HOUSING, *DIGITAL, *JUSTICE]
    labels = [{1}] * len(HOUSING) + [{2}] * len(DIGITAL) + [{3}] * len(JUSTICE)
    training = analysis.train_themes(texts(labelled), labels, [1, 2, 3])
    assert training.model is not None
    new = [UNTHEMED_HOUSING, UNTHEMED_WELSH_HOUSING, UNTHEMED_DIGITAL, UNTHEMED_OTHER]

    found = analysis.suggest_themes(training.model, [10, 11, 12, 13], texts(new))

    by_idea: dict[int, list[int]] = {}
    for suggestion in found:
        by_idea.setdefault(suggestion.idea_id, []).append(suggestion.theme_id)
    assert by_idea[10][0] == 1  # English housing
    assert by_idea[11][0] == 1  # Welsh housing, "dai" for "tai"
    assert by_idea[12][0] == 2  # Welsh digital inclusion
    assert 13 not in by_idea  # nothing fits cakes
    assert all(0.5 <= suggestion.score <= 1 for suggestion in found)
    assert all(len(themes) <= analysis.MAX_SUGGESTIONS for themes in by_idea.values())


def test_the_theme_model_says_when_it_has_too_little_to_learn_from():
    few = analysis.train_themes(texts(HOUSING[:4] + DIGITAL[:4]), [{1}] * 4 + [{2}] * 4, [1, 2])
    assert few.model is None
    assert few.shortage == analysis.Shortage.TOO_FEW_IDEAS

    labels = [{1}] * len(HOUSING) + [{2}] * len(DIGITAL) + [{3}]
    lonely = analysis.train_themes(texts([*HOUSING, *DIGITAL, JUSTICE[0]]), labels, [1, 2, 3, 4])
    assert lonely.model is not None
    assert lonely.learnt == (1, 2)
    assert set(lonely.skipped) == {3, 4}  # one idea, and none


def test_clustering_groups_similar_ideas_and_names_them_by_their_words():
    topics = {
        "housing": [
            ("Adapt homes for disabled tenants", "Housing adaptations let disabled tenants stay "
             "in their homes."),
            ("Warm homes for tenants", "Cold damp housing makes tenants ill: insulate their "
             "homes."),
            ("Faster housing adaptations", "Tenants wait months for housing adaptations to "
             "their homes."),
            ("Accessible housing", "New housing should give disabled tenants accessible homes."),
        ],
        "digital": [
            ("Laptops for families", "Lend laptops and mobile data so families can get online."),
            ("Digital skills for older people", "Teach digital skills so older people can get "
             "online safely."),
            ("Wifi in libraries", "Free wifi and laptops in libraries help people get online."),
            ("Online appointments", "Digital skills help people book appointments online."),
        ],
        "prison": [
            ("Therapists in prisons", "Occupational therapy in prisons prepares prisoners for "
             "release."),
            ("Support after prison", "Prisoners leaving prison need support with routines "
             "after release."),
            ("Prison routines", "Meaningful routines in prison help prisoners before release."),
            ("Sensory needs in prison", "Assess prisoners for sensory needs when they arrive "
             "in prison."),
        ],
    }  # fmt: skip
    ids: list[int] = []
    documents: list[str] = []
    topic_of: dict[int, str] = {}
    for topic, items in topics.items():
        for title, body in items:
            ids.append(len(ids) + 1)
            documents.append(analysis.idea_text(title, body))
            topic_of[ids[-1]] = topic

    clustering = analysis.cluster_ideas(ids, documents)

    assert clustering.shortage is None
    groups = [{topic_of[pk] for pk in cluster.idea_ids} for cluster in clustering.clusters]
    assert sorted(len(group) for group in groups) == [1, 1, 1]
    assert sorted(len(cluster.idea_ids) for cluster in clustering.clusters) == [4, 4, 4]
    words = {
        next(iter(group)): cluster.terms
        for group, cluster in zip(groups, clustering.clusters, strict=True)
    }
    assert "housing" in words["housing"][:3]
    assert "prison" in words["prison"][:3]
    assert "online" in words["digital"][:3]
    assert "the" not in {term for terms in words.values() for term in terms}
    # The same ideas always give the same clusters.
    assert analysis.cluster_ideas(ids, documents) == clustering


def test_clustering_needs_a_few_ideas():
    clustering = analysis.cluster_ideas([1, 2, 3], texts(HOUSING[:3]))

    assert clustering.clusters == ()
    assert clustering.shortage == analysis.Shortage.TOO_FEW_IDEAS


@pytest.mark.parametrize(("ideas", "highest"), [(6, 2), (12, 4), (500, 40), (5000, 40)])
def test_the_numbers_of_clusters_tried_are_bounded_by_the_data(ideas, highest):
    tried = analysis.candidate_cluster_counts(ideas)

    assert tried[0] == 2
    assert tried[-1] == highest
    assert len(tried) <= analysis.CLUSTER_CANDIDATES


# The jobs and what they keep ------------------------------------------------------------------


def test_training_suggests_themes_for_public_ideas_without_one(themes, themed_ideas):
    housing = idea(UNTHEMED_HOUSING)
    welsh = idea(UNTHEMED_WELSH_HOUSING)
    cakes = idea(UNTHEMED_OTHER)
    hidden = idea(UNTHEMED_HOUSING, status=Status.HIDDEN)

    done = run(AnalysisKind.THEMES)

    assert done.outcome == AnalysisOutcome.COMPLETE
    assert done.ideas == len(themed_ideas)
    assert done.finished_at is not None
    assert done.job is not None and done.job.state == JobState.DONE
    assert list(suggested(housing))[:1] == ["housing"]
    assert "housing" in suggested(welsh)
    assert suggested(cakes) == {}
    assert suggested(hidden) == {}
    assert not ThemeSuggestion.objects.filter(idea__in=themed_ideas).exists()


def test_too_few_themed_ideas_suggests_nothing_and_says_why(editor_client, themes):
    for item in HOUSING[:3]:
        idea(item, themes=[themes["housing"]])
    idea(UNTHEMED_HOUSING)

    done = run(AnalysisKind.THEMES)

    assert done.outcome == AnalysisOutcome.TOO_FEW_IDEAS
    assert not ThemeSuggestion.objects.exists()
    page = editor_client.get(SUGGESTIONS).content.decode()
    assert "too few ideas with a theme to learn from: at least 10 are needed" in page


def test_a_theme_with_too_few_ideas_is_named_and_never_suggested(
    editor_client, themes, themed_ideas
):
    ThemeFactory.create(slug="rare", name_en="Rural placements", name_cy="Lleoliadau gwledig")
    idea(UNTHEMED_HOUSING)

    done = run(AnalysisKind.THEMES)

    assert done.outcome == AnalysisOutcome.COMPLETE
    assert not ThemeSuggestion.objects.filter(theme__slug="rare").exists()
    page = editor_client.get(SUGGESTIONS).content.decode()
    assert "so they were not suggested: Rural placements." in page


def test_training_again_replaces_waiting_suggestions_and_keeps_decisions(
    editor, themes, themed_ideas
):
    housing = idea(UNTHEMED_HOUSING)
    welsh = idea(UNTHEMED_WELSH_HOUSING)
    run(AnalysisKind.THEMES)
    rejected = ThemeSuggestion.objects.get(idea=housing, theme=themes["housing"])
    analysis_services.suggestion_reject(suggestion=rejected, actor=editor)
    waiting = ThemeSuggestion.objects.get(idea=welsh, theme=themes["housing"])

    run(AnalysisKind.THEMES)

    rejected.refresh_from_db()
    assert rejected.state == SuggestionState.REJECTED
    assert ThemeSuggestion.objects.filter(idea=housing, theme=themes["housing"]).count() == 1
    renewed = ThemeSuggestion.objects.get(idea=welsh, theme=themes["housing"])
    assert renewed.pk != waiting.pk
    assert renewed.state == SuggestionState.SUGGESTED


def test_clustering_keeps_the_clusters_with_their_ideas_and_themes(themes, themed_ideas):
    idea(UNTHEMED_HOUSING)
    first = run(AnalysisKind.CLUSTERS)
    assert first.outcome == AnalysisOutcome.COMPLETE

    again = run(AnalysisKind.CLUSTERS)

    clusters = list(IdeaCluster.objects.all())
    assert {cluster.run_id for cluster in clusters} == {again.pk}
    assert again.results == len(clusters) >= 2
    assert sum(cluster.size for cluster in clusters) == len(themed_ideas) + 1
    assert ClusterMembership.objects.count() == len(themed_ideas) + 1
    assert sum(cluster.unthemed for cluster in clusters) == 1
    assert all(cluster.top_terms for cluster in clusters)
    named = {pk for cluster in clusters for pk, _count in cluster.themes}
    assert named <= {theme.pk for theme in themes.values()}


# Accepting and rejecting ----------------------------------------------------------------------


@pytest.fixture
def suggestion(db, themes) -> ThemeSuggestion:
    return ThemeSuggestion.objects.create(
        idea=idea(UNTHEMED_HOUSING), theme=themes["housing"], score=0.82
    )


def decide(client, suggestion, decision, **headers):
    url = reverse("ideas:theme_suggestion", args=[suggestion.pk])
    return client.post(url, {"decision": decision, "next": SUGGESTIONS}, headers=headers)


def test_accepting_gives_the_idea_the_theme(editor_client, editor, suggestion):
    version = suggestion.idea.version

    response = decide(editor_client, suggestion, "accept")

    assert response.status_code == 302
    assert response["Location"] == SUGGESTIONS
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.ACCEPTED
    assert suggestion.decided_by == editor
    assert list(suggestion.idea.themes.values_list("slug", flat=True)) == ["housing"]
    suggestion.idea.refresh_from_db()
    assert suggestion.idea.version == version + 1
    page = editor_client.get(SUGGESTIONS)
    assert "now has the theme “Housing”" in page.content.decode()
    assert "Housing" in editor_client.get(suggestion.idea.get_absolute_url()).content.decode()


def test_rejecting_leaves_the_idea_alone(editor_client, suggestion):
    response = decide(editor_client, suggestion, "reject")

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.REJECTED
    assert suggestion.decided_at is not None
    assert not suggestion.idea.themes.exists()


def test_a_decision_with_htmx_swaps_the_ideas_row_and_announces_it(editor_client, suggestion):
    response = decide(editor_client, suggestion, "accept", **HTMX)

    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(
        f'<tbody class="govuk-table__body" id="idea-{suggestion.idea_id}'
    )
    assert "Accepted" in page
    assert 'hx-swap-oob="innerHTML:#suggestion-status"' in page
    assert "now has the theme “Housing”" in page
    assert "<html" not in page


def test_a_second_click_changes_nothing_and_a_contrary_one_is_refused(editor_client, suggestion):
    decide(editor_client, suggestion, "accept")
    decide(editor_client, suggestion, "accept")
    assert suggestion.idea.themes.count() == 1

    response = decide(editor_client, suggestion, "reject", **HTMX)

    assert "An editor has already accepted this suggestion." in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.ACCEPTED


def test_members_cannot_decide_or_see_the_pages(member_client, suggestion):
    assert decide(member_client, suggestion, "accept").status_code == 403
    assert member_client.get(SUGGESTIONS).status_code == 403
    assert member_client.post(SUGGESTIONS).status_code == 403
    assert member_client.get(CLUSTERS).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.SUGGESTED
    assert not suggestion.idea.themes.exists()
    assert not Job.objects.exists()


def test_visitors_are_asked_to_sign_in(client, suggestion):
    for response in (
        client.get(SUGGESTIONS),
        client.get(CLUSTERS),
        decide(client, suggestion, "accept"),
    ):
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_services_refuse_a_member(member, suggestion):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        analysis_services.suggestion_accept(suggestion=suggestion, actor=member)
    with pytest.raises(PermissionDenied):
        analysis_services.analysis_start(
            kind=AnalysisKind.THEMES, campaign=current_campaign(), actor=member, language="en"
        )


# The pages and the job flow -------------------------------------------------------------------


def test_an_editor_trains_follows_the_job_and_decides(
    editor_client, django_capture_on_commit_callbacks, themes, themed_ideas
):
    housing = idea(UNTHEMED_HOUSING)
    page = editor_client.get(SUGGESTIONS).content.decode()
    assert "Suggestions have not been worked out yet." in page

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(SUGGESTIONS)

    assert response.status_code == 302
    job = job_of(response)
    assert job.state == JobState.DONE
    assert job.progress == 100
    progress = editor_client.get(response["Location"]).content.decode()
    assert "Suggesting themes for ideas" in progress
    assert f'href="{SUGGESTIONS}"' in progress
    page = editor_client.get(SUGGESTIONS).content.decode()
    assert "Learnt from 18 ideas with a theme." in page
    assert "Adaptations for council tenants" in page
    assert "Work out suggestions again" in page
    accept = ThemeSuggestion.objects.get(idea=housing, theme=themes["housing"])
    assert f'action="{reverse("ideas:theme_suggestion", args=[accept.pk])}"' in page


def test_an_editor_finds_clusters_and_reads_one(
    editor_client, django_capture_on_commit_callbacks, themed_ideas
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(CLUSTERS)

    assert JOB_PAGE.match(response["Location"])
    page = editor_client.get(CLUSTERS).content.decode()
    assert "Compared 18 ideas." in page
    assert "Top terms" in page
    cluster = IdeaCluster.objects.get(position=1)
    assert cluster.top_terms[0] in page
    detail = editor_client.get(cluster.get_absolute_url())
    assert detail.status_code == 200
    for membership in cluster.memberships.select_related("idea"):
        assert f'href="{membership.idea.get_absolute_url()}"' in detail.content.decode()


def test_a_run_already_going_is_not_started_twice(
    editor_client, editor, django_capture_on_commit_callbacks
):
    IdeaFactory.create()
    other = UserFactory.create(roles=[EDITOR], display_name="Olive Other")
    running = analysis_services.analysis_start(
        kind=AnalysisKind.CLUSTERS, campaign=current_campaign(), actor=other, language="en"
    )

    response = editor_client.post(CLUSTERS, follow=True)

    assert AnalysisRun.objects.count() == 1
    assert Job.objects.count() == 1
    page = response.content.decode()
    assert "Another editor has already started this." in page
    assert "This is being worked out now." in page
    assert "Started on" in page and "by Olive Other" in page
    assert reverse("core:job", args=[running.job_id]) not in page


def test_the_pages_in_welsh(client, themes):
    welsh_editor = UserFactory.create(roles=[EDITOR])
    client.force_login(welsh_editor)
    suggestion = ThemeSuggestion.objects.create(
        idea=idea(UNTHEMED_WELSH_HOUSING), theme=themes["housing"], score=0.71
    )

    response = client.get(f"/cy{SUGGESTIONS}")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in page
    assert ">Tai</span>" in page
    assert 'lang="cy">Mwy o addasiadau i dai</a>' in page
    assert f'action="/cy/ideas/themes/suggestions/{suggestion.pk}/"' in page
    clusters = client.get(f"/cy{CLUSTERS}")
    assert clusters.status_code == 200
    assert '<html lang="cy"' in clusters.content.decode()


def test_the_ideas_list_links_editors_to_the_pages(client, editor, member):
    IdeaFactory.create()
    client.force_login(member)
    page = client.get(reverse("ideas:list")).content.decode()
    assert SUGGESTIONS not in page

    client.force_login(editor)
    page = client.get(reverse("ideas:list")).content.decode()
    assert f'href="{SUGGESTIONS}"' in page
    assert f'href="{CLUSTERS}"' in page


# A fixed number of queries, whatever the number of ideas ---------------------------------------


def many_ideas(count: int) -> list[Idea]:
    campaign = current_campaign()
    author = UserFactory.create()
    now = timezone.now()
    return Idea.objects.bulk_create(
        Idea(
            campaign=campaign,
            author=author,
            title=f"Bulk idea {n}",
            body="Some text.",
            body_html=markdown_to_html("Some text."),
            level=Level.PROFESSION,
            language=Language.ENGLISH if n % 3 else Language.WELSH,
            last_activity_at=now,
        )
        for n in range(count)
    )


def analysed(count: int) -> AnalysisRun:
    """`count` ideas, each with two suggestions and one in a cluster, as if both had run."""
    themes = [ThemeFactory.create(), ThemeFactory.create(), ThemeFactory.create()]
    ideas = many_ideas(count)
    ThemeSuggestion.objects.bulk_create(
        ThemeSuggestion(idea=item, theme=theme, score=0.5 + (n % 40) / 100)
        for n, item in enumerate(ideas)
        for theme in themes[:2]
    )
    Idea.themes.through.objects.bulk_create(
        Idea.themes.through(idea_id=item.pk, theme_id=themes[2].pk) for item in ideas[::2]
    )
    editor = UserFactory.create(roles=[EDITOR])
    now = timezone.now()
    for kind in AnalysisKind.values:
        AnalysisRun.objects.create(
            campaign=current_campaign(),
            kind=kind,
            started_by=editor,
            finished_at=now,
            outcome=AnalysisOutcome.COMPLETE,
            ideas=count,
            results=2,
            skipped_themes=[themes[2].pk],
        )
    run = AnalysisRun.objects.get(kind=AnalysisKind.CLUSTERS)
    clusters = IdeaCluster.objects.bulk_create(
        IdeaCluster(
            run=run,
            position=position,
            top_terms=["bulk", f"term{position}"],
            size=count // 2,
            themes=[[themes[2].pk, count // 4]],
            unthemed=count // 4,
        )
        for position in (1, 2)
    )
    ClusterMembership.objects.bulk_create(
        ClusterMembership(cluster=clusters[n % 2], idea=item, distance=(n % 100) / 100)
        for n, item in enumerate(ideas)
    )
    return run


@pytest.mark.parametrize("count", [10, 500])
def test_the_pages_run_a_fixed_number_of_queries(
    editor_client, django_assert_max_num_queries, count
):
    run = analysed(count)

    with django_assert_max_num_queries(11):
        suggestions = editor_client.get(SUGGESTIONS, {"page": 2})
    assert suggestions.status_code == 200
    # Page 2, or the only page when there is one.
    assert len(suggestions.context["rows"]) == (min(25, count - 25) if count > 25 else count)
    with django_assert_max_num_queries(8):
        clusters = editor_client.get(CLUSTERS)
    assert len(clusters.context["clusters"]) == 2
    assert all(
        len(cluster.ideas) == min(10, count // 2) for cluster in clusters.context["clusters"]
    )
    cluster = IdeaCluster.objects.get(run=run, position=1)
    with django_assert_max_num_queries(6):
        detail = editor_client.get(cluster.get_absolute_url())
    assert len(detail.context["cluster"].ideas) == count // 2


def test_a_failed_run_says_so_and_can_be_tried_again(
    editor_client, django_capture_on_commit_callbacks, monkeypatch, themed_ideas
):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(analysis, "train_themes", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(SUGGESTIONS)

    job = job_of(response)
    assert job.state == JobState.FAILED
    page = editor_client.get(SUGGESTIONS).content.decode()
    assert "It could not be finished. Please try again." in page
    assert "Work out suggestions again" in page


# The benchmark --------------------------------------------------------------------------------


def test_the_benchmark_times_both_analyses_of_the_seeded_ideas(tmp_path):
    call_command(
        "bench_seed", ideas=40, supports=60, comments=20, members=10, detail_comments=5, stdout=None
    )
    assert Idea.objects.filter(themes__isnull=True).count() == 4  # every tenth idea
    output = io.StringIO()

    call_command("analysis_timing", summary=tmp_path / "analysis.json", stdout=output)

    figures = json.loads(output.getvalue())
    assert figures == json.loads((tmp_path / "analysis.json").read_text())
    assert figures["ideas"] == 40
    assert figures["trained_on"] == 36
    assert figures["clusters"] >= 2
    assert 0 < figures["train_seconds"] < figures["target_seconds"]
    assert 0 < figures["cluster_seconds"] < figures["target_seconds"]
    assert IdeaCluster.objects.count() == figures["clusters"]
