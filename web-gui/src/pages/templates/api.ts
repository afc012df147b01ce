// The templates endpoints of a project, as queries and mutations that refresh the list when they succeed.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, projectPath, put } from '../../api/client';
import type { Page, Template, TemplateField } from '../../api/types';

/** What POST and PUT take: the answer's document without its read-only members. */
export interface TemplateBody {
  name?: string;
  label?: string | null;
  description?: string | null;
  accepted_mime_types: string[];
  fields: TemplateField[];
  visible?: boolean;
  editable?: boolean;
  deletable?: boolean;
  processing?: unknown;
}

export const templatesKey = (project: string) => ['templates', project] as const;

/** Project admins also see hidden templates; others could not ask for them. */
export function useTemplates(project: string, includeHidden: boolean) {
  return useQuery({
    queryKey: [...templatesKey(project), { includeHidden }],
    queryFn: () => get<Page<Template>>(projectPath(project, 'templates'), { include_hidden: includeHidden || undefined }),
  });
}

function useRefreshAfter<V>(project: string, call: (vars: V) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queries.invalidateQueries({ queryKey: templatesKey(project) }),
  });
}

export const useCreateTemplate = (project: string) =>
  useRefreshAfter(project, (body: TemplateBody) => post<Template>(projectPath(project, 'templates'), body));

export const useReplaceTemplate = (project: string) =>
  useRefreshAfter(project, ({ name, body }: { name: string; body: TemplateBody }) =>
    put<Template>(projectPath(project, 'templates', name), body),
  );

export const useDeleteTemplate = (project: string) =>
  useRefreshAfter(project, (name: string) => del(projectPath(project, 'templates', name)));

/** Options belong to enum fields only: the server refuses them on the others. */
export function cleanField(field: TemplateField): TemplateField {
  const clean: TemplateField = { name: field.name, label: field.label || null, type: field.type, required: !!field.required };
  if (field.type === 'enum') clean.options = field.options ?? [];
  return clean;
}

/**
 * The template's own definition with only `visible` changed: the one change the server allows on a template created
 * not editable. Its processing hints are sent back as they are, since a PUT without them would remove them.
 */
export function visibilityBody(template: Template, visible: boolean): TemplateBody {
  return {
    name: template.name,
    label: template.label,
    description: template.description,
    accepted_mime_types: template.accepted_mime_types,
    fields: template.fields.map(cleanField),
    visible,
    processing: template.processing ?? undefined,
  };
}
