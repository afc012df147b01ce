import { describe, expect, it } from 'vitest';
import { apiUrl, projectPath } from './client';

describe('addresses of the API', () => {
  it('encodes every path segment', () => {
    expect(projectPath('sensors', 'graph', 'nodes', 'camera 1/a?b', 'neighbourhood')).toBe(
      '/api/v1/projects/sensors/graph/nodes/camera%201%2Fa%3Fb/neighbourhood',
    );
  });

  it('leaves empty query values out and repeats lists', () => {
    expect(apiUrl('/api/v1/x', { q: 'a&b', empty: '', none: null, limit: 5, ids: ['1', '2'] })).toBe('/api/v1/x?q=a%26b&limit=5&ids=1&ids=2');
    expect(apiUrl('/api/v1/x', {})).toBe('/api/v1/x');
  });
});
