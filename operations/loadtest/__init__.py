"""`manage.py load_test`: the production stack on loopback under public traffic while a reviewer
approves and publishes changes, as docs in README.md ("Under load") describe.

- `site.py` copies a seeded database and runs the site as production does (gunicorn, 2 workers);
- `preparation.py` runs inside that site: the reviewer's credentials and authenticator, and the
  changes waiting for review;
- `browser.py` speaks HTTP as a browser would (cookies, forms, CSRF tokens);
- `traffic.py` is the public traffic and its figures, `reviewer.py` the reviewer's work.
"""
