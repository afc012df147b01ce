import { describe, expect, it } from 'vitest';
import { objectsQuery, readSearch, writeSearch } from './search';

describe('the catalog search in the address', () => {
  it('reads a shared address and writes it back the same', () => {
    const address = 'q=north&template=station&field.site=ridge+7&sort=size&order=asc&limit=50';

    const search = readSearch(new URLSearchParams(address));

    expect(search).toMatchObject({ q: 'north', template: 'station', fields: { site: 'ridge 7' }, sort: 'size', order: 'asc', limit: 50 });
    expect(writeSearch(search).toString()).toBe(address);
  });

  it('falls back to the defaults for what it does not know, and leaves them out of the address', () => {
    const search = readSearch(new URLSearchParams('sort=colour&order=up&limit=5000&field.site=x'));

    expect(search).toMatchObject({ sort: 'creation_date', order: 'desc', limit: 25, fields: {} });
    expect(writeSearch(search).toString()).toBe('');
  });

  it('asks the API for the template fields as field.<name>', () => {
    const search = readSearch(new URLSearchParams('template=station&field.site=north&from=2024-05-01'));

    expect(objectsQuery(search)).toMatchObject({ template: 'station', 'field.site': 'north', from: '2024-05-01', sort: 'creation_date', order: 'desc', limit: 25 });
  });
});
