// Every diagnostic kubehop reports, in one place: its stable code, severity,
// a short title and the sentence it says. Code that decides by a diagnostic
// compares codes, never message text, so a sentence can be reworded freely.
// A code, once given out, is never renumbered or reused (an editor, a CI
// annotation or a reader's search may hold it); a retired code stays listed.
// docs/diagnostics.md explains each one with an example that produces it,
// and a unit test keeps the two in step.
//
// Ranges, by stage:
//   KH1xxx  reading the YAML
//   KH2xxx  the document's shape (the schema)
//   KH3xxx  elements, references between them, addresses
//   KH4xxx  steps: packets, links, tables over time (KH40xx, KH41xx), the topology over time (KH42xx), authored questions (KH43xx) and what derive finds (KH45xx and up)
//   KH5xxx  limits that keep a hostile file from hanging a tab
//   KH9xxx  the tool itself (not the scene)
import type { Diagnostic } from './diagnostic.ts';
import type { SourcePos } from './model.ts';

type Severity = Diagnostic['severity'];

const def = <A extends unknown[]>(code: string, severity: Severity, title: string, text: (...args: A) => string) => ({ code, severity, title, text });
const e = <A extends unknown[]>(code: string, title: string, text: (...args: A) => string) => def(code, 'error', title, text);
const w = <A extends unknown[]>(code: string, title: string, text: (...args: A) => string) => def(code, 'warning', title, text);

/** `guess` parameters are a " (did you mean 'x'?)" suffix, or ''. */
const list = (items: readonly string[]) => items.join(', ') || '(none)';
const fix = (hint: string | undefined) => (hint ? ` — ${hint}` : '');

export const MESSAGES = {
  // KH1xxx: reading the YAML
  yamlSyntax: e('KH1001', 'Invalid YAML', (problem: string, hint?: string) => `invalid YAML: ${problem}${fix(hint)}`),
  yamlWarning: w('KH1002', 'Questionable YAML', (problem: string, hint?: string) => `questionable YAML: ${problem}${fix(hint)}`),
  yamlUnreadable: e('KH1003', 'YAML could not be read', (why: string) => `YAML could not be read: ${why}`),
  aliasNoAnchor: e('KH1004', 'Alias without an anchor', (name: string, source: string) => `YAML alias ${name} refers to no anchor: expected '&${source}' on a value before it`),
  aliasLoop: e('KH1005', 'Alias inside its own anchor', (name: string, source: string) => `YAML alias ${name} is inside the value it stands for, a loop: expected '&${source}' on a value before it, not around it`),

  // KH2xxx: the document's shape
  unknownKey: e('KH2001', 'Unknown key', (key: string, where: string, guess: string, known: readonly string[], commaInBraces: boolean) =>
    `unknown key '${key}' in ${where}${guess}; expected one of: ${known.join(', ')}${commaInBraces ? ' — inside { … } a comma ends a value: put quotes around text that contains one' : ''}`),
  rowChangeForm: e('KH2002', 'Row change written wrongly', (where: string, odd?: string, guess = '') =>
    `${where} is written { add: <table id>#<row id> }, { remove: <table id>#<row id> } or { change: <table id>#<row id>, text: … }${odd ? ` (unknown key '${odd}'${guess})` : ''}`),
  oneKeyMap: e('KH2003', 'Header or operation not a one-key map', (kind: string, names: readonly string[], keys: readonly string[]) =>
    `a ${kind} is written as a map with exactly one key (${names.slice(0, 4).join(', ')}, …), got ${keys.length === 0 ? 'none' : keys.join(', ')}`),
  unknownHeaderOrOp: e('KH2004', 'Unknown header or operation', (kind: string, key: string, guess: string, names: readonly string[]) => `unknown ${kind} '${key}'${guess}; expected one of: ${names.join(', ')}`),
  opNeedsParameters: e('KH2005', 'Operation without its parameters', (key: string) => `operation '${key}' needs parameters: write it as '${key}: …'`),
  notWrittenCorrectly: e('KH2006', 'Header or operation written wrongly', (kind: string, key: string) => `${kind} '${key}' is not written correctly`),
  unknownVariant: e('KH2007', 'Unknown kind', (where: string, got: string, guess: string, options: readonly string[]) => `unknown ${where} ${got}${guess}; expected one of: ${options.join(', ')}`),
  noAcceptedForm: e('KH2008', 'No accepted form', (where: string) => `${where} is not any of the accepted forms`),
  missingField: e('KH2009', 'Missing field', (where: string, expected: string) => `missing ${where} (expected ${expected})`),
  wrongType: e('KH2010', 'Wrong type', (where: string, expected: string, got: string) => `${where} must be ${expected}, got ${got}`),
  notAnOption: e('KH2011', 'Value not among the choices', (where: string, got: string, guess: string, options: readonly string[]) =>
    `${where} is ${got}${guess}; expected ${options.length === 1 ? JSON.stringify(options[0]) : `one of: ${options.join(', ')}`}`),
  outOfRange: e('KH2012', 'Too small, too large, too few or too many', (where: string, bound: string) => `${where} must be ${bound}`),
  schemaRule: e('KH2013', 'Value breaks a rule of the format', (where: string, rule: string) => `${where}: ${rule}`),
  idDiffersFromFile: w('KH2101', 'Scene id differs from the file name', (id: string, stem: string) =>
    `the scene id '${id}' differs from its file name '${stem}.yaml'; links to it use the file name — rename one to match`),

  // KH3xxx: elements, references, addresses
  duplicateId: e('KH3001', 'Duplicate element id', (id: string, line: number) => `duplicate id '${id}': already defined at line ${line}`),
  badIp: e('KH3002', 'Not an IPv4 address', (ip: string, service: boolean) =>
    `'ip' must be ${service ? 'a ClusterIP like 10.96.0.10, or None for a headless Service' : 'an IPv4 address like 10.244.1.2 or 10.244.1.2/24'}, got '${ip}'`),
  badMac: e('KH3003', 'Not a MAC address', (mac: string) => `'mac' must be a MAC address like 0a:58:0a:f4:01:02, got '${mac}'`),
  besideNotDevice: e('KH3004', "'beside' is not a device next to the table", (beside: string, siblings: readonly string[]) =>
    `'beside' names '${beside}', which is not a device next to this table; expected one of: ${list(siblings)}`),
  endpointNotPod: e('KH3005', 'Endpoint is not a pod', (id: string, pods: readonly string[]) => `'endpoints' names '${id}', which is not a pod; expected pods such as: ${list(pods)}`),
  notAnElement: e('KH3006', 'No such element', (what: string, id: string, guess: string) => `${what} names '${id}', which is not an element${guess}`),
  linkSameEnds: e('KH3007', 'Link from an element to itself', (id: string) => `a link joins two different elements, but both ends are '${id}'`),
  duplicateLink: e('KH3008', 'Duplicate link', (a: string, b: string, line: number) => `duplicate link between '${a}' and '${b}': already defined at line ${line}`),
  duplicatePacket: e('KH3009', 'Duplicate packet id', (id: string, line: number) => `duplicate packet id '${id}': already defined at line ${line}`),
  macOnLayer3: e('KH3010', 'MAC on a layer-3 device', (id: string, why: string) =>
    `'mac' on '${id}', a layer-3 device (${why}): it has no link-layer address, and routing into it adds no Ethernet header; remove 'mac'`),
  notMacOrElement: e('KH3101', 'Neither a MAC address nor an element', (field: string, addr: string, guess: string) => `${field}: '${addr}' is neither a MAC address nor an element id${guess}`),
  noMac: e('KH3102', 'Element without a MAC address', (field: string, id: string) => `${field}: '${id}' has no 'mac' to take the address from`),
  notIpOrElement: e('KH3103', 'Neither an IPv4 address nor an element', (field: string, addr: string, guess: string) => `${field}: '${addr}' is neither an IPv4 address nor an element id${guess}`),
  noIp: e('KH3104', 'Element without an IP address', (field: string, id: string) => `${field}: '${id}' has no 'ip' to take the address from`),
  layer3NoMac: e('KH3106', 'MAC taken from a layer-3 device', (field: string, id: string) =>
    `${field}: '${id}' is a layer-3 device, with no MAC: what it sends carries no Ethernet header; name a device that has one (the NIC a tunnel's packets leave through)`),
  noSuchElement: e('KH3105', 'Operation names no element', (field: string, id: string, guess: string) => `${field}: no element '${id}'${guess}`),

  // KH40xx: steps
  unknownPacket: e('KH4001', 'Step names no packet', (id: string, guess: string, packets: readonly string[]) => `step names packet '${id}', which is not defined${guess}; packets: ${packets.join(', ')}`),
  packetEnded: e('KH4002', 'Step after the packet ended', (id: string, end: string) =>
    `packet '${id}' ${end}, so no later step can act on it; a retransmission or a new request is a new packet under 'packets:'`),
  toOrAt: e('KH4003', "Step without exactly one of 'to' and 'at'", () => `a step needs exactly one of 'to' (move along a link) or 'at' (act where the packet is)`),
  noLink: e('KH4004', 'No link for the hop', (from: string, packet: string, to: string, reachable: readonly string[]) =>
    `no link between '${from}' (where packet '${packet}' is) and '${to}'; from '${from}' a link leads to: ${reachable.join(', ') || '(nothing)'}`),
  notThere: e('KH4005', "'at' names a place the packet is not", (packet: string, from: string, at: string) => `packet '${packet}' is at '${from}' here, not '${at}'; use 'to' to move it along a link`),
  opAfterEnd: e('KH4006', 'Operation after drop or reject', (op: string, last: 'drop' | 'reject') =>
    `'${op}' comes after '${last}' in this step, but nothing happens to a packet once it is ${last === 'drop' ? 'dropped' : 'rejected'}`),
  answerExists: e('KH4007', "Reject's answer reuses a packet id", (id: string) => `'answer' names packet '${id}', which already exists; the kernel's answer is a new packet: give it a new id`),

  // KH41xx: tables over time
  notATable: e('KH4101', 'No such table', (what: string, table: string, guess: string) => `${what} names table '${table}', which is not a table${guess}; expected '<table id>#<row id>'`),
  noSuchRow: e('KH4102', 'No such row', (table: string, row: string, guess: string, rows: readonly string[]) => `table '${table}' has no row '${row}'${guess}; its rows are: ${rows.join(', ')}`),
  highlightHidden: e('KH4103', 'Highlighted row not shown', (ref: string, step: number, why: string) => `highlight names row '${ref}', which is not in the table at step ${step}: ${why}`),
  rowAlreadyThere: e('KH4104', 'Row added twice', (ref: string, since: string) => `'add' names row '${ref}', which is already in the table ${since}`),
  rowNotThere: e('KH4105', 'Row not in the table', (op: string, ref: string, step: number, why: string) => `'${op}' names row '${ref}', which is not in the table at step ${step}: ${why}`),
  rowRemovedNow: e('KH4106', 'Row already removed by this step', (op: string, ref: string) => `'${op}' names row '${ref}', which this step has already removed`),
  rowNeverAdded: w('KH4107', 'Absent row never added', (ref: string) => `row '${ref}' is 'initially: absent' and no step adds it, so it is never shown; add '{ add: ${ref} }' to the step that creates it`),

  // KH42xx: the topology over time (create:)
  beforeCreated: e('KH4201', 'Packet at an element before it is created', (packet: string, verb: string, id: string, step: number, created: number, line: number) =>
    `packet '${packet}' ${verb} '${id}' at step ${step}, but step ${created} (line ${line}) creates it; put this step after that one`),
  createdTwice: e('KH4202', 'Created twice', (id: string, step: number, line: number) => `'create' names '${id}', which step ${step} (line ${line}) already creates; an element or link comes into existence once`),
  topologyStep: e('KH4203', "Step without 'packet' written wrongly", (bad: string) =>
    `a step without 'packet' acts on the topology: it needs 'at' (the element that acts: kubelet, containerd, a CNI plugin) and no ${bad}`),
  actorBeforeCreated: e('KH4204', 'Actor acts before it is created', (id: string, step: number, created: number, line: number) =>
    `'at' names '${id}', which step ${created} (line ${line}) creates, so it cannot act at step ${step}; put this step after that one`),

  // KH43xx: a step's own questions (quiz:)
  quizAnswerNotChoice: e('KH4301', 'Answer not among the choices', (answer: string, guess: string, choices: readonly string[]) =>
    `the answer '${answer}' is not one of the choices${guess}; expected one of: ${choices.map((c) => `'${c}'`).join(', ')} (written the same)`),
  quizDuplicateChoice: e('KH4302', 'Choice offered twice', (choice: string, n: number) => `the choice '${choice}' is already choice ${n}: a question offers each answer once`),

  // KH45xx and up: what derive finds, prefixed with the step's number
  dnatNoEndpoints: e('KH4501', 'DNAT away from a Service without endpoints', (service: string) =>
    `DNAT away from Service '${service}', which has no endpoints: kube-proxy writes a rule that REJECTs its traffic instead (use 'reject')`),
  dnatToNobody: e('KH4502', 'DNAT to an address nobody owns', (to: string, pods: readonly string[]) =>
    `DNAT to ${to}, which no element in the scene owns; a DNAT sends the packet to an endpoint's address${pods.length ? ` (pods: ${pods.join(', ')})` : ''}`),
  dnatNotEndpoint: w('KH4503', "DNAT to an address that is not the Service's endpoint", (to: string, service: string, allowed: readonly string[]) =>
    `DNAT to ${to}, which is not an endpoint of Service '${service}' (its endpoints: ${allowed.join(', ')})`),
  encapMismatch: e('KH4504', "Encapsulation of the wrong tunnel's kind", (type: string, dev: string, devKind: string) =>
    `'encap' of type ${type} at ${dev}, which is ${devKind}: a tunnel device wraps packets in its own kind of header only`),
  opCannotApply: e('KH4601', 'Operation cannot apply to this packet', (why: string) => why),
  rejectCannotAnswer: e('KH4602', 'Reject cannot build its answer', (why: string) => why),
  stepInvariant: w('KH4701', 'Step bends how a network behaves', (problem: string) => problem),

  // KH5xxx: limits
  fileTooLarge: e('KH5001', 'File too large', (bytes: number) => `the scene file is too large: expected at most ${bytes} bytes (${bytes / 1024} KiB), and it goes past that here; split it into smaller scenes`),
  tooDeep: e('KH5002', 'Nested too deeply', (depth: number) => `lists and maps nest too deeply here: expected at most ${depth} levels`),
  tooManyItems: e('KH5003', 'Too many items in one list or map', (what: string, limit: number) => `too many ${what}: expected at most ${limit}, and this is number ${limit + 1}`),
  tooManyAliases: e('KH5004', 'Too many aliases', (limit: number, name: string, n: number) => `too many YAML aliases: expected at most ${limit}, and ${name} is number ${n}`),
  aliasesTooLarge: e('KH5005', 'Aliases expand too far', (limit: number, name: string, n: number) => `YAML aliases expand to too many values: expected at most ${limit}, and ${name} brings them to ${n}`),
  tooMany: e('KH5006', 'Too many elements, links, steps or headers', (what: string, limit: number, hint = '') => `too many ${what}: expected at most ${limit}${hint}, and this is number ${limit + 1}`),

  // KH9xxx: the tool
  previewFailed: e('KH9001', 'Preview could not be drawn', (why: string, hint = '') => `the preview could not be drawn: ${why}${hint}`),
} as const;

export type MessageName = keyof typeof MESSAGES;
export type MessageArgs<N extends MessageName> = Parameters<(typeof MESSAGES)[N]['text']>;

/** A diagnostic not yet placed: which message, with what. */
export type Problem = { [N in MessageName]: { name: N; args: MessageArgs<N> } }[MessageName];

export function problem<N extends MessageName>(name: N, ...args: MessageArgs<N>): Problem {
  return { name, args } as Problem;
}

/** The diagnostic a message makes at a place. */
export function diag<N extends MessageName>(pos: SourcePos, name: N, ...args: MessageArgs<N>): Diagnostic {
  return placed(pos, { name, args } as Problem);
}

export function placed(pos: SourcePos, p: Problem): Diagnostic {
  const m = MESSAGES[p.name];
  const text = m.text as (...a: unknown[]) => string;
  return { file: pos.file, line: pos.line, col: pos.col, severity: m.severity, code: m.code, message: text(...p.args) };
}

export const severityOf = (p: Problem): Severity => MESSAGES[p.name].severity;

/** The code of a message, for code that decides by diagnostic. */
export const codeOf = (name: MessageName): string => MESSAGES[name].code;
