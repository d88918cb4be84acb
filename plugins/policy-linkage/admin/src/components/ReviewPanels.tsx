import { Badge, Box, Button, Field, Flex, Link, Textarea, Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const ITEM = 'api::disclosure-item.disclosure-item';
const INTERPRETATION = 'plugin::policy-linkage.interpretation';
const STAGES: Record<string, [string, string, string]> = {
  draft: ['草稿', 'neutral150', 'neutral700'],
  submitted: ['待审核', 'warning100', 'warning700'],
  approved: ['审核通过', 'primary100', 'primary700'],
  published: ['已发布', 'success100', 'success700'],
};
const FORMS: Record<string, string> = { text: '文字解读', graphic: '图解', video: '视频', qa: '问答', press_conference: '新闻发布会', media_interview: '媒体访谈', expert: '专家解读' };
const EVENTS: Record<string, string> = { submit: '提交审核', approve: '审核通过', reject: '退回修改', publish: '发布', unpublish: '撤回', waive: '登记不解读', withdraw_waiver: '撤销不解读', released_late: '滞后发布' };

const StageBadge = ({ stage }: { stage: string }) => <Badge backgroundColor={STAGES[stage]?.[1]} textColor={STAGES[stage]?.[2]}>{STAGES[stage]?.[0] ?? stage}</Badge>;

const errorMessage = (e: any) => {
  const error = e?.response?.data?.error;
  return error?.details?.errors?.map((x: any) => x.message).join('；') ?? error?.message ?? '操作失败';
};

/** The actions of one review step; a rejection asks for its comment first. */
const useReviewActions = (base: string | null, onDone: (data: any) => void) => {
  const { post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  return async (path: string, body: Record<string, unknown> = {}, method: 'post' | 'put' | 'del' = 'post') => {
    try {
      const url = `${base}/${path}`;
      const res = method === 'del' ? await del<any>(url) : await (method === 'put' ? put : post)<any>(url, body);
      onDone(res.data.data);
      toggleNotification({ type: 'success', message: '操作成功' });
      return true;
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      return false;
    }
  };
};

/**
 * 三同步 on a policy document's edit page: whether it needs an interpretation, its review stage, its
 * interpretations with theirs, and the step the user can take next (submit, approve, reject with a
 * comment, publish together, or record why it needs no interpretation).
 */
export const PolicyReviewPanel = () => {
  const { model, id } = useContentManagerContext();
  const { get } = useFetchClient();
  const [status, setStatus] = useState<any>(null);
  const [comment, setComment] = useState('');
  const [mode, setMode] = useState<'reject' | 'waive' | null>(null);
  const active = model === ITEM && !!id && id !== 'create';
  const act = useReviewActions(`/policy-linkage/policies/${id}`, (data) => {
    setStatus(data);
    setMode(null);
    setComment('');
    // The content manager's own header shows the document's status: reload it once the policy is released.
    if (data.stage === 'published') window.location.reload();
  });

  useEffect(() => {
    if (active) get<any>(`/policy-linkage/policies/${id}`).then((res) => setStatus(res.data.data)).catch(() => setStatus(null));
  }, [model, id]);
  if (!active || !status?.policy?.isPolicy) return null;

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">政策解读（三同步）</Typography>
        <Typography variant="omega">审核状态：<StageBadge stage={status.stage} /></Typography>
        <Typography variant="pi" textColor={status.requiresInterpretation ? 'warning700' : 'neutral600'}>
          {status.waiver
            ? `已登记不解读：${status.waiver.reason}（${status.waiver.by}）`
            : status.requiresInterpretation
              ? `须同步解读${status.interpretations.length ? '' : '：提交审核前至少关联一篇解读'}`
              : '无需同步解读'}
        </Typography>
        {status.comment && <Typography variant="pi" textColor="danger600">退回意见：{status.comment}</Typography>}
        {status.interpretations.map((i: any) => (
          <Flex key={i.documentId} justifyContent="space-between" alignItems="flex-start" gap={2}>
            <Link href={`/admin/content-manager/collection-types/${INTERPRETATION}/${i.documentId}`}>{i.title}（{FORMS[i.form] ?? i.form}）</Link>
            <Box shrink={0}><StageBadge stage={i.published && i.reviewStage !== 'published' ? 'published' : i.reviewStage} /></Box>
          </Flex>
        ))}
        <Link href={`/admin/content-manager/collection-types/${INTERPRETATION}/create`}>新增解读</Link>
        <Flex gap={2} wrap="wrap">
          {status.stage === 'draft' && <Button size="S" onClick={() => act('submit')}>提交审核</Button>}
          {status.stage === 'submitted' && <Button size="S" onClick={() => act('approve')}>审核通过（连同解读）</Button>}
          {status.stage === 'approved' && <Button size="S" onClick={() => act('publish')}>发布（连同解读）</Button>}
          {(status.stage === 'submitted' || status.stage === 'approved') && <Button size="S" variant="danger-light" onClick={() => setMode('reject')}>退回修改</Button>}
          {status.stage !== 'published' && !status.waiver && status.requiresInterpretation && <Button size="S" variant="tertiary" onClick={() => setMode('waive')}>登记不解读</Button>}
          {status.waiver && status.stage !== 'published' && <Button size="S" variant="tertiary" onClick={() => act('waiver', {}, 'del')}>撤销不解读</Button>}
        </Flex>
        {mode && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="comment">
              <Field.Label>{mode === 'reject' ? '退回意见' : '不解读理由'}</Field.Label>
              <Textarea value={comment} onChange={(e: any) => setComment(e.target.value)} />
            </Field.Root>
            <Button size="S" onClick={() => (mode === 'reject' ? act('reject', { comment }) : act('waiver', { reason: comment }, 'put'))}>确定</Button>
          </Flex>
        )}
        {status.events.length > 0 && (
          <Box>
            <Typography variant="pi" textColor="neutral500">审核记录</Typography>
            {status.events.filter((e: any) => !e.interpretationDocumentId || e.action === 'released_late').slice(-6).map((e: any, n: number) => (
              <Typography key={n} variant="pi" tag="p" textColor="neutral600">
                {new Date(e.at).toLocaleString('zh-CN')} {e.actor} {EVENTS[e.action] ?? e.action}{e.comment ? `：${e.comment}` : ''}
              </Typography>
            ))}
          </Box>
        )}
      </Flex>
    </Box>
  );
};

/**
 * On an interpretation's edit page: its review steps once its policy is released (before that it
 * moves with the policy, from the policy's page).
 */
export const InterpretationReviewPanel = () => {
  const { model, id } = useContentManagerContext();
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const act = useReviewActions(`/policy-linkage/interpretations/${id}`, () => { setRejecting(false); setComment(''); window.location.reload(); });
  if (model !== INTERPRETATION || !id || id === 'create') return null;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">解读审核</Typography>
        <Typography variant="pi" textColor="neutral600">政策文件未发布前，解读随政策文件一同提交、审核和发布；政策文件发布后新增的解读在此单独审核。</Typography>
        <Flex gap={2} wrap="wrap">
          <Button size="S" variant="secondary" onClick={() => act('submit')}>提交审核</Button>
          <Button size="S" variant="secondary" onClick={() => act('approve')}>审核通过</Button>
          <Button size="S" variant="secondary" onClick={() => act('publish')}>发布</Button>
          <Button size="S" variant="danger-light" onClick={() => setRejecting(true)}>退回修改</Button>
        </Flex>
        {rejecting && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="comment">
              <Field.Label>退回意见</Field.Label>
              <Textarea value={comment} onChange={(e: any) => setComment(e.target.value)} />
            </Field.Root>
            <Button size="S" onClick={() => act('reject', { comment })}>确定</Button>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
