// 7. The earnings screen over a 10,000-job ledger: `lumbung serve` from start to its printed
// link, then Chromium loading the screen, timed in the page from navigation start to the
// frame where each part is first on screen.
// watchParts and the waitForFunction callbacks run inside the page, not in Node.
/* global window, document, requestAnimationFrame */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { ROOT } from './fixtures.js';
import { earningsDataDir } from './ledger.js';
import { processTree } from './process-sampler.js';
import { median, nowMs } from './stats.js';

const LOADS = 3;
const PART_TIMEOUT_MS = 20_000;
/** What each part looks like on screen; the Dashboard's cards stand in where there are no period cards. */
const EARNINGS_PARTS = {
  heading: 'main h1',
  cards: 'main .period-card, main [data-testid^="period-"]',
  row: 'main table tbody tr[data-job], main table tbody tr',
};
const DASHBOARD_PARTS = { heading: 'main h1', cards: 'main .card' };

function startServe(dataDir) {
  const start = nowMs();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'lumbung.js'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-network',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c.toString()).slice(-4000)));
  const printed = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no link: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /(http:\/\/\S+\?token=\S+)/.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve({ loginUrl: found[1], ms: nowMs() - start });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, printed };
}

async function stopServe(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** One API call with the bearer token, as scripts do: here, skipping onboarding. */
function apiCall(url, token, method, input) {
  const { host } = new URL(url);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${host}/api/ws`, {
      headers: { Host: host, Authorization: `Bearer ${token}` },
    });
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, method, input })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.id !== 1) return;
      ws.close();
      if (frame.reply?.ok) resolve(frame.reply.value);
      else reject(new Error(`${method}: ${JSON.stringify(frame.reply)}`));
    });
  });
}

/** Names of the processes under `pid`, to say what `serve` started besides itself. */
async function childNames(pid) {
  const names = [];
  for (const p of (await processTree(pid)).slice(1)) {
    names.push((await readFile(`/proc/${p}/comm`, 'utf8').catch(() => '')).trim());
  }
  return names.filter(Boolean);
}

/**
 * Runs in the page before its own scripts: on every frame, notes the first time each part
 * is in the layout. performance.now() counts from the navigation's start.
 */
function watchParts(parts) {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    for (const [name, selector] of Object.entries(parts)) {
      if (name in marks) continue;
      const el = document.querySelector(selector);
      if (el && el.getClientRects().length > 0) marks[name] = performance.now();
    }
    if (Object.keys(marks).length < Object.keys(parts).length) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function timeLoad(context, url, parts) {
  const wanted = Object.keys(parts);
  const page = await context.newPage();
  try {
    await page.addInitScript(watchParts, parts);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (names) => names.every((n) => n in (window.__benchMarks ?? {})),
      wanted,
      { timeout: PART_TIMEOUT_MS, polling: 50 },
    );
    return { marks: await page.evaluate(() => window.__benchMarks), title: await page.title() };
  } finally {
    await page.close();
  }
}

/** The hash routes fall back to the Dashboard: a distinct title means the screen exists. */
async function hasEarningsScreen(context, url) {
  const heading = { heading: 'main h1' };
  const dashboard = await timeLoad(context, `${url}#/dashboard`, heading);
  const earnings = await timeLoad(context, `${url}#/earnings`, heading);
  return earnings.title !== dashboard.title;
}

export default {
  id: 'earnings',
  title: 'Earnings screen (10,000 jobs)',
  async run(ctx) {
    let dataDir = ctx.earningsDataDir;
    if (!dataDir) {
      dataDir = (await earningsDataDir()).dataDir;
      ctx.cleanup.push(dataDir);
    }
    const { chromium } = await import('@playwright/test');
    const { child, printed } = startServe(dataDir);
    let browser = null;
    try {
      const { loginUrl, ms: serveMs } = await printed;
      const helpers = await childNames(child.pid);
      const url = loginUrl.slice(0, loginUrl.indexOf('?'));
      const token = new URL(loginUrl).searchParams.get('token');
      await apiCall(url, token, 'settings.update', { onboarded: true });

      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const context = await browser.newContext();
      const login = await context.newPage();
      await login.goto(loginUrl);
      await login.close();

      const earnings = await hasEarningsScreen(context, url);
      const parts = earnings ? EARNINGS_PARTS : DASHBOARD_PARTS;
      const loads = [];
      for (let i = 0; i < LOADS; i++) {
        loads.push((await timeLoad(context, `${url}#/earnings`, parts)).marks);
      }

      const screen = earnings ? 'Earnings' : 'Dashboard (no Earnings screen yet)';
      const row = (part, measure, extra = {}) => ({
        bench: 'Earnings screen',
        measure,
        n: LOADS,
        p50: median(loads.map((m) => m[part])),
        unit: 'ms',
        ...extra,
      });
      const serveNote = helpers.includes('anvil')
        ? 'serve ignored --no-network: it started the embedded chain (anvil)'
        : '';
      return [
        {
          bench: 'Earnings screen',
          measure: '`lumbung serve` start → login link printed',
          n: 1,
          p50: serveMs,
          unit: 'ms',
          note: serveNote,
        },
        row('heading', `${screen}: navigation → heading on screen`, {
          note: earnings
            ? '10,000 credited jobs in the ledger'
            : 'no #/earnings route: Dashboard shown',
        }),
        row(
          'cards',
          `${screen}: navigation → first ${earnings ? 'summary card' : 'card'} on screen`,
        ),
        ...(earnings ? [row('row', 'Earnings: navigation → first table row on screen')] : []),
      ];
    } finally {
      await browser?.close();
      await stopServe(child);
    }
  },
};
