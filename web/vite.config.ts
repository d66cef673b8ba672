import { defineConfig } from "vite";

// Preact through esbuild's automatic JSX runtime: no framework plugin needed.
// The Gateway serves dist/ at "/" and hashed files under /assets/ as immutable.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No inline <script> or data-URI modules, so the Gateway's CSP can be script-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  server: { proxy: { "^/(daos|proposals|voters|chains|eip712|readyz|healthz|reputation|audit)": "http://127.0.0.1:5080" } },
});
