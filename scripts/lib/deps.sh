# Installs what the tests need when it is missing: Debian's postgresql and chromium, and Python
# virtual environments (Playwright and pytest for the browser tests; Schemathesis for the API fuzzing). Sourced by scripts/test.

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  echo "Installing ${missing[*]}…"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found" >&2; return 1; }
  echo "$dir"
}

# python_venv VENV [REQUIREMENTS] [MODULES]: creates VENV when missing and installs REQUIREMENTS into it unless
# `import MODULES` already works (defaults: the browser tests' Playwright and pytest).
python_venv() {
  local venv="$1" requirements="${2:-Tests/Browser/requirements.txt}" modules="${3:-playwright, pytest, requests}"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$venv"; }
  fi
  if ! "$venv/bin/python" -c "import $modules" >/dev/null 2>&1; then
    echo "Installing $requirements into $venv…"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  fi
}
