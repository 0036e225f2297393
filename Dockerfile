FROM python:3.11-slim
# postgresql-client: pg_dump and pg_restore for backup_site and restore_site (Debian 12's 15,
# the version of the compose file's server).
RUN apt-get update && apt-get install -y --no-install-recommends gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY . .
RUN pip install --no-cache-dir . gunicorn
EXPOSE 8000
