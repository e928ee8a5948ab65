// @vitest-environment jsdom
// The real gsap timeline driving a (fake) rendered SVG: what the DOM shows at
// step k must not depend on how the playhead got there.
import { describe, expect, it } from 'vitest';
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Geometry } from '../../src/layout/types.ts';
import { step, triangle } from './timeline-fixtures.ts';
import { rowId } from '../../src/derive/row-id.ts';
import { keepDrawn, type Drawn } from '../../src/render/drawn.ts';
import { applyFrame, drawPackets, frameAt, buildTimeline, timelineLabel, HOP_SECONDS, IN_PLACE_SECONDS } from '../../src/timeline/index.ts';
import { searchCards } from '../../src/timeline/card-room.ts';

const steps: DerivedStep[] = [
  step(0, 'arp', 'A', 'A', undefined, [{ table: 'n/fdb', row: 'a' }]),
  step(1, 'arp', 'A', 'B', 'l1'),
  step(2, 'arp', 'B', 'C', 'l2', [{ table: 'n/fdb', row: 'b' }]),
  step(3, 'ping', 'C', 'C'),
  step(4, 'ping', 'C', 'B', 'l2'),
  step(5, 'ping', 'B', 'A', 'l1', [{ table: 'n/fdb', row: 'a' }, { table: 'n/fdb', row: 'b' }]),
];

// The card places, kept with the geometry as a build keeps them: the timeline reads them, it does not search.
const geometry: Geometry = { ...triangle, cards: searchCards(triangle, steps) };

const SVG = 'http://www.w3.org/2000/svg';

/**
 * What render hands the timeline, by hand: rows kept under their one id (a
 * row id repeated in another table), an empty packet layer. The data
 * attributes are only for the snapshot: the timeline finds rows by id.
 */
function fakeRendered(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const drawn: Drawn = { boxes: new Map(), rows: new Map(), empty: new Map(), edges: new Map() };
  for (const [table, row] of [['n/fdb', 'a'], ['n/fdb', 'b'], ['other', 'a']] as const) {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'kh-row');
    g.setAttribute('data-table', table);
    g.setAttribute('data-row', row);
    svg.appendChild(g);
    drawn.rows.set(rowId(table, row), { g, table, versions: [] });
  }
  keepDrawn(svg, drawn);
  const packets = document.createElementNS(SVG, 'g');
  packets.setAttribute('class', 'kh-packets');
  svg.appendChild(packets);
  return svg;
}

/** Everything the timeline controls in the picture. */
function snapshot(svg: SVGSVGElement): string {
  const packets = [...svg.querySelectorAll('g.kh-packet')].map((g) =>
    [g.getAttribute('data-packet'), g.getAttribute('visibility'),
      g.getAttribute('visibility') === 'visible' ? g.getAttribute('transform') : '-'].join(' '));
  const rows = [...svg.querySelectorAll('g.kh-row.kh-highlight')].map((g) => `${g.getAttribute('data-table')}|${g.getAttribute('data-row')}`);
  return JSON.stringify({ packets, rows, step: svg.getAttribute('data-step') });
}

describe('buildTimeline', () => {
  it('draws one labelled marker per packet into the packet layer', () => {
    const svg = fakeRendered();
    buildTimeline(svg, steps, geometry);
    const marks = [...svg.querySelectorAll('g.kh-packets > g.kh-packet')];
    expect(marks.map((g) => g.getAttribute('data-packet'))).toEqual(['arp', 'ping']);
    // The packet shown carries its card (text) and is named by it; the one not yet sent has neither.
    expect(marks.map((g) => g.getAttribute('visibility'))).toEqual(['visible', 'hidden']);
    expect(marks[0]!.querySelector('title')?.textContent).toMatch(/^Packet arp: /);
    expect(marks[0]!.getAttribute('aria-label')).toBe(marks[0]!.querySelector('title')?.textContent);
    expect(marks[0]!.querySelectorAll('g.kh-packet-card text').length).toBeGreaterThan(0);
    expect(marks[1]!.querySelector('title')?.textContent).toBe('packet ping');
    expect(marks[1]!.querySelectorAll('text').length).toBe(0);
    // Rebuilding (a new scene, hot reload) replaces rather than duplicates.
    buildTimeline(svg, steps, geometry);
    expect(svg.querySelectorAll('g.kh-packet')).toHaveLength(2);
  });

  it('labels every step and spends a hop or an in-place duration on each', () => {
    const tl = buildTimeline(fakeRendered(), steps, geometry);
    const times = steps.map((_, k) => tl.labels[timelineLabel(k)]);
    expect(times[0]).toBe(0);
    const gaps = times.slice(1).map((t, i) => +(t! - times[i]!).toFixed(6));
    expect(gaps).toEqual([HOP_SECONDS, HOP_SECONDS, IN_PLACE_SECONDS, HOP_SECONDS, HOP_SECONDS]);
    expect(tl.paused()).toBe(true);
  });

  it('shows step 0 as soon as it is built', () => {
    const svg = fakeRendered();
    buildTimeline(svg, steps, geometry);
    const fresh = fakeRendered();
    drawPackets(fresh, steps);
    applyFrame(fresh, frameAt(0, steps, geometry));
    expect(snapshot(svg)).toBe(snapshot(fresh));
    expect(snapshot(svg)).toContain('n/fdb|a');
  });

  it('seeking to step k from any step j shows what playing to k shows', () => {
    const svg = fakeRendered();
    const tl = buildTimeline(svg, steps, geometry);
    const played: string[] = [];
    for (let k = 0; k < steps.length; k++) {
      // Play: from the start, in 60 Hz ticks, landing exactly on the label.
      tl.seek(0, false);
      const end = tl.labels[timelineLabel(k)]!;
      for (let t = 0; t < end; t += 1 / 60) tl.time(t);
      tl.time(end);
      played.push(snapshot(svg));
    }
    for (let k = 0; k < steps.length; k++) {
      const fresh = fakeRendered();
      drawPackets(fresh, steps);
      applyFrame(fresh, frameAt(k, steps, geometry));
      expect(played[k]).toBe(snapshot(fresh));
      for (let j = 0; j < steps.length; j++) {
        tl.seek(timelineLabel(j), false);
        tl.time(tl.labels[timelineLabel(j)]! + 0.37); // and from mid-hop
        tl.seek(timelineLabel(k), false);
        expect(snapshot(svg), `seek ${j} → ${k}`).toBe(played[k]);
      }
    }
  });

  it('moves the packet along the hop between labels and highlights the rows a step names (and no same-named row of another table)', () => {
    const svg = fakeRendered();
    const tl = buildTimeline(svg, steps, geometry);
    tl.time(tl.labels['step-1']! + HOP_SECONDS / 2, false);
    const arp = svg.querySelector('g.kh-packet[data-packet="arp"]')!;
    expect(arp.getAttribute('transform')).toBe('translate(100,50)');
    expect(svg.querySelector('g.kh-packet[data-packet="ping"]')!.getAttribute('visibility')).toBe('hidden');
    tl.seek('step-5', false);
    const lit = [...svg.querySelectorAll('g.kh-row.kh-highlight')].map((g) => g.getAttribute('data-row'));
    expect(lit).toEqual(['a', 'b']);
  });
});
