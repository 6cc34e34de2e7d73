import { committeePack, type PackSource } from '@portfolio/read-models';
import {
  apiParticulier,
  dataView,
  fcAtCitp6,
  hubeeAtCitp6,
  idnumView,
  vitamClosed,
} from '../../../../../libs/read-models/src/testing/time-travel-documents';
import { citp6NamedAgainstCitp5 } from '../../../../../libs/read-models/src/testing/time-travel-named-changes';
import { packCsv } from './pack-csv';
import { PACK_TABLES } from './pack-download';
import { packTableSchema } from './pack-table-schema';
import { tableSchemaViolations } from './testing/table-schema-violations';

// CITP 6 of the time-travel scenario (libs/read-models/src/testing), written as the pack's CSV tables.

const citp6: PackSource = {
  cycleId: 'citp-6',
  portfolio: { missions: [dataView([apiParticulier, hubeeAtCitp6, vitamClosed]), idnumView([fcAtCitp6])] },
  changes: citp6NamedAgainstCitp5,
};

const schemaOf = (part: 'projects' | 'changes') =>
  packTableSchema(PACK_TABLES[part].columns) as Parameters<typeof tableSchemaViolations>[1];

describe("the committee pack's CSV", () => {
  it.each(['projects', 'changes'] as const)('writes the %s as its TableSchema describes them', (part) => {
    const csv = packCsv(committeePack(citp6)[part]);
    expect(csv.split('\n').length).toBeGreaterThan(2);
    expect(tableSchemaViolations(csv, schemaOf(part))).toEqual([]);
  });

  it('writes snake_case names, ISO dates, the decimal point, and empty cells for nothing', () => {
    const lines = packCsv(committeePack(citp6).projects).split('\n');
    expect(lines[0]).toBe(
      'code_mission,mission,id_projet,projet,statut,issue,sante,avancement,jalons,jalons_atteints,' +
        'jalons_atteints_en_retard,jalons_en_retard,version_plan,lance_le,cloture_le,evolution',
    );
    expect(lines[2]).toMatch(/^DATA,Données,hubee,Hubee,en cours,,orange,66\.7,1,0,0,0,2,2019-07-01,,"plan révisé/);
    expect(lines.at(-1)).toBe('');
  });

  it('puts a quote before a title a spreadsheet would run as a formula, never before a number', () => {
    const hostile = { ...apiParticulier, title: '=HYPERLINK("http://example.test","clic")' };
    const csv = packCsv(committeePack({ ...citp6, portfolio: { missions: [dataView([hostile])] } }).projects);
    expect(csv.split('\n')[1]).toContain(`,"'=HYPERLINK(""http://example.test"",""clic"")",`);
    const changes = packCsv(committeePack(citp6).changes);
    expect(changes).toContain(',-2,days,2021-06-30,');
  });

  it('is refused by its schema when a cell breaks it', () => {
    const csv = packCsv(committeePack(citp6).projects)
      .replace(',orange,', ',ambre,')
      .replace(',2019-07-01,', ',01/07/2019,');
    expect(tableSchemaViolations(csv, schemaOf('projects'))).toEqual([
      'line 3, sante: not one of vert, orange, rouge',
      'line 3, lance_le: not a date',
    ]);
  });
});

describe("the committee pack's TableSchema", () => {
  it('describes each column by name, French title, description and type, dates as ISO, required ones required', () => {
    const schema = schemaOf('projects') as unknown as { fields: Record<string, unknown>[] };
    expect(schema.fields.find((field) => field.name === 'lance_le')).toEqual({
      name: 'lance_le',
      title: 'Lancé le',
      description: 'date de lancement',
      type: 'date',
      format: '%Y-%m-%d',
      constraints: { required: true },
    });
    expect(schema.fields.find((field) => field.name === 'sante')).toMatchObject({
      constraints: { enum: ['vert', 'orange', 'rouge'] },
    });
  });
});
