"""Demo action plan for #OTsForEquity (2021): the four teams that answer each level, and
actions built from the demo ideas, one of them still a draft open for members' comments.

`load_demo_actions()` is idempotent: teams are matched by slug, routes by level, actions by
campaign and English title. An action that is already there is left as it is. Everything goes
through the services, so the ideas behind a published action enter the plan with their
history; the followers' news this makes is history, and nobody is emailed about it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import translation

from equityhub.accounts.models import User
from equityhub.accounts.roles import EDITOR
from equityhub.actions import services
from equityhub.actions.models import Action, ActionStatus, LevelRoute, Team
from equityhub.campaigns.models import Campaign
from equityhub.ideas.demo.ideas_2021 import CAMPAIGN_SLUG
from equityhub.ideas.models import Idea, Level, Notification, Theme


@dataclass(frozen=True, slots=True)
class DemoTeam:
    slug: str
    en: str
    cy: str
    level: str


TEAMS = (
    DemoTeam(
        "professional-practice", "Professional practice", "Ymarfer proffesiynol", Level.INDIVIDUAL
    ),
    DemoTeam(
        "learning-development", "Learning and development", "Dysgu a datblygu", Level.PROFESSION
    ),
    DemoTeam("council", "The Council", "Y Cyngor", Level.PROFESSIONAL_BODY),
    DemoTeam(
        "policy-public-affairs",
        "Policy and public affairs",
        "Polisi a materion cyhoeddus",
        Level.GOVERNMENT,
    ),
)


@dataclass(frozen=True, slots=True)
class DemoUpdate:
    on: date
    progress: int
    en: str
    cy: str = ""


@dataclass(frozen=True, slots=True)
class DemoAction:
    title_en: str
    title_cy: str
    description_en: str
    description_cy: str
    team: str
    level: str
    themes: tuple[str, ...]
    target_date: date | None
    # Each idea (by its demo title) with the note on how it shaped the action.
    ideas: tuple[tuple[str, str], ...]
    status: str = ActionStatus.PLANNED
    updates: tuple[DemoUpdate, ...] = field(default_factory=tuple)
    open_for_comments: bool = False


ACTIONS = (
    DemoAction(
        title_en="Call on all four governments to fund occupational therapists in primary care",
        title_cy=(
            "Galw ar y pedair llywodraeth i ariannu therapyddion galwedigaethol "
            "mewn gofal sylfaenol"
        ),
        description_en=(
            "We will put the case to each government for an occupational therapist in every "
            "GP practice network, drawing on what already works in Welsh practices.\n\n"
            "- a briefing for each nation's health committee\n"
            "- evidence from members working in primary care"
        ),
        description_cy=(
            "Byddwn yn cyflwyno'r achos i bob llywodraeth dros therapydd galwedigaethol ym mhob "
            "rhwydwaith o feddygfeydd, gan ddysgu o'r hyn sydd eisoes yn gweithio yng Nghymru."
        ),
        team="policy-public-affairs",
        level=Level.GOVERNMENT,
        themes=("primary-care", "workforce"),
        target_date=date(2022, 10, 31),
        ideas=(
            (
                "Fund occupational therapists in every GP practice network",
                "The heart of the ask: a named occupational therapist for each network.",
            ),
            (
                "Rhannu'r hyn sy'n gweithio mewn meddygfeydd teulu yng Nghymru",
                "Welsh practices give the evidence that the model works.",
            ),
        ),
        status=ActionStatus.IN_PROGRESS,
        updates=(
            DemoUpdate(
                date(2022, 2, 14),
                20,
                "Briefings sent to the health committees of all four nations.",
                "Anfonwyd papurau briffio at bwyllgorau iechyd y pedair gwlad.",
            ),
            DemoUpdate(
                date(2022, 6, 1),
                45,
                "Evidence session with the Senedd's Health and Social Care Committee.",
            ),
        ),
    ),
    DemoAction(
        title_en="A members' health equity network that shares what works",
        title_cy="Rhwydwaith tegwch iechyd i aelodau i rannu'r hyn sy'n gweithio",
        description_en=(
            "An online network and a quarterly meeting where members share projects that reduce "
            "health inequity, with help for members on low incomes to attend."
        ),
        description_cy=(
            "Rhwydwaith ar-lein a chyfarfod bob chwarter lle mae aelodau'n rhannu prosiectau sy'n "
            "lleihau anghydraddoldeb iechyd."
        ),
        team="council",
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce",),
        target_date=date(2022, 6, 30),
        ideas=(
            (
                "A health equity network where members share what works",
                "Asked for the network itself.",
            ),
            (
                "Help support workers and students on low incomes to attend the Annual Conference",
                "Made us add bursaries so that cost does not decide who takes part.",
            ),
        ),
        status=ActionStatus.DONE,
        updates=(
            DemoUpdate(
                date(2022, 1, 20),
                30,
                "Network launched with 120 members.",
                "Lansiwyd y rhwydwaith gyda 120 o aelodau.",
            ),
            DemoUpdate(
                date(2022, 6, 28), 100, "First bursaries awarded for the Annual Conference."
            ),
        ),
    ),
    DemoAction(
        title_en="Health equity CPD resources in Welsh and English from day one",
        title_cy="Adnoddau DPP tegwch iechyd yn Gymraeg ac yn Saesneg o'r diwrnod cyntaf",
        description_en=(
            "Every new learning resource on health equity is published in both languages on the "
            "same day, starting with the #OTsForEquity toolkit."
        ),
        description_cy=(
            "Caiff pob adnodd dysgu newydd ar degwch iechyd ei gyhoeddi yn y ddwy iaith ar yr un "
            "diwrnod, gan ddechrau gyda phecyn cymorth #OTsForEquity."
        ),
        team="learning-development",
        level=Level.PROFESSION,
        themes=("education",),
        target_date=date(2022, 3, 31),
        ideas=(
            (
                "Adnoddau DPP ar degwch iechyd yn Gymraeg o'r diwrnod cyntaf",
                "Set the rule: both languages on the same day.",
            ),
            (
                "Work through the #OTsForEquity toolkit with my placement team",
                "Showed which resource teams use first, so it was translated first.",
            ),
        ),
    ),
    DemoAction(
        title_en="A one-page guide to asking about money, housing and work",
        title_cy="Canllaw un dudalen ar holi am arian, tai a gwaith",
        description_en=(
            "A short guide, with words to use, for asking everyone we see about the social "
            "causes of their health, and where to refer them. Tell us what it should include."
        ),
        description_cy="",
        team="professional-practice",
        level=Level.INDIVIDUAL,
        themes=("primary-care", "housing", "employment"),
        target_date=date(2022, 9, 30),
        ideas=(
            (
                "Ask everyone I see about money, housing and work",
                "The guide turns this habit into a few questions anyone can ask.",
            ),
        ),
        status=ActionStatus.DRAFT,
        open_for_comments=True,
    ),
)


def load_demo_actions() -> int:
    """Create what is missing of the demo teams, routes and actions; return the number of demo
    actions. The demo campaigns, accounts and ideas must be loaded first."""
    with translation.override("en"), transaction.atomic():
        campaign = Campaign.objects.filter(slug=CAMPAIGN_SLUG).first()
        editor = User.objects.filter(groups__name=EDITOR).order_by("pk").first()
        if campaign is None or editor is None:
            raise ImproperlyConfigured("Load the demo campaigns, accounts and ideas first.")
        teams = {demo.slug: _team(demo, editor=editor) for demo in TEAMS}
        for demo in TEAMS:
            if not LevelRoute.objects.filter(level=demo.level).exists():
                services.level_route_set(level=demo.level, team=teams[demo.slug], actor=editor)
        existing = set(Action.objects.filter(campaign=campaign).values_list("title_en", flat=True))
        touched: list[int] = []
        for planned in ACTIONS:
            if planned.title_en not in existing:
                touched += _action(planned, campaign=campaign, teams=teams, editor=editor)
        Notification.objects.filter(idea_id__in=touched).delete()
    return len(ACTIONS)


def _team(demo: DemoTeam, *, editor: User) -> Team:
    team = Team.objects.filter(slug=demo.slug).first()
    if team is None:
        team = Team(slug=demo.slug, name_en=demo.en, name_cy=demo.cy)
        team.full_clean()
        team.save()
        team.members.add(editor)
    return team


def _action(
    demo: DemoAction, *, campaign: Campaign, teams: dict[str, Team], editor: User
) -> list[int]:
    ideas = {
        idea.title: idea
        for idea in Idea.objects.filter(campaign=campaign, title__in=[t for t, _ in demo.ideas])
    }
    missing = [title for title, _ in demo.ideas if title not in ideas]
    if missing:
        raise ImproperlyConfigured(f"Demo ideas missing for an action: {missing}")
    action = services.action_create(
        campaign=campaign,
        actor=editor,
        team=teams[demo.team],
        level=demo.level,
        title_en=demo.title_en,
        title_cy=demo.title_cy,
        description_en=demo.description_en,
        description_cy=demo.description_cy,
        themes=Theme.objects.filter(slug__in=demo.themes),
        target_date=demo.target_date,
        ideas=[(ideas[title], note) for title, note in demo.ideas],
    )
    if demo.status == ActionStatus.DRAFT:
        if demo.open_for_comments:
            services.action_open_for_comments(action=action, actor=editor)
        return []
    start = (
        ActionStatus.IN_PROGRESS
        if demo.status == ActionStatus.IN_PROGRESS
        else ActionStatus.PLANNED
    )
    services.action_publish(action=action, actor=editor, status=start)
    for update in demo.updates:
        services.progress_update_add(
            action=action,
            actor=editor,
            happened_on=update.on,
            text_en=update.en,
            text_cy=update.cy,
            progress=update.progress,
        )
    if demo.status == ActionStatus.DONE:
        services.action_set_status(
            action=action, actor=editor, status=ActionStatus.DONE, mark_ideas_implemented=True
        )
    return [idea.pk for idea in ideas.values()]
