// The checks the lake makes on metadata (TemplateValidator), made in the browser first so that nothing is sent
// that would be refused; the lake checks again.

import type { Template, TemplateField } from '../../api/types';
import type { TFunction } from 'i18next';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_LENGTH = { text: 1_000, textarea: 20_000 } as const;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fieldError(field: TemplateField, raw: string | undefined, t: TFunction): string | null {
  const value = (raw ?? '').trim();
  if (!value) return field.required ? t('upload:validation.required') : null;
  switch (field.type) {
    case 'number':
      return NUMBER.test(value) ? null : t('upload:validation.number');
    case 'date':
      return isDate(value) ? null : t('upload:validation.date');
    case 'enum':
      return (field.options ?? []).includes(value) ? null : t('upload:validation.option', { options: (field.options ?? []).join(', ') });
    default: {
      const max = MAX_LENGTH[field.type];
      return raw && raw.length > max ? t('upload:validation.tooLong', { max }) : null;
    }
  }
}

/** Field name → problem, empty when the values fit the template. */
export function validate(template: Template | undefined, values: Record<string, string>, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of template?.fields ?? []) {
    const error = fieldError(field, values[field.name], t);
    if (error) errors[field.name] = error;
  }
  return errors;
}

/** The values to send: blank ones left out, as the lake treats blank as missing. */
export function valuesToSend(template: Template | undefined, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of template?.fields ?? []) {
    const value = values[field.name];
    if (value !== undefined && value.trim() !== '') out[field.name] = field.type === 'textarea' ? value : value.trim();
  }
  return out;
}

/** The browser's idea of a file's type is a guess from its name, sometimes none: then only the lake can tell. */
export function isTypeKnown(type: string): boolean {
  return type !== '' && type !== 'application/octet-stream';
}

/** Whether a template takes a file of this type: exact types, families such as image/*, or anything if none given. */
export function accepts(template: Template, type: string): boolean {
  const accepted = template.accepted_mime_types ?? [];
  if (accepted.length === 0 || !isTypeKnown(type)) return true;
  const lower = type.toLowerCase();
  return accepted.some((pattern) => {
    const p = pattern.toLowerCase();
    return p.endsWith('/*') ? lower.startsWith(p.slice(0, -1)) : p === lower;
  });
}
