// Viewer preferences kept between visits. Storage can be missing or refuse
// (private windows, sandboxed iframes of an embed): then nothing is kept.

const INSPECTOR_KEY = 'kubehop.inspector';

/** Whether the packet inspector is open; open unless the viewer closed it. */
export function loadInspectorOpen(): boolean {
  try {
    return localStorage.getItem(INSPECTOR_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function saveInspectorOpen(open: boolean): void {
  try {
    localStorage.setItem(INSPECTOR_KEY, open ? 'open' : 'closed');
  } catch {
    // Not kept: the choice still holds for this page.
  }
}
