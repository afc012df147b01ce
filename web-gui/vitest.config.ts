import { defineConfig } from 'vitest/config';

// Unit tests of the app's pure pieces (src/**/*.test.ts), in Node; the pages are tested end to end (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
