# dramawatch: one image for the scheduler, the workers and the one-off commands.
#   docker build -t dramawatch:local .
#   docker run --rm dramawatch:local --help
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY config config
COPY crawler crawler
COPY storage storage
COPY alerts alerts
COPY dramawatch dramawatch
COPY web web
# PostgreSQL (psycopg 3) and the Redis queue (scrapy-redis) are extras of the package.
RUN pip install ".[postgres,distributed]" && rm -rf /src

RUN useradd --system --create-home --home-dir /home/dramawatch dramawatch
USER dramawatch
WORKDIR /home/dramawatch

ENTRYPOINT ["dramawatch"]
CMD ["--help"]
