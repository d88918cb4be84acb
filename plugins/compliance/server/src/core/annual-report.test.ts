import { buildTable4, crossCheck, renderReportHtml, templateFor, transition, ComplianceError, type ReportFigures } from './annual-report';
import { reminderDue } from './reminders';

const figures = (): ReportFigures => ({
  table2: { rules: { made: 1, repealed: 0, currentlyValid: 3 }, normativeDocuments: null, licensingDecisions: 2, penaltyDecisions: 1, enforcementDecisions: 0, feesWanYuan: 0 },
  table3: {
    rows: [{ key: 'new_this_year', ordinal: '一、', label: '本年新收' }, { key: 'carried_in', ordinal: '二、', label: '上年结转' }, { key: 'handled_total', ordinal: '（七）', label: '总计' }, { key: 'carried_out', ordinal: '四、', label: '结转下年度继续办理' }],
    columns: [{ key: 'natural_person', label: '自然人' }, { key: 'total', label: '总计' }],
    cells: { new_this_year: { natural_person: 4, total: 4 }, carried_in: { natural_person: 1, total: 1 }, handled_total: { natural_person: 3, total: 3 }, carried_out: { natural_person: 2, total: 2 } },
  },
  table4: buildTable4([{ kind: 'administrative_review', outcome: 'upheld', n: 2 }, { kind: 'litigation_direct', outcome: 'pending', n: 1 }]),
});

describe('cross-checks', () => {
  it('pass on balanced figures', () => {
    expect(crossCheck(figures())).toEqual([]);
  });
  it('find the unbalanced column, the wrong row total and the wrong review total', () => {
    const f = figures();
    f.table3!.cells.carried_out.natural_person = 1;
    f.table4.litigation_direct.total = 2;
    f.table2.licensingDecisions = -1;
    expect(crossCheck(f).map((v) => [v.code, v.at])).toEqual([
      ['COUNT_INVALID', 'licensingDecisions'],
      ['APPLICATION_BALANCE', 'natural_person'],
      ['ROW_TOTAL', 'carried_out'],
      ['REVIEW_TOTAL', 'litigation_direct'],
    ]);
  });
});

describe('workflow', () => {
  it('goes draft → submitted → approved → published and back to draft on return', () => {
    expect(transition('draft', 'submit')).toBe('submitted');
    expect(transition('submitted', 'approve')).toBe('approved');
    expect(transition('approved', 'publish')).toBe('published');
    expect(transition('approved', 'return')).toBe('draft');
  });
  it('refuses skipping a step and submitting with violations', () => {
    expect(() => transition('draft', 'publish')).toThrow(ComplianceError);
    expect(() => transition('published', 'return')).toThrow('已发布');
    try {
      transition('draft', 'submit', [{ code: 'REVIEW_TOTAL', table: 'table4', message: 'x' }]);
    } catch (e) {
      expect((e as ComplianceError).code).toBe('REPORT_CROSS_CHECK_FAILED');
    }
  });
});

describe('templates and rendering', () => {
  it('uses the 2021 format from report year 2021 and refuses earlier years', () => {
    expect(templateFor(2021).version).toBe('2021');
    expect(templateFor(2030).version).toBe('2021');
    expect(() => templateFor(2020)).toThrow('2019');
  });
  it('renders the six sections with escaped text', () => {
    const html = renderReportHtml({ reportYear: 2026, templateVersion: '2021', scopeName: '某局', narrative: { overview: '<script>x</script>' }, figures: figures() });
    expect(html).toContain('某局2026年政府信息公开工作年度报告');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) expect(html).toContain(heading);
  });
});

describe('reminder dates', () => {
  it('reminds departments before 31 January and governments before 31 March', () => {
    expect(reminderDue('2027-01-16', 15)).toEqual({ audience: 'department', deadline: '2027-01-31', reportYear: 2026 });
    expect(reminderDue('2027-01-15', 15)).toBeNull();
    expect(reminderDue('2027-03-31', 15)).toEqual({ audience: 'government', deadline: '2027-03-31', reportYear: 2026 });
    expect(reminderDue('2027-04-01', 15)).toBeNull();
  });
});
