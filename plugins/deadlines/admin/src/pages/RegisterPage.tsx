import { Box, Button, Field, Grid, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { APPLICANT_TYPES } from '../../../server/src/core/result-codes';
import { RECEIPT_CHANNELS } from '../../../server/src/core/receipt-date';

const ID_TYPES: Record<string, string> = {
  resident_id: '居民身份证', passport: '护照', hk_macao_permit: '港澳居民来往内地通行证', taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_residence: '外国人永久居留身份证', unified_social_credit_code: '统一社会信用代码', other: '其他',
};
const DELIVERY: Record<string, string> = { post: '邮寄', email: '电子邮件', pick_up: '自行领取', online: '网上获取' };
const FORMATS: Record<string, string> = { paper: '纸质', electronic: '电子', optical_disc: '光盘' };

type Errors = Record<string, string>;

/** 登记申请: applications received in person, by post, letter or fax, with the dates Art. 31 needs. */
export const RegisterPage = () => {
  const { post } = useFetchClient();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [form, setForm] = useState<Record<string, string>>({ channel: 'in_person', applicantType: 'natural_person', idDocumentType: 'resident_id', deliveryMethod: 'post', format: 'paper' });
  const [errors, setErrors] = useState<Errors>({});
  const set = (name: string) => (value: string) => setForm({ ...form, [name]: value });

  const submit = async () => {
    const { phone, email, address, ...rest } = form;
    try {
      const res = await post<any>('/deadlines/applications', { ...rest, contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}) } });
      toggleNotification({ type: 'success', message: `已登记，查询码 ${res.data.data.trackingCode}，查询密码 ${res.data.data.secret}（请告知申请人）` });
      navigate(`../${res.data.data.documentId}`);
    } catch (e: any) {
      const list = e?.response?.data?.error?.details?.errors ?? [];
      setErrors(Object.fromEntries(list.map((err: any) => [err.path.join('.').replace(/^contact\./, ''), err.message])));
      toggleNotification({ type: 'danger', message: e?.response?.data?.error?.message ?? '登记失败' });
    }
  };

  const text = (name: string, label: string, hint?: string) => (
    <Grid.Item col={6} direction="column" alignItems="stretch" key={name}>
      <Field.Root name={name} error={errors[name]} hint={hint}>
        <Field.Label>{label}</Field.Label>
        <TextInput value={form[name] ?? ''} onChange={(e: any) => set(name)(e.target.value)} />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );
  const select = (name: string, label: string, options: Record<string, string>) => (
    <Grid.Item col={6} direction="column" alignItems="stretch" key={name}>
      <Field.Root name={name} error={errors[name]}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect value={form[name] ?? ''} onChange={(value: string | number) => set(name)(String(value))}>
          {Object.entries(options).map(([key, optionLabel]) => <SingleSelectOption key={key} value={key}>{optionLabel}</SingleSelectOption>)}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  return (
    <Page.Main>
      <Page.Title>登记申请</Page.Title>
      <Layouts.Header title="登记政府信息公开申请" subtitle="收到申请之日按《政府信息公开条例》第三十一条确定" navigationAction={<a href="./">返回列表</a>} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Grid.Root gap={4}>
            {select('channel', '申请方式', Object.fromEntries(Object.entries(RECEIPT_CHANNELS).map(([key, c]) => [key, c.label])))}
            {text('organization', '受理机关代码')}
            {text('submittedOn', '提交日期', 'YYYY-MM-DD')}
            {text('signedForOn', '签收日期（挂号信）', 'YYYY-MM-DD')}
            {text('confirmedOn', '确认日期（平信、传真、网络）', 'YYYY-MM-DD')}
            {select('applicantType', '申请人类型', Object.fromEntries(Object.entries(APPLICANT_TYPES).map(([key, t]) => [key, t.label])))}
            {text('applicantName', '申请人姓名或名称')}
            {select('idDocumentType', '证件类型', ID_TYPES)}
            {text('idNumber', '证件号码')}
            {text('phone', '联系电话')}
            {text('email', '电子邮箱')}
            {text('address', '通信地址')}
            {select('deliveryMethod', '获取方式', DELIVERY)}
            {select('format', '载体形式', FORMATS)}
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="requestDescription" error={errors.requestDescription}>
                <Field.Label>所需政府信息的名称、文号或者便于查询的其他特征性描述</Field.Label>
                <Textarea value={form.requestDescription ?? ''} onChange={(e: any) => set('requestDescription')(e.target.value)} />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="purpose">
                <Field.Label>用途（可选）</Field.Label>
                <Textarea value={form.purpose ?? ''} onChange={(e: any) => set('purpose')(e.target.value)} />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          <Box paddingTop={4}>
            <Button onClick={submit}>登记</Button>
          </Box>
          <Typography variant="pi" textColor="neutral600">证件号码仅用于受理和统计，不会公开。</Typography>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
