#!/usr/bin/env node
// Entry point of the `lumbung` command; the CLI itself is built from src/headless/cli.ts.
const { runCli } = await import('../dist/src/headless/cli.js');
runCli();
