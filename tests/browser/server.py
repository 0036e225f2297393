"""The site served for the browser tests, in its own process and database.

`python -m tests.browser.server PORT` serves Django's WSGI application with the static files and
the uploaded/generated media (the fonts), as the production web server would; DEBUG stays off so
that the 404 page is the site's own. Settings come from the environment (DATABASE_URL,
MEDIA_ROOT), which tests/browser/conftest.py points at a database of its own.
"""

import sys

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.test.testcases import FSFilesHandler


class MediaFilesHandler(FSFilesHandler):
    def get_base_dir(self):
        return settings.MEDIA_ROOT

    def get_base_url(self):
        return settings.MEDIA_URL


def main(port):
    application = get_wsgi_application()
    server = ThreadedWSGIServer(("127.0.0.1", port), WSGIRequestHandler)
    server.set_app(StaticFilesHandler(MediaFilesHandler(application)))
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
