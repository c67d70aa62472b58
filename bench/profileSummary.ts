/**
 * `node bench/profileSummary.ts DIR_OR_FILE [--top N] [--callees NAME]`
 *
 * Summarises a V8 `.cpuprofile` (as written by `node --cpu-prof --cpu-prof-dir=DIR …`, the newest
 * one when given a folder): functions by self time and by total time (time with everything they
 * call, counted once per sample however deep the recursion), as shares of all samples. With
 * `--callees NAME`, the callees of the functions whose "name file:line" starts with NAME, by
 * total time. For finding hot spots, e.g.:
 *
 *   npx node --cpu-prof --cpu-prof-dir=/tmp/prof bench/analyzeSpeed.ts
 *   npx node bench/profileSummary.ts /tmp/prof --top 40
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function profilePath(target: string): string {
  if (!statSync(target).isDirectory()) return target;
  const newest = readdirSync(target).filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(target, f)).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs).pop();
  if (!newest) throw new Error(`no .cpuprofile in ${target}`);
  return newest;
}

const target = process.argv[2];
if (!target) throw new Error('usage: node bench/profileSummary.ts DIR_OR_FILE [--top N] [--callees NAME]');
const top = Number(argValue('--top') ?? 30);
const profile = JSON.parse(readFileSync(profilePath(target), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*?\/(shared|bench|electron|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

// Time per node from the samples; then self time per function and total time per function.
const nodeTime = new Map<number, number>();
let all = 0;
profile.samples.forEach((id, k) => {
  const dt = profile.timeDeltas[k] ?? 0;
  nodeTime.set(id, (nodeTime.get(id) ?? 0) + dt);
  all += dt;
});
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, time] of nodeTime) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + time);
  }
}

const subtree = new Map<number, number>();
const subtreeTime = (id: number): number => {
  const known = subtree.get(id);
  if (known !== undefined) return known;
  let time = nodeTime.get(id) ?? 0;
  for (const c of byId.get(id)!.children ?? []) time += subtreeTime(c);
  subtree.set(id, time);
  return time;
};

const share = (time: number) => `${((100 * time) / all).toFixed(1).padStart(5)}%`;
const print = (title: string, rows: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [name, time] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${share(time)}  ${name}\n`);
};

const callees = argValue('--callees');
if (callees) {
  const rows = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!label(n).startsWith(callees)) continue;
    for (const c of n.children ?? []) rows.set(label(byId.get(c)!), (rows.get(label(byId.get(c)!)) ?? 0) + subtreeTime(c));
  }
  print(`callees of ${callees} (total time)`, rows);
} else {
  print('self time', self);
  process.stdout.write('\n');
  print('total time', total);
}
