#!/bin/sh
# Fake rocm-smi: prints $DIR/rocm.json whatever the arguments.
DIR="$1"
shift
cat "$DIR/rocm.json"
