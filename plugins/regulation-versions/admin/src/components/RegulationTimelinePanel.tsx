import { Badge, Box, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const UID = 'plugin::regulation-versions.regulation';
const CHANGE_LABELS: Record<string, string> = { original: '原始文件', amendment: '修订', renewal: '延续有效期', correction: '更正' };
const STATUS_COLORS: Record<string, [string, string]> = {
  valid: ['success100', 'success700'],
  partially_invalid: ['warning100', 'warning700'],
  not_yet_effective: ['primary100', 'primary700'],
  amended: ['neutral150', 'neutral700'],
  invalid: ['danger100', 'danger700'],
};

type Form = Record<string, string>;
type Action = 'version' | 'repeal' | 'partial' | null;

/**
 * 版本时间线: every version with its own status, who drafted and published it, and the actions an
 * editor starts from here: a new version (the original, an amendment, a renewal, a correction), a
 * publication, a repeal or a partial repeal. Published versions cannot be edited.
 */
export const RegulationTimelinePanel = () => {
  const { model, id } = useContentManagerContext();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [timeline, setTimeline] = useState<any>(null);
  const [action, setAction] = useState<Action>(null);
  const [form, setForm] = useState<Form>({});

  const load = () => get<any>(`/regulation-versions/regulations/${id}/timeline`).then((res) => setTimeline(res.data.data)).catch(() => setTimeline(null));
  useEffect(() => {
    if (model === UID && id && id !== 'create') load();
  }, [model, id]);
  if (model !== UID || !id || id === 'create') return null;

  const submit = async (path: string, body: Record<string, unknown>) => {
    try {
      const res = await post<any>(`/regulation-versions/regulations/${id}/${path}`, body);
      setTimeline(res.data.data);
      setAction(null);
      setForm({});
      toggleNotification({ type: 'success', message: '已保存' });
    } catch (e: any) {
      const error = e?.response?.data?.error;
      toggleNotification({ type: 'danger', message: error?.details?.errors?.map((x: any) => x.message).join('；') ?? error?.message ?? '保存失败' });
    }
  };
  const input = (name: string, label: string, hint?: string) => (
    <Field.Root name={name} hint={hint} key={name}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={form[name] ?? ''} onChange={(e: any) => setForm({ ...form, [name]: e.target.value })} />
      <Field.Hint />
    </Field.Root>
  );
  const hasPublished = timeline?.versions?.some((v: any) => !v.draft);

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">版本时间线</Typography>
        {timeline && (
          <Typography variant="omega">
            当前状态：<Badge backgroundColor={STATUS_COLORS[timeline.status]?.[0]} textColor={STATUS_COLORS[timeline.status]?.[1]}>{timeline.statusLabel}</Badge>
          </Typography>
        )}
        {(timeline?.versions ?? []).map((v: any) => (
          <Box key={v.versionNumber} borderColor="neutral200" hasRadius padding={2}>
            <Flex justifyContent="space-between">
              <Typography fontWeight="bold">第{v.versionNumber}版 · {CHANGE_LABELS[v.change]}</Typography>
              {v.draft ? <Badge>草稿</Badge> : <Badge backgroundColor={STATUS_COLORS[v.status]?.[0]} textColor={STATUS_COLORS[v.status]?.[1]}>{v.statusLabel}</Badge>}
            </Flex>
            <Typography variant="pi" tag="p">{v.actDocumentNumber} · 施行 {v.effectiveOn}{v.expiresOn ? ` · 有效期至 ${v.expiresOn}` : ''}</Typography>
            {v.draft ? (
              <Button size="S" variant="secondary" onClick={() => submit(`versions/${v.versionNumber}/publish`, {})}>发布此版本</Button>
            ) : (
              <Typography variant="pi" textColor="neutral500">{v.releasedBy} 发布</Typography>
            )}
          </Box>
        ))}
        <Flex gap={2} wrap="wrap">
          <Button size="S" onClick={() => { setForm({ change: hasPublished ? 'amendment' : 'original' }); setAction('version'); }}>{hasPublished ? '修订 / 延续 / 更正' : '录入原始文件'}</Button>
          {hasPublished && <Button size="S" variant="danger-light" onClick={() => { setForm({}); setAction('repeal'); }}>废止</Button>}
          {hasPublished && <Button size="S" variant="tertiary" onClick={() => { setForm({}); setAction('partial'); }}>部分失效</Button>}
        </Flex>
        {(timeline?.history ?? []).length > 0 && (
          <Box paddingTop={2}>
            <Typography variant="sigma" textColor="neutral600">变动记录</Typography>
            {timeline.history.map((h: any, i: number) => (
              <Typography key={i} variant="pi" tag="p">
                {String(h.recordedAt ?? '').slice(0, 10)} {h.recordedBy}：{{ version_drafted: '起草', version_published: '发布', repeal: '废止', partial_repeal: '部分失效' }[h.type as string]}
                {h.versionNumber ? ` 第${h.versionNumber}版` : ''}{h.documentNumber ? `（${h.documentNumber}，${h.effectiveOn}起）` : ''}
              </Typography>
            ))}
          </Box>
        )}
      </Flex>

      <Modal.Root open={action !== null} onOpenChange={(open: boolean) => !open && setAction(null)}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{action === 'version' ? '新版本' : action === 'repeal' ? '废止' : '部分失效'}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={3}>
              {action === 'version' && (
                <>
                  <Field.Root name="change">
                    <Field.Label>类型</Field.Label>
                    <SingleSelect value={form.change} onChange={(value: string | number) => setForm({ ...form, change: String(value) })}>
                      {Object.entries(CHANGE_LABELS).filter(([key]) => (hasPublished ? key !== 'original' : key === 'original')).map(([key, label]) => (
                        <SingleSelectOption key={key} value={key}>{label}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                  {input('actDocumentNumber', '发文字号', '例如：杭政发〔2026〕8号；延续须使用新文号')}
                  {input('actDate', '成文日期', 'YYYY-MM-DD')}
                  {input('publishedOn', '发布日期', 'YYYY-MM-DD')}
                  {input('effectiveOn', '施行日期', 'YYYY-MM-DD')}
                  {input('expiresOn', '有效期至（可选）', '不填时规范性文件按有效期规则推算')}
                  <Field.Root name="text">
                    <Field.Label>正文（按“第一条”“第二条”分条）</Field.Label>
                    <Textarea value={form.text ?? ''} onChange={(e: any) => setForm({ ...form, text: e.target.value })} />
                  </Field.Root>
                </>
              )}
              {(action === 'repeal' || action === 'partial') && (
                <>
                  {input('documentNumber', '废止（宣布失效）文件的发文字号')}
                  {input('effectiveOn', '失效日期', 'YYYY-MM-DD')}
                  {action === 'partial' && input('articles', '失效条款（条号，逗号分隔）', '例如：3,5')}
                </>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={() => setAction(null)}>取消</Button>
            <Button
              onClick={() =>
                action === 'version'
                  ? submit('versions', { ...form, expiresOn: form.expiresOn || null })
                  : action === 'repeal'
                    ? submit('repeal', form)
                    : submit('partial-repeal', { ...form, articles: (form.articles ?? '').split(/[,，、\s]+/).filter(Boolean).map(Number) })
              }
            >
              保存
            </Button>
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </Box>
  );
};
