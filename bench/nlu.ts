// Parser throughput and latency over the contract's dev set, repeated. Goal: p99 < 1 ms.
// Wall-clock per message: on a shared 2-core machine the tail also counts time spent
// descheduled, so run it when the machine is otherwise idle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, warmUp } from '../src/nlu/index.js';
import type { Figure } from './figures.js';

interface Line { text: string; now: string }

function loadDevSet(): Line[] {
  const path = fileURLToPath(new URL('../../shared/nlu/dev.jsonl', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

export function benchNlu(repeat = 200): Figure[] {
  const cases = loadDevSet();
  warmUp();
  // Steady state: let the JIT settle before timing, as a long-running server would.
  for (let round = 0; round < 30; round++) for (const c of cases) parse(c.text, { now: c.now });
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < repeat; round++) {
    for (const c of cases) {
      const t0 = performance.now();
      parse(c.text, { now: c.now });
      times.push(performance.now() - t0);
    }
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p99 = percentile(times, 0.99);
  return [
    { name: 'nlu messages/s', value: (times.length / total) * 1000, unit: 'msg/s', goal: '> 1000', met: times.length / total > 1 },
    { name: 'nlu p50 per message', value: p50, unit: 'ms', goal: '< 1', met: p50 < 1, ceiling: 1 },
    { name: 'nlu p99 per message', value: p99, unit: 'ms', goal: '< 1', met: p99 < 1, ceiling: 1 },
  ];
}
