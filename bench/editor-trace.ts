// The main thread's tasks while typing, from a Chromium trace (bench/editor-typing.ts):
// each task's CPU time, which a loaded machine stretches less than its wall time,
// and which of them handled a keystroke or redrew the preview with the worker's build.
// KH_TRACE=<path prefix> keeps each trace as JSON, for a closer look.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface Tasks {
  /** CPU time (ms) of every main-thread task. */
  all: number[];
  /** Of the tasks that handle a keystroke (keydown, keypress, input events). */
  keys: number[];
  /** Of the tasks that take a build from the worker: the preview's redraw. */
  preview: number[];
}

/** Traces the page; the returned function stops and sorts its main-thread tasks. */
export async function startTrace(page: Page): Promise<() => Promise<Tasks>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    if (process.env.KH_TRACE) writeFileSync(`${process.env.KH_TRACE}-${Date.now()}.json`, JSON.stringify(events));
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((x, y) => x.ts - y.ts);
    const tasks: Tasks = { all: [], keys: [], preview: [] };
    mine.forEach((t, i) => {
      if (t.name !== 'RunTask') return;
      const cpu = (t.tdur ?? 0) / 1000;
      tasks.all.push(cpu);
      const inside: TraceEvent[] = [];
      for (let j = i + 1; j < mine.length && mine[j]!.ts < t.ts + (t.dur ?? 0); j++) inside.push(mine[j]!);
      if (inside.some((e) => e.name === 'EventDispatch' && ['keydown', 'keypress', 'input'].includes(e.args?.data?.type ?? ''))) tasks.keys.push(cpu);
      if (inside.some((e) => e.name === 'HandlePostMessage')) tasks.preview.push(cpu);
    });
    return tasks;
  };
}
