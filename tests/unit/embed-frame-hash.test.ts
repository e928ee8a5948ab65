import { describe, expect, it } from 'vitest';
import { frameAttributes, parseFrameHash } from '../../src/embed/frame-hash.ts';
import { visibleEnough } from '../../src/embed/visibility.ts';

describe('the iframe page address', () => {
  it('reads #<scene>/<step>, #/<scene>/<step> and #<scene>/step-<k>', () => {
    expect(parseFrameHash('#cross-node-vxlan/6')).toEqual({ scene: 'cross-node-vxlan', step: 6 });
    expect(parseFrameHash('#/cross-node-vxlan/6')).toEqual({ scene: 'cross-node-vxlan', step: 6 });
    expect(parseFrameHash('#cross-node-vxlan/step-6')).toEqual({ scene: 'cross-node-vxlan', step: 6 });
    expect(parseFrameHash('#same-node-bridge')).toEqual({ scene: 'same-node-bridge' });
    expect(parseFrameHash('#/same-node-bridge/')).toEqual({ scene: 'same-node-bridge' });
    expect(parseFrameHash('#x/0')).toEqual({ scene: 'x', step: 1 });
  });

  it('reads last as the final step, in every form', () => {
    expect(parseFrameHash('#cross-node-vxlan/last')).toEqual({ scene: 'cross-node-vxlan', step: 'last' });
    expect(parseFrameHash('#/cross-node-vxlan/last/')).toEqual({ scene: 'cross-node-vxlan', step: 'last' });
    expect(parseFrameHash('#cross-node-vxlan/Last')).toEqual({ scene: 'cross-node-vxlan', step: 'last' });
    expect(parseFrameHash('#cross-node-vxlan/lastly')).toBeUndefined();
  });

  it('refuses what could leave the scenes folder, and junk', () => {
    for (const bad of ['', '#', '#../secret', '#a/b/c', '#%2e%2e%2fx', '#a.json', '#a/x', '#%E0%A4%A']) {
      expect(parseFrameHash(bad), bad).toBeUndefined();
    }
  });

  it('passes its query on as attributes, controls on unless asked off', () => {
    expect(frameAttributes('')).toEqual({ controls: '' });
    expect(frameAttributes('?theme=dark&autoplay&loop&speed=2&bogus=1')).toEqual({ controls: '', theme: 'dark', autoplay: '', loop: '', speed: '2' });
    expect(frameAttributes('?controls=0')).toEqual({ controls: '0' });
  });
});

describe('visible enough to play', () => {
  const seen = (ratio: number, h: number, root = 800) => ({ isIntersecting: ratio > 0, intersectionRatio: ratio, intersectionHeight: h, rootHeight: root });
  it('needs about a third of the element on screen', () => {
    expect(visibleEnough(seen(0, 0))).toBe(false);
    expect(visibleEnough(seen(0.1, 40))).toBe(false);
    expect(visibleEnough(seen(0.3, 120))).toBe(true);
  });
  it('or half the viewport, for an element taller than the viewport', () => {
    expect(visibleEnough(seen(0.2, 500))).toBe(true);
    expect(visibleEnough(seen(0.2, 300))).toBe(false);
    expect(visibleEnough(seen(0.2, 500, 0))).toBe(false);
  });
});
