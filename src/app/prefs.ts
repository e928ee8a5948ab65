// Viewer preferences kept between visits. Storage can be missing or refuse
// (private windows, sandboxed iframes of an embed): then nothing is kept.

const INSPECTOR_KEY = 'kubehop.inspector';

/** Whether the packet inspector is open: as the viewer last left it, else `fallback`. */
export function loadInspectorOpen(fallback: boolean): boolean {
  try {
    const kept = localStorage.getItem(INSPECTOR_KEY);
    return kept === null ? fallback : kept === 'open';
  } catch {
    return fallback;
  }
}

export function saveInspectorOpen(open: boolean): void {
  try {
    localStorage.setItem(INSPECTOR_KEY, open ? 'open' : 'closed');
  } catch {
    // Not kept: the choice still holds for this page.
  }
}
