#!/usr/bin/env bash
# Node.js and npm for building the web GUI, on a machine that has neither (or a Node older than 18): both come from
# the npm registry (the packages node-linux-<arch> and npm, checked against the registry's SHA-512), unpacked under
# ${ZONELAKE_TOOLS_DIR:-<repo>/.tools}. Nothing is installed system-wide.
#   services/node.sh env      install if missing, then print the PATH line to eval
#   services/node.sh status   say which Node would be used
set -euo pipefail

NODE_VERSION=20.18.1
NPM_VERSION=10.8.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${ZONELAKE_TOOLS_DIR:-$ROOT/.tools}"
HOME_DIR="$TOOLS/node-$NODE_VERSION"
REGISTRY="${ZONELAKE_NPM_REGISTRY:-https://registry.npmjs.org}"

arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64|arm64) echo arm64 ;;
    *) echo "No Node build for $(uname -m) in the npm registry; install Node 18+ yourself" >&2; exit 1 ;;
  esac
}

# Downloads one package's tarball and checks it against the integrity the registry publishes for that version.
fetch() {
  local package=$1 version=$2 file=$3 integrity expected actual
  integrity="$(curl -fsSL "$REGISTRY/$package/$version" | grep -oE '"integrity": ?"sha512-[^"]*"' | head -1 | cut -d'"' -f4)"
  [ -n "$integrity" ] || { echo "The registry gave no integrity for $package@$version" >&2; exit 1; }
  curl -fsSL "$REGISTRY/$package/-/${package#@*/}-$version.tgz" -o "$file"
  expected="${integrity#sha512-}"
  actual="$(sha512sum "$file" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
  [ "$expected" = "$actual" ] || { echo "$package@$version does not match the registry's SHA-512" >&2; rm -f "$file"; exit 1; }
}

install() {
  [ -x "$HOME_DIR/bin/node" ] && [ -f "$HOME_DIR/lib/node_modules/npm/bin/npm-cli.js" ] && return
  echo "fetching Node $NODE_VERSION and npm $NPM_VERSION from the npm registry into $HOME_DIR" >&2
  local work
  work="$(mktemp -d)"
  fetch "node-linux-$(arch)" "$NODE_VERSION" "$work/node.tgz"
  fetch npm "$NPM_VERSION" "$work/npm.tgz"
  mkdir -p "$work/home/lib/node_modules/npm"
  tar xzf "$work/node.tgz" -C "$work/home" --strip-components=1 package/bin package/LICENSE
  tar xzf "$work/npm.tgz" -C "$work/home/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/home/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/home/bin/npx"
  mkdir -p "$TOOLS"
  rm -rf "$HOME_DIR"
  mv "$work/home" "$HOME_DIR"
  rm -rf "$work"
}

case "${1:-}" in
  env) install; echo "export PATH=\"$HOME_DIR/bin:\$PATH\"" ;;
  status) if [ -x "$HOME_DIR/bin/node" ]; then echo "node: $HOME_DIR/bin/node ($("$HOME_DIR/bin/node" --version))"
          else echo "node: $(command -v node || echo none) (the project's own is not installed)"; fi ;;
  *) echo "usage: $0 env|status" >&2; exit 2 ;;
esac
