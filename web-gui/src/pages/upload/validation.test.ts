import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../api/types';
import { accepts, validate, valuesToSend } from './validation';

// The message key stands for the sentence: what matters here is which check failed.
const t = ((key: string) => key) as unknown as TFunction;

const template: Template = {
  name: 'station',
  accepted_mime_types: ['text/csv', 'image/*'],
  fields: [
    { name: 'site', type: 'text', required: true },
    { name: 'depth', type: 'number' },
    { name: 'sampled_on', type: 'date' },
    { name: 'quality', type: 'enum', options: ['good', 'poor'] },
  ],
  visible: true,
  editable: true,
  deletable: true,
};

describe('validate', () => {
  it('accepts values that fit the template', () => {
    expect(validate(template, { site: 'north', depth: '-1.5e2', sampled_on: '2024-02-29', quality: 'good' }, t)).toEqual({});
  });

  it('names each field that does not fit, with the check it failed', () => {
    const errors = validate(template, { site: '  ', depth: '12 m', sampled_on: '2023-02-29', quality: 'fine' }, t);

    expect(errors).toEqual({
      site: 'upload:validation.required',
      depth: 'upload:validation.number',
      sampled_on: 'upload:validation.date',
      quality: 'upload:validation.option',
    });
  });

  it('sends only the fields filled in, trimmed', () => {
    expect(valuesToSend(template, { site: ' north ', depth: '', quality: 'poor' })).toEqual({ site: 'north', quality: 'poor' });
  });
});

describe('accepts', () => {
  it('matches exact types and families, and offers every template when the browser does not know the type', () => {
    expect(accepts(template, 'text/csv')).toBe(true);
    expect(accepts(template, 'image/png')).toBe(true);
    expect(accepts(template, 'application/json')).toBe(false);
    expect(accepts(template, '')).toBe(true);
    expect(accepts({ ...template, accepted_mime_types: [] }, 'application/json')).toBe(true);
  });
});
