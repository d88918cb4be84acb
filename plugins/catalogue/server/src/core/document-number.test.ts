import { checkDocumentNumber, isDocumentNumber } from './document-number';

describe('发文字号 (document number)', () => {
  it.each(['国办发〔2021〕12号', '浙政办发〔2023〕5号', '财预〔2022〕108号', '杭政函〔2019〕1号'])('accepts %s', (value) => {
    expect(isDocumentNumber(value)).toBe(true);
  });

  it.each(['国办发[2021]12号', '国办发【2021】12号', '国办发(2021)12号', '国办发（2021）12号', '国办发〔21〕12号', '国办发〔2021〕012号', '国办发〔2021〕12', '〔2021〕12号', '国办发2021年12号'])(
    'rejects %s with the format code',
    (value) => {
      const error = checkDocumentNumber(value);
      expect(error?.code).toBe('DOCUMENT_NUMBER_FORMAT');
      expect(error?.path).toEqual(['documentNumber']);
    }
  );

  it('explains wrong brackets around the year', () => {
    expect(checkDocumentNumber('国办发[2021]12号')?.message).toContain('错误的括号');
    expect(checkDocumentNumber('国办发〔2021〕012号')?.message).not.toContain('错误的括号');
  });

  it('treats an empty number as absent (not every item has one)', () => {
    expect(checkDocumentNumber('')).toBeNull();
    expect(checkDocumentNumber(null)).toBeNull();
  });
});
