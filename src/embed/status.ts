// What the element says instead of a diagram: "Loading…", or why the scene
// could not be shown, in words a blogger can act on (which file, what the
// server said, which line of the scene is wrong). Inside the element, so the
// post shows the problem where the diagram should be, not only in a console.

export interface StatusView {
  root: HTMLElement;
  loading(): void;
  error(message: string, details: string[]): void;
  clear(): void;
}

export function createStatus(): StatusView {
  const root = document.createElement('div');
  root.className = 'status';
  root.setAttribute('part', 'status');
  return {
    root,
    loading() {
      root.removeAttribute('role');
      root.replaceChildren(Object.assign(document.createElement('p'), { className: 'headline', textContent: 'Loading the diagram…' }));
    },
    error(message, details) {
      root.setAttribute('role', 'alert');
      const head = Object.assign(document.createElement('p'), { className: 'headline', textContent: `This diagram could not be shown. ${message}` });
      const list = document.createElement('ul');
      for (const d of details) list.append(Object.assign(document.createElement('li'), { textContent: d }));
      root.replaceChildren(head, ...(details.length ? [list] : []));
    },
    clear() {
      root.removeAttribute('role');
      root.replaceChildren();
    },
  };
}
