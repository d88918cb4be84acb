import { checkItemWrite, validityAfterWrite } from './item-rules';

const today = '2026-11-27';
const codes = (errors: { code: string; path: string[] }[]) => errors.map((e) => `${e.path[0]}:${e.code}`);

describe('disclosure item write rules', () => {
  it('accepts a complete, consistent item', () => {
    expect(
      checkItemWrite(
        { documentNumber: '浙政发〔2026〕3号', disclosureAttribute: 'proactive', writtenDate: '2026-03-01', formedDate: '2026-03-02', effectiveDate: '2026-04-01', expiryDate: '2031-03-31' },
        null,
        today
      )
    ).toEqual([]);
  });

  it('refuses a hand-typed index number on create and a changed one on update, but not the stored value sent back', () => {
    expect(codes(checkItemWrite({ indexNumber: '000014349/2026-00001' }, null, today))).toEqual(['indexNumber:INDEX_NUMBER_READ_ONLY']);
    const stored = { indexNumber: '000014349/2026-00001' };
    expect(checkItemWrite({ indexNumber: '000014349/2026-00001' }, stored, today)).toEqual([]);
    expect(codes(checkItemWrite({ indexNumber: '000014349/2026-00002' }, stored, today))).toEqual(['indexNumber:INDEX_NUMBER_READ_ONLY']);
  });

  it('keeps the first publish time immutable whatever shape it arrives in', () => {
    const stored = { firstPublishedAt: new Date('2026-05-01T02:00:00.000Z') };
    expect(checkItemWrite({ firstPublishedAt: '2026-05-01T02:00:00.000Z' }, stored, today)).toEqual([]);
    expect(codes(checkItemWrite({ firstPublishedAt: '2026-04-01T02:00:00.000Z' }, stored, today))).toEqual(['firstPublishedAt:FIRST_PUBLISH_TIME_IMMUTABLE']);
    expect(codes(checkItemWrite({ firstPublishedAt: null }, stored, today))).toEqual(['firstPublishedAt:FIRST_PUBLISH_TIME_IMMUTABLE']);
    expect(codes(checkItemWrite({ firstPublishedAt: '2020-01-01T00:00:00Z' }, null, today))).toEqual(['firstPublishedAt:FIRST_PUBLISH_TIME_IMMUTABLE']);
    expect(checkItemWrite({ firstPublishedAt: null }, null, today)).toEqual([]);
  });

  it('requires a reason unless the item is proactively disclosed, judging the merged item', () => {
    expect(codes(checkItemWrite({ disclosureAttribute: 'not_disclosed' }, null, today))).toEqual(['nonDisclosureReason:NON_DISCLOSURE_REASON_REQUIRED']);
    expect(codes(checkItemWrite({ nonDisclosureReason: '  ' }, { disclosureAttribute: 'on_application', nonDisclosureReason: '涉及商业秘密' }, today))).toEqual([
      'nonDisclosureReason:NON_DISCLOSURE_REASON_REQUIRED',
    ]);
    expect(checkItemWrite({ title: 'x' } as never, { disclosureAttribute: 'on_application', nonDisclosureReason: '涉及商业秘密' }, today)).toEqual([]);
  });

  it('checks date order and refuses a formed date in the future', () => {
    expect(codes(checkItemWrite({ effectiveDate: '2026-05-01', expiryDate: '2026-04-30' }, null, today))).toEqual(['expiryDate:EXPIRY_BEFORE_EFFECTIVE']);
    expect(codes(checkItemWrite({ writtenDate: '2026-05-02' }, { formedDate: '2026-05-01' }, today))).toEqual(['formedDate:FORMED_BEFORE_WRITTEN']);
    expect(codes(checkItemWrite({ formedDate: '2026-11-28' }, null, today))).toEqual(['formedDate:FORMED_DATE_IN_FUTURE']);
    expect(checkItemWrite({ formedDate: '2026-11-27' }, null, today)).toEqual([]);
  });

  it('derives validity from dates and keeps relation-driven states', () => {
    expect(validityAfterWrite({ effectiveDate: '2027-01-01' }, null, today)).toBe('not_yet_effective');
    expect(validityAfterWrite({ expiryDate: '2026-11-26' }, { validity: 'valid' }, today)).toBe('invalid');
    expect(validityAfterWrite({ expiryDate: '2026-11-27' }, null, today)).toBe('valid');
    expect(validityAfterWrite({ validity: 'not_yet_effective' }, { effectiveDate: '2026-01-01' }, today)).toBe('valid');
    expect(validityAfterWrite({ validity: 'amended' }, { effectiveDate: '2026-01-01' }, today)).toBe('amended');
  });
});
