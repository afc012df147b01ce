import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, get, projectPath } from '../../api/client';
import type { Graph } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { GraphCanvas } from './GraphCanvas';
import { NodeDetails, NodeList, RelationshipTable } from './GraphLists';
import { useVisualiseParams } from './params';

const DEPTHS = [1, 2, 3, 4, 5];
const LIMIT = 100;

/** Graph view: an object's graph or a node's neighbourhood, on a canvas and as lists. */
export function GraphTab({ project }: { project: string }) {
  const { t } = useTranslation('visualise');
  const { params, update } = useVisualiseParams();
  const node = params.get('node') ?? '';
  const object = node ? '' : params.get('object') ?? '';
  const depth = Math.min(5, Math.max(1, Number(params.get('depth')) || 1));
  const [selected, setSelected] = useState<string | null>(null);

  const graph = useQuery({
    queryKey: ['graph', project, node ? { node, depth } : { object }],
    enabled: !!(node || object),
    queryFn: () =>
      node
        ? get<Graph>(projectPath(project, 'graph', 'nodes', node, 'neighbourhood'), { depth, limit: LIMIT })
        : get<Graph>(projectPath(project, 'objects', object, 'graph')),
  });
  useEffect(() => setSelected(null), [node, object, depth]);

  const chosen = graph.data?.nodes.find((n) => n.key === selected) ?? null;
  const exportUrl = apiUrl(projectPath(project, 'graph', 'export'), { object_id: object || undefined });

  return (
    <div className="graph-tab">
      <GraphForms
        node={node}
        object={object}
        depth={depth}
        onNode={(key, d) => update({ node: key, depth: d === 1 ? null : d, object: null })}
        onObject={(id) => update({ object: id, node: null, depth: null })}
      />
      {!node && !object && <p className="notice">{t('graph.choose')}</p>}
      {graph.isFetching && !graph.data && <Loading />}
      <ProblemMessage error={graph.error} onRetry={() => void graph.refetch()} />
      {graph.data && graph.data.nodes.length === 0 && <p className="notice">{t('graph.empty')}</p>}
      {graph.data && graph.data.nodes.length > 0 && (
        <>
          <p className="spread">
            <span className="muted">
              {t('graph.summary', { nodes: graph.data.nodes.length, relationships: graph.data.relationships.length })} {t('graph.clickHint')}
            </span>
            <a className="button secondary" href={exportUrl} download>
              {object ? t('graph.downloadObject') : t('graph.downloadProject')}
            </a>
          </p>
          <div className="graph-layout">
            <GraphCanvas
              graph={graph.data}
              selected={selected}
              onSelect={setSelected}
              label={t('graph.canvasLabel', { nodes: graph.data.nodes.length, relationships: graph.data.relationships.length })}
            />
            {chosen && (
              <NodeDetails
                project={project}
                node={chosen}
                onExpand={(key) => update({ node: key, object: null })}
                onClose={() => setSelected(null)}
              />
            )}
          </div>
          <NodeList graph={graph.data} selected={selected} onSelect={setSelected} />
          <RelationshipTable graph={graph.data} />
        </>
      )}
    </div>
  );
}

interface GraphFormsProps {
  node: string;
  object: string;
  depth: number;
  onNode: (key: string, depth: number) => void;
  onObject: (id: string) => void;
}

/** Which graph to show: a node key and a depth, or an object's id. Drafts until submitted. */
function GraphForms(props: GraphFormsProps) {
  const { t } = useTranslation('visualise');
  const keyId = useId();
  const depthId = useId();
  const objectId = useId();
  const [key, setKey] = useState(props.node);
  const [depth, setDepth] = useState(props.depth);
  const [object, setObject] = useState(props.object);
  useEffect(() => setKey(props.node), [props.node]);
  useEffect(() => setDepth(props.depth), [props.depth]);
  useEffect(() => setObject(props.object), [props.object]);

  const submitNode = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) props.onNode(key.trim(), depth);
  };
  const submitObject = (event: FormEvent) => {
    event.preventDefault();
    if (object.trim()) props.onObject(object.trim());
  };
  return (
    <div className="grid-2 graph-forms">
      <form className="row" onSubmit={submitNode} aria-label={t('graph.neighbourhood')}>
        <div className="grow">
          <label htmlFor={keyId}>{t('graph.nodeKey')}</label>
          <input id={keyId} value={key} onChange={(e) => setKey(e.target.value)} placeholder="object:42" />
        </div>
        <div>
          <label htmlFor={depthId}>{t('graph.depth')}</label>
          <select id={depthId} value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {DEPTHS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={!key.trim()}>
          {t('graph.showNeighbourhood')}
        </button>
      </form>
      <form className="row" onSubmit={submitObject} aria-label={t('graph.objectGraph')}>
        <div className="grow">
          <label htmlFor={objectId}>{t('graph.objectId')}</label>
          <input id={objectId} type="number" min={1} value={object} onChange={(e) => setObject(e.target.value)} />
        </div>
        <button type="submit" disabled={!object.trim()}>
          {t('graph.showObject')}
        </button>
      </form>
    </div>
  );
}
