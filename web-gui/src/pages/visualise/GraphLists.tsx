import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Graph, GraphNode } from '../../api/types';
import { nodeCaption } from './GraphCanvas';

const show = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** Every node as a button: the keyboard's and screen readers' way to what the canvas shows. */
export function NodeList({ graph, selected, onSelect }: { graph: Graph; selected: string | null; onSelect: (key: string) => void }) {
  const { t } = useTranslation('visualise');
  return (
    <section aria-labelledby="graph-nodes">
      <h2 id="graph-nodes">{t('graph.nodes', { count: graph.nodes.length })}</h2>
      <ul className="node-list">
        {graph.nodes.map((node) => (
          <li key={node.key}>
            <button type="button" className="secondary" aria-pressed={node.key === selected} onClick={() => onSelect(node.key)}>
              <span className="node-labels">{node.labels.join(', ')}</span> {nodeCaption(node)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RelationshipTable({ graph }: { graph: Graph }) {
  const { t } = useTranslation('visualise');
  const caption = new Map(graph.nodes.map((node) => [node.key, nodeCaption(node)]));
  return (
    <section aria-labelledby="graph-relationships">
      <h2 id="graph-relationships">{t('graph.relationships', { count: graph.relationships.length })}</h2>
      <div className="table-scroll">
        <table aria-labelledby="graph-relationships">
          <thead>
            <tr>
              <th scope="col">{t('graph.from')}</th>
              <th scope="col">{t('graph.type')}</th>
              <th scope="col">{t('graph.to')}</th>
              <th scope="col">{t('graph.properties')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.relationships.map((r, index) => (
              <tr key={`${r.from}|${r.type}|${r.to}|${index}`}>
                <td title={r.from}>{caption.get(r.from) ?? r.from}</td>
                <td><code>{r.type}</code></td>
                <td title={r.to}>{caption.get(r.to) ?? r.to}</td>
                <td className="props">
                  {Object.entries(r.properties).filter(([key]) => !key.startsWith('zl_')).map(([key, value]) => `${key}: ${show(value)}`).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface NodeDetailsProps {
  project: string;
  node: GraphNode;
  onExpand: (key: string) => void;
  onClose: () => void;
}

/** The chosen node's labels and properties, with a way to its neighbourhood and to the object that wrote it. */
export function NodeDetails({ project, node, onExpand, onClose }: NodeDetailsProps) {
  const { t } = useTranslation('visualise');
  const objectId = node.properties.zl_object_id;
  // A key holding "/" cannot go into the neighbourhood's path.
  const addressable = !node.key.includes('/');
  return (
    <section className="card node-details" aria-labelledby="node-details" aria-live="polite">
      <div className="spread">
        <h2 id="node-details">{t('graph.node', { key: node.key })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('graph.labels')}</dt>
        <dd>{node.labels.join(', ') || '–'}</dd>
        {Object.entries(node.properties).map(([key, value]) => (
          <div key={key} className="fact">
            <dt>{key}</dt>
            <dd>{show(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="row">
        <button type="button" onClick={() => onExpand(node.key)} disabled={!addressable}>
          {t('graph.expand')}
        </button>
        {typeof objectId === 'number' && (
          <Link to={`/p/${encodeURIComponent(project)}/objects/${objectId}`}>{t('graph.sourceObject', { id: objectId })}</Link>
        )}
      </p>
      {!addressable && <p className="muted">{t('graph.unaddressable')}</p>}
    </section>
  );
}
