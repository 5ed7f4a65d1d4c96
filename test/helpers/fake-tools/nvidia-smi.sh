#!/bin/sh
# Fake nvidia-smi: answers from capture files in the directory given as $1.
# Every call is logged to $DIR/calls.log so tests can count spawns.
DIR="$1"
shift
echo "$*" >> "$DIR/calls.log"
case "$*" in
  *-lms*)
    exec sh "$(dirname "$0")/nvidia-smi-sampler.sh" "$DIR" ;;
  *-pl*)
    if [ -f "$DIR/pl-denied" ]; then
      echo "Changing power management limit is not supported for GPU: 00000000:0C:00.0." >&2
      echo "Insufficient Permissions" >&2
      exit 4
    fi
    echo "$*" >> "$DIR/pl.log"
    echo "Power limit for GPU 00000000:0C:00.0 was set to $4 W."
    echo "All done." ;;
  *--query-gpu=uuid,power.limit*)
    cat "$DIR/limits.csv" ;;
  *--query-gpu=*)
    cat "$DIR/query.csv" ;;
  --version)
    cat "$DIR/version.txt" ;;
  -L)
    cat "$DIR/L.txt" ;;
  "-q -x")
    cat "$DIR/q.xml" ;;
  "pmon -c 1")
    cat "$DIR/pmon.txt" ;;
  *)
    echo "Invalid combination of input arguments." >&2
    exit 2 ;;
esac
