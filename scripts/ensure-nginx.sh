#!/bin/sh
# Make sure Debian's nginx, with its brotli_static module, is installed for `make serve`.
# Installed with apt-get where we can (root, or sudo without a password); otherwise say how.
set -eu
PACKAGES="nginx libnginx-mod-http-brotli-static"
BROTLI=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
have_nginx() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }

if have_nginx && { [ -e "$BROTLI" ] || ! command -v apt-get >/dev/null 2>&1; }; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1 \
    && sudo -n true 2>/dev/null; then
  exec sudo -n sh "$0"
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's nginx for make serve…"
  # Debian starts a newly installed nginx on port 80; a policy-rc.d saying "no" prevents that
  # (one already in place, as in containers, is left alone).
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null; } || status=$?
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
  exit $status
fi
if have_nginx; then
  echo "nginx has no brotli_static module here: static files are served precompressed with gzip only." >&2
  exit 0
fi
echo "make serve needs nginx: as root, apt-get install $PACKAGES" >&2
exit 1
