import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince } from './helpers/fixtures';
import { startSmtpCapture } from './helpers/smtp';

let strapi: Core.Strapi;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

const regulation = async (organization: string, title: string, effectiveOn: string) => {
  const { documentId } = (await strapi.documents('plugin::regulation-versions.regulation' as never).create({
    data: { title, kind: 'normative_document', organization },
  } as never)) as unknown as { documentId: string };
  const service = strapi.plugin('regulation-versions').service('regulations');
  await service.addVersion(documentId, { change: 'original', text: '第一条 测试。', actDocumentNumber: `杭政发〔${effectiveOn.slice(0, 4)}〕${title.length}号`, actDate: effectiveOn, publishedOn: effectiveOn, effectiveOn }, null);
  await service.publishVersion(documentId, 1, null);
  return documentId;
};

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(smtp.port);
  strapi = await startStrapi('regulation-review-reminders');
  const province = await buildProvince(strapi);
  await adminAccount(strapi, 'drafter-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  // Five years from 2021-12-01 end on 2026-11-30: the reminder date (six months before) has passed.
  await regulation(province.orgs.A.documentId, '杭州市即将届满的办法', '2021-12-01');
  // Five years from 2025-01-01: nothing to remind yet.
  await regulation(province.orgs.A.documentId, '杭州市新近的办法', '2025-01-01');
});

afterAll(async () => {
  await stopStrapi(strapi);
  await smtp.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

it('reminds the issuing organisation once before a normative document expires', async () => {
  const stored = await strapi.db.query('plugin::regulation-versions.regulation').findOne({ where: { title: '杭州市即将届满的办法' } });
  expect(stored).toMatchObject({ expiresOn: '2026-11-30', reviewReminderOn: '2026-05-30' });

  const service = strapi.plugin('regulation-versions').service('regulations');
  const [first, second] = await Promise.all([service.sendReviewReminders(), service.sendReviewReminders()]);
  expect(first.sent + second.sent).toBe(1);
  expect(smtp.messages).toHaveLength(1);
  expect(smtp.messages[0].to).toEqual(['drafter-a@example.gov.cn']);
  expect(smtp.messages[0].raw).toMatch(/Subject: /);

  const again = await service.sendReviewReminders();
  expect(again.sent).toBe(0);
  expect(smtp.messages).toHaveLength(1);
});
