// Issue #7: /metrics shows live counters while messages flow. The bench scrapes the product's
// GET /metrics over HTTP during the run and keeps the inbound/outbound message counters.
export interface MetricsSample { at: number; inHandled: number; outSent: number }

export interface Scraper {
  samples: MetricsSample[];
  sample(): Promise<void>;
  stop(): void;
}

const counter = (text: string, name: string, labels: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
};

export function scrapeMetrics(url: string, everyMs: number): Scraper {
  const samples: MetricsSample[] = [];
  const sample = async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    samples.push({
      at: Date.now(),
      inHandled: counter(text, 'salesbot_messages_in_total', 'outcome="handled"'),
      outSent: counter(text, 'salesbot_messages_out_total', 'result="sent"'),
    });
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sample().catch(() => {}).finally(() => { busy = false; });
  }, everyMs);
  return { samples, sample, stop: () => clearInterval(timer) };
}
