// What the e2e tests read from the page, and the scene they compare it with.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { checkScene } from '../../src/pipeline.ts';
import { LAYER_NAMES } from '../../src/app/inspect.ts';
import type { DerivedStep } from '../../src/derive/types.ts';
import { narration, quoteText } from '../../src/derive/trace.ts';
import type { IcmpQuote } from '../../src/scene/model.ts';

const SCENES_DIR = fileURLToPath(new URL('../../scenes/', import.meta.url));

/** Every bundled scene's id (file stem), as the app's picker finds them: scenes/*.yaml. */
export function sceneIds(): string[] {
  return readdirSync(SCENES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

function sceneFile(id: string): { file: string; text: string } {
  const name = readdirSync(SCENES_DIR).find((f) => f === `${id}.yaml` || f === `${id}.yml`) ?? `${id}.yaml`;
  return { file: `scenes/${name}`, text: readFileSync(SCENES_DIR + name, 'utf8') };
}

/** The derived steps, computed here in Node from the same file the app bundles. */
export function sceneSteps(id: string): DerivedStep[] {
  const { file, text } = sceneFile(id);
  const r = checkScene(text, file);
  if (!r.ok) throw new Error(`${file} does not build: ${JSON.stringify(r.diagnostics)}`);
  return r.steps;
}

/** The top-level fields the picker shows, read straight from the file. */
export function sceneInfo(id: string): { title: string; summary: string; topic?: string; order?: number } {
  const doc = parse(sceneFile(id).text) as { title: string; summary: string; topic?: string; order?: number };
  return { title: doc.title, summary: doc.summary, topic: doc.topic, order: doc.order };
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
      layers: [...document.querySelectorAll('[data-testid=inspector] section.layer .field')].map(
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

/**
 * Where the visible packet marker is, against the box it is at: the marker's
 * screen-space centre, the box's corners (a packet rests on one), and the
 * text a reader needs there that the marker covers — the box's own text and
 * the titles of every box around it (its pod, its node). That last list must
 * be empty: the marker used to hide names like "veth3a9f" and pod titles.
 */
export async function centres(page: Page, elementId: string) {
  return page.evaluate((id) => {
    const body = document.querySelector('g.kh-packet[visibility="visible"] .kh-packet-body');
    // The dot (its halo), not the whole group: the group also holds the card, which rests beside the box.
    const marker = document.querySelector('g.kh-packet[visibility="visible"] .kh-packet-halo');
    const box = document.querySelector(`g.kh-box[data-id="${CSS.escape(id)}"]`);
    const rect = box?.querySelector(':scope > rect')?.getBoundingClientRect();
    if (!body || !marker || !box || !rect) return { packet: null, corners: [], covered: [], bodySize: 0, cardCovers: [], hasCard: false };
    const b = body.getBoundingClientRect();
    const m = marker.getBoundingClientRect();
    const within = (o: DOMRect, i: DOMRect) => i.x >= o.x - 0.5 && i.y >= o.y - 0.5 && i.right <= o.right + 0.5 && i.bottom <= o.bottom + 0.5;
    const needed = [...box.querySelectorAll('text')];
    for (const g of document.querySelectorAll('g.kh-box')) {
      const r = g.querySelector(':scope > rect')?.getBoundingClientRect();
      if (g !== box && r && within(r, rect)) needed.push(...g.querySelectorAll<SVGTextElement>(':scope > text'));
    }
    const hit = (q: DOMRect) => Math.min(m.right, q.right) > Math.max(m.x, q.x) && Math.min(m.bottom, q.bottom) > Math.max(m.y, q.y);
    // The card at rest covers no text of the picture: no label, no title, no table row, no link label.
    const cardRects = [...document.querySelectorAll('g.kh-packet[visibility="visible"] g.kh-packet-card > rect.kh-card-band, g.kh-packet[visibility="visible"] g.kh-packet-card > rect.kh-card-card')].map((r) => r.getBoundingClientRect());
    const card = cardRects[0];
    const pictureText = [...document.querySelectorAll<SVGTextElement>('g.kh-boxes text, g.kh-edges text')];
    const under = (q: DOMRect) => !!card && Math.min(card.right, q.right) > Math.max(card.x, q.x) && Math.min(card.bottom, q.bottom) > Math.max(card.y, q.y);
    return {
      cardCovers: pictureText.filter((t) => under(t.getBoundingClientRect())).map((t) => t.textContent ?? ''),
      hasCard: !!card,
      packet: { x: b.x + b.width / 2, y: b.y + b.height / 2 },
      corners: [
        { x: rect.right, y: rect.y },
        { x: rect.right, y: rect.bottom },
        { x: rect.x, y: rect.y },
        { x: rect.x, y: rect.bottom },
      ],
      covered: needed.filter((t) => hit(t.getBoundingClientRect())).map((t) => t.textContent ?? ''),
      bodySize: b.width,
    };
  }, elementId);
}

/** How far the marker's centre is from the nearest corner of its box, in screen pixels. */
export function cornerDistance(c: Awaited<ReturnType<typeof centres>>): number {
  const p = c.packet;
  return p ? Math.min(...c.corners.map((k) => Math.hypot(k.x - p.x, k.y - p.y))) : Infinity;
}

/** Waits until step k (0-based) is shown and its hop has landed (one wait, not two: it runs at every step). */
export async function waitForStep(page: Page, k: number): Promise<void> {
  await expect(page.locator(`[data-testid=stage][data-step="${k}"][data-moving="false"]`)).toBeAttached();
}

/** Row keys as the renderer may write them: `data-row` bare (`pod-a`) or qualified (`node1/fdb#pod-a`). */
export function rowMatches(shownRow: string, h: { table: string; row: string }): boolean {
  const [table, row] = shownRow.split('|') as [string, string];
  const key = (t: string, r: string) => (r.includes('#') ? r : `${t}#${r}`);
  return key(table, row) === key(h.table, h.row);
}

const show = (v: unknown): string => (Array.isArray(v) ? (v.length ? v.join(', ') : '(none)') : String(v ?? '—'));

/** `field=value` for every header field, outermost layer first, as the inspector lists them (lists comma-separated). */
export function expectedFields(s: DerivedStep): string[] {
  return s.headers.flatMap((h) =>
    Object.entries(h)
      .filter(([k]) => k !== 'layer')
      // An ICMP error's quoted original is one field, printed as tcpdump would.
      .map(([k, v]) => (h.layer === 'icmp' && k === 'quote' ? `quotes=${quoteText(v as IcmpQuote)}` : `${k}=${show(v)}`)),
  );
}

/** The inspector's name for a header field: an ICMP error's `quote` reads `quotes`. */
export const fieldName = (layer: string, k: string): string => (layer === 'icmp' && k === 'quote' ? 'quotes' : k);

/** The caption bar's text: a drop, reject or wait said first, then the step's caption. */
export const expectedCaption = (s: DerivedStep): string => narration(s);

/**
 * What the inspector should say a field was, for every field in order: the old
 * value of a rewrite, "new field" for one the step added to a layer, and
 * nothing for unchanged fields and the fields of a whole new layer.
 */
export function expectedWas(s: DerivedStep): string[] {
  return s.headers.flatMap((h, i) => {
    const newLayer = s.changed.some((c) => c.layer === i && c.field === undefined);
    return Object.keys(h)
      .filter((k) => k !== 'layer')
      .map((k) => {
        const c = s.changed.find((x) => x.layer === i && x.field === k);
        const name = fieldName(h.layer, k);
        if (!c || newLayer) return `${name}:`;
        return 'was' in c ? `${name}:← was ${show(c.was)}` : `${name}:← new field`;
      });
  });
}

/** What expectStep reads besides `shown`, gathered in one round trip (the walks call it at every step). */
async function inspectorAndMarker(page: Page, elementId: string) {
  const [c, details] = await Promise.all([
    centres(page, elementId),
    page.evaluate(() => {
      const inspector = document.querySelector('[data-testid=inspector]') as HTMLElement;
      const text = (sel: string): string => (inspector.querySelector(sel) as HTMLElement | null)?.innerText ?? '';
      const changed = [...inspector.querySelectorAll<HTMLElement>('section.layer .field.changed')];
      const removed = inspector.querySelector<HTMLDetailsElement>('[data-testid=removed-layers]');
      return {
        titles: [...inspector.querySelectorAll<HTMLElement>('section.layer h3')].map((h) => h.innerText),
        changed: changed.map((f) => (f.querySelector('dt') as HTMLElement).innerText),
        // Each changed field shows a badge: its own, or its layer's "new layer" one.
        unbadged: changed
          .filter((f) => !(f.querySelector('.badge') ?? f.closest('.layer')?.querySelector('h3 .badge'))?.checkVisibility())
          .map((f) => (f.querySelector('dt') as HTMLElement).innerText),
        // The old value is words on screen, so it must be visible, not only present.
        was: [...inspector.querySelectorAll<HTMLElement>('section.layer .field')].map((f) => {
          const w = f.querySelector<HTMLElement>('.was');
          const name = (f.querySelector('dt') as HTMLElement).innerText;
          return `${name}:${w ? (w.checkVisibility() ? w.innerText.replace(/\s+/g, ' ').trim() : '(hidden)') : ''}`;
        }),
        removed: removed ? { summary: removed.querySelector('summary')!.innerText, open: removed.open } : null,
        packetId: text('.packet-id'),
        captionPacket: document.querySelector<HTMLElement>('[data-testid=caption-packet]')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
        where: text('.where code'),
      };
    }),
  ]);
  return { ...c, ...details };
}

/** Checks everything step k should show, against the derived scene. */
export async function expectStep(page: Page, steps: DerivedStep[], k: number, sceneId: string): Promise<Shown> {
  const s = steps[k]!;
  const at = `step ${k + 1}`;
  const [now, look] = await Promise.all([shown(page), inspectorAndMarker(page, s.at)]);
  expect(now.counter).toBe(`Step ${k + 1} of ${steps.length}`);
  expect(now.hash).toBe(`#/${sceneId}/${k + 1}`);
  expect(now.caption, `caption at ${at}`).toBe(expectedCaption(s));
  if (s.packet === '') {
    // A step on the topology: no packet and no card; the panel names the process that acts.
    expect(now.packets, `no packet at ${at}`).toEqual([]);
    expect(look.hasCard, `no packet card at ${at}`).toBe(false);
    expect(look.captionPacket, `no packet in the caption at ${at}`).toBe('');
    expect(look.where, `the actor at ${at}`).toBe(s.at);
    expect(now.rows, `highlighted rows at ${at}`).toHaveLength(s.highlight.length);
    return now;
  }
  expect(now.packets.map((p) => p.id), `visible packets at ${at}`).toEqual([s.packet]);

  // A packet rests on a corner of the box it is at, covering none of the
  // text that says where it is: the box's label, its pod's and node's titles.
  expect(look.packet, `visible packet marker at ${s.at} (${at})`).not.toBeNull();
  expect(cornerDistance(look), `packet on a corner of ${s.at} (${at})`).toBeLessThan(1.5);
  expect(look.covered, `text under the packet at ${s.at} (${at})`).toEqual([]);
  expect(look.hasCard, `packet card at ${at}`).toBe(true);
  expect(look.cardCovers, `picture text under the packet card (${at})`).toEqual([]);

  expect(now.rows, `highlighted rows at ${at}`).toHaveLength(s.highlight.length);
  for (const h of s.highlight) expect(now.rows.some((r) => rowMatches(r, h)), `row ${h.table}#${h.row} lit (${at})`).toBe(true);

  // The inspector names the packet and where it is, lists the layers outermost
  // first with every field's value, and marks what this step changed.
  expect(look.packetId, `inspector packet at ${at}`).toBe(s.packet);
  // The marker carries no name; the caption bar says which packet it is.
  expect(look.captionPacket, `caption packet at ${at}`).toBe(`Packet ${s.packet}`);
  expect(look.where, `inspector location at ${at}`).toBe(s.at);
  expect(look.titles.map((t) => t.split(/\s/)[0]), `layers at ${at}`).toEqual(s.headers.map((h) => LAYER_NAMES[h.layer] ?? h.layer));
  expect(now.layers, `header fields at ${at}`).toEqual(expectedFields(s));
  const expectedChanged = s.headers.flatMap((h, i) =>
    Object.keys(h)
      .filter((f) => f !== 'layer')
      .filter((f) => s.changed.some((ch) => ch.layer === i && (ch.field === undefined || ch.field === f)))
      .map((f) => fieldName(h.layer, f)),
  );
  expect(look.changed, `fields marked changed at ${at}`).toEqual(expectedChanged);
  expect(look.unbadged, `changed fields without a visible badge at ${at}`).toEqual([]);
  // …and shows what each rewritten field was, and which outer layers a decap took off (collapsed).
  expect(look.was, `old values at ${at}`).toEqual(expectedWas(s));
  const removed = (s.removed ?? []).map((h) => LAYER_NAMES[h.layer] ?? h.layer);
  expect(look.removed, `removed layers at ${at}`).toEqual(
    removed.length ? { summary: `removed by this step: ${removed.join(', ')}`, open: false } : null,
  );
  return now;
}
