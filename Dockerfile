# The app node's image: built once, the same for every node (compose.yaml runs two).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# glibc gives back the large blocks argon2id frees (apps/server/src/server-env.json, docs/operations.md).
ENV MALLOC_MMAP_THRESHOLD_=131072
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "apps/server/dist/main.js"]
