import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeFrame, DecodeError } from '../../src/verify/decode.ts';
import { readPcap, writePcap } from '../../src/verify/pcap.ts';

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const macHex = (m: string) => m.replace(/:/g, '');
const ipHex = (ip: string) => ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join('');

const eth = (dst: string, src: string, type: string) => `${macHex(dst)}${macHex(src)}${type}`;
/** An IPv4 header without options (checksum left 0: the decoder does not check it, nor does the matcher need it). */
const ip = (src: string, dst: string, ttl: number, proto: number, payloadLen: number) =>
  `45 00 ${(20 + payloadLen).toString(16).padStart(4, '0')} 1234 4000 ${ttl.toString(16).padStart(2, '0')}${proto.toString(16).padStart(2, '0')} 0000 ${ipHex(src)} ${ipHex(dst)}`;

describe('verify decode', () => {
  it('reads an ARP request as the scene writes it', () => {
    const arp = `0001 0800 06 04 0001 ${macHex('0a:58:0a:f4:01:02')} ${ipHex('10.244.1.2')} 000000000000 ${ipHex('10.244.1.3')}`;
    expect(decodeFrame(hex(eth('ff:ff:ff:ff:ff:ff', '0a:58:0a:f4:01:02', '0806') + arp))).toEqual([
      { layer: 'eth', src: '0a:58:0a:f4:01:02', dst: 'ff:ff:ff:ff:ff:ff' },
      { layer: 'arp', op: 'request', senderMac: '0a:58:0a:f4:01:02', senderIp: '10.244.1.2', targetMac: '00:00:00:00:00:00', targetIp: '10.244.1.3' },
    ]);
  });

  it('reads IPv4 with its TTL, an echo reply, and an ICMP error’s code', () => {
    const echo = hex(eth('0a:58:0a:f4:01:02', '0a:58:0a:f4:01:01', '0800') + ip('10.244.2.5', '10.244.1.2', 62, 1, 8) + '0000 0000 0001 0001');
    expect(decodeFrame(echo).slice(1)).toEqual([{ layer: 'ipv4', src: '10.244.2.5', dst: '10.244.1.2', ttl: 62 }, { layer: 'icmp', type: 'echo-reply' }]);
    const unreach = hex(eth('0a:58:0a:f4:01:02', '0a:58:0a:f4:01:01', '0800') + ip('10.244.1.1', '10.244.1.2', 64, 1, 8) + '0303 0000 00000000');
    expect(decodeFrame(unreach)[2]).toEqual({ layer: 'icmp', type: 'destination-unreachable', code: 'port-unreachable' });
  });

  it('reads TCP ports and flags in the scenes’ order, and UDP ports', () => {
    const synAck = hex(eth('02:00:00:00:00:01', '02:00:00:00:00:02', '0800') + ip('10.244.2.5', '10.244.1.2', 63, 6, 20) + '1f90 9d78 00000000 00000000 5012 ffff 0000 0000');
    expect(decodeFrame(synAck)[2]).toEqual({ layer: 'tcp', sport: 8080, dport: 40312, flags: 'SYN,ACK' });
    const pshAck = hex(eth('02:00:00:00:00:01', '02:00:00:00:00:02', '0800') + ip('192.168.1.10', '192.168.1.11', 64, 6, 20) + 'b09c 00b3 00000000 00000000 5018 ffff 0000 0000');
    expect(decodeFrame(pshAck)[2]).toMatchObject({ sport: 45212, dport: 179, flags: 'PSH,ACK' });
    const dns = hex(eth('02:00:00:00:00:01', '02:00:00:00:00:02', '0800') + ip('10.244.1.2', '10.96.0.10', 64, 17, 8) + 'a7f9 0035 0008 0000');
    expect(decodeFrame(dns)[2]).toEqual({ layer: 'udp', sport: 43001, dport: 53 });
  });

  it('unwraps VXLAN only on the scene’s ports', () => {
    const inner = eth('0e:8a:02:02:02:02', '0e:8a:01:01:01:01', '0800') + ip('10.244.1.2', '10.244.2.5', 63, 1, 8) + '0800 0000 0001 0001';
    const innerLen = inner.replace(/\s+/g, '').length / 2;
    const frame = hex(eth('52:54:00:00:01:11', '52:54:00:00:01:10', '0800') + ip('192.168.1.10', '192.168.1.11', 64, 17, 16 + innerLen) + `d0bd 2118 ${(16 + innerLen).toString(16).padStart(4, '0')} 0000` + '08000000 00000100' + inner);
    const layers = decodeFrame(frame, [8472]);
    expect(layers.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'udp', 'vxlan', 'eth', 'ipv4', 'icmp']);
    expect(layers[2]).toEqual({ layer: 'udp', sport: 53437, dport: 8472 });
    expect(layers[3]).toEqual({ layer: 'vxlan', vni: 1 });
    expect(layers[5]).toEqual({ layer: 'ipv4', src: '10.244.1.2', dst: '10.244.2.5', ttl: 63 });
    expect(decodeFrame(frame, [4789]).map((h) => h.layer)).toEqual(['eth', 'ipv4', 'udp']);
  });

  it('skips an 802.1Q tag, and refuses a frame cut short', () => {
    const tagged = hex(macHex('ff:ff:ff:ff:ff:ff') + macHex('02:00:00:00:00:02') + '8100 0064 0806' + `0001 0800 06 04 0002 ${macHex('02:00:00:00:00:02')} ${ipHex('10.0.0.2')} ${macHex('02:00:00:00:00:01')} ${ipHex('10.0.0.1')}`);
    expect(decodeFrame(tagged)[1]).toMatchObject({ layer: 'arp', op: 'reply', senderIp: '10.0.0.2' });
    expect(() => decodeFrame(hex('ffffffffffff 020000000002 0800 4500'))).toThrow(DecodeError);
    expect(() => decodeFrame(hex('ffffff'))).toThrow(/Ethernet header cut short/);
  });
});

describe('verify pcap', () => {
  it('round-trips frames and their microsecond times', () => {
    const frames = [{ ts: 1_796_641_072_630_822, data: hex('01020304') }, { ts: 1_796_641_072_630_999, data: hex('0506') }];
    const back = readPcap(writePcap(frames));
    expect(back.linkType).toBe(1);
    expect(back.records.map((r) => ({ ts: r.ts, data: [...r.data] }))).toEqual(frames.map((f) => ({ ts: f.ts, data: [...f.data] })));
  });

  it('reads big-endian and nanosecond files, and keeps what is whole of a file cut mid-record', () => {
    const be = hex('a1b23c4d 0002 0004 00000000 00000000 0000ffff 00000001' + '00000010 000f4240 00000002 00000002 abcd' + '00000011 00000000 00000009');
    const p = readPcap(be);
    expect(p.records).toHaveLength(1);
    expect(p.records[0]!.ts).toBe(16 * 1e6 + 1000);
    expect([...p.records[0]!.data]).toEqual([0xab, 0xcd]);
    expect(() => readPcap(hex('00112233'.repeat(6)))).toThrow(/not a pcap file/);
  });

  it('reads what tcpdump wrote on node 1’s eth0: ARP, then VXLAN-wrapped echoes with one source port', () => {
    const p = readPcap(new Uint8Array(readFileSync('tests/fixtures/verify/cross-node-vxlan/node1_eth0.pcap')));
    const decoded = p.records.map((r) => decodeFrame(r.data, [8472]));
    expect(decoded[0]![1]).toMatchObject({ layer: 'arp', op: 'request', targetIp: '192.168.1.11' });
    const vxlan = decoded.filter((d) => d[3]?.layer === 'vxlan');
    expect(vxlan).toHaveLength(4);
    expect(new Set(vxlan.map((d) => (d[2] as { sport: number }).sport)).size).toBe(1);
    expect(vxlan.map((d) => (d[6] as { type: string }).type)).toEqual(['echo-request', 'echo-reply', 'echo-request', 'echo-reply']);
  });
});
