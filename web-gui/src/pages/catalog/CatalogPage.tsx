import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OnChangeFn, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { get, projectPath } from '../../api/client';
import type { LakeObject, Page } from '../../api/types';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useProject } from '../../session/useProject';
import { CatalogFilters } from './CatalogFilters';
import { ObjectsTable } from './ObjectsTable';
import { ProcessedData } from './ProcessedData';
import { LIMITS, objectsQuery, readSearch, SORTS, writeSearch, type CatalogSearch, type Sort } from './search';
import { SelectionBar } from './SelectionBar';
import './catalog.css';

export function CatalogPage() {
  const { project } = useProject();
  // Nothing (selection, paging) carries over from one project to another.
  return <Catalog key={project} project={project} />;
}

function Catalog({ project }: { project: string }) {
  const { t } = useTranslation('catalog');
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readSearch(params), [params]);
  const key = writeSearch(search).toString();
  const update = (change: Partial<CatalogSearch>) => setParams(writeSearch({ ...search, ...change }));
  // The selection outlives paging and new searches: objects can be gathered from several before downloading.
  const [selection, setSelection] = useState<RowSelectionState>({});

  return (
    <section className="catalog-page">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {/* Keyed by the URL's search so that going back in history shows that search in the form again. */}
      <CatalogFilters key={`filters ${key}`} project={project} search={search} onApply={update} />
      <SelectionBar project={project} selection={selection} onClear={() => setSelection({})} />
      {/* A new search starts again from its first page. */}
      <Results key={`results ${key}`} project={project} search={search} onChange={update}
        selection={selection} onSelectionChange={setSelection} />
      <ProcessedData project={project} />
    </section>
  );
}

interface ResultsProps {
  project: string;
  search: CatalogSearch;
  onChange: (change: Partial<CatalogSearch>) => void;
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
}

function Results({ project, search, onChange, selection, onSelectionChange }: ResultsProps) {
  const { t } = useTranslation('catalog');
  const pager = useCursorPager();
  const query = objectsQuery(search);
  const objects = useQuery({
    queryKey: ['objects', project, query, pager.cursor],
    queryFn: () => get<Page<LakeObject>>(projectPath(project, 'objects'), { ...query, cursor: pager.cursor }),
    placeholderData: keepPreviousData,
  });

  const sorting: SortingState = [{ id: search.sort, desc: search.order === 'desc' }];
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const [next] = typeof updater === 'function' ? updater(sorting) : updater;
    if (next && SORTS.includes(next.id as Sort)) onChange({ sort: next.id as Sort, order: next.desc ? 'desc' : 'asc' });
  };
  // A limit from a shared URL stays selectable even if it is not one of the usual ones.
  const limits = LIMITS.includes(search.limit) ? LIMITS : [...LIMITS, search.limit].sort((a, b) => a - b);

  return (
    <div aria-busy={objects.isFetching}>
      <h2 className="visually-hidden">{t('table.label')}</h2>
      {objects.error ? (
        <ProblemMessage error={objects.error} onRetry={() => (pager.page > 1 ? pager.reset() : void objects.refetch())} />
      ) : objects.isPending ? (
        <Loading />
      ) : (
        <ObjectsTable project={project} objects={objects.data.items} sorting={sorting} onSortingChange={onSortingChange}
          selection={selection} onSelectionChange={onSelectionChange} />
      )}
      <div className="spread catalog-paging">
        <div className="row">
          <label htmlFor="catalog-limit">{t('common:pager.perPage')}</label>
          <select id="catalog-limit" value={search.limit} onChange={(e) => onChange({ limit: Number(e.target.value) })}>
            {limits.map((limit) => <option key={limit} value={limit}>{limit}</option>)}
          </select>
        </div>
        <Pager pager={pager} nextCursor={objects.data?.next_cursor} />
      </div>
    </div>
  );
}
