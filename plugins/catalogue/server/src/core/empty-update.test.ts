import { isEmptyUpdate } from './empty-update';

describe('empty update (the content manager saves the draft before publishing it)', () => {
  it('is empty with no data or only the fields Strapi stamps itself', () => {
    expect(isEmptyUpdate({})).toBe(true);
    expect(isEmptyUpdate({ data: {} })).toBe(true);
    expect(isEmptyUpdate({ data: { updatedBy: 1 } })).toBe(true);
    expect(isEmptyUpdate({ data: { updatedBy: 1, updatedAt: new Date() } })).toBe(true);
  });

  it('is not empty with any content field, even null', () => {
    expect(isEmptyUpdate({ data: { updatedBy: 1, title: '标题' } })).toBe(false);
    expect(isEmptyUpdate({ data: { summary: null } })).toBe(false);
    expect(isEmptyUpdate({ data: { organization: { connect: [], disconnect: [] } } })).toBe(false);
  });

  it('is not empty when it publishes', () => {
    expect(isEmptyUpdate({ data: {}, status: 'published' })).toBe(false);
    expect(isEmptyUpdate(null)).toBe(false);
  });
});
