#!/usr/bin/env bash
# Installs what the VS Code end-to-end run needs and is missing: Debian's chromium, ripgrep and
# libkrb5-dev, then code-server and playwright-core in tools/vscode-e2e (its own lock file).
# Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/tools/vscode-e2e"
say() { printf 'setup-vscode-e2e: %s\n' "$*"; }
die() { printf 'setup-vscode-e2e: error: %s\n' "$*" >&2; exit 1; }

# Node 20: code-server 4.100.3 ships a Node 20 extension host and its native addons build for it.
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
[ "$node_major" = "20" ] || die "Node 20 is required (found: $node_major)."

# 1. Debian packages.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
for tool in g++ make python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them."
  sudo=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}; run as root or install them yourself."
    sudo="sudo"
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

# 2. code-server + playwright-core, only when the lock file changed since the last install.
stamp="$tools/node_modules/.star-e2e-installed"
want="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [ -x "$tools/node_modules/.bin/code-server" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "code-server already installed"
  exit 0
fi

# @vscode/ripgrep (a code-server dependency) downloads rg at install time, which cannot happen here:
# seed its cache with Debian's rg, packed under the name it looks for.
cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-1.15.11"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$tarball" ]; then
  say "seeding the @vscode/ripgrep cache from $(command -v rg)"
  mkdir -p "$cache"
  work="$(mktemp -d)"
  cp "$(command -v rg)" "$work/rg"
  tar -czf "$tarball" -C "$work" rg
  rm -rf "$work"
fi

say "npm ci in tools/vscode-e2e (code-server, playwright-core); a cold install takes about 75 s"
start=$(date +%s)
(
  cd "$tools"
  # As root, code-server's postinstall refuses to run without unsafe-perm; node-pty's postinstall
  # runs `npx node-gyp`, which waits for a prompt unless yes is set.
  npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund
)
[ -x "$tools/node_modules/.bin/code-server" ] || die "npm ci finished but node_modules/.bin/code-server is missing."
echo "$want" > "$stamp"
say "installed in $(( $(date +%s) - start )) s"
