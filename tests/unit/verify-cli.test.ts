import { describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/cli/verify.ts';
import { hostProblems, type Host } from '../../src/verify/host.ts';

const linuxRoot: Host = { platform: 'linux', uid: 0, has: () => true };

async function cli(args: string[], host: Host = linuxRoot) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, host);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubehop verify: command line', () => {
  it('exits 2 with the usage for no file or an unknown option, 0 for --help', async () => {
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringContaining('verify needs at least one scene file') });
    expect(await cli(['--fast', 'scenes/same-node-bridge.yaml'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--fast'") });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: kubehop verify <scene\.yaml>\.\.\. \[--json\] \[--keep\]/);
  });

  it('exits 2 and says why on a machine that cannot run it, naming the Debian packages', async () => {
    expect(await cli(['scenes/same-node-bridge.yaml'], { platform: 'darwin', uid: 501, has: () => true })).toMatchObject({
      code: 2,
      err: 'kubehop verify: verify builds the scene in Linux network namespaces; this is darwin',
    });
    const r = await cli(['scenes/same-node-bridge.yaml'], { platform: 'linux', uid: 1000, has: (p) => p !== 'tcpdump' && p !== 'ping' });
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([
      'kubehop verify: verify must run as root (it creates network namespaces): try sudo',
      'kubehop verify: missing tcpdump, ping: apt-get install tcpdump iputils-ping',
    ]);
  });

  it('names iproute2 once for ip and bridge', () => {
    expect(hostProblems({ platform: 'linux', uid: 0, has: (p) => p !== 'ip' && p !== 'bridge' })).toEqual(['missing ip, bridge: apt-get install iproute2']);
    expect(hostProblems(linuxRoot)).toEqual([]);
  });

  it('reports a scene with errors as file:line:col and exits 1, before building anything', async () => {
    const r = await cli(['tests/fixtures/broken/unknown-key.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^tests\/fixtures\/broken\/unknown-key\.yaml:\d+:\d+: /);
    expect(await cli(['no/such.yaml'])).toMatchObject({ code: 1, err: 'no/such.yaml: cannot read the file (ENOENT)' });
  });

  it('a scene it cannot reproduce at all is reported step by step as not verified (nothing is built)', async () => {
    const r = await cli(['scenes/dns-namespaces.yaml']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^scenes\/dns-namespaces\.yaml: dns-namespaces on Linux \S+: 0 of 19 steps ✓, 19 not verified$/);
    expect(lines.slice(1, 20).every((l) => l.includes('– not verified: ') && l.includes('a shortcut stands for hops the scene does not draw'))).toBe(true);
  });
});
