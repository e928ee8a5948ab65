// What the element says instead of a diagram: "Loading…", or why the scene
// could not be shown, in words a blogger can act on (which file, what the
// server said, which line of the scene is wrong). Inside the element, so the
// post shows the problem where the diagram should be, not only in a console.

/** How long "Loading…" waits before showing: a fast load should not flash it. */
export const LOADING_NOTICE_MS = 400;

export interface StatusView {
  root: HTMLElement;
  loading(): void;
  /** "Loading…" in LOADING_NOTICE_MS, if `still()` says so then; error() or clear() before that call it off. */
  loadingSoon(still: () => boolean): void;
  error(message: string, details: string[]): void;
  clear(): void;
}

export function createStatus(): StatusView {
  const root = document.createElement('div');
  root.className = 'status';
  root.setAttribute('part', 'status');
  let soon: ReturnType<typeof setTimeout> | undefined;
  const callOff = (): void => {
    if (soon !== undefined) clearTimeout(soon);
    soon = undefined;
  };
  const view: StatusView = {
    root,
    loading() {
      root.removeAttribute('role');
      root.replaceChildren(Object.assign(document.createElement('p'), { className: 'headline', textContent: 'Loading the diagram…' }));
    },
    loadingSoon(still) {
      callOff();
      soon = setTimeout(() => {
        soon = undefined;
        if (still()) view.loading();
      }, LOADING_NOTICE_MS);
    },
    error(message, details) {
      callOff();
      root.setAttribute('role', 'alert');
      const head = Object.assign(document.createElement('p'), { className: 'headline', textContent: `This diagram could not be shown. ${message}` });
      const list = document.createElement('ul');
      for (const d of details) list.append(Object.assign(document.createElement('li'), { textContent: d }));
      root.replaceChildren(head, ...(details.length ? [list] : []));
    },
    clear() {
      callOff();
      root.removeAttribute('role');
      root.replaceChildren();
    },
  };
  return view;
}
