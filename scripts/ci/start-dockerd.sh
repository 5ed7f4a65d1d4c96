#!/usr/bin/env bash
# Starts dockerd when no engine answers, and waits until it does. A previous
# dockerd that was killed can leave its pid file and containerd socket behind,
# which makes the next start refuse: clear them when no engine is running.
set -uo pipefail
if docker info >/dev/null 2>&1; then
  echo "docker engine already running"
  exit 0
fi
if ! pgrep -x dockerd >/dev/null; then
  rm -f /var/run/docker.pid /var/run/docker/containerd/containerd.pid
  rm -f /var/run/docker.sock
  (setsid dockerd >/tmp/lumbung-dockerd.log 2>&1 &)
fi
for _ in $(seq 1 120); do
  if docker info >/dev/null 2>&1; then
    echo "docker engine is up"
    exit 0
  fi
  sleep 1
done
echo "docker engine did not start within 120 s; its log:"
tail -60 /tmp/lumbung-dockerd.log
exit 1
