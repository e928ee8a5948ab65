// placeCard counts what each spot of its search grid covers per rect rather
// than per spot (card-place.ts). It must choose exactly the spot the plain
// search would: here that search is written out, spot by spot and rect by
// rect, and both run on the bundled scenes' real geometries at many points
// and card sizes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildScene } from '../../src/pipeline.ts';
import type { Geometry, Point } from '../../src/layout/types.ts';
import { coverCounts, HEAVY_SHIFT, placeCard, searchGrid } from '../../src/timeline/card-place.ts';
import { edgeLabelRects, markerRect, overlaps, textRects, type Rect } from '../../src/timeline/rest.ts';

const pad = (r: Rect): Rect => ({ x: r.x - 4, y: r.y - 4, width: r.width + 8, height: r.height + 8 });

/** The search as card-place.ts describes it, with nothing clever: every spot against every rect. */
function plainSearch(g: Geometry, at: Point, size: { width: number; height: number }, near?: Rect): Point {
  const text = [...g.boxes.flatMap(textRects), ...edgeLabelRects(g)].map(pad);
  const boxes = g.boxes.filter((b) => !b.container);
  const dot = pad(markerRect(at));
  let best: Point = { x: at.x + 4, y: at.y + 4 };
  let bestCost = Infinity;
  for (let y = Math.floor(at.y - size.height - 320); y <= at.y + 320; y += 8) {
    for (let x = Math.floor(at.x - size.width - 320); x <= at.x + 320; x += 8) {
      const c = { x, y, ...size };
      let cost = Math.hypot(Math.max(c.x - at.x, 0, at.x - (c.x + c.width)), Math.max(c.y - at.y, 0, at.y - (c.y + c.height)));
      if (!(x >= 0 && y >= 0 && x + size.width <= g.width && y + size.height <= g.height)) cost += 5000;
      if (overlaps(c, dot)) cost += 10_000;
      if (near) {
        const w = Math.max(c.x + c.width, near.x + near.width) - Math.min(c.x, near.x);
        const h = Math.max(c.y + c.height, near.y + near.height) - Math.min(c.y, near.y);
        if (!(w <= 370 && h <= 360)) cost += 6000;
      }
      for (const r of text) if (overlaps(c, r)) cost += 10_000;
      for (const b of boxes) if (overlaps(c, b)) cost += 40;
      if (cost < bestCost) [best, bestCost] = [{ x, y }, cost];
    }
  }
  return best;
}

const geometries = new Map<string, Geometry>();
const scenes = ['clusterip-dnat.yaml', 'dns-external.yaml', 'calico-bgp.yaml'];

beforeAll(async () => {
  for (const f of scenes) {
    const built = await buildScene(readFileSync(`scenes/${f}`, 'utf8'), f);
    if (!built.ok) throw new Error(`${f} does not build`);
    geometries.set(f, built.geometry);
  }
}, 60_000);

describe('placeCard', () => {
  it.each(scenes)('%s: picks the spot the plain search picks, at every box and at points off the grid', (f) => {
    const g = geometries.get(f)!;
    // A fixed pseudo-random sequence, so a failure can be replayed.
    let seed = 7;
    const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let checked = 0;
    for (const b of g.boxes) {
      const at = { x: b.x + rand() * b.width, y: b.y + rand() * b.height };
      const size = { width: 120 + Math.round(rand() * 200) + rand(), height: 40 + Math.round(rand() * 180) + 0.5 };
      const near = rand() < 0.5 ? b : undefined;
      expect(placeCard(g, at, size, near), `${b.id} at ${at.x},${at.y}`).toEqual(plainSearch(g, at, size, near));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a card wider than the whole search reach, or at the picture edge, still matches', () => {
    const g = geometries.get('clusterip-dnat.yaml')!;
    for (const at of [{ x: 0, y: 0 }, { x: g.width, y: g.height }, { x: -50, y: g.height / 2 }]) {
      const size = { width: 700, height: 90 };
      expect(placeCard(g, at, size)).toEqual(plainSearch(g, at, size));
    }
  });

  it('counts, spot by spot, exactly the rects a card there overlaps: rects on the grid lines, touching, empty, negative, NaN', () => {
    const rects: Rect[] = [
      { x: 0, y: 0, width: 8, height: 8 },
      { x: 16, y: 16, width: 0.0000001, height: 40 },
      { x: 40, y: 8, width: 8, height: 8 },
      { x: 48, y: 48, width: 0, height: 10 },
      { x: 48, y: 48, width: 10, height: -1 },
      { x: 48, y: 48, width: NaN, height: 10 },
      { x: -100, y: -100, width: 1000, height: 1000 },
      { x: 1e9, y: 0, width: 5, height: 5 },
      { x: 24.5, y: 31.999999999999996, width: 7.5, height: 0.5 },
    ];
    const points = [{ x: 48.99999999999996, y: 20 }, { x: 0, y: 0 }, { x: 17.25, y: 3.75 }, { x: 64, y: 64 }];
    for (const at of points) {
      for (const size of [{ width: 103, height: 24 }, { width: 16, height: 8 }, { width: 0, height: 8 }, { width: 7.999999999999999, height: 40 }]) {
        const grid = searchGrid(at, size.width, size.height);
        // The grid is the plain search's: its columns and rows as that loop visits them.
        let nx = 0;
        for (let x = Math.floor(at.x - size.width - 320); x <= at.x + 320; x += 8) nx++;
        let ny = 0;
        for (let y = Math.floor(at.y - size.height - 320); y <= at.y + 320; y += 8) ny++;
        expect([grid.nx, grid.ny]).toEqual([nx, ny]);
        // Both counts at once: every rect as a light one, and all but the first as heavy ones too.
        const heavy = rects.slice(1);
        const counts = coverCounts(grid, rects, heavy);
        for (let j = 0; j < ny; j++) {
          for (let i = 0; i < nx; i++) {
            const c = { x: grid.x0 + 8 * i, y: grid.y0 + 8 * j, ...size };
            const count = counts[j * nx + i]!;
            const where = `${JSON.stringify(at)} ${JSON.stringify(size)} spot ${c.x},${c.y}`;
            expect(count & ((1 << HEAVY_SHIFT) - 1), where).toBe(rects.filter((r) => overlaps(c, r)).length);
            expect(count >>> HEAVY_SHIFT, where).toBe(heavy.filter((r) => overlaps(c, r)).length);
          }
        }
      }
    }
  });

  it('with more boxes than the packed count holds (a hand-made bundle), counts them apart and still chooses as the plain search', () => {
    const at = { x: 1500, y: 1500 };
    const size = { width: 160, height: 90 };
    // Right of the packet, a clear patch under a pile of 4096 boxes: counted in one integer
    // with the texts, the pile would read as a single text there, and win.
    const patch = { x: at.x + 24, y: at.y - 150, width: 400, height: 300 };
    const pile = Array.from({ length: 4096 }, (_, i) => ({
      // Tables, whose (empty) titles sit at their top: 2000 units up, out of the search's reach.
      id: `pile/${i}`, kind: 'table', x: patch.x, y: patch.y - 2000, width: patch.width, height: patch.height + 2000, label: [], rows: [],
    }));
    // Everywhere else in reach, text twice over: a leaf box's label, centred, as large as the box.
    const far = 1000;
    const textOf = (label: string[]): Rect => textRects({ id: 't', kind: 'device', x: 0, y: 0, width: 0, height: 0, label })[0]!;
    const unit = textOf(['x']);
    // A label whose text fills r, give or take a character, as a zero-size box centred in r.
    const wall = (id: string, r: Rect) => {
      const label = Array.from({ length: Math.floor(r.height / unit.height) }, () => 'x'.repeat(Math.floor(r.width / unit.width)));
      const t = textOf(label);
      return { id, kind: 'device', x: r.x + r.width / 2, y: r.y + r.height / 2, width: 0, height: 0, label, text: t };
    };
    const walls = [
      { x: at.x - far, y: at.y - far, width: patch.x - 6 - (at.x - far), height: 2 * far },
      { x: patch.x + patch.width + 6, y: at.y - far, width: far, height: 2 * far },
      { x: patch.x - 6, y: patch.y + patch.height + 6, width: patch.width + 12, height: far },
    ].flatMap((r, k) => [wall(`wall/${k}a`, r), wall(`wall/${k}b`, r)]);
    // The walls' texts stay off the patch (with the 4 units of room the search keeps).
    for (const w of walls) expect(overlaps({ x: w.x + w.text.x - 4, y: w.y + w.text.y - 4, width: w.text.width + 8, height: w.text.height + 8 }, patch)).toBe(false);
    const g: Geometry = { width: 3000, height: 3000, boxes: [...walls, ...pile], edges: [] } as unknown as Geometry;
    const chosen = placeCard(g, at, size);
    expect(chosen).toEqual(plainSearch(g, at, size));
    // Two texts cost less than 4096 boxes: the card is not on the pile.
    expect(overlaps({ ...chosen, ...size }, patch)).toBe(false);
  });

  it('a packet at a coordinate that rounds at the reach chooses as the plain search', () => {
    const g = geometries.get('dns-external.yaml')!;
    const at = { x: 48.99999999999996, y: 120.00000000000003 };
    for (const size of [{ width: 103, height: 60 }, { width: 211, height: 133 }]) expect(placeCard(g, at, size)).toEqual(plainSearch(g, at, size));
  });
});
