// A Service box no link touches stands under the nodes, at their bottom
// right, where the drawing then reads larger on the stage with the packet
// card's room, and keeps its own column where it would not (loose.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontWith } from '../../src/layout/fit.ts';
import { layoutScene } from '../../src/layout/layout.ts';
import type { Box, Geometry } from '../../src/layout/types.ts';
import { checkScene } from '../../src/pipeline.ts';
import { cardReach } from '../../src/timeline/card-room.ts';
import { macNames } from '../../src/timeline/card-names.ts';

async function laidOut(f: string) {
  const checked = checkScene(readFileSync(`scenes/${f}`, 'utf8'), f);
  if (!checked.ok) throw new Error(`${f} does not check`);
  const names = macNames(checked.scene);
  const room = (g: Geometry) => cardReach(g, checked.steps, names);
  const g = await layoutScene(checked.scene, room);
  const box = (id: string): Box => g.boxes.find((b) => b.id === id)!;
  return { g, box, room };
}

describe('a Service box no link touches', () => {
  it('stands under the nodes of headless-service, at their bottom right, and the drawing reads larger for it', async () => {
    const { g, box, room } = await laidOut('headless-service.yaml');
    const [svc, node2] = [box('db'), box('node2')];
    expect(svc.y).toBeGreaterThan(node2.y + node2.height);
    expect(svc.x + svc.width).toBeCloseTo(node2.x + node2.width, 1);
    // Nothing stands right of the nodes any more.
    expect(Math.max(...g.boxes.map((b) => b.x + b.width))).toBeCloseTo(node2.x + node2.width, 1);
    // With the box in its column the drawing reads 8.91 px on the stage (2026-12-07), under the nodes 10.53.
    expect(fontWith(g, room(g))).toBeGreaterThan(10.2);
  });

  it.each(['coredns-down.yaml', 'service-no-endpoints.yaml'])('keeps its column in %s, whose drawing is bound by its height', async (f) => {
    const { g, box } = await laidOut(f);
    const svc = g.boxes.find((b) => b.kind === 'service')!;
    const nodes = g.boxes.filter((b) => b.kind === 'node');
    expect(svc.x).toBeGreaterThan(Math.max(...nodes.map((n) => n.x + n.width)));
    expect(svc.y).toBeLessThan(box(nodes[0]!.id).y + box(nodes[0]!.id).height);
  });
});
