#!/bin/sh
# Stand-in for the k3s install script (get.k3s.io), for tests. Honours the same environment:
#   INSTALL_K3S_SKIP_DOWNLOAD=true  use the binary already at $BIN_DIR/k3s (this stand-in cannot download)
#   INSTALL_K3S_VERSION             recorded only (downloads are not possible here)
#   INSTALL_K3S_EXEC                "server ..." / "agent ..." / flags (defaulting like the real script)
#   K3S_URL, K3S_TOKEN              agent (or joining server) settings
#   INSTALL_K3S_SKIP_START=true     install without starting
#   INSTALL_K3S_BIN_DIR             default /usr/local/bin
# It creates the same helper scripts (k3s-killall.sh, k3s-uninstall.sh or k3s-agent-uninstall.sh)
# and symlinks (kubectl, crictl, ctr). With systemd it writes a unit; with OpenRC (the harness machines
# carry only /sbin/openrc-run) it starts k3s under setsid/nohup and records the PID in /run/k3s.pid
# (k3s-agent.pid for agents); with neither it stops before writing anything, as the real script does.
set -e
info() { echo "[INFO]  $*"; }
fatal() { echo "[ERROR] $*" >&2; exit 1; }

BIN_DIR=${INSTALL_K3S_BIN_DIR:-/usr/local/bin}
[ "$(id -u)" = 0 ] || fatal "You need to be root to perform this install"
# Like the real script, before anything is written: OpenRC if /sbin/openrc-run is there, else systemd if
# systemctl is (taken at its word: without systemd running, the unit is written and systemctl then fails).
if [ -x /sbin/openrc-run ]; then SUPERVISOR=openrc
elif [ -x /bin/systemctl ] || type systemctl > /dev/null 2>&1; then SUPERVISOR=systemd
else fatal "Can not find systemd or openrc to use as a process supervisor for k3s"
fi
[ "${INSTALL_K3S_SKIP_DOWNLOAD:-}" = true ] || fatal "Can not download k3s: set INSTALL_K3S_SKIP_DOWNLOAD=true and provide $BIN_DIR/k3s"
[ -x "$BIN_DIR/k3s" ] || fatal "Can not find $BIN_DIR/k3s (INSTALL_K3S_SKIP_DOWNLOAD=true)"

set -- ${INSTALL_K3S_EXEC:-}
if [ -z "${1:-}" ] || [ "${1#-}" != "$1" ]; then
  if [ -n "${K3S_URL:-}" ]; then CMD=agent; else CMD=server; fi
else
  CMD=$1; shift
fi
if [ "$CMD" = agent ]; then
  [ -n "${K3S_URL:-}" ] || fatal "K3S_URL is required for an agent"
  [ -n "${K3S_TOKEN:-}" ] || fatal "Defaulted k3s exec command to 'agent' because K3S_URL is defined, but K3S_TOKEN or K3S_TOKEN_FILE is not defined."
  SYSTEM_NAME=k3s-agent; UNINSTALL=k3s-agent-uninstall.sh
else
  SYSTEM_NAME=k3s; UNINSTALL=k3s-uninstall.sh
fi
info "Skipping k3s download and verify"
for cmd in kubectl crictl ctr; do
  [ -e "$BIN_DIR/$cmd" ] || { info "Creating $BIN_DIR/$cmd symlink to k3s"; ln -sf k3s "$BIN_DIR/$cmd"; }
done

mkdir -p /etc/rancher/k3s
ENV_FILE=/etc/rancher/k3s/$SYSTEM_NAME.env
umask 077
{ env | grep -E '^(K3S|CONTAINERD)_' | sed -e 's/=\(.*\)/="\1"/'; } > "$ENV_FILE" || true
umask 022

cat > "$BIN_DIR/k3s-killall.sh" <<KILLALL
#!/bin/sh
[ "\$(id -u)" = 0 ] || exec sudo \$0 "\$@"
# Waits until every process of k3s's group is gone (up to 10 s, then SIGKILL): a new k3s started right
# after must find its ports free.
for f in /run/k3s.pid /run/k3s-agent.pid; do
  if [ -s "\$f" ]; then
    g=\$(cat "\$f"); kill -TERM -"\$g" 2>/dev/null; i=0
    while kill -0 -"\$g" 2>/dev/null && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
    kill -KILL -"\$g" 2>/dev/null
  fi
  rm -f "\$f"
done
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl stop k3s k3s-agent 2>/dev/null || true; fi
exit 0
KILLALL
chmod 755 "$BIN_DIR/k3s-killall.sh"

cat > "$BIN_DIR/$UNINSTALL" <<UNINSTALL_SCRIPT
#!/bin/sh
set -x
[ "\$(id -u)" = 0 ] || exec sudo \$0 "\$@"
$BIN_DIR/k3s-killall.sh
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable $SYSTEM_NAME 2>/dev/null; rm -f /etc/systemd/system/$SYSTEM_NAME.service; systemctl daemon-reload
fi
for cmd in kubectl crictl ctr; do [ -L "$BIN_DIR/\$cmd" ] && rm -f "$BIN_DIR/\$cmd"; done
rm -rf /etc/rancher/k3s /run/k3s /var/lib/rancher/k3s /var/lib/kubelet /var/log/k3s.log /var/log/k3s-agent.log
rm -f $BIN_DIR/k3s $BIN_DIR/k3s-killall.sh
rm -f \$0
UNINSTALL_SCRIPT
chmod 755 "$BIN_DIR/$UNINSTALL"
info "Creating uninstall script $BIN_DIR/$UNINSTALL"

if [ "$SUPERVISOR" = systemd ]; then
  mkdir -p /etc/systemd/system
  cat > /etc/systemd/system/$SYSTEM_NAME.service <<UNIT
[Unit]
Description=Lightweight Kubernetes
[Service]
EnvironmentFile=-$ENV_FILE
ExecStart=$BIN_DIR/k3s $CMD $*
Restart=always
[Install]
WantedBy=multi-user.target
UNIT
  systemctl daemon-reload
  systemctl enable $SYSTEM_NAME >/dev/null
  [ "${INSTALL_K3S_SKIP_START:-}" = true ] || systemctl restart $SYSTEM_NAME
else
  # The harness machines carry only OpenRC's entry point: the stand-in supervises k3s itself.
  info "OpenRC: supervising $SYSTEM_NAME with setsid/nohup"
  "$BIN_DIR/k3s-killall.sh"
  if [ "${INSTALL_K3S_SKIP_START:-}" != true ]; then
    # shellcheck disable=SC2086
    setsid nohup "$BIN_DIR/k3s" $CMD "$@" >> /var/log/$SYSTEM_NAME.log 2>&1 < /dev/null &
    echo $! > /run/$SYSTEM_NAME.pid
    info "Starting $SYSTEM_NAME (pid $!)"
  fi
fi
