# Installs what the tests need when it is missing: Debian's postgresql and chromium, and a Python
# virtual environment with Playwright and pytest. Sourced by scripts/test.

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

python_venv() {
  local venv="$1"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$venv"; }
  fi
  if ! "$venv/bin/python" -c "import playwright, pytest, requests" >/dev/null 2>&1; then
    echo "Installing Playwright and pytest into $venv…"
    "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Browser/requirements.txt
  fi
}
