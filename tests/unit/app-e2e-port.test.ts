// The browser tests' server port (playwright.config.ts): from KUBEHOP_E2E_PORT,
// so two checkouts can run `npx playwright test` at once.
import { describe, expect, it, vi } from 'vitest';
import { e2ePort } from '../../playwright.config.ts';

describe('e2ePort', () => {
  it('defaults to 4173', () => {
    expect(e2ePort({})).toBe(4173);
    expect(e2ePort({ KUBEHOP_E2E_PORT: '' })).toBe(4173);
  });

  it('takes KUBEHOP_E2E_PORT', () => {
    expect(e2ePort({ KUBEHOP_E2E_PORT: '4391' })).toBe(4391);
    expect(e2ePort({ KUBEHOP_E2E_PORT: ' 5000 ' })).toBe(5000);
  });

  it('refuses what is not a port, rather than testing against the wrong server', () => {
    for (const bad of ['http', '0', '65536', '4173.5', '-1']) {
      expect(() => e2ePort({ KUBEHOP_E2E_PORT: bad }), bad).toThrow(/KUBEHOP_E2E_PORT/);
    }
  });
});

describe('the Playwright config', () => {
  it('points the browser and the server at that port', async () => {
    const before = process.env.KUBEHOP_E2E_PORT;
    process.env.KUBEHOP_E2E_PORT = '4999';
    try {
      vi.resetModules(); // read the config afresh, with the port set
      const { default: config } = await import('../../playwright.config.ts');
      expect(config.use?.baseURL).toBe('http://127.0.0.1:4999');
      const server = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
      expect(server?.url).toBe('http://127.0.0.1:4999');
      expect(server?.command).toContain('--port 4999 --strictPort');
    } finally {
      if (before === undefined) delete process.env.KUBEHOP_E2E_PORT;
      else process.env.KUBEHOP_E2E_PORT = before;
    }
  });
});
