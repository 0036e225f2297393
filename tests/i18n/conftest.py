from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
LANGUAGES = ["ja", "en", "pt-br", "es", "zh-hans", "ko", "vi"]


@pytest.fixture
def soup_of(client):
    def get(url, **headers):
        response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
        return BeautifulSoup(response.content, "html.parser")

    return get
