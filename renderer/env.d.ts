// Ambient declarations for the renderer build: the build-time backend alias and the untyped fCoSE plugin.

declare module '@backend' {
  // resolved by vite.config.ts to backend/http.ts (web) or backend/electron.ts (electron)
  export const backend: import('./backend/types').Backend;
}

declare module 'cytoscape-fcose' {
  const register: import('cytoscape').Ext;
  export default register;
}

declare module '*.css';
