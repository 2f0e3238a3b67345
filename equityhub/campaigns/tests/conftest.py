import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, not the developer's media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
