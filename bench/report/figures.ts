// How the goals print their figures: whole numbers with thousands separators, percentages, ratios.
export const n = (value: number): string => Math.round(value).toLocaleString('en-US');
export const pct = (ratio: number): string => `${Math.round(ratio * 100)} %`;
// Truncated, not rounded: a ratio just short of its goal must not print as the goal itself.
export const times = (ratio: number): string => `${(Math.floor(ratio * 100) / 100).toFixed(2)}×`;
