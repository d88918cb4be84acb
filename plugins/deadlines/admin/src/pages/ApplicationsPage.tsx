import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { APPLICATION_STATE_LABELS } from '../../../server/src/core/application-events';
import { APPLICANT_TYPES } from '../../../server/src/core/result-codes';

type Row = {
  documentId: string; trackingCode: string; applicantType: keyof typeof APPLICANT_TYPES; applicantName: string; receivedOn: string;
  state: string; stateLabel: string; dueDate: string | null; dueSoon: boolean; overdue: boolean; daysLate: number; remainingWorkingDays: number | null;
  organization?: { name: string };
};

/** 依申请公开办理台账: the most urgent first, with overdue and due-soon flags. */
export const ApplicationsPage = () => {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [state, setState] = useState<string>('');
  const [data, setData] = useState<{ results: Row[]; pagination: { total: number } } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<any>(`/deadlines/applications?pageSize=100${state ? `&state=${state}` : ''}`)
      .then((res) => setData(res.data))
      .catch((e) => setError(e?.message ?? '加载失败'));
  }, [state]);

  return (
    <Page.Main>
      <Page.Title>依申请公开</Page.Title>
      <Layouts.Header
        title="依申请公开办理"
        subtitle={data ? `共 ${data.pagination.total} 件（按紧急程度排序）` : '加载中…'}
        primaryAction={<Button onClick={() => navigate('new')}>登记申请</Button>}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4}>
          <Box width="240px">
            <SingleSelect aria-label="办理状态" placeholder="全部状态" value={state} onChange={(value: string | number) => setState(String(value))} onClear={() => setState('')}>
              {Object.entries(APPLICATION_STATE_LABELS).map(([key, label]) => (
                <SingleSelectOption key={key} value={key}>{label}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Table colCount={7} rowCount={(data?.results.length ?? 0) + 1}>
          <Thead>
            <Tr>
              {['查询码', '申请人', '申请人类型', '收到日期', '状态', '答复期限', '时限'].map((label) => (
                <Th key={label}><Typography variant="sigma">{label}</Typography></Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {(data?.results ?? []).map((row) => (
              <Tr key={row.documentId}>
                <Td><Link to={row.documentId}>{row.trackingCode}</Link></Td>
                <Td><Typography>{row.applicantName}</Typography></Td>
                <Td><Typography>{APPLICANT_TYPES[row.applicantType]?.label ?? row.applicantType}</Typography></Td>
                <Td><Typography>{row.receivedOn}</Typography></Td>
                <Td><Typography>{row.stateLabel}</Typography></Td>
                <Td><Typography>{row.dueDate ?? '（暂停计算）'}</Typography></Td>
                <Td>
                  {row.overdue ? <Badge backgroundColor="danger100" textColor="danger700">已逾期 {row.daysLate} 个工作日</Badge>
                    : row.dueSoon ? <Badge backgroundColor="warning100" textColor="warning700">剩余 {row.remainingWorkingDays} 个工作日</Badge>
                    : row.remainingWorkingDays !== null && row.state === 'open' ? <Typography>剩余 {row.remainingWorkingDays} 个工作日</Typography> : null}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};
