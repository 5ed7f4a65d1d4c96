// CPU and memory of a process over a window, from /proc (another process) or from
// process.cpuUsage()/memoryUsage() (this one). CPU% is of one core, like `top`.
import { readdir, readFile } from 'node:fs/promises';
import { sleep } from './stats.js';

const CLOCK_TICKS_PER_S = 100;
const PAGE_BYTES = 4096;

/** utime + stime in seconds and resident bytes of `pid`, or null once it is gone. */
export async function readProc(pid) {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuS = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
    const rssBytes = Number(fields[21]) * PAGE_BYTES;
    return { cpuS, rssBytes };
  } catch {
    return null;
  }
}

/** `pid` and every process below it (anvil, tool children). */
export async function processTree(pid) {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    const tasks = await readdirSafe(`/proc/${found[i]}/task`);
    for (const task of tasks) {
      const children = await readFile(`/proc/${found[i]}/task/${task}/children`, 'utf8').catch(
        () => '',
      );
      for (const child of children.split(' ').filter(Boolean)) found.push(Number(child));
    }
  }
  return found;
}

function readdirSafe(dir) {
  return readdir(dir).catch(() => []);
}

async function readTree(pid) {
  let cpuS = 0;
  let rssBytes = 0;
  for (const p of await processTree(pid)) {
    const one = await readProc(p);
    if (one) {
      cpuS += one.cpuS;
      rssBytes += one.rssBytes;
    }
  }
  return { cpuS, rssBytes };
}

/**
 * Samples another process (alone, and with its descendants) once a second for `seconds`.
 * Returns per-interval CPU% and RSS samples for both.
 */
export async function sampleOtherProcess(pid, seconds) {
  const self = { cpuPct: [], rssBytes: [] };
  const tree = { cpuPct: [], rssBytes: [] };
  let prevSelf = await readProc(pid);
  let prevTree = await readTree(pid);
  let prevAt = performance.now();
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    const at = performance.now();
    const nowSelf = await readProc(pid);
    const nowTree = await readTree(pid);
    if (!nowSelf || !prevSelf) throw new Error(`process ${pid} ended while measured`);
    const wallS = (at - prevAt) / 1000;
    self.cpuPct.push(((nowSelf.cpuS - prevSelf.cpuS) / wallS) * 100);
    self.rssBytes.push(nowSelf.rssBytes);
    // A child that exited takes its CPU time with it: clamp so the tree never goes negative.
    tree.cpuPct.push(Math.max(0, ((nowTree.cpuS - prevTree.cpuS) / wallS) * 100));
    tree.rssBytes.push(nowTree.rssBytes);
    prevSelf = nowSelf;
    prevTree = nowTree;
    prevAt = at;
  }
  return { self, tree };
}

/** Samples this process once a second for `seconds`, with the overall CPU% of the window. */
export async function sampleThisProcess(seconds) {
  const cpuPct = [];
  const rssBytes = [];
  const first = process.cpuUsage();
  const firstAt = performance.now();
  let prev = first;
  let prevAt = firstAt;
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    const at = performance.now();
    const used = process.cpuUsage(prev);
    cpuPct.push(((used.user + used.system) / 1000 / (at - prevAt)) * 100);
    rssBytes.push(process.memoryUsage().rss);
    prev = process.cpuUsage();
    prevAt = at;
  }
  const total = process.cpuUsage(first);
  const overallPct = ((total.user + total.system) / 1000 / (performance.now() - firstAt)) * 100;
  return { cpuPct, rssBytes, overallPct };
}
