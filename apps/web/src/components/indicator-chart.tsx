// One indicator's chart: its measurements against the straight trajectory from its baseline to its target, drawn by
// Observable Plot as an SVG described for screen readers. Plot is loaded with the first chart, not with the workspace.
import { useEffect, useRef } from 'preact/hooks';

export interface ChartPoint {
  readonly date: string;
  readonly value: number;
}

interface IndicatorChartProps {
  readonly label: string;
  readonly unit: string;
  readonly measurements: readonly ChartPoint[];
  /** Baseline then target: the trajectory the measurements are read against; empty for a series without a target. */
  readonly trajectory: readonly ChartPoint[];
}

const BLUE_FRANCE = '#000091';
const NUMBER = new Intl.NumberFormat('fr-FR');
const GREY = '#666666';
const asDate = (point: ChartPoint) => ({ date: new Date(`${point.date}T00:00:00Z`), value: point.value });

/**
 * The chart's SVG; the <style> Plot adds is dropped (the page's policy allows no inline style: the SVG's look is its
 * own attributes).
 */
async function draw({ label, unit, measurements, trajectory }: IndicatorChartProps): Promise<Element> {
  const Plot = await import('./plot-marks');
  const chart = Plot.plot({
    ariaLabel: `${label} : mesures et trajectoire vers la cible`,
    ariaDescription: `${measurements.length} mesures en ${unit}, en bleu ; la trajectoire de la valeur de départ à la cible, en pointillés gris. Les valeurs sont dans le tableau qui suit.`,
    height: 240,
    marginLeft: 60,
    x: { type: 'utc', label: null },
    y: { label: unit, grid: true, tickFormat: (value: number) => NUMBER.format(value) },
    marks: [
      Plot.line(trajectory.map(asDate), {
        x: 'date',
        y: 'value',
        stroke: GREY,
        strokeDasharray: '6,4',
      }),
      Plot.line(measurements.map(asDate), {
        x: 'date',
        y: 'value',
        stroke: BLUE_FRANCE,
        strokeWidth: 2,
      }),
      Plot.dot(measurements.map(asDate), { x: 'date', y: 'value', fill: BLUE_FRANCE, r: 3 }),
    ],
  });
  for (const style of chart.querySelectorAll('style')) style.remove();
  // One image with its label and description: Plot labels its groups (aria-label="line"), which ARIA forbids on a
  // <g> of no role, and which would only repeat the description.
  for (const labelled of chart.querySelectorAll('[aria-label]')) labelled.removeAttribute('aria-label');
  chart.setAttribute('role', 'img');
  return chart;
}

export function IndicatorChart(props: IndicatorChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let current = true;
    void draw(props).then((chart) => current && holder.current?.replaceChildren(chart));
    return () => {
      current = false;
    };
  }, [props.label, props.unit, props.measurements, props.trajectory]);
  return <div class="indicator-chart" ref={holder} />;
}
