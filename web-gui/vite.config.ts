import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run build` writes to dist/; the Maven module passes --outDir to put the assets on the server's classpath.
// `npm run dev` serves the app with hot reload and sends /api to a running lake (ZONELAKE_URL, default :8080).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': process.env.ZONELAKE_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
