# The Shelfmark image used by compose.yaml. Not built where it was written (no container runtime there).
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["npm", "start"]
