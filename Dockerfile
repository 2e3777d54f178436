# Serves the built site with nginx on port 8080, as an unprivileged user.
#
#   npm run build && docker build -t supply-chain-academy . && docker run --rm -p 8080:8080 supply-chain-academy
#
# Chainguard's nginx image runs nginx as the user nginx (uid 65532), listens on 8080 and has no shell or package
# manager. The site's headers, caching, redirects and 404 page are in dist/_nginx.conf, which the build writes and
# tests/integration/hosting/nginx.test.ts runs with Debian's nginx; dist/ holds a .gz copy of every text file for
# gzip_static. Pin the base image by digest (cgr.dev/chainguard/nginx@sha256:…) for repeatable image builds.
FROM cgr.dev/chainguard/nginx:latest

COPY docker/nginx.conf /etc/nginx/nginx.conf
COPY dist/_nginx.conf /etc/nginx/academy/site.conf
COPY dist/ /usr/share/nginx/html/

EXPOSE 8080
