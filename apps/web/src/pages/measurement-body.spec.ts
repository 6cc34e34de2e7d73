import { measurementBody, numberOf, type MeasurementFields } from './measurement-body';

// The measurement form's body: numbers as a French reader writes them, the territory and the source only when given.

const fields: MeasurementFields = {
  indicatorId: 'usagers',
  value: '15 861,5',
  period: '2021-06-30',
  level: 'national',
  code: '',
  source: '  ',
};

describe('the body of a measurement', () => {
  it('reads French numbers, with spaces between thousands and a decimal comma', () => {
    expect(['15 861,5', '15\u202f861', '-3', '0,25', '42'].map(numberOf)).toEqual([15861.5, 15861, -3, 0.25, 42]);
  });

  it('sends what is not a number as typed, for the API to refuse on the field', () => {
    expect(['douze', '', '1,2,3'].map(numberOf)).toEqual(['douze', '', '1,2,3']);
  });

  it('leaves a national value without territory and an empty source out', () => {
    expect(measurementBody(fields)).toEqual({ value: 15861.5, period: '2021-06-30' });
  });

  it('names the territory of a regional value, and the source given', () => {
    expect(measurementBody({ ...fields, level: 'region', code: ' 84 ', source: ' DINUM ' })).toEqual({
      value: 15861.5,
      period: '2021-06-30',
      territory: { level: 'region', code: '84' },
      source: 'DINUM',
    });
  });
});
