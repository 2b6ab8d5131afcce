# salesbot: one image for the web process, the worker process and the one-shot migration.
#   docker compose up                     (see docker-compose.yml)
#   docker run ... salesbot               (web, the default)
#   docker run ... salesbot npm run start:worker
#   docker run ... salesbot npm run migrate

# --- deps + build -------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm 11.19+ honours package.json `allowScripts` (install scripts of prisma, @prisma/engines and
# the embedded Postgres run; every other dependency's scripts are blocked).
RUN npm install -g npm@11.19.1
# The postinstall (`prisma generate`) needs the schema and prisma.config.ts.
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
RUN npm ci
COPY src ./src
COPY adapters ./adapters
COPY jobs ./jobs
COPY bin ./bin
RUN npm run build && npm prune --omit=dev

# --- runtime ------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# `npm run migrate` runs from source (tsx) next to prisma.config.ts and prisma/migrations.
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/prisma ./prisma
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Only the web process serves /healthz; compose disables this check for worker and migrate.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/web.js"]
