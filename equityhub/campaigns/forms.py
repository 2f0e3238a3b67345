from typing import Any

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
        error_messages={
            "required": _("Enter a word or phrase to search for."),
            "max_length": _("Enter no more than %(limit_value)d characters."),
        },
    )


class FaqFilterForm(forms.Form):
    campaign = forms.ChoiceField(
        label=_("Campaign"),
        required=False,
        error_messages={"invalid_choice": _("Choose a campaign from the list.")},
    )

    def __init__(self, *args: Any, campaigns: QuerySet[Campaign], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._campaigns = {campaign.slug: campaign for campaign in campaigns}
        field = self.fields["campaign"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All campaigns"))] + [
            (slug, localized(campaign, "title").text) for slug, campaign in self._campaigns.items()
        ]

    def cleaned_campaign(self) -> Campaign | None:
        """The chosen edition, or None for all of them."""
        return self._campaigns.get(self.cleaned_data.get("campaign") or "")
