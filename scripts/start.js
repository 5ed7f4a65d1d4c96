#!/usr/bin/env node
// `npm start` after the build: opens the Electron app where its binary exists, and
// otherwise runs the same core headless so the UI still opens in a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The Electron binary's path, or null. The electron package throws when its install
 * step never ran, and returns a path to a missing file when the download was skipped.
 */
export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function ownerLanguage(env) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('id') ? 'id' : 'en';
}

/** The sentence comes from the shell's locale files (built to dist) in the owner's language. */
async function noElectronNotice() {
  const lang = ownerLanguage(process.env);
  const file = join(root, 'dist', 'src', 'api', 'locales', lang, 'shell.js');
  const strings = await import(pathToFileURL(file).href);
  return strings.default.start.noElectron;
}

/** Runs a child with our terminal, passes our signals on, and exits with its status. */
function runForwardingSignals(command, args) {
  const env = { ...process.env };
  // Set by some tools; it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // Listen before spawning: a signal that arrives as the child starts must reach it
  // rather than end this process with the default action and orphan the child.
  let child = null;
  const forwarders = FORWARDED_SIGNALS.map((signal) => {
    const forward = () => child?.kill(signal);
    process.on(signal, forward);
    return [signal, forward];
  });
  child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`lumbung: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const [name, forward] of forwarders) process.off(name, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

/**
 * Runs Electron's own installer once (npm skipped it: install scripts are not approved,
 * see README), so a machine that can reach the download gets the window. Resolves with
 * why it failed, or null on success.
 */
function tryInstallElectron(timeoutMs = 60_000) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer) || process.env.LUMBUNG_NO_ELECTRON_DOWNLOAD) {
    return Promise.resolve('installer not available');
  }
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [installer], {
      cwd: join(root, 'node_modules', 'electron'),
      env,
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lines = output.trim().split('\n').filter(Boolean);
      const line = lines.find((l) => /error/i.test(l)) ?? lines.pop() ?? `exit ${code}`;
      resolve(code === 0 && electronBinary() ? null : line.slice(0, 200));
    });
  });
}

async function main() {
  let electron = electronBinary();
  if (!electron) {
    console.log('Electron is not installed yet; trying to download it…');
    const failure = await tryInstallElectron();
    electron = electronBinary();
    if (!electron && failure) console.log(`(${failure})`);
  }
  if (electron) {
    runForwardingSignals(electron, [root, ...process.argv.slice(2)]);
    return;
  }
  console.log(await noElectronNotice());
  runForwardingSignals(process.execPath, [
    join(root, 'dist', 'src', 'headless', 'cli.js'),
    'serve',
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
