import { decimalsOf } from '../schema/decimals';
import type { Upcaster } from '../schema/upcast';

/**
 * IndicatorMeasured 1 → 2: version 2 states the decimal places a value is given with (`decimals`), which a JSON
 * number cannot keep (12.50 is stored as 12.5). A version-1 value is read with the places its number shows, the most
 * it can state: 12.5 → 1, 127251 → 0.
 */
export const indicatorMeasuredV1ToV2: Upcaster = (data) => ({ ...data, decimals: decimalsOf(Number(data.value)) });
