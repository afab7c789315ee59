# Backend image: Django/Wagtail app, task worker and scheduler share it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    SPRACHROHR_VAR_DIR=/var/lib/sprachrohr

# postgresql-client: backups (pg_dump/pg_restore, same major as the db service);
# hunspell-de-de: German compound splitting for the database search fallback;
# Pango (and a fallback font): WeasyPrint's text layout for the generated paper PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client hunspell-de-de \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app --shell /usr/sbin/nologin sprachrohr

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock
COPY --chown=sprachrohr:sprachrohr . .
RUN mkdir -p /var/lib/sprachrohr/static /var/lib/sprachrohr/media /var/lib/sprachrohr/backups \
 && chown -R sprachrohr:sprachrohr /var/lib/sprachrohr

USER sprachrohr
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi", "--config", "cms/deploy/gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
