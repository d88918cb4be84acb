import { parseLegalText } from './legal-text';
import { checkPublishedVersionUnchanged, VERSION_CONTENT_FIELDS } from './published-version';
import type { RegulationVersion } from './regulation';

const stored: RegulationVersion = {
  versionNumber: 2,
  text: parseLegalText('第一条　为了规范政府信息公开工作，制定本规定。\n第二条　本规定自2020年1月1日起施行。'),
  actDocumentNumber: '某市人民政府令第20号',
  actDate: '2019-06-01',
  publishedOn: '2019-06-10',
  effectiveOn: '2019-08-01',
  expiresOn: null,
  amends: 1,
};

describe('published versions are immutable', () => {
  it('refuse a change to the text of a published version', () => {
    const incoming = { ...stored, text: parseLegalText('第一条　为了规范政府信息公开工作，制定本规定。\n第二条　本规定自2021年1月1日起施行。') };
    expect(checkPublishedVersionUnchanged(stored, incoming)).toEqual([
      expect.objectContaining({ code: 'PUBLISHED_VERSION_IMMUTABLE', field: 'text', message: expect.stringContaining('第2版') }),
    ]);
  });

  it('refuse a change to each content field, one refusal per field', () => {
    const problems = checkPublishedVersionUnchanged(stored, { ...stored, effectiveOn: '2019-09-01', actDocumentNumber: '某市人民政府令第21号', expiresOn: '2024-12-31', draft: true });
    expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
      ['PUBLISHED_VERSION_IMMUTABLE', 'actDocumentNumber', '某市人民政府令第21号'],
      ['PUBLISHED_VERSION_IMMUTABLE', 'effectiveOn', '2019-09-01'],
      ['PUBLISHED_VERSION_IMMUTABLE', 'expiresOn', '2024-12-31'],
      ['PUBLISHED_VERSION_IMMUTABLE', 'draft', true],
    ]);
    expect(VERSION_CONTENT_FIELDS).toContain('publishedOn');
  });

  it('accept the same content however it is spelled, a partial update without content, and any change to a draft', () => {
    const reordered = JSON.parse(JSON.stringify({ amends: 1, effectiveOn: '2019-08-01', ...stored }));
    delete reordered.expiresOn; // absent and null are the same
    expect(checkPublishedVersionUnchanged(stored, reordered)).toEqual([]);
    expect(checkPublishedVersionUnchanged(stored, { id: 7, status: 'valid' } as Partial<RegulationVersion>)).toEqual([]);
    expect(checkPublishedVersionUnchanged({ ...stored, draft: true }, { ...stored, effectiveOn: '2020-01-01' })).toEqual([]);
  });
});
