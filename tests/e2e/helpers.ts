// What the e2e tests read from the page, and the scene they compare it with.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { checkScene } from '../../src/pipeline.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

/** The derived steps, computed here in Node from the same file the app bundles. */
export function sceneSteps(id: string): DerivedStep[] {
  const file = `scenes/${id}.yaml`;
  const r = checkScene(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not build: ${JSON.stringify(r.diagnostics)}`);
  return r.steps;
}

/** Everything a viewer can see change from step to step. */
export interface Shown {
  counter: string;
  caption: string;
  inspector: string;
  /** Just the header values the inspector lists, layer by layer (no marks, no location). */
  layers: string[];
  packets: { id: string; transform: string | null }[];
  rows: string[];
  hash: string;
}

export async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const text = (sel: string): string => (document.querySelector(sel) as HTMLElement | null)?.innerText ?? '';
    const visible = [...document.querySelectorAll<SVGGElement>('g.kh-packet')].filter(
      (g) => g.getAttribute('visibility') === 'visible',
    );
    return {
      counter: text('[data-testid=step-counter]').trim(),
      caption: document.querySelector('[data-testid=caption]')?.textContent ?? '',
      inspector: text('[data-testid=inspector]'),
      layers: [...document.querySelectorAll('[data-testid=inspector] .field')].map(
        (f) => `${(f.querySelector('dt') as HTMLElement).innerText}=${(f.querySelector('.value') as HTMLElement).innerText}`,
      ),
      packets: visible.map((g) => ({ id: g.dataset.packet ?? '', transform: g.getAttribute('transform') })),
      rows: [...document.querySelectorAll<SVGGElement>('g.kh-row.kh-highlight')]
        .map((g) => `${g.dataset.table}|${g.dataset.row}`)
        .sort(),
      hash: location.hash,
    };
  });
}

/** Screen-space centre of the visible packet marker, and the element box's top-right corner (where a packet rests). */
export async function centres(page: Page, elementId: string) {
  return page.evaluate((id) => {
    const centre = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
    };
    const corner = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width, y: r.y, width: r.width, height: r.height };
    };
    const box = document.querySelector(`g.kh-box[data-id="${CSS.escape(id)}"]`);
    return {
      packet: centre(document.querySelector('g.kh-packet[visibility="visible"] .kh-packet-body')),
      box: corner(box?.querySelector(':scope > rect') ?? null),
    };
  }, elementId);
}

/** Waits until step k (0-based) is shown and its hop has landed. */
export async function waitForStep(page: Page, k: number): Promise<void> {
  const stage = page.getByTestId('stage');
  await expect(stage).toHaveAttribute('data-step', String(k));
  await expect(stage).toHaveAttribute('data-moving', 'false');
}

/** Row keys as the renderer may write them: `data-row` bare (`pod-a`) or qualified (`node1/fdb#pod-a`). */
export function rowMatches(shownRow: string, h: { table: string; row: string }): boolean {
  const [table, row] = shownRow.split('|') as [string, string];
  const key = (t: string, r: string) => (r.includes('#') ? r : `${t}#${r}`);
  return key(table, row) === key(h.table, h.row);
}

const LAYER = { eth: 'Ethernet', arp: 'ARP', ipv4: 'IPv4', icmp: 'ICMP', tcp: 'TCP', udp: 'UDP' } as Record<string, string>;

/** Checks everything step k should show, against the derived scene. */
export async function expectStep(page: Page, steps: DerivedStep[], k: number, sceneId: string): Promise<Shown> {
  const s = steps[k]!;
  const now = await shown(page);
  expect(now.counter).toBe(`Step ${k + 1} of ${steps.length}`);
  expect(now.hash).toBe(`#${sceneId}/step-${k + 1}`);
  expect(now.caption).toBe(s.caption);
  expect(now.packets.map((p) => p.id)).toEqual([s.packet]);

  const c = await centres(page, s.at);
  expect(c.box, `box for ${s.at}`).not.toBeNull();
  expect(c.packet, 'visible packet marker').not.toBeNull();
  expect(Math.abs(c.packet!.x - c.box!.x), `packet x at ${s.at} (step ${k + 1})`).toBeLessThan(1.5);
  expect(Math.abs(c.packet!.y - c.box!.y), `packet y at ${s.at} (step ${k + 1})`).toBeLessThan(1.5);

  expect(now.rows).toHaveLength(s.highlight.length);
  for (const h of s.highlight) expect(now.rows.some((r) => rowMatches(r, h)), `row ${h.table}#${h.row} lit`).toBe(true);

  // The inspector lists the layers outermost first, with what this step changed marked.
  const inspector = page.getByTestId('inspector');
  const titles = await inspector.locator('section.layer h3').allInnerTexts();
  expect(titles.map((t) => t.split(/\s/)[0])).toEqual(s.headers.map((h) => LAYER[h.layer] ?? h.layer));
  for (const h of s.headers) {
    for (const [field, value] of Object.entries(h)) {
      if (field !== 'layer' && value !== undefined) expect(now.inspector).toContain(String(value));
    }
  }
  const expectedChanged = s.headers.flatMap((h, i) =>
    Object.keys(h)
      .filter((f) => f !== 'layer')
      .filter((f) => s.changed.some((ch) => ch.layer === i && (ch.field === undefined || ch.field === f))),
  );
  const markedChanged = await inspector.locator('.field.changed dt').allInnerTexts();
  expect(markedChanged, `fields marked changed at step ${k + 1}`).toEqual(expectedChanged);
  if (expectedChanged.length > 0) await expect(inspector.getByText(/▲/).first()).toBeVisible();
  return now;
}
