import { Badge, Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { APPLICATION_EVENT_LABELS } from '../../../server/src/core/application-events';
import { RESULT_CODES } from '../../../server/src/core/result-codes';

/** Extra fields each event type takes, with their labels. */
const EVENT_FIELDS: Record<string, Array<{ name: string; label: string; kind: 'date' | 'text' | 'number' | 'party' | 'result' }>> = {
  supplement_requested: [{ name: 'dueBy', label: '补正期限', kind: 'date' }],
  consultation_started: [{ name: 'party', label: '征求意见对象', kind: 'party' }, { name: 'partyReceivedOn', label: '对方收到日期（可选）', kind: 'date' }],
  extension_granted: [
    { name: 'days', label: '延长工作日数（≤20）', kind: 'number' },
    { name: 'approver', label: '批准人', kind: 'text' },
    { name: 'applicantNotifiedOn', label: '告知申请人日期', kind: 'date' },
  ],
  fee_notice_issued: [{ name: 'amountYuan', label: '收费金额（元）', kind: 'number' }, { name: 'payBy', label: '缴费期限（可选）', kind: 'date' }],
  result_recorded: [{ name: 'resultCode', label: '办理结果', kind: 'result' }],
  reopened: [{ name: 'reason', label: '重新办理原因', kind: 'text' }],
};

const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

export const ApplicationPage = () => {
  const { documentId } = useParams();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [data, setData] = useState<any>(null);
  const [event, setEvent] = useState<Record<string, string>>({ type: '', date: today() });

  const load = () => get<any>(`/deadlines/applications/${documentId}/clock`).then((res) => setData(res.data.data));
  useEffect(() => {
    load();
  }, [documentId]);

  const submit = async () => {
    const body: Record<string, unknown> = { ...event };
    for (const field of EVENT_FIELDS[event.type] ?? []) {
      if (body[field.name] === '' || body[field.name] === undefined) delete body[field.name];
      else if (field.kind === 'number') body[field.name] = Number(body[field.name]);
    }
    try {
      await post(`/deadlines/applications/${documentId}/events`, body);
      toggleNotification({ type: 'success', message: `已记录：${APPLICATION_EVENT_LABELS[event.type as keyof typeof APPLICATION_EVENT_LABELS]}` });
      setEvent({ type: '', date: today() });
      load();
    } catch (e: any) {
      const details = e?.response?.data?.error?.details;
      toggleNotification({ type: 'danger', message: details?.errors?.[0]?.message ?? e?.response?.data?.error?.message ?? '记录失败' });
    }
  };

  if (!data) return <Page.Loading />;
  const { clock } = data;
  return (
    <Page.Main>
      <Page.Title>{data.trackingCode}</Page.Title>
      <Layouts.Header title={`申请 ${data.trackingCode}`} subtitle={`${data.applicantName} · 收到 ${data.receivedOn} · ${data.stateLabel}`} navigationAction={<a href="../">返回列表</a>} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex gap={4} wrap="wrap">
              <Typography variant="beta">答复期限：{clock.dueDate ?? '暂停计算'}</Typography>
              {clock.overdue && <Badge backgroundColor="danger100" textColor="danger700">已逾期 {clock.daysLate} 个工作日</Badge>}
              {clock.dueSoon && !clock.overdue && <Badge backgroundColor="warning100" textColor="warning700">即将到期</Badge>}
              {clock.extensionUsed && <Badge>已延期</Badge>}
              {clock.lateSupplementRequest && <Badge backgroundColor="warning100" textColor="warning700">补正告知超过7个工作日</Badge>}
            </Flex>
            {clock.dueDateExplanation && (
              <Box paddingTop={3}>
                <Typography variant="omega">
                  自 {clock.dueDateExplanation.from} 次日起计算 {clock.dueDateExplanation.workingDays} 个工作日；跳过的非工作日：
                  {clock.dueDateExplanation.skipped.map((d: any) => `${d.date}（${d.name ?? (d.reason === 'weekend' ? '周末' : '节假日')}）`).join('、') || '无'}；
                  计入的调休上班日：{clock.dueDateExplanation.makeUpDays.map((d: any) => d.date).join('、') || '无'}
                </Typography>
              </Box>
            )}
          </Box>

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">办理记录</Typography>
            <Table colCount={4} rowCount={data.timeline.length + 1}>
              <Thead>
                <Tr>{['日期', '环节', '对时限的影响', '记录人'].map((l) => <Th key={l}><Typography variant="sigma">{l}</Typography></Th>)}</Tr>
              </Thead>
              <Tbody>
                {data.timeline.map((entry: any) => {
                  const trace = clock.trace.find((t: any) => t.date === entry.date && t.event === entry.type);
                  return (
                    <Tr key={entry.sequence}>
                      <Td><Typography>{entry.date}</Typography></Td>
                      <Td><Typography>{entry.label}</Typography></Td>
                      <Td><Typography>{trace?.note ?? (entry.details?.dueDateAfter ? `期限 ${entry.details.dueDateBefore} → ${entry.details.dueDateAfter}` : '')}</Typography></Td>
                      <Td><Typography>{entry.recordedBy}</Typography></Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          </Box>

          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">记录办理环节</Typography>
            <Grid.Root gap={4} paddingTop={4}>
              <Grid.Item col={4} direction="column" alignItems="stretch">
                <Field.Root name="type">
                  <Field.Label>环节</Field.Label>
                  <SingleSelect value={event.type} onChange={(value: string | number) => setEvent({ type: String(value), date: event.date })} placeholder="选择环节">
                    {Object.entries(APPLICATION_EVENT_LABELS).filter(([key]) => key !== 'registered').map(([key, label]) => (
                      <SingleSelectOption key={key} value={key}>{label}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} direction="column" alignItems="stretch">
                <Field.Root name="date">
                  <Field.Label>日期（YYYY-MM-DD）</Field.Label>
                  <TextInput value={event.date} onChange={(e: any) => setEvent({ ...event, date: e.target.value })} />
                </Field.Root>
              </Grid.Item>
              {(EVENT_FIELDS[event.type] ?? []).map((field) => (
                <Grid.Item key={field.name} col={4} direction="column" alignItems="stretch">
                  <Field.Root name={field.name}>
                    <Field.Label>{field.label}</Field.Label>
                    {field.kind === 'party' ? (
                      <SingleSelect value={event.party ?? ''} onChange={(value: string | number) => setEvent({ ...event, party: String(value) })}>
                        <SingleSelectOption value="third_party">第三方</SingleSelectOption>
                        <SingleSelectOption value="co_authoring_agency">共同制作机关</SingleSelectOption>
                      </SingleSelect>
                    ) : field.kind === 'result' ? (
                      <SingleSelect value={event.resultCode ?? ''} onChange={(value: string | number) => setEvent({ ...event, resultCode: String(value) })}>
                        {Object.entries(RESULT_CODES).map(([key, code]) => (
                          <SingleSelectOption key={key} value={key}>{code.label}</SingleSelectOption>
                        ))}
                      </SingleSelect>
                    ) : (
                      <TextInput value={event[field.name] ?? ''} onChange={(e: any) => setEvent({ ...event, [field.name]: e.target.value })} />
                    )}
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
            <Box paddingTop={4}>
              <Button disabled={!event.type} onClick={submit}>记录</Button>
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
