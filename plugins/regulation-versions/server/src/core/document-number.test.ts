import { hasDocumentNumber, normalizeDocumentNumber, sameDocumentNumber } from './document-number';

describe('document numbers compared for sameness', () => {
  it('treat look-alike year brackets, spaces and full-width digits as the same number', () => {
    expect(normalizeDocumentNumber(' 国办发[2021]12号 ')).toBe('国办发〔2021〕12号');
    expect(sameDocumentNumber('国办发（2021）12号', '国办发〔2021〕12号')).toBe(true);
    expect(sameDocumentNumber('国办发【2021】１２号', '国办发〔2021〕12号')).toBe(true);
    expect(sameDocumentNumber('国办发 〔2021〕 12号', '国办发〔2021〕12号')).toBe(true);
  });

  it('tell different numbers apart and never call two blanks the same', () => {
    expect(sameDocumentNumber('国办发〔2021〕12号', '国办发〔2021〕13号')).toBe(false);
    expect(sameDocumentNumber('国办发〔2021〕12号', '国办发〔2022〕12号')).toBe(false);
    expect(sameDocumentNumber('', '')).toBe(false);
    expect(sameDocumentNumber(null, undefined)).toBe(false);
    expect(hasDocumentNumber('  ')).toBe(false);
    expect(hasDocumentNumber('某府令第3号')).toBe(true);
  });
});
