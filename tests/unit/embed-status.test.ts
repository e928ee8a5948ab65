// @vitest-environment jsdom
// The element's status line (src/embed/status.ts): "Loading…" only for a
// load slow enough to notice, only if still wanted then, and never after the
// load has ended in a picture or an error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStatus, LOADING_NOTICE_MS } from '../../src/embed/status.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the loading notice', () => {
  it('shows after LOADING_NOTICE_MS, not before', () => {
    const status = createStatus();
    status.loadingSoon(() => true);
    vi.advanceTimersByTime(LOADING_NOTICE_MS - 1);
    expect(status.root.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(status.root.textContent).toBe('Loading the diagram…');
  });

  it('stays away when no longer wanted then (a still stands in, or the load ended)', () => {
    const status = createStatus();
    status.loadingSoon(() => false);
    vi.advanceTimersByTime(LOADING_NOTICE_MS);
    expect(status.root.textContent).toBe('');
  });

  it('is called off by a picture (clear) or an error before it shows', () => {
    const status = createStatus();
    status.loadingSoon(() => true);
    status.clear();
    vi.advanceTimersByTime(LOADING_NOTICE_MS);
    expect(status.root.textContent).toBe('');
    status.loadingSoon(() => true);
    status.error('Could not read a.json: 404', []);
    vi.advanceTimersByTime(LOADING_NOTICE_MS);
    expect(status.root.textContent).toBe('This diagram could not be shown. Could not read a.json: 404');
    expect(status.root.getAttribute('role')).toBe('alert');
  });
});
