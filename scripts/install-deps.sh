#!/usr/bin/env bash
# Installs the system libraries Flatland links against (Cairo, Pango), the DejaVu fonts its
# figures use, and poppler-utils (pdftoppm: the tests rasterise a PDF to compare it with the PNG),
# when they are missing. Uses apt-get (through sudo only when not root).
set -euo pipefail

have_all() {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists cairo pangocairo zlib &&
    { fc-list 2>/dev/null | grep -qi "DejaVu Sans" || [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; } &&
    command -v pdftoppm >/dev/null 2>&1
}

if have_all; then exit 0; fi

packages="pkg-config libcairo2-dev libpango1.0-dev zlib1g-dev fonts-dejavu-core poppler-utils"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Flatland needs Cairo and Pango development files and the DejaVu fonts." >&2
  echo "This system has no apt-get: install the equivalents of '$packages' with your package manager" >&2
  echo "(e.g. 'brew install cairo pango pkg-config poppler' on macOS), then run make again." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Installing $packages needs root, and sudo is not available." >&2
    exit 1
  fi
fi

echo "Installing system packages: $packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
have_all || { echo "Installed $packages, but cairo/pangocairo (pkg-config) or pdftoppm are still missing." >&2; exit 1; }
