// Can this machine run verify? Linux, root, and the Debian packages whose
// programs the run executes — said in words a user can act on.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Program → the Debian package that provides it. */
export const TOOLS: Record<string, string> = {
  ip: 'iproute2',
  bridge: 'iproute2',
  tcpdump: 'tcpdump',
  ping: 'iputils-ping',
  iptables: 'iptables',
  conntrack: 'conntrack',
  getent: 'libc-bin',
};

export interface Host {
  platform: string;
  uid: number | undefined;
  /** Finds a program on PATH (and the sbin folders root's PATH may lack). */
  has: (program: string) => boolean;
}

export function thisHost(): Host {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'].filter(Boolean);
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    has: (p) => dirs.some((d) => {
      try {
        accessSync(join(d, p), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  };
}

/** Every reason verify cannot run here; empty when it can. */
export function hostProblems(host: Host): string[] {
  if (host.platform !== 'linux') return [`verify builds the scene in Linux network namespaces; this is ${host.platform}`];
  const problems: string[] = [];
  if (host.uid !== 0) problems.push('verify must run as root (it creates network namespaces): try sudo');
  const missing = Object.entries(TOOLS).filter(([p]) => !host.has(p));
  const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
  if (missing.length > 0) problems.push(`missing ${missing.map(([p]) => p).join(', ')}: apt-get install ${pkgs.join(' ')}`);
  return problems;
}
