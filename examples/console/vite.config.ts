import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite` serves the console, `vite build` writes dist/ (the test script builds it first).
export default defineConfig({
  plugins: [react()],
});
