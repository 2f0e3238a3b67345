"""What the plan's document says, gathered once in one language for the PDF and the Word file.

Editorial text (titles, descriptions, team names, progress updates) comes in the chosen
language, or in English, marked as such, where the Welsh is not written yet. Ideas keep the
language their authors wrote them in. Six queries, however many actions there are.
"""

import hashlib
import re
from dataclasses import astuple, dataclass
from datetime import date, datetime

from django.db.models import Count, Max, Prefetch, Sum
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from equityhub.actions.models import (
    PUBLISHED_STATUSES,
    Action,
    ActionIdea,
    ActionStatus,
    ProgressUpdate,
)
from equityhub.actions.selectors import PlanSummary, group_by_level, plan_actions, plan_summary
from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import LocalizedText, localized
from equityhub.core.text import markdown_to_html
from equityhub.ideas.models import PUBLIC_STATUSES


@dataclass(frozen=True, slots=True)
class IdeaEntry:
    id: int
    title: str
    language: str
    note: str


@dataclass(frozen=True, slots=True)
class UpdateEntry:
    happened_on: date
    progress: int
    text: LocalizedText


@dataclass(frozen=True, slots=True)
class ActionEntry:
    id: int
    title: LocalizedText
    description: LocalizedText
    description_html: SafeString
    team: LocalizedText
    status: str
    status_label: str
    dropped_reason: str
    progress: int
    target_date: date | None
    ideas: list[IdeaEntry]
    updates: list[UpdateEntry]

    @property
    def texts(self) -> list[LocalizedText]:
        return [self.title, self.description, self.team, *(update.text for update in self.updates)]


@dataclass(frozen=True, slots=True)
class LevelSection:
    level: str
    label: str
    actions: list[ActionEntry]


@dataclass(frozen=True, slots=True)
class PlanContent:
    language: str
    campaign_slug: str
    campaign_title: LocalizedText
    title: str
    subtitle: str
    made_at: datetime
    summary: PlanSummary
    sections: list[LevelSection]

    @property
    def is_empty(self) -> bool:
        return not any(section.actions for section in self.sections)

    @property
    def has_fallbacks(self) -> bool:
        """Whether any English stands in for Welsh not yet written."""
        return self.campaign_title.is_fallback or any(
            text.is_fallback
            for section in self.sections
            for action in section.actions
            for text in action.texts
        )


def _demoted(html: SafeString) -> SafeString:
    """The description's headings (h2, h3) placed below the action's own (h3), as h4 and h5.

    The sanitiser leaves heading tags without attributes, so the tags are exactly these.
    """
    demoted = re.sub(r"<(/?)h([23])>", lambda m: f"<{m[1]}h{int(m[2]) + 2}>", str(html))
    return mark_safe(demoted)  # noqa: S308 - only tag names change in already sanitised HTML.


def _entry(action: Action, language: str) -> ActionEntry:
    description = localized(action, "description", language)
    return ActionEntry(
        id=action.pk,
        title=localized(action, "title", language),
        description=description,
        description_html=_demoted(markdown_to_html(description.text, allow_headings=True)),
        team=localized(action.team, "name", language),
        status=action.status,
        status_label=str(ActionStatus(action.status).label),
        dropped_reason=action.dropped_reason,
        progress=action.progress,
        target_date=action.target_date,
        ideas=[
            IdeaEntry(
                id=link.idea.pk,
                title=link.idea.title,
                language=link.idea.language,
                note=link.note,
            )
            for link in action.public_links  # type: ignore[attr-defined]
        ],
        updates=[
            UpdateEntry(
                happened_on=update.happened_on,
                progress=update.progress,
                text=localized(update, "text", language),
            )
            for update in action.timeline  # type: ignore[attr-defined]
        ],
    )


def plan_content(campaign: Campaign, language: str) -> PlanContent:
    """The campaign's published plan in `language`, grouped by level in the campaign's order."""
    actions = list(
        plan_actions(campaign).prefetch_related(
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.order_by("happened_on", "pk"),
                to_attr="timeline",
            )
        )
    )
    summary = plan_summary(campaign)
    with translation.override(language):
        campaign_title = localized(campaign, "title", language)
        sections = [
            LevelSection(
                level=group.level,
                label=group.label,
                actions=[_entry(action, language) for action in group.actions],
            )
            for group in group_by_level(actions)
        ]
        return PlanContent(
            language=language,
            campaign_slug=campaign.slug,
            campaign_title=campaign_title,
            title=gettext("%(campaign)s: action plan") % {"campaign": campaign_title.text},
            subtitle=gettext("You said, we did"),
            made_at=timezone.localtime(),
            summary=summary,
            sections=sections,
        )


def plan_fingerprint(campaign: Campaign) -> str:
    """A short digest of everything the plan's document shows (four queries).

    It changes whenever the document would: an action published, edited, moved on or given
    progress (each bumps its `version`), an idea linked, hidden or edited, a team renamed, the
    campaign retitled, or the summary's counts moved. Supports and comments do not change it.
    """
    summary = plan_summary(campaign)
    actions = (
        Action.objects.filter(campaign=campaign)
        .published()
        .aggregate(
            count=Count("pk"),
            versions=Sum("version"),
            changed=Max("updated_at"),
            teams_changed=Max("team__updated_at"),
        )
    )
    links = ActionIdea.objects.filter(
        action__campaign=campaign,
        action__status__in=PUBLISHED_STATUSES,
        idea__status__in=PUBLIC_STATUSES,
    ).aggregate(count=Count("pk"), ideas=Sum("idea_id"), changed=Max("idea__updated_at"))
    parts = [
        campaign.pk,
        campaign.updated_at.isoformat(),
        *astuple(summary),
        *actions.values(),
        *links.values(),
    ]
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:24]
