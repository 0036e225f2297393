"""The site served for the browser tests, in its own process and database.

`python -m tests.browser.server PORT` serves Django's WSGI application with the static files and
the uploaded/generated media (the fonts), as the production web server would; DEBUG stays off so
that the 404 page is the site's own. Settings come from the environment (DATABASE_URL,
MEDIA_ROOT), which tests/browser/conftest.py points at a copy of the seeded site; that copy's
Wagtail site says 127.0.0.1:8000, so it is pointed at PORT first (full URLs, e.g. in the open
data, then lead to this server).
"""

import sys

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.test.testcases import FSFilesHandler

from cms.garbage_collection import freeze_what_is_loaded


class MediaFilesHandler(FSFilesHandler):
    def get_base_dir(self):
        return settings.MEDIA_ROOT

    def get_base_url(self):
        return settings.MEDIA_URL


def main(port):
    application = get_wsgi_application()
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=port)
    server = ThreadedWSGIServer(("127.0.0.1", port), WSGIRequestHandler)
    server.set_app(StaticFilesHandler(MediaFilesHandler(application)))
    freeze_what_is_loaded()
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
