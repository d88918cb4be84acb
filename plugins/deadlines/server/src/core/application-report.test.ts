import { APPLICATION_TABLE_COLUMNS, APPLICATION_TABLE_ROWS, buildApplicationTable, checkApplicationTable, type ApplicationRecord, type ApplicationTable } from './application-report';

const applications: ApplicationRecord[] = [
  { applicantType: 'natural_person', receivedOn: '2024-12-20', resultCode: 'disclosed', resultOn: '2025-01-10' }, // carried in, answered
  { applicantType: 'natural_person', receivedOn: '2024-11-01', resultCode: 'disclosed', resultOn: '2024-12-01' }, // finished last year
  { applicantType: 'commercial_enterprise', receivedOn: '2025-03-01', resultCode: 'withheld_state_secret', resultOn: '2025-03-20' },
  { applicantType: 'commercial_enterprise', receivedOn: '2025-12-20' }, // carried out, no result
  { applicantType: 'research_institution', receivedOn: '2025-12-25', resultCode: 'unavailable_not_held', resultOn: '2026-01-10' }, // carried out
  { applicantType: 'other_organization', receivedOn: '2024-12-30', resultCode: null, resultOn: null }, // carried in and out
  { applicantType: 'natural_person', receivedOn: '2026-01-05' }, // next year
  { applicantType: 'legal_service_institution', receivedOn: '2025-06-01', resultCode: 'other_fee_unpaid', resultOn: '2025-06-02' },
  { applicantType: 'citizen' as never, receivedOn: '2025-06-01' },
  { applicantType: 'natural_person', receivedOn: '2025-06-01', resultCode: 'disclosed' },
  { applicantType: 'public_interest_organization', receivedOn: '2025-05-05', resultCode: 'disclosed', resultOn: '2025-05-04' },
];

const clone = (table: ApplicationTable): ApplicationTable => JSON.parse(JSON.stringify(table));
const nonZero = (table: ApplicationTable) => {
  const out: Record<string, Record<string, number>> = {};
  for (const [row, columns] of Object.entries(table.cells)) {
    for (const [column, value] of Object.entries(columns)) if (value !== 0) (out[row] ??= {})[column] = value;
  }
  return out;
};

describe('annual report table 3', () => {
  const { table, excluded } = buildApplicationTable(applications, 2025);

  it('has the rows and columns of the 2021 format', () => {
    expect(APPLICATION_TABLE_ROWS).toHaveLength(29);
    expect(APPLICATION_TABLE_ROWS[0].key).toBe('new_this_year');
    expect(APPLICATION_TABLE_ROWS[28].key).toBe('carried_out');
    expect(APPLICATION_TABLE_COLUMNS).toHaveLength(7);
  });

  it('counts new, carried in, results within the year and carried out, per applicant type', () => {
    expect(table.year).toBe(2025);
    expect(nonZero(table)).toEqual({
      new_this_year: { commercial_enterprise: 2, research_institution: 1, legal_service_institution: 1, total: 4 },
      carried_in: { natural_person: 1, other_organization: 1, total: 2 },
      disclosed: { natural_person: 1, total: 1 },
      withheld_subtotal: { commercial_enterprise: 1, total: 1 },
      withheld_state_secret: { commercial_enterprise: 1, total: 1 },
      other_subtotal: { legal_service_institution: 1, total: 1 },
      other_fee_unpaid: { legal_service_institution: 1, total: 1 },
      handled_total: { natural_person: 1, commercial_enterprise: 1, legal_service_institution: 1, total: 3 },
      carried_out: { commercial_enterprise: 1, research_institution: 1, other_organization: 1, total: 3 },
    });
  });

  it('leaves out applications whose data cannot be counted, saying why', () => {
    expect(excluded.map((e) => `${e.index}:${e.refusal.code}`)).toEqual(['8:REPORT_APPLICANT_TYPE_UNKNOWN', '9:REPORT_RESULT_DATE_MISSING', '10:REPORT_RESULT_BEFORE_RECEIPT']);
  });

  it('passes its own checks, and carries into the next year what it carried out', () => {
    expect(checkApplicationTable(table)).toEqual([]);
    const next = buildApplicationTable(applications, 2026).table;
    expect(next.cells.carried_in).toEqual(table.cells.carried_out);
    expect(next.cells.new_this_year.total).toBe(1);
    expect(checkApplicationTable(next)).toEqual([]);
  });

  it('finds a result row that does not add up', () => {
    const edited = clone(table);
    edited.cells.disclosed.natural_person = 2;
    expect(checkApplicationTable(edited)).toEqual([
      expect.objectContaining({ code: 'TABLE_HANDLED_TOTAL_MISMATCH', row: 'handled_total', column: 'natural_person', actual: 1, expected: 2 }),
      expect.objectContaining({ code: 'TABLE_COLUMN_TOTAL_MISMATCH', row: 'disclosed', column: 'total', actual: 1, expected: 2 }),
    ]);
  });

  it('finds a broken balance and a broken subtotal', () => {
    const unbalanced = clone(table);
    unbalanced.cells.carried_out.commercial_enterprise = 0;
    unbalanced.cells.carried_out.total = 2;
    expect(checkApplicationTable(unbalanced).map((v) => `${v.code}:${v.column}`)).toEqual(['TABLE_BALANCE_MISMATCH:commercial_enterprise', 'TABLE_BALANCE_MISMATCH:total']);

    const subtotal = clone(table);
    subtotal.cells.withheld_subtotal.commercial_enterprise = 0;
    expect(checkApplicationTable(subtotal).map((v) => `${v.code}:${v.row}:${v.column}`)).toEqual([
      'TABLE_SUBTOTAL_MISMATCH:withheld_subtotal:commercial_enterprise',
      'TABLE_HANDLED_TOTAL_MISMATCH:handled_total:commercial_enterprise',
      'TABLE_COLUMN_TOTAL_MISMATCH:withheld_subtotal:total',
    ]);
  });

  it('refuses negative, fractional or missing numbers before doing sums', () => {
    const invalid = clone(table);
    invalid.cells.disclosed.total = -1;
    invalid.cells.carried_in.natural_person = 0.5;
    delete (invalid.cells.other as Record<string, number>).research_institution;
    expect(checkApplicationTable(invalid).map((v) => `${v.code}:${v.row}:${v.column}`)).toEqual([
      'TABLE_VALUE_INVALID:carried_in:natural_person',
      'TABLE_VALUE_INVALID:disclosed:total',
      'TABLE_VALUE_INVALID:other:research_institution',
    ]);
  });
});
