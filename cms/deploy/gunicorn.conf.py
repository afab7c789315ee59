"""gunicorn settings for every start of the web server (Dockerfile, docker-compose, bench, README)."""

# Long query strings must reach Django, which answers them under /api/ with the API's own 400
# (problem+json); gunicorn's default limit (4094 bytes) would answer 414 text/html itself.
# 0 means no limit of gunicorn's own (its optional C parser stops at 1 MiB); the reverse proxy
# bounds the request head to 1 MiB (max_header_size in cms/deploy/Caddyfile).
limit_request_line = 0
