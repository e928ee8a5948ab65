import { describe, expect, it } from 'vitest';
import { parseFlag, parseSpeed, parseStep, parseTheme, resolveStep, SPEED } from '../../src/embed/attributes.ts';
import { resolveTheme, themeClass } from '../../src/embed/theme.ts';

describe('embed attributes', () => {
  it('flags: present means on, except the spellings of "no"', () => {
    expect(parseFlag(null)).toBe(false);
    for (const on of ['', 'autoplay', 'true', 'yes', '1', 'on', 'TRUE']) expect(parseFlag(on), on).toBe(true);
    for (const off of ['false', 'FALSE', ' off ', 'no', '0']) expect(parseFlag(off), off).toBe(false);
  });

  it('step is 1-based, accepts step-k and last, and ignores junk', () => {
    expect(parseStep(null)).toBeUndefined();
    expect(parseStep('1')).toEqual({ index: 0 });
    expect(parseStep(' 4 ')).toEqual({ index: 3 });
    expect(parseStep('step-4')).toEqual({ index: 3 });
    expect(parseStep('0')).toEqual({ index: 0 });
    expect(parseStep('last')).toEqual({ last: true });
    for (const junk of ['', 'abc', '-2', '2.5', '1e3', 'NaN']) expect(parseStep(junk), junk).toBeUndefined();
  });

  it('resolves a step against the scene length, clamped', () => {
    expect(resolveStep(undefined, 10)).toBe(0);
    expect(resolveStep({ index: 3 }, 10)).toBe(3);
    expect(resolveStep({ index: 99 }, 10)).toBe(9);
    expect(resolveStep({ last: true }, 10)).toBe(9);
    expect(resolveStep({ last: true }, 0)).toBe(0);
  });

  it('theme: light, dark, projector, and auto for anything else', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme(' Light ')).toBe('light');
    expect(parseTheme('projector')).toBe('projector');
    expect(parseTheme(null)).toBe('auto');
    expect(parseTheme('auto')).toBe('auto');
    expect(parseTheme('solarized')).toBe('auto');
  });

  it('auto follows the system; the renderer switches on a class', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(themeClass('light')).toBeUndefined();
    expect(themeClass('dark')).toBe('kh-theme-dark');
  });

  it('speed: a positive rate, clamped; junk plays at 1', () => {
    expect(parseSpeed(null)).toBe(1);
    expect(parseSpeed('2')).toBe(2);
    expect(parseSpeed('1.5x')).toBe(1.5);
    expect(parseSpeed('100')).toBe(SPEED.max);
    expect(parseSpeed('0.01')).toBe(SPEED.min);
    for (const junk of ['', '0', '-1', 'fast', 'Infinity']) expect(parseSpeed(junk), junk).toBe(1);
  });
});
