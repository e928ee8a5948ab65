import { describe, expect, it } from 'vitest';
import { FONT, type Box, type Geometry } from '../../src/layout/types.ts';
import {
  focusRects,
  gather,
  legibleSize,
  minTextPx,
  place,
  scaleOf,
  stepViews,
  swipeStep,
  viewAt,
  wholeIsLegible,
  type FocusStep,
  type Rect,
} from '../../src/camera/index.ts';
import { contains } from '../../src/camera/rect.ts';

const box = (id: string, kind: string, x: number, y: number, width: number, height: number, label = [id]): Box => ({
  id, kind, x, y, width, height, label,
  ...(id.includes('/') ? { parent: id.split('/')[0]! } : { container: true as const }),
});

// Two nodes side by side, 1600 units wide: a device in each, a table in node1.
const picture: Geometry = {
  width: 1600,
  height: 500,
  boxes: [
    box('node1', 'node', 10, 10, 700, 480),
    box('node1/eth0', 'device', 500, 300, 140, 48),
    box('node1/veth', 'device', 60, 300, 100, 48),
    { ...box('node1/nat', 'table', 60, 60, 300, 160), rows: [{ id: 'sep-c', text: 'KUBE-SEP: DNAT', x: 66, y: 180, width: 288, height: 20 }] },
    box('node2', 'node', 890, 10, 700, 480),
    box('node2/eth0', 'device', 940, 300, 140, 48),
    box('node2/cni0', 'device', 1400, 300, 120, 48),
  ],
  edges: [],
  anchors: {},
};

const hop = (from: string, at: string, tables: string[] = []): FocusStep => ({ from, at, highlight: tables.map((table) => ({ table })) });

const steps: FocusStep[] = [
  hop('node1/veth', 'node1/veth'),
  hop('node1/veth', 'node1/eth0', ['node1/nat']),
  hop('node1/eth0', 'node2/eth0'),
  hop('node2/eth0', 'node2/cni0'),
  hop('node2/cni0', 'node2/cni0'),
];

const phone = { width: 360, height: 300 };
const byId = (id: string): Rect => {
  const { x, y, width, height } = picture.boxes.find((b) => b.id === id)!;
  return { x, y, width, height };
};
const textPx = (view: Rect, stage: { width: number; height: number }) => scaleOf(view, stage) * FONT.size;

describe('the camera: one view per step', () => {
  it('shows the whole picture, at every step, when it is already legible there', () => {
    const big = { width: 1800, height: 600 };
    expect(wholeIsLegible(picture, big, 12)).toBe(true);
    for (const v of stepViews({ steps, geometry: picture, stage: big, minPx: 12 })) {
      expect(v).toEqual({ x: 0, y: 0, width: 1600, height: 500 });
    }
  });

  it('zooms to exactly the legible scale where the whole is too small, and keeps each destination in view', () => {
    expect(wholeIsLegible(picture, phone, 11)).toBe(false);
    const views = stepViews({ steps, geometry: picture, stage: phone, minPx: 11 });
    expect(views).toHaveLength(steps.length);
    views.forEach((v, k) => {
      expect(textPx(v, phone)).toBeCloseTo(11, 6);
      expect(contains(v, byId(steps[k]!.at)), `step ${k}`).toBe(true);
      // Inside the picture: no blank margin beyond its edges.
      expect(v.x).toBeGreaterThanOrEqual(0);
      expect(v.x + v.width).toBeLessThanOrEqual(picture.width + 1e-9);
    });
  });

  it('keeps the table a hop lights in view with the packet when both fit', () => {
    const stage = { width: 800, height: 450 };
    const [, dnat] = stepViews({ steps, geometry: picture, stage, minPx: 12 });
    expect(contains(dnat!, byId('node1/eth0'))).toBe(true);
    expect(contains(dnat!, byId('node1/nat'))).toBe(true);
  });

  it('drops what does not fit, never the destination', () => {
    const size = { width: 200, height: 120 };
    const rects = focusRects(hop('node1/veth', 'node1/eth0', ['node1/nat']), picture);
    const target = gather(rects, size)!;
    expect(contains(target, byId('node1/eth0'))).toBe(true);
    expect(contains(target, byId('node1/nat'))).toBe(false);
  });

  it('keeps extra rects (the packet card) in view, right after the destination', () => {
    const card = { x: 1100, y: 380, width: 120, height: 60 };
    const views = stepViews({ steps, geometry: picture, stage: phone, minPx: 11, extras: (k) => (k === 2 ? [card] : []) });
    expect(contains(views[2]!, card)).toBe(true);
  });

  it('stays put while the next focus is already in view, and moves when it is not', () => {
    const views = stepViews({ steps, geometry: picture, stage: { width: 700, height: 400 }, minPx: 11 });
    // Steps 3 and 4 both sit at node2/cni0: the same view, no camera move.
    expect(views[4]).toEqual(views[3]);
    // Crossing to node2 moves the camera.
    expect(views[2]).not.toEqual(views[1]);
  });

  it('focuses the extras (the packet card) first, then the destination, the lit rows, the source and the titles around', () => {
    const card = { x: 1, y: 2, width: 3, height: 4 };
    const rects = focusRects(hop('node1/veth', 'node1/eth0', ['node1/nat', 'node1/nat']), picture, [card]);
    expect(rects[0]).toEqual(card);
    expect(rects[1]).toEqual(byId('node1/eth0'));
    // A highlight without a row falls back to its table, kept once.
    expect(rects[2]).toEqual(byId('node1/nat'));
    expect(rects[3]).toEqual(byId('node1/veth'));
    expect(rects).toHaveLength(5);
    expect(rects[4]).toMatchObject({ x: 10, y: 10 });
  });

  it('keeps the lit row itself in view, not its whole table', () => {
    const rects = focusRects({ from: 'node1/veth', at: 'node1/eth0', highlight: [{ table: 'node1/nat', row: 'sep-c' }] }, picture);
    expect(rects[1]).toEqual({ x: 66, y: 180, width: 288, height: 20 });
  });

  it('on a step with no packet, keeps first what the step creates and the rows it adds, then its actor', () => {
    const withLink: Geometry = { ...picture, edges: [{ link: 'attach', kind: 'bridge-port', a: 'node2/eth0', b: 'node2/cni0', points: [{ x: 1080, y: 324 }, { x: 1400, y: 330 }] }] };
    const step: FocusStep = {
      packet: '',
      from: 'node1/veth',
      at: 'node1/veth',
      highlight: [],
      appeared: ['node2/eth0', 'attach'],
      tables: { 'node1/nat': [{ id: 'sep-c', state: 'new' }] },
    };
    const rects = focusRects(step, withLink);
    expect(rects[0]).toEqual(byId('node2/eth0'));
    // A new link: the two ends it joins (node2/eth0 is already there, kept once).
    expect(rects[1]).toEqual(byId('node2/cni0'));
    expect(rects[2]).toEqual({ x: 66, y: 180, width: 288, height: 20 });
    expect(rects[3]).toEqual(byId('node1/veth'));
    // A row the step leaves as it was is not what it did.
    const quiet = focusRects({ ...step, appeared: [], tables: { 'node1/nat': [{ id: 'sep-c', state: 'present' }] } }, withLink);
    expect(quiet[0]).toEqual(byId('node1/veth'));
    // A packet's step is about where the packet goes, whatever appeared.
    expect(focusRects({ ...step, packet: 'p', at: 'node1/eth0' }, withLink)[0]).toEqual(byId('node1/eth0'));
  });

  it('centres a view bigger than the picture, and slides one that would leave it back on', () => {
    expect(place({ x: 0, y: 0, width: 10, height: 10 }, { width: 2000, height: 100 }, picture)).toMatchObject({ x: -200, y: 0 });
    expect(place({ x: 1590, y: 490, width: 10, height: 10 }, { width: 400, height: 100 }, picture)).toMatchObject({ x: 1200, y: 400 });
  });

  it('sizes the legible view by the stage: twice the text size, half the units', () => {
    const a = legibleSize({ width: 600, height: 400 }, 13);
    expect(a).toEqual({ width: 600, height: 400 });
    expect(legibleSize({ width: 600, height: 400 }, 26)).toEqual({ width: 300, height: 200 });
  });
});

describe('the camera between steps', () => {
  const views: Rect[] = [
    { x: 0, y: 0, width: 100, height: 50 },
    { x: 200, y: 100, width: 100, height: 50 },
  ];

  it('rests on the step’s own view, and moves from the previous one with the packet', () => {
    expect(viewAt(views, 0, 1)).toEqual(views[0]);
    expect(viewAt(views, 1, 1)).toEqual(views[1]);
    expect(viewAt(views, 1, 0)).toEqual(views[0]);
    const mid = viewAt(views, 1, 0.5)!;
    expect(mid.x).toBeCloseTo(100, 6);
    expect(mid.y).toBeCloseTo(50, 6);
    // Eased like the packet: a quarter of the way in time is less than a quarter of the way.
    expect(viewAt(views, 1, 0.25)!.x).toBeLessThan(50);
  });

  it('is a function of the moment alone', () => {
    expect(viewAt(views, 1, 0.3)).toEqual(viewAt(views, 1, 0.3));
    expect(viewAt(views, 5, 1)).toBeUndefined();
  });
});

describe('swipes and text sizes', () => {
  it('takes a quick sideways move as a step, left for next', () => {
    expect(swipeStep(-120, 10, 200)).toBe('next');
    expect(swipeStep(120, -10, 200)).toBe('prev');
  });

  it('leaves vertical scrolls, short nudges and slow drags to the browser', () => {
    expect(swipeStep(-60, 80, 200)).toBeUndefined();
    expect(swipeStep(-20, 0, 100)).toBeUndefined();
    expect(swipeStep(-200, 0, 2000)).toBeUndefined();
  });

  it('asks 18 px in presenter mode, 12 px in the app, 11 px on a phone and in an embed', () => {
    expect(minTextPx('presenter', 1024)).toBe(18);
    expect(minTextPx('app', 1280)).toBe(12);
    expect(minTextPx('app', 375)).toBe(11);
    expect(minTextPx('embed', 1280)).toBe(11);
  });
});

describe('the overview key', () => {
  it('is O, in the app and in an embed', async () => {
    const { keyAction } = await import('../../src/player/keys.ts');
    const { embedKey } = await import('../../src/embed/keys.ts');
    expect(keyAction({ key: 'o' })).toBe('overview');
    expect(keyAction({ key: 'O' })).toBe('overview');
    const target = { tagName: 'KUBEHOP-SCENE' } as unknown as EventTarget;
    expect(embedKey({ key: 'o', ctrlKey: false, metaKey: false, altKey: false, composedPath: () => [target] })).toBe('overview');
  });
});

describe('the embed stage on a phone', () => {
  it('keeps the picture’s shape when wide, and is at least square when narrow', async () => {
    const { stageAspect } = await import('../../src/embed/stage-shape.ts');
    expect(stageAspect({ width: 1200, height: 700 }, 632)).toBe('1200 / 700');
    expect(stageAspect({ width: 1200, height: 700 }, 343)).toBe('1200 / 1200');
    // A picture taller than wide stays as it is.
    expect(stageAspect({ width: 500, height: 800 }, 343)).toBe('500 / 800');
  });
});
