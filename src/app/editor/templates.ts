// "New scene": starting points that validate as they are (tests/unit/editor-templates.test.ts).
import oneNode from './templates/one-node.yaml?raw';
import twoNodes from './templates/two-nodes-vxlan.yaml?raw';
import service from './templates/clusterip-service.yaml?raw';

export interface Template {
  id: string;
  label: string;
  text: string;
}

export const TEMPLATES: Template[] = [
  { id: 'one-node', label: 'One node, two pods', text: oneNode },
  { id: 'two-nodes-vxlan', label: 'Two nodes with a VXLAN overlay', text: twoNodes },
  { id: 'clusterip-service', label: 'A ClusterIP Service', text: service },
];
