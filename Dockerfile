FROM python:3.11-slim
# postgresql-client: pg_dump and pg_restore for backup_site and restore_site (Debian 12's 15,
# the version of the compose file's server).
RUN apt-get update && apt-get install -y --no-install-recommends gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY . .
# The versions the site is tested and audited with (requirements.lock, `make lock`).
RUN pip install --no-cache-dir -c requirements.lock '.[production]'
EXPOSE 8000
