#!/usr/bin/env bash
# Builds the real clients the interop tests run against, from their Go modules, into .tools/:
#   .tools/bin/helm                         Helm 3 (helm.sh/helm/v3)
#   .tools/helm-plugins/cm-push/            the cm-push plugin (github.com/chartmuseum/helm-push)
#   .tools/bin/minio                        MinIO (github.com/minio/minio), the real S3 server the S3 tests use
# and, when run as root without it, Debian's chromium (/usr/bin/chromium) for the web console's browser tests.
# Nothing here is committed; CI runs this script before the tests. Re-running skips what is already built.
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
HELM4_VERSION="${HELM4_VERSION:-v4.3.1}"
HELM_PUSH_VERSION="${HELM_PUSH_VERSION:-v0.10.4}"
# MinIO publishes no semver module tags, so the pin is a pseudo-version (a commit of 2026-02-12).
MINIO_VERSION="${MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
root="$(cd "$(dirname "$0")/.." && pwd)"
required=false
if [ "${CI:-}" = "true" ] || [ "${CHARTROOM_REQUIRE_PEERS:-}" = "1" ]; then required=true; fi

# The web console's browser tests drive Debian's chromium through playwright-core (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
  elif [ "$required" = "true" ]; then
    echo "install-test-peers: /usr/bin/chromium is required (apt-get install chromium, as root)" >&2
    exit 1
  else
    echo "install-test-peers: no /usr/bin/chromium; the browser tests will be skipped (apt-get install chromium)" >&2
  fi
fi

if ! command -v go >/dev/null 2>&1; then
  if [ "$required" = "true" ]; then
    echo "install-test-peers: Go is required to build helm, helm-cm-push and minio" >&2
    exit 1
  fi
  echo "install-test-peers: no Go toolchain; the interop tests with the real helm and the S3 tests will be skipped" >&2
  exit 0
fi
tools="$root/.tools"
mkdir -p "$tools/bin" "$tools/helm-plugins/cm-push/bin"

# A module built by `go install` reports only major.minor, so the built version is recorded beside it.
if [ ! -x "$tools/bin/helm" ] || [ "$(cat "$tools/bin/helm.built" 2>/dev/null)" != "$HELM_VERSION" ]; then
  echo "building helm ${HELM_VERSION}"
  GOBIN="$tools/bin" GOFLAGS=-buildvcs=false go install "helm.sh/helm/v3/cmd/helm@${HELM_VERSION}"
  echo "$HELM_VERSION" > "$tools/bin/helm.built"
fi

# Helm 4 is installed as .tools/bin/helm4 (its module's binary is also called helm).
if [ ! -x "$tools/bin/helm4" ] || [ "$(cat "$tools/bin/helm4.built" 2>/dev/null)" != "$HELM4_VERSION" ]; then
  echo "building helm ${HELM4_VERSION}"
  build="$(mktemp -d)"
  GOBIN="$build" GOFLAGS=-buildvcs=false go install "helm.sh/helm/v4/cmd/helm@${HELM4_VERSION}"
  mv "$build/helm" "$tools/bin/helm4" && rmdir "$build"
  echo "$HELM4_VERSION" > "$tools/bin/helm4.built"
fi

# MinIO takes several minutes to build; a recorded version skips the rebuild.
if [ ! -x "$tools/bin/minio" ] || [ "$(cat "$tools/bin/minio.built" 2>/dev/null)" != "$MINIO_VERSION" ]; then
  echo "building minio ${MINIO_VERSION}"
  GOBIN="$tools/bin" GOFLAGS=-buildvcs=false go install "github.com/minio/minio@${MINIO_VERSION}"
  echo "$MINIO_VERSION" > "$tools/bin/minio.built"
fi

plugin="$tools/helm-plugins/cm-push"
if [ ! -x "$plugin/bin/helm-cm-push" ] || ! grep -q "version: \"${HELM_PUSH_VERSION#v}\"" "$plugin/plugin.yaml" 2>/dev/null; then
  echo "building helm-cm-push ${HELM_PUSH_VERSION}"
  # `go install mod@version` asks the proxy for the module's version list, which it refuses for this
  # module; building from a throwaway module that requires the exact version avoids that request.
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && go mod init peers >/dev/null 2>&1 \
    && go get "github.com/chartmuseum/helm-push/cmd/helm-cm-push@${HELM_PUSH_VERSION}" >/dev/null 2>&1 \
    && GOFLAGS=-buildvcs=false go build -o "$plugin/bin/helm-cm-push" github.com/chartmuseum/helm-push/cmd/helm-cm-push)
  cat > "$plugin/plugin.yaml" <<YAML
name: "cm-push"
version: "${HELM_PUSH_VERSION#v}"
usage: "Push a chart to a ChartMuseum-compatible repository"
description: "Push chart package to ChartMuseum"
command: "\$HELM_PLUGIN_DIR/bin/helm-cm-push"
downloaders:
  - command: "bin/helm-cm-push"
    protocols:
      - "cm"
YAML
fi

"$tools/bin/helm" version --short
"$tools/bin/helm4" version --short
echo "cm-push plugin: $plugin"
echo "minio: $(cat "$tools/bin/minio.built")"
