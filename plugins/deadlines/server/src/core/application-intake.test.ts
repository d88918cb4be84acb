import { parseApplicationForm } from './application-intake';

const today = '2026-11-27';
const valid = {
  organization: '003301002',
  applicantType: 'natural_person',
  applicantName: '王小明',
  idDocumentType: 'resident_id',
  idNumber: '11010519491231002x',
  contact: { phone: '13800001234', email: 'wang@example.com' },
  requestDescription: '申请公开2025年某某项目的环评批复文件',
  deliveryMethod: 'email',
  format: 'electronic',
};

describe('online application form', () => {
  it('accepts a complete form and normalises the ID number', () => {
    const parsed = parseApplicationForm(valid, today);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.idNumber).toBe('11010519491231002X');
  });

  it('names every bad field with a code', () => {
    const parsed = parseApplicationForm({ ...valid, applicantType: 'alien', idNumber: '110105194912310021', contact: {}, requestDescription: '' }, today);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.path.join('.'), e.code]).sort()).toEqual([
      ['applicantType', 'APPLICATION_ANY_ONLY'],
      ['contact', 'APPLICATION_OBJECT_MISSING'],
      ['idNumber', 'APPLICATION_ID_INVALID'],
      ['requestDescription', 'APPLICATION_STRING_EMPTY'],
    ]);
  });

  it('requires what the delivery method needs', () => {
    const post = parseApplicationForm({ ...valid, deliveryMethod: 'post' }, today);
    expect(post.ok ? [] : post.errors.map((e) => e.code)).toEqual(['APPLICATION_ADDRESS_REQUIRED']);
    const email = parseApplicationForm({ ...valid, contact: { phone: '13800001234' } }, today);
    expect(email.ok ? [] : email.errors.map((e) => e.path.join('.'))).toEqual(['contact.email']);
  });

  it('refuses unknown fields rather than storing them', () => {
    const parsed = parseApplicationForm({ ...valid, state: 'closed' }, today);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.code)).toEqual(['APPLICATION_OBJECT_UNKNOWN']);
  });
});
