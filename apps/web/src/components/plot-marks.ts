// The parts of Observable Plot the charts draw with: imported by name, so that the chunk loaded with the first chart
// holds only them (about 87 kB gzipped rather than 130 kB for the whole library).
export { dot, line, plot } from '@observablehq/plot';
