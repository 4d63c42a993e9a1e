# Hunt for any container host: Hugging Face Spaces (Docker SDK), Fly.io, Render, your own.
# Runs as a non-root user (UID 1000, as Spaces expects), listens on 0.0.0.0:$PORT.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=7860 \
    HOME=/home/hunt \
    HUNT_DB=/data/hunt.duckdb

RUN useradd --create-home --uid 1000 hunt && mkdir -p /data && chown hunt:hunt /data
WORKDIR /home/hunt/app
COPY --chown=hunt:hunt . .
RUN pip install -r requirements.txt

USER hunt
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '7860') + '/_stcore/health', timeout=4)"

# The one start command (render.yaml runs the same): secrets from the environment, then
# `streamlit run` on 0.0.0.0:$PORT. HUNT_DB=postgresql://... keeps the data off the container.
CMD ["python", "-m", "hunt_core.deploy"]
