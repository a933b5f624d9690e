import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at / and the API under /api; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks the first page loads (src/bundle-size.test.ts sums them).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; harmless, and noise in every build.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.SAMSYN_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
