# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build && npm prune --omit=dev

# Runtime stage: only the compiled server and its production dependencies, as a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=8080 \
    STORAGE=local \
    STORAGE_LOCAL_ROOTDIR=/storage
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN groupadd --system --gid 10001 chartroom \
 && useradd --system --uid 10001 --gid chartroom --home-dir /app --shell /usr/sbin/nologin chartroom \
 && mkdir -p /storage && chown chartroom:chartroom /storage \
 && ln -s /app/dist/cli/main.js /usr/local/bin/chartroom && chmod +x /app/dist/cli/main.js
USER chartroom
VOLUME ["/storage"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+(process.env.CONTEXT_PATH||'')+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "/app/dist/cli/main.js"]
