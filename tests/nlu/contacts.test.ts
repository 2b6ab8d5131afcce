// Contacts as written: family name + honorific, full names, English names.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const NOW = '2026-11-23T10:00:00+08:00';
const HONORIFIC_CONTACTS = ['张总', '李经理', '王总监', '刘工', '陈主任', '杨老师', '赵董', '黄处长', '周秘书', '吴老板', '孙博士', '马部长', '胡主管', '郭先生', '何女士', '林总经理'];
const FULL_NAMES = ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄晓明', '周杰', '吴芳', '徐丽', '孙浩', '欧阳娜'];

describe('honorific contacts', () => {
  it.each(HONORIFIC_CONTACTS)('拜访了华为的%s', (contact) => {
    expect(parse(`今天拜访了华为的${contact}，聊得不错`, { now: NOW }).slots).toMatchObject({ customer: '华为', contact });
    expect(parse(`给美团的${contact}打了电话`, { now: NOW }).slots).toMatchObject({ customer: '美团', contact });
  });
});

describe('full names in add_contact', () => {
  it.each(FULL_NAMES)('%s', (contact) => {
    const listed = parse(`添加联系人 京东 ${contact} 采购总监 13800138000`, { now: NOW });
    expect(listed).toMatchObject({ intent: 'add_contact', slots: { customer: '京东', contact, title: '采购总监', phone: '13800138000' } });
    const sentence = parse(`小米的对接人是${contact}，市场部经理，电话 139-1234-5678`, { now: NOW });
    expect(sentence.slots).toMatchObject({ customer: '小米', contact, title: '市场部经理', phone: '13912345678' });
  });
});

describe('phones, e-mails, birthdays', () => {
  it.each([
    ['手机 13800138000', '13800138000'], ['电话 139-1234-5678', '13912345678'], ['+86 138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'], ['座机 010-88886666', '01088886666'], ['0755 12345678', '075512345678'],
  ])('%s', (text, phone) => expect(parse(`添加联系人 华为 王伟 ${text}`, { now: NOW }).slots.phone).toBe(phone));
  it('lower-cases e-mails', () => {
    expect(parse('添加联系人 华为 王伟 Wang.Wei@Huawei.COM', { now: NOW }).slots.email).toBe('wang.wei@huawei.com');
  });
  it.each([
    ['生日3月8号', '03-08'], ['生日是10月1日', '10-01'], ['生日1988年7月15日', '1988-07-15'], ['birthday March 3', '03-03'],
    ['生日 12/24', '12-24'],
  ])('%s', (text, birthday) => expect(parse(`添加联系人 华为 王伟 ${text}`, { now: NOW }).slots.birthday).toBe(birthday));
});
