// The diagram fits the app's stage (about 900 × 560 px beside the inspector)
// with text still readable, and the choices that buy that room: table row
// widths picked per scene, titles wrapped, tables in a column sharing a width.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveFont, fitToStage, ROW_WRAPS, STAGE } from '../../src/layout/fit.ts';
import { layoutScene } from '../../src/layout/layout.ts';
import { maxWidth, PAD } from '../../src/layout/measure.ts';
import { FONT, type Box, type Geometry } from '../../src/layout/types.ts';
import { loadScene } from '../../src/scene/load.ts';
import type { Scene } from '../../src/scene/model.ts';
import { sameNodeBridge } from './layout-fixtures.ts';

/** "Readable in the app" (docs/layout.md, "Fitting the stage"): at least 9.5 px once the diagram is scaled into the stage. */
const MIN_FONT = 9.5;

function scene(file: string): Scene {
  const loaded = loadScene(readFileSync(join('scenes', file), 'utf8'), `scenes/${file}`);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scene;
}

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort();
const geometries = new Map<string, Geometry>();

beforeAll(async () => {
  for (const f of files) geometries.set(f, await layoutScene(scene(f)));
});

const box = (g: Geometry, id: string): Box => {
  const b = g.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};

describe('fit to the stage', () => {
  it('keeps the font at 12 px or more', () => {
    expect(FONT.size).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('%s: text is at least 9.5 px on a 900 × 560 stage', (f) => {
    const g = geometries.get(f)!;
    // Computed from the geometry alone, the way the stage scales the SVG.
    const font = FONT.size * Math.min(900 / g.width, 560 / g.height);
    expect(effectiveFont(g)).toBeCloseTo(font, 6);
    expect(font, `${f}: ${g.width}×${g.height}`).toBeGreaterThanOrEqual(MIN_FONT);
  });

  it('searches row widths towards the stage\'s tighter side and keeps the best', async () => {
    // A stand-in layout: wider rows make the diagram wider and shorter.
    const tried: number[] = [];
    const fake = (limit: number): Geometry => ({ width: 500 + 20 * limit, height: 200 + 14000 / limit, boxes: [], edges: [], anchors: {} });
    const g = await fitToStage(sameNodeBridge(), async (wraps) => {
      const limit = [...wraps.values()][0]!.limit;
      tried.push(limit);
      return fake(limit);
    });
    const bestCoarse = Math.max(...ROW_WRAPS.map((w) => effectiveFont(fake(w))));
    expect(effectiveFont(g)).toBeGreaterThanOrEqual(bestCoarse - 0.01);
    expect(tried.length).toBeLessThanOrEqual(8);
  });

  it('does not search when the text is already at its natural size', async () => {
    let calls = 0;
    await fitToStage(sameNodeBridge(), async () => {
      calls += 1;
      return { width: STAGE.width / 2, height: STAGE.height / 2, boxes: [], edges: [], anchors: {} };
    });
    expect(calls).toBe(1);
  });
});

describe('room-saving choices', () => {
  it('gives the tables stacked in one column of a node one width and one left edge', () => {
    const g = geometries.get('nodeport.yaml')!;
    const column = ['node1/nat', 'node1/conntrack', 'node1/routes'].map((id) => box(g, id));
    for (const t of column) {
      expect(t.width).toBeCloseTo(column[0]!.width, 1);
      expect(t.x).toBeCloseTo(column[0]!.x, 1);
    }
  });

  it('lets tables that share a row keep their own widths', () => {
    const g = geometries.get('clusterip-same-node.yaml')!;
    expect(box(g, 'node1/nat').width).not.toBeCloseTo(box(g, 'node1/conntrack').width, 0);
  });

  it('wraps a table title wider than its rows, and every title line fits its box', () => {
    const g = geometries.get('clusterip-dnat.yaml')!;
    const nat = box(g, 'node1/nat');
    expect(nat.label.length).toBeGreaterThan(1);
    expect(nat.label.join(' ')).toBe('iptables -t nat (written by kube-proxy, abridged)');
    expect(maxWidth(nat.label) + 2 * PAD.leafX).toBeLessThanOrEqual(nat.width + 0.5);
    // The rows start under the last title line.
    expect(nat.rows![0]!.y).toBeGreaterThan(nat.y + PAD.leafY + (nat.label.length - 0.5) * FONT.size * FONT.lineHeight);
  });

  it('wraps a pod title only where the pod would set the stack\'s width', () => {
    const dnat = geometries.get('clusterip-dnat.yaml')!;
    expect(box(dnat, 'pod-a').label).toEqual(['pod-a (client)', '10.244.1.2']);
    // Calico's cali… device is wider than pod-c's one-line title: no gain in wrapping it.
    expect(box(geometries.get('calico-bgp.yaml')!, 'pod-c').label).toEqual(['pod-c 10.244.72.5']);
  });
});
