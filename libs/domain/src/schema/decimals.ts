/** The decimal places a number shows in its shortest form: 12.5 → 1, 12 → 0, 1e-7 → 7. */
export function decimalsOf(value: number): number {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fractionDigits - Number(exponent));
}
