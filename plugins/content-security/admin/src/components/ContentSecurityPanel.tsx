import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const OUTCOMES: Record<string, [string, string, string]> = {
  clean: ['未发现问题', 'success100', 'success700'],
  reported: ['草稿有问题，发布前须处理', 'warning100', 'warning700'],
  blocked: ['已阻止发布', 'danger100', 'danger700'],
  passed_with_overrides: ['已放行（有督查意见）', 'primary100', 'primary700'],
};
const LABELS: Record<string, string> = { id_number: '身份证号', bank_card: '银行卡号', mobile: '手机号', address: '详细住址', lexicon: '敏感词', ad_splice: '拼接广告', hidden_element: '隐藏元素', external_link: '外部链接', script_element: '脚本' };

const where = (l: any) =>
  [l.field && `字段 ${l.field}`, l.attachment && `附件“${l.attachment.name}”`, l.sheet && `工作表“${l.sheet}”`, l.page && `第 ${l.page} 页`, l.row && `第 ${l.row} 行`, l.column && `${l.column} 列`, l.line && `第 ${l.line} 行`].filter(Boolean).join(' ');

/**
 * 内容安全检查: the latest scan of this document (every finding with its place and masked preview),
 * a scan on demand, "mask and publish", and — for supervisors — the override of a single finding
 * with a written reason. The server decides who may do what; refused actions show their message.
 */
export const ContentSecurityPanel = () => {
  const { model, id } = useContentManagerContext();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [latest, setLatest] = useState<any>(null);
  const [gated, setGated] = useState(false);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const load = () =>
    get<any>(`/content-security/results?uid=${encodeURIComponent(model)}&documentId=${id}`)
      .then((res) => {
        setGated(true);
        setLatest(res.data.data?.[0] ?? null);
      })
      .catch(() => setGated(false));
  useEffect(() => {
    if (model && id && id !== 'create') load();
  }, [model, id]);
  if (!gated || !id || id === 'create') return null;

  const run = async (path: string, body: Record<string, unknown>, done: string) => {
    try {
      await post<any>(`/content-security/${path}`, body);
      toggleNotification({ type: 'success', message: done });
      setOverriding(null);
      setReason('');
    } catch (e: any) {
      const error = e?.response?.data?.error;
      toggleNotification({ type: 'danger', message: error?.message ?? '操作失败' });
    }
    await load();
  };
  const outcome = latest ? OUTCOMES[latest.outcome] : null;
  const findings: any[] = latest?.findings ?? [];

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">内容安全检查</Typography>
        {outcome ? (
          <Typography variant="omega">
            最近一次：<Badge backgroundColor={outcome[1]} textColor={outcome[2]}>{outcome[0]}</Badge>
          </Typography>
        ) : (
          <Typography variant="pi">尚未检查</Typography>
        )}
        {findings.map((f) => (
          <Box key={f.fingerprint + where(f.location)} borderColor="neutral200" hasRadius padding={2}>
            <Typography fontWeight="bold">{LABELS[f.type] ?? f.type}</Typography>
            <Typography variant="pi" tag="p">{where(f.location)}</Typography>
            <Typography variant="pi" tag="p">{f.preview}</Typography>
            {f.overridden ? (
              <Typography variant="pi" textColor="neutral500">{f.overridden.by} 已放行：{f.overridden.reason}</Typography>
            ) : overriding === f.fingerprint ? (
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Field.Root name="reason" hint="至少 10 个字，将记入放行记录">
                  <Field.Label>放行理由</Field.Label>
                  <Textarea value={reason} onChange={(e: any) => setReason(e.target.value)} />
                  <Field.Hint />
                </Field.Root>
                <Button size="S" onClick={() => run('overrides', { uid: model, documentId: id, fingerprint: f.fingerprint, reason }, '已放行')}>确认放行</Button>
              </Flex>
            ) : (
              <Button size="S" variant="tertiary" onClick={() => setOverriding(f.fingerprint)}>放行（督查）</Button>
            )}
          </Box>
        ))}
        <Button variant="secondary" onClick={() => run('scan', { uid: model, documentId: id }, '检查完成')}>立即检查</Button>
        <Button variant="secondary" onClick={() => run('mask', { uid: model, documentId: id, publish: false }, '已脱敏，请复核后发布')}>脱敏（不发布）</Button>
        <Button onClick={() => run('mask', { uid: model, documentId: id, publish: true }, '已脱敏并发布')}>脱敏并发布</Button>
      </Flex>
    </Box>
  );
};
