"""The Welsh catalogue is complete and Welsh grammar (plural forms, dates) comes out right."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils import translation
from django.utils.translation import ngettext

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES" / "django.po"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_every_interface_string_has_its_welsh() -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 cwestiwn"), (2, "2 gwestiwn"), (3, "3 cwestiwn"), (8, "8 cwestiwn")],
)
def test_welsh_plural_forms_follow_the_number(count: int, expected: str) -> None:
    with translation.override("cy"):
        text = ngettext(
            "%(counter)s question about all campaigns.",
            "%(counter)s questions about all campaigns.",
            count,
        ) % {"counter": count}
    assert text.startswith(expected)


def test_welsh_dates_use_welsh_month_and_day_names() -> None:
    with translation.override("cy"):
        assert date_filter(date(2021, 11, 1), "l j F Y") == "Dydd Llun 1 Tachwedd 2021"
