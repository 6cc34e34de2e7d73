# portfolio-ledger: the API (default command) and the `portfolio` CLI in one image.
#
#   docker build -t portfolio-ledger .
#   docker run --rm -p 3000:3000 -v portfolio-data:/data portfolio-ledger          # embedded SQLite
#   docker run --rm -v portfolio-data:/data portfolio-ledger portfolio verify /data/bundle.zip
#
# docker-compose.yml runs it against KurrentDB and PostgreSQL; README "Deploying" lists the environment.

# Node 20 left long-term support in April 2026; 22 is the oldest line still patched, and ARCHITECTURE §2 requires
# the service to run on it. Override with --build-arg NODE_MAJOR=24.
ARG NODE_MAJOR=22

FROM node:${NODE_MAJOR}-bookworm-slim AS build
# better-sqlite3 compiles its native addon with node-gyp when no prebuilt binary matches this Node and libc.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so that a change to the sources reuses this layer.
# bin/ is needed by `npm ci`: the dev dependency "portfolio-ledger": "file:" links the package into itself.
COPY package.json package-lock.json ./
COPY bin/ bin/
# package.json's allowScripts lets only better-sqlite3 run an install script, but the npm shipped in the Node image
# may not know that field: skip every script, then run better-sqlite3's alone.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json nest-cli.json ./
COPY scripts/build-web.mjs scripts/
COPY apps/ apps/
COPY libs/ libs/
# `npm run build` compiles the API and the CLI (dist/apps/api, dist/apps/cli) and bundles the web workspace
# (dist/web); pruning then drops the compilers, test tools and the self-link, keeping the addon already built above.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_MAJOR}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORTFOLIO_DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# The application files stay owned by root: the service, running as `node`, can write only to /data.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
COPY --from=build /app/bin/ bin/
# `portfolio seed demo` reads the Baromètre files from demo-data/ next to the compiled CLI.
COPY demo-data/ demo-data/
# `portfolio` on the PATH: `npx portfolio` would need the dev-only self-link, and npx falls back to the registry.
RUN ln -s /app/bin/portfolio.js /usr/local/bin/portfolio \
 && mkdir /data \
 && chown node:node /data
# The image's `node` user (uid 1000); a named volume mounted on /data takes this ownership when first created.
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness, not liveness: healthy means the event store answers. No curl in the slim image: Node's own fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
