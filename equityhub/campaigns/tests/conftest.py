import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Start each test in English: a request to /cy/ leaves Welsh active in the thread."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, not the developer's media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
