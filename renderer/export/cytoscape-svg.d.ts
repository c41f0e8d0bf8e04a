// cytoscape-svg ships no types: it registers `cy.svg(options)` (a string of SVG) on the core.
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const register: cytoscape.Ext;
  export default register;
}
