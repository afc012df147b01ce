import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { Graph, GraphNode } from '../../api/types';

const PALETTE = ['#1d7a3a', '#6b3fa0', '#b3261e', '#2f6f9f', '#c2185b', '#00796b', '#5b6b75', '#7b5e00'];

// The lake's own labels keep one colour each; others get one from their name.
const KNOWN: Record<string, string> = { Document: '#0b5f7a', Image: '#0b5f7a', Project: '#5b6b75', User: '#8a5a00', Tag: '#a0522d' };

function colourOf(label: string | undefined): string {
  if (!label) return PALETTE[6];
  if (KNOWN[label]) return KNOWN[label];
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

/** What a node is called on the canvas and in the lists: its first label and its name, id or key. */
export function nodeCaption(node: GraphNode): string {
  const name = node.properties.name ?? node.properties.id;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : node.key;
}

function elementsOf(graph: Graph): ElementDefinition[] {
  const keys = new Set(graph.nodes.map((n) => n.key));
  const nodes = graph.nodes.map((node) => ({
    data: { id: node.key, label: `${node.labels[0] ?? ''}\n${nodeCaption(node)}`, colour: colourOf(node.labels[0]) },
  }));
  // A neighbourhood cut at its limit may list relationships to nodes it left out; cytoscape refuses those.
  const edges = graph.relationships
    .filter((r) => keys.has(r.from) && keys.has(r.to))
    .map((r, index) => ({ data: { id: `edge-${index}`, source: r.from, target: r.to, label: r.type } }));
  return [...nodes, ...edges];
}

const STYLE: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, color: '#17232b', 'text-wrap': 'wrap',
      'text-max-width': '140px', 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': '1px',
    },
  },
  { selector: 'node.chosen', style: { 'border-width': 4, 'border-color': '#f0a202' } },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#9aa9b2', 'target-arrow-color': '#9aa9b2', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#5b6b75', 'text-rotation': 'autorotate',
    },
  },
];

interface GraphCanvasProps {
  graph: Graph;
  selected: string | null;
  onSelect: (key: string) => void;
  label: string;
}

/** The graph drawn by cytoscape: one instance per graph, destroyed when the graph or the page goes. */
export function GraphCanvas({ graph, selected, onSelect, label }: GraphCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const instance = cytoscape({
      container: box.current,
      elements: elementsOf(graph),
      style: STYLE,
      // The page holds the chosen node (list and canvas alike); cytoscape's own selection would drift from it.
      autounselectify: true,
      minZoom: 0.1,
      maxZoom: 4,
    });
    const layout = instance.layout(
      graph.nodes.length > 300
        ? { name: 'grid' }
        : { name: 'cose', animate: false, padding: 30, idealEdgeLength: () => 90, nodeRepulsion: () => 400_000 },
    );
    // Fitting a few nodes to the canvas would blow them up; keep them at about their own size.
    layout.one('layoutstop', () => {
      if (!instance.destroyed() && instance.zoom() > 1.3) {
        instance.zoom(1.3);
        instance.center();
      }
    });
    layout.run();
    instance.on('tap', 'node', (event) => onSelectRef.current(event.target.id()));
    cy.current = instance;
    // The box narrows when the node's details open beside it; cytoscape only watches the window. Keep the view's
    // centre where it was.
    const element = box.current!;
    let size = { width: element.clientWidth, height: element.clientHeight };
    const observer = new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      instance.resize();
      instance.panBy({ x: (next.width - size.width) / 2, y: (next.height - size.height) / 2 });
      size = next;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.destroy();
      cy.current = null;
    };
  }, [graph]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes('.chosen').removeClass('chosen');
    if (selected) instance.getElementById(selected).addClass('chosen');
  }, [selected, graph]);

  return <div ref={box} className="graph-view" role="img" aria-label={label} />;
}
