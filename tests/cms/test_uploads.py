"""Staff uploads: images and documents only of the allowed kinds and sizes, refused with a clear
message and nothing saved; documents are always served as downloads."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def png(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#2a6f97").save(buffer, "PNG")
    return buffer.getvalue()


def saved_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {"title": "資料", "file": SimpleUploadedFile(name, content, content_type), "collection": 1},
    )


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": "写真", "file": SimpleUploadedFile(name, content, content_type), "collection": 1},
    )


def test_an_allowed_document_is_saved(admin_client, media):
    response = upload_document(admin_client, "plan.csv", "番号,施策\n1,電子申請\n".encode())
    assert response.status_code == 302
    assert Document.objects.filter(title="資料").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_document_is_refused_and_nothing_is_saved(admin_client, media):
    count = Document.objects.count()
    response = upload_document(admin_client, "plan.csv", b"1," * 1024)
    assert response.status_code == 200
    assert "このファイルは大きすぎます（2.0\xa0KB）。ファイルサイズの上限は1.0\xa0KBです。" in (
        response.content.decode()
    )
    assert "拡張子" not in response.content.decode(), "only the real reason"
    assert Document.objects.count() == count
    assert saved_files(media) == []


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "drawing.svg"])
def test_a_document_of_another_kind_is_refused_and_nothing_is_saved(admin_client, media, name):
    count = Document.objects.count()
    response = upload_document(admin_client, name, b"MZ\x90\x00")
    assert response.status_code == 200
    html = response.content.decode()
    assert "は許可されていません。許可されている拡張子は csv, pdf, txt, xlsx, json です。" in html
    assert Document.objects.count() == count
    assert saved_files(media) == []


def test_an_allowed_image_is_saved(admin_client, media):
    response = upload_image(admin_client, "map.png", png())
    assert response.status_code == 302
    assert Image.objects.filter(title="写真").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("photo.gif", b"GIF89a\x01\x00\x01\x00", "image/gif"),
    ],
)
def test_an_image_of_another_kind_is_refused_and_nothing_is_saved(
    admin_client, media, name, content, content_type
):
    count = Image.objects.count()
    response = upload_image(admin_client, name, content, content_type)
    assert response.status_code == 200
    assert (
        "対応していない画像形式です。対応形式：JPG, JPEG, PNG, WEBP。" in response.content.decode()
    )
    assert Image.objects.count() == count
    assert saved_files(media) == []


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
def test_a_too_large_image_is_refused_and_nothing_is_saved(admin_client, media):
    count = Image.objects.count()
    response = upload_image(admin_client, "map.png", png((400, 300)))
    assert response.status_code == 200
    assert "このファイルは大きすぎます" in response.content.decode()
    assert "ファイルサイズの上限は100\xa0バイトです。" in response.content.decode()
    assert Image.objects.count() == count
    assert saved_files(media) == []


@pytest.mark.parametrize(("name", "body"), [("report.pdf", b"%PDF-1.7\n"), ("notes.txt", b"memo")])
def test_documents_are_always_downloaded(client, media, db, name, body):
    document = Document.objects.create(title="配布資料", file=ContentFile(body, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == body
