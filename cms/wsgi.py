import os

from django.core.wsgi import get_wsgi_application

from cms.garbage_collection import freeze_what_is_loaded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()
freeze_what_is_loaded()
