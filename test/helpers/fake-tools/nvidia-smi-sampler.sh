#!/bin/sh
# Fake `nvidia-smi --query-gpu=... -lms N`: prints $DIR/samples.csv line by line, again
# and again. With $DIR/die-after holding N, it prints N lines and exits like a driver fault.
DIR="$1"
echo launch >> "$DIR/launches.log"
LIMIT=""
[ -f "$DIR/die-after" ] && LIMIT=$(cat "$DIR/die-after")
COUNT=0
while :; do
  while IFS= read -r line; do
    echo "$line"
    COUNT=$((COUNT + 1))
    if [ -n "$LIMIT" ] && [ "$COUNT" -ge "$LIMIT" ]; then
      echo "Unable to determine the device handle for GPU 00000000:0C:00.0: GPU is lost." >&2
      exit 15
    fi
    sleep 0.05
  done < "$DIR/samples.csv"
done
