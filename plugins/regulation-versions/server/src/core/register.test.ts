import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationRecord, RegulationVersion } from './regulation';
import { currentlyValidRegister, isCurrentlyValid } from './register';

const version = (versionNumber: number, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text: parseLegalText('第一条　目的。\n第二条　范围。\n第三条　施行日期。'),
  actDocumentNumber: `某府发〔${effectiveOn.slice(0, 4)}〕${versionNumber}号`,
  actDate: effectiveOn,
  publishedOn: effectiveOn,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
type Tagged = Regulation & { id: string };
const record = (id: string, kind: Regulation['kind'], versions: RegulationVersion[], events: RegulationEvent[] = []): RegulationRecord<Tagged> => ({
  regulation: { id, kind, title: `文件${id}` },
  versions,
  events,
});

const records = [
  record('valid', 'rule', [version(1, '2015-05-01'), version(2, '2019-08-01')]),
  record('partial', 'rule', [version(1, '2018-01-01')], [{ type: 'partial_repeal', documentNumber: '某府发〔2022〕1号', effectiveOn: '2022-01-01', articles: [2] }]),
  record('future', 'rule', [version(1, '2026-01-01')]),
  record('repealed', 'rule', [version(1, '2010-01-01')], [{ type: 'repeal', documentNumber: '某府令第9号', effectiveOn: '2024-07-01' }]),
  record('expired', 'normative_document', [version(1, '2020-01-01')]),
  record('normative', 'normative_document', [version(1, '2023-01-01')]),
];

describe('the currently-valid register', () => {
  it('counts 有效 and 部分失效 as in force, nothing else', () => {
    const on = (id: string) => {
      const { regulation, versions, events } = records.find((r) => r.regulation.id === id) as RegulationRecord<Tagged>;
      return isCurrentlyValid(regulation, versions, events, '2025-06-30');
    };
    expect(['valid', 'partial', 'future', 'repealed', 'expired', 'normative'].map(on)).toEqual([true, true, false, false, false, true]);
  });

  it('lists the regulations in force with the version in force and the articles out of force', () => {
    const register = currentlyValidRegister(records, '2025-06-30');
    expect(register.map((entry) => [entry.regulation.id, entry.status, entry.version.versionNumber, entry.repealedArticles])).toEqual([
      ['valid', 'valid', 2, []],
      ['partial', 'partially_invalid', 1, [2]],
      ['normative', 'valid', 1, []],
    ]);
    expect(currentlyValidRegister(records, '2026-01-01').map((entry) => entry.regulation.id)).toEqual(['valid', 'partial', 'future', 'normative']);
    expect(() => currentlyValidRegister(records, '2025-02-29')).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});
