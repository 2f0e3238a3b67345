from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import localized


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search EquityHub"),
        max_length=200,
        strip=True,
        error_messages={"required": _("Enter a word or phrase to search for.")},
    )


class FaqFilterForm(forms.Form):
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)

    def __init__(self, *args: object, campaigns: QuerySet[Campaign], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._campaigns = {campaign.slug: campaign for campaign in campaigns}
        self.fields["campaign"].choices = [("", _("All campaigns"))] + [  # type: ignore[attr-defined]
            (slug, localized(campaign, "title").text) for slug, campaign in self._campaigns.items()
        ]

    def cleaned_campaign(self) -> Campaign | None:
        return self._campaigns.get(self.cleaned_data.get("campaign") or "")
